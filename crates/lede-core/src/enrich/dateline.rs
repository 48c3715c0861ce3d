//! Datelines: the place, date and agency that open a news story ("GENEVA, Jan 23 (Reuters) -",
//! "SANTA FE, N.M. (AP) —", "Jun. 15—", "New Delhi:").

use crate::lexicon;
use crate::model::Dateline;

/// Separators that end a dateline, longest first. A dash may be glued to the next word
/// ("LAHORE–The", "MOSCOW -Russia's"); " -" counts only before a capital.
const SEPARATORS: &[&str] = &[" -- ", "--", " — ", "—", " – ", "–", " − ", " - ", ": ", " -"];

/// Words that end in a colon at a paragraph start without being a place.
const NOT_PLACES: &[&str] = &[
    "Photo",
    "Note",
    "Update",
    "Watch",
    "Read",
    "Video",
    "Listen",
    "Editor",
    "Source",
    "Sources",
    "Q",
    "A",
    "Related",
    "Also",
    "Warning",
    "Breaking",
    "Exclusive",
    "Live",
    "Analysis",
    "Opinion",
    "Comment",
    "Review",
    "Explainer",
    "Summary",
    "Quote",
    "Caption",
    "Credit",
    "Update",
    "Updated",
];

/// The dateline opening `paragraph`, and the byte length of it with its separator.
pub(crate) fn detect(paragraph: &str) -> Option<(Dateline, usize)> {
    let head = paragraph.get(..floor_boundary(paragraph, 120))?;
    let (pos, sep) = first_separator(head)?;
    let prefix = head.get(..pos)?.trim();
    if prefix.is_empty() || prefix.len() > 70 || prefix.split_whitespace().count() > 9 {
        return None;
    }
    if !prefix.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let first_word = prefix.split([' ', ',', '.', '(']).next().unwrap_or("");
    let starts_with_month = is_month(first_word)
        && prefix[first_word.len()..]
            .trim_start_matches(['.', ' '])
            .starts_with(|c: char| c.is_ascii_digit());
    let has_agency = prefix.contains('(') && prefix.ends_with(')');
    let caps_place = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first_word.chars().all(|c| !c.is_lowercase());
    let has_date = prefix.split(", ").skip(1).any(starts_with_date);
    let colon_place = sep.trim() == ":"
        && prefix.split_whitespace().count() <= 3
        && prefix.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !NOT_PLACES.iter().any(|w| w.eq_ignore_ascii_case(first_word))
        && !prefix.contains(['.', ',', '"', '“']);
    let dash_place = sep.trim() != ":" && prefix.split_whitespace().count() <= 3 && caps_place;
    let accepted = starts_with_month || has_agency || has_date || dash_place || colon_place;
    if !accepted {
        return None;
    }
    if sep.trim() == ":" && !(colon_place || has_agency) {
        return None;
    }
    // After a colon a dateline's story opens a sentence; "Seascape: the state of …" is a label.
    let opens_sentence = paragraph[pos + sep.len()..].starts_with(|c: char| !c.is_lowercase());
    if sep.trim() == ":" && !opens_sentence {
        return None;
    }
    let (place_part, agency) = match prefix.find('(') {
        Some(p) => {
            let inside = prefix[p + 1..].trim_end_matches(')');
            let agency = inside.split([',', '-', '–', '—']).next().unwrap_or("").trim();
            (&prefix[..p], (!agency.is_empty()).then(|| agency.to_owned()))
        }
        None => (prefix, None),
    };
    let place = if starts_with_month {
        None
    } else {
        let mut parts: Vec<&str> = place_part.split(", ").collect();
        while parts.len() > 1 && parts.last().is_some_and(|p| starts_with_date(p)) {
            parts.pop();
        }
        let place = parts.join(", ");
        let place = place.trim().trim_end_matches(',').trim();
        (!place.is_empty()).then(|| place.to_owned())
    };
    let dateline = Dateline { text: prefix.to_owned(), place, agency };
    Some((dateline, pos + sep.len()))
}

/// A month name written as datelines write it, capitalised ("Jan", "March", "Mai").
fn is_month(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && lexicon::is_month_word(word)
}

/// Whether `s` starts with a month name and a day ("Jan 23", "March 15", "Jun. 15").
fn starts_with_date(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let month = words.next().unwrap_or("").trim_end_matches('.');
    is_month(month) && words.next().is_some_and(|d| d.starts_with(|c: char| c.is_ascii_digit()))
}

/// The first separator outside parentheses.
fn first_separator(head: &str) -> Option<(usize, &'static str)> {
    let mut depth = 0i32;
    for (i, c) in head.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '\n' => return None,
            _ if depth == 0 => {
                if let Some(sep) = SEPARATORS.iter().find(|s| {
                    let glued = **s == " -";
                    (head[i..].starts_with(**s)
                        && (!glued || head[i + 2..].starts_with(|c: char| c.is_uppercase())))
                        || (s.starts_with(' ')
                            && !glued
                            && head[i..].starts_with(&s[1..])
                            && head[i..].len() == s.len() - 1)
                }) {
                    return Some((i, sep));
                }
                if c == '.'
                    && head[i + 1..].starts_with(' ')
                    && !head[..i].ends_with(|c: char| c.is_uppercase())
                {
                    // A sentence ended before any separator: no dateline. A state or
                    // province abbreviated after a comma ("CORNWALL, Ont.") ends none.
                    let word = head[..i].rsplit(' ').next().unwrap_or("");
                    let region = head[..i].ends_with(&format!(", {word}"))
                        && word.len() <= 5
                        && word.starts_with(|c: char| c.is_uppercase());
                    if !is_month(word) && word.len() > 2 && !region {
                        return None;
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The largest char boundary at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(p: &str) -> Option<(String, Option<String>, Option<String>)> {
        detect(p).map(|(d, _)| (d.text, d.place, d.agency))
    }

    fn some(
        text: &str,
        place: Option<&str>,
        agency: Option<&str>,
    ) -> Option<(String, Option<String>, Option<String>)> {
        Some((text.to_owned(), place.map(str::to_owned), agency.map(str::to_owned)))
    }

    #[test]
    fn reads_every_style() {
        assert_eq!(
            dl("GENEVA, Jan 23 (Reuters) - The WHO said."),
            some("GENEVA, Jan 23 (Reuters)", Some("GENEVA"), Some("Reuters"))
        );
        assert_eq!(
            dl("SANTA FE, N.M. (AP) — A judge ruled."),
            some("SANTA FE, N.M. (AP)", Some("SANTA FE, N.M."), Some("AP"))
        );
        assert_eq!(dl("Jun. 15—The city council met."), some("Jun. 15", None, None));
        assert_eq!(dl("New Delhi: The government said."), some("New Delhi", Some("New Delhi"), None));
        assert_eq!(dl("LONDON, March 15 -- Shares fell."), some("LONDON, March 15", Some("LONDON"), None));
        assert_eq!(
            dl("Plzen, (APP - Ali Khan): Pakistan won."),
            some("Plzen, (APP - Ali Khan)", Some("Plzen"), Some("APP"))
        );
        assert_eq!(dl("Feb 23 (Reuters) - Oil rose."), some("Feb 23 (Reuters)", None, Some("Reuters")));
    }

    #[test]
    fn reads_glued_separators_and_abbreviated_regions() {
        assert_eq!(dl("LAHORE–The court ruled."), some("LAHORE", Some("LAHORE"), None));
        assert_eq!(dl("MOSCOW -Russia's army moved."), some("MOSCOW", Some("MOSCOW"), None));
        assert_eq!(
            dl("CORNWALL, Ont. - The captain spoke."),
            some("CORNWALL, Ont.", Some("CORNWALL, Ont."), None)
        );
        assert_eq!(dl("The well-known rule - as they say."), None);
    }

    #[test]
    fn ignores_ordinary_sentences() {
        assert_eq!(dl("President Biden is meeting Putin - reports say."), None);
        assert_eq!(dl("The plan is simple: build more."), None);
        assert_eq!(dl("Photo: Getty Images"), None);
        assert_eq!(dl("BREAKING: Storm hits"), None);
        assert_eq!(dl("Seascape: the state of our oceans is supported by"), None);
        assert_eq!(dl(""), None);
        assert_eq!(dl("—"), None);
    }
}
