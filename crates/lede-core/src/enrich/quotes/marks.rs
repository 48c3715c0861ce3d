//! Quotation marks: which characters open and close a quote (curly and straight double
//! quotes, guillemets, German „…“, single quotes told apart from apostrophes), and the scan
//! that finds a paragraph's quoted spans.

/// A quoted span found in a paragraph, before attribution.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    /// Byte offset of the opening mark.
    pub(super) open: usize,
    /// Byte offset just past the closing mark (the paragraph end for an unclosed quote).
    pub(super) close: usize,
    /// Range of the quoted words, trimmed.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether the quote runs on into the next paragraph.
    pub(super) continues: bool,
}

/// Quote marks: an opener and the closers that end it.
fn closers(open: char) -> Option<&'static [char]> {
    Some(match open {
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '"' => &['"'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '\'' => &['\''],
        '「' => &['」'],
        _ => return None,
    })
}

/// Whether `open` is a double mark (or a corner bracket): only these run on over paragraphs.
fn is_double(open: char) -> bool {
    matches!(open, '“' | '„' | '«' | '"' | '「')
}

/// The quote mark opening a paragraph, if it opens with one.
pub(super) fn first_mark(paragraph: &str) -> Option<char> {
    paragraph.trim_start().chars().next().filter(|&c| closers(c).is_some())
}

/// Whether `c` at this position opens a quote: an opening mark after a space, a bracket, a
/// dash or the start, followed by a non-space.
fn opens(prev: Option<char>, c: char, next: Option<char>) -> bool {
    if closers(c).is_none() {
        return false;
    }
    let after_boundary = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:“‘\"'«„".contains(p));
    let before_word = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '\'' | '‘' | '‚' => after_boundary && next.is_some_and(char::is_alphanumeric),
        '«' => after_boundary,
        _ => after_boundary && before_word,
    }
}

/// Whether the closer at this position really closes (a straight or single mark followed by a
/// letter is an apostrophe or a new opening).
fn closes(prev: Option<char>, c: char, next: Option<char>) -> bool {
    match c {
        '"' | '\'' | '’' => {
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
        }
        _ => true,
    }
}

/// Finds the quoted spans of the paragraph `text[start..end]`.
pub(super) fn scan(
    text: &str,
    start: usize,
    end: usize,
    next_opens_with: Option<char>,
    is_last: bool,
) -> Vec<Span> {
    let Some(para) = text.get(start..end) else { return Vec::new() };
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut spans = Vec::new();
    // Openers whose closer search already failed: a later one of the same kind fails too.
    let mut exhausted: Vec<char> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if exhausted.contains(&c) {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|x| x.1);
        if !opens(prev, c, next) {
            i += 1;
            continue;
        }
        let Some(close_set) = closers(c) else {
            i += 1;
            continue;
        };
        let mut fallback = None;
        let mut found = None;
        for j in i + 1..chars.len() {
            let (_, d) = chars[j];
            if !close_set.contains(&d) {
                continue;
            }
            let p = Some(chars[j - 1].1);
            let n = chars.get(j + 1).map(|x| x.1);
            if !closes(p, d, n) {
                continue;
            }
            // "the players’ union": a plural possessive, unless nothing better follows.
            if d == '’' && p == Some('s') && chars.get(j + 2).is_some_and(|x| x.1.is_lowercase()) {
                fallback.get_or_insert(j);
                continue;
            }
            found = Some(j);
            break;
        }
        let found = found.or(fallback);
        if let Some(j) = found {
            let inner_start = start + pos + c.len_utf8();
            let inner_end = start + chars[j].0;
            let (s, e) = trim_quote(text, inner_start, inner_end);
            spans.push(Span {
                open: start + pos,
                close: start + chars[j].0 + chars[j].1.len_utf8(),
                start: s,
                end: e,
                continues: false,
            });
            i = j + 1;
        } else if is_double(c) && next_opens_with == Some(c) {
            let (s, e) = trim_quote(text, start + pos + c.len_utf8(), end);
            spans.push(Span { open: start + pos, close: end, start: s, end: e, continues: true });
            break;
        } else if is_double(c) && is_last && i + 1 < chars.len() {
            // Cut off by the end of the copy: not a quote we can report.
            break;
        } else {
            exhausted.push(c);
            i += 1;
        }
    }
    spans
}

/// Trims spaces and one trailing comma or period from the quoted words.
fn trim_quote(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(inner) = text.get(start..end) else { return (start, start) };
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    let trimmed = trimmed.strip_suffix([',', '.']).filter(|t| !t.ends_with('.')).unwrap_or(trimmed);
    let s = start + lead;
    (s, s + trimmed.len())
}

#[cfg(test)]
mod tests {
    use crate::enrich::quotes::tests::{q, quotes};

    #[test]
    fn curly_straight_and_single_marks() {
        assert_eq!(
            quotes(&["“We are ready,” said Anna Berg. \"It works.\""]),
            [q("We are ready", Some("Anna Berg")), q("It works", Some("Anna Berg"))]
        );
        assert_eq!(
            quotes(&["‘It’s the players’ union’s call,’ Smith told reporters."]),
            [q("It’s the players’ union’s call", Some("Smith"))]
        );
    }

    #[test]
    fn unbalanced_mark_does_not_swallow_the_article() {
        let got = quotes(&["He stood 6 feet \" tall and then left.", "“Fine,” said Ann."]);
        assert_eq!(got, [q("Fine", Some("Ann"))]);
        assert!(quotes(&["\""]).is_empty());
        assert!(quotes(&["“"]).is_empty());
        assert!(quotes(&["Text.", "“Cut off mid sen"]).is_empty());
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(quotes(&["“He said ‘no’ twice,” Ms. Cho said."]), [q("He said ‘no’ twice", Some("Cho"))]);
    }
}
