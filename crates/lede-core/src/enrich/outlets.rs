//! News outlets: the table in `data/outlets.txt`, every mention of an outlet in a text
//! (short forms such as "the Times" resolved to an earlier full name), and which mentions
//! cite the outlet as a source.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon;

use super::cues::{AUXILIARIES, CueKind, cue_at};
use super::tokens::{Token, strip_possessive, tokenize};
use crate::model::CitedOutlet;

const DATA: &str = include_str!("../../data/outlets.txt");

/// One form of an outlet's name, as tokens without a leading "The".
struct Form {
    outlet: usize,
    words: Vec<String>,
    short: bool,
}

struct Table {
    names: Vec<String>,
    /// Forms keyed by their first word, longest first.
    by_first: HashMap<String, Vec<Form>>,
    /// First bytes of `by_first`'s keys: most words need no hash lookup.
    first_bytes: [bool; 256],
}

static TABLE: LazyLock<Table> = LazyLock::new(|| parse_table(DATA));

fn parse_table(data: &str) -> Table {
    let mut names = Vec::new();
    let mut by_first: HashMap<String, Vec<Form>> = HashMap::new();
    for line in data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (full, short) = line.split_once('~').unwrap_or((line, ""));
        let outlet = names.len();
        let mut add = |form: &str, short: bool| {
            let mut words: Vec<String> = tokenize(form).iter().map(|t| t.text(form).to_owned()).collect();
            if words.first().is_some_and(|w| w == "The" || w == "the") {
                words.remove(0);
            }
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(Form { outlet, words, short });
            }
        };
        let mut forms = full.split('|').map(str::trim).filter(|f| !f.is_empty());
        let Some(name) = forms.next() else { continue };
        names.push(name.to_owned());
        add(name, false);
        forms.for_each(|f| add(f, false));
        short.split('|').map(str::trim).filter(|f| !f.is_empty()).for_each(|f| add(f, true));
    }
    for forms in by_first.values_mut() {
        forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
    }
    let mut first_bytes = [false; 256];
    for word in by_first.keys() {
        first_bytes[usize::from(word.as_bytes()[0])] = true;
    }
    Table { names, by_first, first_bytes }
}

/// A mention of an outlet in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Byte range of the mention, a leading "the" included.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// First token of the mention and one past its last.
    pub(crate) first_token: usize,
    pub(crate) end_token: usize,
    /// The outlet's canonical name (as written, for an outlet not in the table).
    pub(crate) name: String,
}

/// Every outlet mention in `text`, in order.
pub(crate) fn mentions(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let table = &*TABLE;
    let mut found: Vec<Mention> = Vec::new();
    let mut named: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].text(text);
        let has_the = word == "The" || word == "the";
        let at = if has_the { i + 1 } else { i };
        if let Some((form, len)) = match_at(table, text, tokens, at, &named, has_the) {
            let first_token = i;
            let end_token = at + len;
            found.push(Mention {
                start: tokens[first_token].start,
                end: tokens[end_token - 1].start + strip_possessive(tokens[end_token - 1].text(text)).len(),
                first_token,
                end_token,
                name: table.names[form].clone(),
            });
            named.push(form);
            i = end_token;
        } else if let Some(m) = unlisted_at(text, tokens, i) {
            i = m.end_token;
            found.push(m);
        } else {
            i += 1;
        }
    }
    found
}

/// The outlet whose form matches at token `at`, and the form's length in tokens.
fn match_at(
    table: &Table,
    text: &str,
    tokens: &[Token],
    at: usize,
    named: &[usize],
    has_the: bool,
) -> Option<(usize, usize)> {
    let first = strip_possessive(tokens.get(at)?.text(text));
    if !table.first_bytes[usize::from(*first.as_bytes().first()?)] {
        return None;
    }
    let forms = table.by_first.get(first)?;
    forms.iter().find_map(|form| {
        if form.short && !(has_the && named.contains(&form.outlet)) {
            return None;
        }
        let fits = form.words.iter().enumerate().all(|(k, w)| {
            tokens.get(at + k).is_some_and(|t| {
                let word = t.text(text);
                let word = if k + 1 == form.words.len() { strip_possessive(word) } else { word };
                word == w && (k == 0 || gap_is_space(text, tokens[at + k - 1], *t))
            })
        });
        fits.then_some((form.outlet, form.words.len()))
    })
}

/// Whether only spaces (or an ampersand) lie between two tokens, so a name does not run
/// across punctuation.
fn gap_is_space(text: &str, a: Token, b: Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == '&') && !g.contains('\n'))
}

/// A run of two or more capitalised words ending in a masthead word, at token `i`.
fn unlisted_at(text: &str, tokens: &[Token], i: usize) -> Option<Mention> {
    let first = tokens.get(i)?.text(text);
    let has_the = first == "the" || first == "The";
    let start = if has_the { i + 1 } else { i };
    let mut end = start;
    while let Some(t) = tokens.get(end) {
        let w = t.text(text);
        let joined = end == start || gap_is_space(text, tokens[end - 1], *t);
        if !joined || !w.chars().next().is_some_and(char::is_uppercase) || end - start >= 5 {
            break;
        }
        end += 1;
        if lexicon::MASTHEAD_WORDS.contains(&strip_possessive(w)) && end - start >= 2 {
            let last = tokens[end - 1];
            let name_start = tokens[start].start;
            let name_end = last.start + strip_possessive(last.text(text)).len();
            return Some(Mention {
                start: tokens[i].start,
                end: name_end,
                first_token: i,
                end_token: end,
                name: text.get(name_start..name_end)?.to_owned(),
            });
        }
    }
    None
}

/// The outlets that `text` cites as a source, in order of first citation.
pub(crate) fn cited(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<CitedOutlet> {
    let mut out: Vec<CitedOutlet> = Vec::new();
    for m in mentions.iter().filter(|m| is_cited(text, tokens, m)) {
        let form = text.get(m.start..m.end).unwrap_or(&m.name).to_owned();
        match out.iter_mut().find(|o| o.name == m.name) {
            Some(o) if !o.mentions.contains(&form) => o.mentions.push(form),
            Some(_) => {}
            None => out.push(CitedOutlet { name: m.name.clone(), mentions: vec![form] }),
        }
    }
    out
}

/// A mention cites its outlet when a cue stands right before it ("reports X", "according
/// to X", "told X") or right after it ("X reported", "X has reported").
fn is_cited(text: &str, tokens: &[Token], m: &Mention) -> bool {
    let before = m.first_token.checked_sub(1).filter(|&b| same_clause(text, tokens, b, m.first_token));
    if let Some(b) = before {
        let prev = tokens[b].text(text);
        if let Some(cue) = cue_at(text, tokens, b) {
            return cue.kind != CueKind::Post;
        }
        if prev == "to" && b > 0 && tokens[b - 1].text(text).eq_ignore_ascii_case("according") {
            return true;
        }
        if matches!(prev, "with" | "by") && b > 0 {
            let verb = tokens[b - 1].text(text);
            if matches!(verb, "interview" | "reported" | "published" | "obtained" | "seen" | "reviewed") {
                return true;
            }
        }
    }
    let mut j = m.end_token;
    while j < tokens.len() && same_clause(text, tokens, j - 1, j) {
        let word = tokens[j].text(text);
        if AUXILIARIES.contains(&word) {
            j += 1;
            continue;
        }
        return cue_at(text, tokens, j).is_some_and(|c| c.kind != CueKind::Prep)
            || matches!(word, "reporting" | "learned" | "understands" | "confirmed" | "analysis");
    }
    false
}

/// Whether nothing but spaces separates token `a` from token `b` (no comma, period or mark).
fn same_clause(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    match (tokens.get(a), tokens.get(b)) {
        (Some(x), Some(y)) => text
            .get(x.end..y.start)
            .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == '\'' || c == '’')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let m = mentions(text, &tokens);
        cited(text, &tokens, &m).into_iter().map(|o| o.name).collect()
    }

    #[test]
    fn table_parses() {
        assert!(TABLE.names.len() > 150);
        assert!(TABLE.names.iter().any(|n| n == "The New York Times"));
    }

    #[test]
    fn cites_with_cues_before_and_after() {
        assert_eq!(
            cite("It will rain, reports The New York Times. Per the Times, it will."),
            ["The New York Times"]
        );
        assert_eq!(
            cite("According to Reuters, prices rose. The Washington Post has reported that."),
            ["Reuters", "The Washington Post"]
        );
        assert_eq!(cite("\"I am ready,\" he told Goal."), ["Goal"]);
        assert_eq!(cite("Laut Spiegel ist es so. Selon Le Monde, oui."), ["Der Spiegel", "Le Monde"]);
    }

    #[test]
    fn finds_outlets_missing_from_the_table() {
        assert_eq!(cite("The governor resigned, the Albuquerque Journal reported."), ["Albuquerque Journal"]);
        assert!(cite("Breaking News Today is a show.").is_empty());
    }

    #[test]
    fn ignores_subjects_and_unresolved_short_forms() {
        assert!(cite("Reuters fired its editor. The Times is a paper.").is_empty());
        assert!(cite("per the Post").is_empty());
        assert!(cite("GENEVA, Jan 23 (Reuters) - The agency met.").is_empty());
    }

    #[test]
    fn resolves_short_forms_to_the_earlier_full_name() {
        let text = "The Washington Post said so. The story, per the Post, holds.";
        let tokens = tokenize(text);
        let m = mentions(text, &tokens);
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].name, "The Washington Post");
        assert_eq!(&text[m[1].start..m[1].end], "the Post");
    }
}
