//! Word tokens with byte offsets: the one pass over the text that quotes, outlets and cues share.

/// A word in a text: a run of letters and digits, with internal `.`, `'`, `’`, `-`, `/` and
/// `&` kept ("U.S", "L'Équipe", "Kremlin-led", "RFE/RL"), by byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Token {
    /// The token's text.
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits `text` into word tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            let joins = matches!(c, '.' | '\'' | '’' | '-' | '/' | '&')
                && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if !joins {
                tokens.push(Token { start: s, end: i });
                start = None;
            }
        }
    }
    if let Some(s) = start {
        tokens.push(Token { start: s, end: text.len() });
    }
    tokens
}

/// A word without a trailing possessive ("Post's" → "Post", "Reuters'" stays "Reuters").
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// Whether a word starts with an upper-case letter (or a digit, for "60 Minutes").
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn keeps_internal_punctuation_and_drops_trailing() {
        assert_eq!(
            words("the U.S. and Kremlin-led, L'Équipe's."),
            ["the", "U.S", "and", "Kremlin-led", "L'Équipe's"]
        );
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words("“Hi,” said Ann"), ["Hi", "said", "Ann"]);
    }
}
