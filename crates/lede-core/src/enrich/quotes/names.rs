//! Reading the speaker's words beside a cue: a proper name (with titles, initials and
//! connectors such as "van"), an outlet, a description ("the spokesman"), a pronoun, an
//! apposition or a relative clause; the word lists that tell these apart.

use super::Doc;
use crate::enrich::cues::AUXILIARIES;
use crate::enrich::outlets::Mention;
use crate::enrich::tokens::{is_capitalised, strip_possessive};

/// What stands where a cue's speaker should be.
pub(super) enum Found {
    /// A proper name or an outlet.
    Name(String),
    /// A description ("a spokesperson").
    Phrase(String),
    /// A pronoun, to resolve to the nearest name.
    Pronoun,
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "He", "She", "They", "I", "we", "We", "er", "Er", "sie", "il", "Il", "elle", "Elle",
    "ils", "él", "Él", "ella", "Ella", "lui", "lei",
];

const DETERMINERS: &[&str] = &[
    "the", "The", "a", "A", "an", "An", "his", "His", "her", "Her", "their", "Their", "its", "Its", "one",
    "One", "la", "le", "les", "un", "une", "el", "los", "las", "una", "der", "die", "das", "ein", "eine",
];

/// Capitalised words that open sentences rather than names.
const NOT_NAMES: &[&str] = &[
    "It",
    "This",
    "These",
    "Those",
    "There",
    "What",
    "Which",
    "Who",
    "Here",
    "Our",
    "My",
    "Your",
    "But",
    "And",
    "In",
    "On",
    "At",
    "However",
    "Yet",
    "So",
    "Also",
    "Then",
    "When",
    "After",
    "Before",
    "While",
    "If",
    "Meanwhile",
    "Still",
    "Now",
    "This",
    "That",
    "Last",
    "Earlier",
    "As",
    "For",
    "Or",
    "Instead",
    "Later",
    "Asked",
    "Speaking",
    "Previously",
    "Separately",
    "Mr",
    "Mrs",
    "Ms",
    "Der",
    "Die",
    "Das",
    "Le",
    "La",
    "El",
    "Los",
    "Les",
];

/// Lower-case words after a cue that are not a title before a name.
const NOT_TITLES: &[&str] = &[
    "on",
    "in",
    "at",
    "last",
    "this",
    "that",
    "after",
    "before",
    "during",
    "of",
    "to",
    "for",
    "by",
    "with",
    "from",
    "and",
    "or",
    "but",
    "as",
    "when",
    "while",
    "earlier",
    "later",
    "today",
    "yesterday",
    "am",
    "im",
    "vor",
    "nach",
    "le",
    "la",
    "en",
    "el",
];

const CONNECTORS: &[&str] =
    &["of", "de", "van", "von", "der", "al", "bin", "da", "di", "du", "del", "la", "le", "and", "for"];

/// Whether tokens `a` and `b` belong to one name: only spaces between them, or a period and
/// a space after an initial ("J.D. Power", "John F. Kennedy").
fn joined_in_name(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    if adjacent(doc, a, b) {
        return true;
    }
    let (Some(x), Some(y)) = (doc.tokens.get(a), doc.tokens.get(b)) else { return false };
    let word = x.text(doc.text);
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
        || (word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
    initial && doc.text.get(x.end..y.start) == Some(". ")
}

/// Whether nothing but spaces lies between tokens `a` and `b`.
fn adjacent(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    match (doc.tokens.get(a), doc.tokens.get(b)) {
        (Some(x), Some(y)) => {
            doc.text.get(x.end..y.start).is_some_and(|g| g.chars().all(|c| c == ' ' || c == '\u{a0}'))
        }
        _ => false,
    }
}

/// The cited outlet whose last token is `last`.
fn mention_ending_at<'d>(doc: &'d Doc<'_>, last: usize) -> Option<&'d Mention> {
    let k = doc.mentions.partition_point(|m| m.end_token <= last);
    doc.mentions.get(k).filter(|m| m.end_token == last + 1)
}

/// The cited outlet whose first token is `first`.
fn mention_starting_at<'d>(doc: &'d Doc<'_>, first: usize) -> Option<&'d Mention> {
    let k = doc.mentions.partition_point(|m| m.first_token < first);
    doc.mentions.get(k).filter(|m| m.first_token == first)
}

/// The speaker standing right before a verb: "Biden has said", "the spokesman said".
pub(super) fn speaker_before(doc: &Doc<'_>, cue: usize) -> Option<Found> {
    let mut j = cue.checked_sub(1)?;
    if !adjacent(doc, j, cue) {
        return relative_clause_subject(doc, j, cue);
    }
    while AUXILIARIES.contains(&doc.tokens[j].text(doc.text)) {
        let k = j.checked_sub(1)?;
        if !adjacent(doc, k, j) {
            return None;
        }
        j = k;
    }
    let word = doc.tokens[j].text(doc.text);
    if PRONOUNS.contains(&word) {
        return Some(Found::Pronoun);
    }
    if let Some(m) = mention_ending_at(doc, j) {
        return Some(Found::Name(m.name.clone()));
    }
    if is_capitalised(word) && !NOT_NAMES.contains(&word) {
        let mut first = j;
        while let Some(k) = first.checked_sub(1) {
            let w = doc.tokens[k].text(doc.text);
            let ok = (is_capitalised(w) && !NOT_NAMES.contains(&w) && !DETERMINERS.contains(&w))
                || (CONNECTORS.contains(&w) && k > 0 && is_capitalised(doc.tokens[k - 1].text(doc.text)));
            if !ok || !joined_in_name(doc, k, first) {
                break;
            }
            first = k;
        }
        return Some(Found::Name(span_text(doc, first, j)));
    }
    // A description: back to its determiner, a few words at most.
    let mut first = j;
    for _ in 0..5 {
        let w = doc.tokens[first].text(doc.text);
        if DETERMINERS.contains(&w) {
            return (first < j).then(|| Found::Phrase(span_text(doc, first, j)));
        }
        let k = first.checked_sub(1)?;
        if !adjacent(doc, k, first) {
            return None;
        }
        first = k;
    }
    None
}

/// "Ruth Adeyemi, who proposed the scheme, said": the name before ", who … ," when a comma
/// stands right before the verb.
fn relative_clause_subject(doc: &Doc<'_>, last: usize, cue: usize) -> Option<Found> {
    let gap = doc.text.get(doc.tokens[last].end..doc.tokens[cue].start)?;
    if gap.trim() != "," {
        return None;
    }
    // The clause opens after the nearest earlier comma: ", who proposed the scheme," or an
    // apposition ", the city's mayor,".
    let floor = last.saturating_sub(15);
    let opener = (floor..last).rev().find(|&k| {
        doc.text.get(doc.tokens[k].end..doc.tokens[k + 1].start).is_some_and(|g| g.trim() == ",")
    })?;
    let clause_word = doc.tokens[opener + 1].text(doc.text);
    let relative = matches!(clause_word, "who" | "der" | "die" | "qui" | "quien" | "que");
    let apposition =
        DETERMINERS.contains(&clause_word) || clause_word.chars().next().is_some_and(char::is_lowercase);
    if !(relative || apposition) {
        return None;
    }
    let name_end = opener;
    let word = doc.tokens[name_end].text(doc.text);
    if !is_capitalised(word) || NOT_NAMES.contains(&word) {
        return None;
    }
    let mut first = name_end;
    while let Some(k) = first.checked_sub(1) {
        let w = doc.tokens[k].text(doc.text);
        if !is_capitalised(w)
            || NOT_NAMES.contains(&w)
            || DETERMINERS.contains(&w)
            || !adjacent(doc, k, first)
        {
            break;
        }
        first = k;
    }
    Some(Found::Name(span_text(doc, first, name_end)))
}

/// The speaker right after an inverted verb or a preposition: "said Biden", "per the Post".
pub(super) fn speaker_after(doc: &Doc<'_>, at: usize) -> Option<Found> {
    if !adjacent(doc, at.checked_sub(1)?, at) {
        return None;
    }
    if let Some(m) = mention_starting_at(doc, at) {
        return Some(Found::Name(m.name.clone()));
    }
    let orig = at;
    let mut at = at;
    let mut word = doc.tokens.get(at)?.text(doc.text);
    if PRONOUNS.contains(&word) {
        return Some(Found::Pronoun);
    }
    // A title before a name: "said Sen. Laura Pruitt".
    if TITLE_ABBREVIATIONS.contains(&word)
        && doc.tokens.get(at + 1).is_some_and(|t| is_capitalised(t.text(doc.text)))
        && doc.text.get(doc.tokens[at].end..doc.tokens[at + 1].start).is_some_and(|g| g.trim() == ".")
    {
        at += 1;
        word = doc.tokens[at].text(doc.text);
    }
    // A lower-case title before a name: "said councillor Graham Pike".
    for _ in 0..2 {
        let next = doc.tokens.get(at + 1).map(|t| t.text(doc.text));
        if !is_capitalised(word)
            && !DETERMINERS.contains(&word)
            && !NOT_TITLES.contains(&word)
            && next.is_some_and(|n| n.chars().next().is_some_and(char::is_alphabetic))
            && adjacent(doc, at, at + 1)
        {
            at += 1;
            word = doc.tokens[at].text(doc.text);
        }
    }
    if !is_capitalised(word) {
        at = orig;
        word = doc.tokens[at].text(doc.text);
    }
    if is_capitalised(word) && !NOT_NAMES.contains(&word) {
        let mut last = at;
        while let Some(next) = doc.tokens.get(last + 1) {
            let w = next.text(doc.text);
            let ok = is_capitalised(w)
                || (CONNECTORS.contains(&w)
                    && doc.tokens.get(last + 2).is_some_and(|t| is_capitalised(t.text(doc.text))));
            if !ok
                || !joined_in_name(doc, last, last + 1)
                || strip_possessive(doc.tokens[last].text(doc.text)).len()
                    < doc.tokens[last].text(doc.text).len()
            {
                break;
            }
            last += 1;
        }
        // "said MIT Sloan professor Thomas Malone": the person after the organisation.
        for gap in 1..=2 {
            let person = last + gap + 1;
            if person >= doc.tokens.len() {
                break;
            }
            let titles_ok = (last + 1..person).all(|k| {
                let w = doc.tokens[k].text(doc.text);
                w.chars().next().is_some_and(char::is_lowercase)
                    && !NOT_TITLES.contains(&w)
                    && !CONNECTORS.contains(&w)
            });
            let linked = (last..person).all(|k| adjacent(doc, k, k + 1));
            if titles_ok && linked && is_capitalised(doc.tokens[person].text(doc.text)) {
                let mut end = person;
                while doc.tokens.get(end + 1).is_some_and(|t| is_capitalised(t.text(doc.text)))
                    && joined_in_name(doc, end, end + 1)
                {
                    end += 1;
                }
                return Some(Found::Name(span_text(doc, person, end)));
            }
        }
        return Some(Found::Name(span_text(doc, at, last)));
    }
    if DETERMINERS.contains(&word) {
        let mut last = at;
        while last < at + 6 && adjacent(doc, last, last + 1) {
            let w = doc.tokens.get(last + 1)?.text(doc.text);
            if matches!(w, "who" | "that" | "which" | "on" | "in" | "at" | "to") {
                break;
            }
            last += 1;
        }
        // An apposition names the person: "said the health minister, Claire Dubois".
        if let Some(name) = apposition(doc, last) {
            return Some(Found::Name(name));
        }
        return (last > at).then(|| Found::Phrase(span_text(doc, at, last)));
    }
    None
}

/// The name in an apposition after token `last` (", Claire Dubois,").
fn apposition(doc: &Doc<'_>, last: usize) -> Option<String> {
    let gap = doc.text.get(doc.tokens.get(last)?.end..doc.tokens.get(last + 1)?.start)?;
    if gap != ", " {
        return None;
    }
    let first = last + 1;
    let mut end = first;
    while let Some(t) = doc.tokens.get(end + 1) {
        if !is_capitalised(t.text(doc.text)) || !adjacent(doc, end, end + 1) {
            break;
        }
        end += 1;
    }
    let word = doc.tokens[first].text(doc.text);
    (is_capitalised(word) && !NOT_NAMES.contains(&word) && end > first).then(|| span_text(doc, first, end))
}

/// Abbreviated titles that stand before a name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Sen", "Rep", "Gov", "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Lt", "Sgt", "Col", "Capt", "Pres", "Supt",
    "Insp", "Det", "Rev", "Hon", "Mme", "Mlle", "Sr", "Sra",
];

/// The nearest full name (two or more capitalised words, not an outlet) before token `k`.
pub(super) fn nearest_name_before(doc: &Doc<'_>, k: usize) -> Option<String> {
    let floor = k.saturating_sub(100);
    let mut last = k;
    while last > floor {
        last -= 1;
        let word = doc.tokens[last].text(doc.text);
        if !is_capitalised(word) || NOT_NAMES.contains(&word) || mention_ending_at(doc, last).is_some() {
            continue;
        }
        let mut first = last;
        while first > floor {
            let w = doc.tokens[first - 1].text(doc.text);
            if !is_capitalised(w)
                || NOT_NAMES.contains(&w)
                || DETERMINERS.contains(&w)
                || !adjacent(doc, first - 1, first)
            {
                break;
            }
            first -= 1;
        }
        if first < last {
            return Some(span_text(doc, first, last));
        }
        last = first;
    }
    None
}

/// The text from token `a` to token `b` inclusive, a trailing possessive dropped.
fn span_text(doc: &Doc<'_>, a: usize, b: usize) -> String {
    let start = doc.tokens[a].start;
    let last = doc.tokens[b];
    let end = last.start + strip_possessive(last.text(doc.text)).len();
    doc.text.get(start..end).unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests {
    use crate::enrich::quotes::tests::{q, quotes};

    #[test]
    fn initials_and_people_after_organisations() {
        assert_eq!(quotes(&["“It grows,” J.D. Power states."]), [q("It grows", Some("J.D. Power"))]);
        assert_eq!(
            quotes(&["“It grows,” said MIT Sloan professor Thomas Malone."]),
            [q("It grows", Some("Thomas Malone"))]
        );
        assert_eq!(quotes(&["He owns a stylus called “stream” now."]), [q("stream", None)]);
    }

    #[test]
    fn subject_before_an_apposition() {
        assert_eq!(
            quotes(&["John Smith, the city's mayor, said: “We will rebuild.”"]),
            [q("We will rebuild", Some("John Smith"))]
        );
    }

    #[test]
    fn titles_and_appositions() {
        assert_eq!(quotes(&["“It works,” said Sen. Laura Pruitt."]), [q("It works", Some("Laura Pruitt"))]);
        assert_eq!(
            quotes(&["“It works,” said the health minister, Claire Dubois, on Monday."]),
            [q("It works", Some("Claire Dubois"))]
        );
    }
}
