//! What one line of a pasted copy is, read on its own: a reading time, a byline, a wire
//! credit, a timestamp, a photo credit, junk (menus, widgets, end markers, copyright), or text.

use crate::date::DateTime;
use crate::lexicon;
use crate::metadata::{date, names};
use crate::model::Author;

/// The kind of a single line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    /// An empty line.
    Blank,
    /// A stated reading time ("·1 min read", "2 MIN READ"), with any byline sharing its
    /// line ("Brigid Kennedy · 1 min read").
    ReadingTime(u32, Vec<Author>),
    /// A byline, possibly with a role ("Brigid Kennedy, Staff Writer", "By AFP").
    Byline(Vec<Author>),
    /// Wire credits at the foot of a story ("(Reporting by …; Editing by …)").
    Credits(Vec<Author>),
    /// A date or time line ("Updated 3:45 PM EST", "December 13, 2024").
    Timestamp,
    /// A photo credit on its own ("Photo: Jane Doe/Getty Images").
    PhotoCredit,
    /// Navigation, widgets, ads, end markers, copyright.
    Junk,
    /// Anything else: headline, dek, caption or body text.
    Text,
}

/// Reads one line (already trimmed).
pub(crate) fn classify(line: &str) -> Line {
    if line.is_empty() {
        return Line::Blank;
    }
    if let Some(minutes) = reading_time(line) {
        let authors = line
            .split(['·', '|', '•'])
            .map(str::trim)
            .filter(|part| reading_time(part).is_none())
            .find_map(|part| {
                byline(part).or_else(|| looks_like_name(part, 4).then(|| vec![Author::new(part)]))
            })
            .unwrap_or_default();
        return Line::ReadingTime(minutes, authors);
    }
    if let Some(authors) = credits(line) {
        return Line::Credits(authors);
    }
    if is_junk(line) {
        return Line::Junk;
    }
    if is_photo_credit(line) {
        return Line::PhotoCredit;
    }
    if let Some(authors) = byline(line) {
        return Line::Byline(authors);
    }
    if is_timestamp(line) {
        return Line::Timestamp;
    }
    Line::Text
}

/// "·1 min read", "2 MIN READ", "5-minute read", "Lesezeit: 3 Minuten", "Lectura: 4 min".
pub(crate) fn reading_time(line: &str) -> Option<u32> {
    if line.len() > 80 {
        return None;
    }
    let lower = line.to_lowercase();
    let read_at = ["min read", "mins read", "minute read", "minutes read", "min. read", "minute-read"]
        .iter()
        .find_map(|k| lower.find(k).filter(|&i| !lower[i + k.len()..].starts_with(char::is_alphabetic)));
    let marker =
        ["lesezeit", "temps de lecture", "lectura", "reading time", "tiempo de lectura", "read time"]
            .iter()
            .find_map(|k| lower.find(k).map(|i| i + k.len()));
    let digits_from = |s: &str| -> Option<u32> {
        let start = s.find(|c: char| c.is_ascii_digit())?;
        let digits: String = s[start..].chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok().filter(|&n| n > 0 && n < 600)
    };
    if let Some(i) = read_at {
        let before = lower[..i].trim_end().trim_end_matches('-').trim_end();
        let digits = &before[before.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
        return digits.parse().ok().filter(|&n: &u32| n > 0 && n < 600);
    }
    marker.and_then(|i| digits_from(&lower[i..]))
}

/// Wire credits: "(Reporting by A; Additional reporting by B; Editing by C and D)".
fn credits(line: &str) -> Option<Vec<Author>> {
    let inner = line.trim_start_matches(['(', '-', '—', ' ']).trim_end_matches([')', '.', ' ']);
    let lower = inner.to_lowercase();
    let starts = [
        "reporting by",
        "reviewed by",
        "medically reviewed by",
        "fact checked by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "edited by",
        "written by",
        "reported by",
    ];
    if !starts.iter().any(|s| lower.starts_with(s)) || inner.len() > 300 {
        return None;
    }
    let mut authors = Vec::new();
    for part in inner.split(';') {
        let part = part.trim();
        let Some(by) = part.find(" by ") else { continue };
        let role = part[..by].trim();
        // "Written by" names an author without a role; "Reporting by" is a role.
        let role =
            (!matches!(role.to_lowercase().as_str(), "written" | "reported" | "by")).then(|| role.to_owned());
        for name in split_names(&part[by + 4..]).into_iter().filter(|n| !is_credential(n)) {
            // "Reporting by Emma Farge in Geneva": the place is not part of the name.
            let name = match name.split_once(" in ") {
                Some((n, place)) if place.starts_with(char::is_uppercase) => n.trim(),
                _ => name,
            };
            authors.push(Author { name: name.to_owned(), role: role.clone(), url: None });
        }
    }
    (!authors.is_empty()).then_some(authors)
}

/// "A, B and C" → ["A", "B", "C"].
fn split_names(s: &str) -> Vec<&str> {
    s.split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| p.split(" y "))
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Academic and professional letters after a name ("Jane Doe, MD"): neither a name nor a role.
fn is_credential(part: &str) -> bool {
    const CREDENTIALS: &[&str] =
        &["MA", "MD", "PhD", "Ph.D.", "MPH", "RN", "MS", "MSc", "MBA", "JD", "DO", "RD", "DPhil", "FRCP"];
    CREDENTIALS.contains(&part.trim().trim_end_matches(','))
}

/// Agencies that make a byline on their own.
const AGENCIES: &[&str] = &[
    "The Canadian Press",
    "Canadian Press",
    "AFP",
    "AP",
    "Reuters",
    "Reuters Staff",
    "The Associated Press",
    "Associated Press",
    "PTI",
    "IANS",
    "ANI",
    "Bloomberg",
    "dpa",
    "DPA",
    "Xinhua",
    "EFE",
    "ANSA",
    "Kyodo",
    "UPI",
    "APP",
    "AAP",
    "Agencies",
    "Agence France-Presse",
    "Press Trust of India",
    "CNN Wire",
    "Staff",
    "Staff Report",
    "Staff reports",
    "Reuters staff",
    "AFP Staff",
    "Bloomberg News",
];

/// Words in a role after a name ("Staff Writer", "Senior Correspondent").
const ROLE_WORDS: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "correspondent",
    "contributor",
    "staff",
    "columnist",
    "producer",
    "analyst",
    "journalist",
    "chief",
    "senior",
    "associate",
    "bureau",
    "desk",
    "intern",
    "photographer",
    "critic",
    "director",
    "host",
    "anchor",
    "fellow",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "correspondant",
    "journaliste",
    "corresponsal",
    "periodista",
    "redactor",
    "redactora",
];

/// A byline: "By A and B", "Name, Role", "Name Published December 13, 2024 | 01:50 AM",
/// "Published on … by AFP", an agency alone.
pub(crate) fn byline(line: &str) -> Option<Vec<Author>> {
    if line.len() > 160 {
        return None;
    }
    let trimmed = line.trim_end_matches(['.', ' ']);
    if AGENCIES.contains(&trimmed) {
        return Some(vec![Author::new(trimmed)]);
    }
    let lower = line.to_lowercase();
    if lower.starts_with("published") || lower.starts_with("updated") || lower.starts_with("posted") {
        let i = lower.rfind(" by ")?;
        let names = split_names(line.get(i + 4..)?.trim());
        return names
            .iter()
            .all(|n| looks_like_name(n, 6))
            .then(|| names.into_iter().map(Author::new).collect());
    }
    for marker in [" Published", " Updated", " Posted", " |", " •", " ·"] {
        if let Some(i) = line.find(marker) {
            let name = line[..i].trim().trim_start_matches("By ").trim_end_matches([',', '|', '-', ' ']);
            if looks_like_name(name, 4) && is_timestamp(line[i..].trim_start_matches([' ', '|', '•', '·']))
            {
                return Some(vec![Author::new(name)]);
            }
        }
    }
    if opens_with_by(line) {
        return prefixed_byline(line).or_else(|| shared_byline(line));
    }
    if let Some(authors) = contributors(line).or_else(|| trailing_byline(line)) {
        return Some(authors);
    }
    let (name, role) = line.split_once(", ")?;
    (looks_like_name(name, 4) && is_role(role))
        .then(|| vec![Author { name: name.to_owned(), role: Some(role.trim().to_owned()), url: None }])
}

/// Whether a line opens with "By" (or its German, French, Spanish, Italian twin), followed by
/// a space or a colon ("BY:", "By:Name").
fn opens_with_by(line: &str) -> bool {
    let word = line.split([' ', ':', '\u{a0}']).next().unwrap_or("");
    line.len() > word.len() && ["by", "von", "par", "por", "di"].iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// "By A and B", "By A, Staff Writer": names and a role after the prefix.
fn prefixed_byline(line: &str) -> Option<Vec<Author>> {
    let rest = line.split_once([' ', ':']).map(|(_, r)| r.trim_start_matches([' ', ':']))?;
    let rest = rest.split(['|', '·', '•']).next().unwrap_or(rest).trim();
    let (names, role) = match rest.split_once(", ") {
        Some((n, r)) if is_role(r) => (n, Some(r)),
        _ => (rest, None),
    };
    // "By A, NBC News": the outlet after the names is an affiliation, not an author.
    let mut names = split_names(names);
    if names.len() > 1 && names.last().is_some_and(|n| is_affiliation(n)) {
        names.pop();
    }
    let people: Vec<(&str, Option<&str>)> = names.into_iter().map(role_in_brackets).collect();
    (!people.is_empty() && people.iter().all(|(n, _)| looks_like_name(n, 5))).then(|| {
        people
            .into_iter()
            .map(|(n, own)| Author { name: n.to_owned(), role: own.or(role).map(str::to_owned), url: None })
            .collect()
    })
}

/// An outlet named after a byline's names ("NBC News", "Associated Press"): two or more
/// capitalised words ending in a masthead word.
fn is_affiliation(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.last().is_some_and(|w| lexicon::MASTHEAD_WORDS.contains(w) || *w == "Press")
}

/// "Jane Doe (reporting)" → ("Jane Doe", Some("reporting")).
fn role_in_brackets(name: &str) -> (&str, Option<&str>) {
    match name.strip_suffix(')').and_then(|n| n.split_once(" (")) {
        Some((n, role)) if role.split_whitespace().count() <= 2 && role.starts_with(char::is_lowercase) => {
            (n.trim(), Some(role))
        }
        _ => (name, None),
    }
}

/// "Jane Doe contributed to this report.", "A and B contributed research.": contributors,
/// listed without a role.
fn contributors(line: &str) -> Option<Vec<Author>> {
    let at = line.find(" contributed")?;
    let tail = line[at + " contributed".len()..].trim_end_matches('.');
    if tail.split_whitespace().count() > 4 {
        return None;
    }
    let names = split_names(&line[..at]);
    (!names.is_empty() && names.iter().all(|n| looks_like_name(n, 4)))
        .then(|| names.into_iter().map(Author::new).collect())
}

/// A byline after something else on its line: a timestamp ("2/26/2015 7:11 AM PST BY JANE
/// DOE") or a dek's last sentence ("… in Canada. By Jane Doe on Dec. 19, 2025").
fn trailing_byline(line: &str) -> Option<Vec<Author>> {
    let at = [" By ", " BY ", " by "].iter().filter_map(|p| line.rfind(p)).max()?;
    let (head, tail) = (line[..at].trim(), line[at..].trim());
    let after_timestamp = is_timestamp(head);
    let after_sentence =
        head.ends_with(['.', '?', '!']) && tail.split_whitespace().count() <= 10 && date_of(tail).is_some();
    if !(after_timestamp || after_sentence) {
        return None;
    }
    prefixed_byline(tail).or_else(|| shared_byline(tail))
}

/// A prefixed byline the plain reading missed ("By Jane Doe March 18 at 3:57 PM Follow
/// @jane", "by: Jane Doe", "By Jane Doe, MA"), read by the HTML path's byline reader so both
/// paths agree on dates, follow links and credentials after the name.
fn shared_byline(line: &str) -> Option<Vec<Author>> {
    let authors: Vec<Author> = names::parse_visible_byline(line)
        .into_iter()
        .filter(|a| !is_credential(&a.name))
        .map(|mut a| {
            a.role = a.role.filter(|r| !is_credential(r));
            a
        })
        .collect();
    (!authors.is_empty() && authors.iter().all(|a| looks_like_name(&a.name, 5))).then_some(authors)
}

/// The date a short header line states ("March 13, 2015 9:00PM", "Published on June 14,
/// 2019 at 08:57PM", "site.com, Monday 29 October 2012 13.10 EDT"); `None` for prose.
pub(crate) fn date_of(line: &str) -> Option<DateTime> {
    let words = line.split_whitespace().count();
    if words > 14 || (words > 6 && paragraphs_end(line)) {
        return None;
    }
    // Only the news era bounds it: telling a date line from prose needs no clock, and the
    // core reads none (see `Input::with_today`).
    date::parse(line).filter(|d| date::plausible(d, None))
}

/// Whether a line ends like a sentence (a period after a word, not an initial or a time).
fn paragraphs_end(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?']) && !line.trim_end().ends_with(".m.")
}

fn is_role(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_end_matches(['.', ','])))
        && !s.ends_with('.')
}

/// Two to `max` capitalised words (particles allowed), or a known agency.
pub(crate) fn looks_like_name(s: &str, max: usize) -> bool {
    if AGENCIES.contains(&s) {
        return true;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=max).contains(&words.len())
        && !s.ends_with('.')
        && !s.contains(['!', '?', ':', '"', '“', '(', ')'])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "de" | "van" | "von" | "der" | "da" | "di" | "al" | "bin" | "la" | "le" | "del"
                )
        })
}

/// A short line that states a date or time and little else.
pub(crate) fn is_timestamp(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || line.ends_with('.') && words.len() > 6 {
        return false;
    }
    let lower = line.to_lowercase();
    let has_month = lower.split(|c: char| !c.is_alphabetic()).any(lexicon::is_month_word);
    let has_digit = line.chars().any(|c| c.is_ascii_digit());
    let has_time = lower.contains(" am")
        || lower.contains(" pm")
        || lower.contains("a.m")
        || lower.contains("p.m")
        || lower.contains(" gmt")
        || lower.contains(" utc")
        || lower.contains(" et")
        || lower.contains(" est")
        || line.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    let starts = [
        "updated",
        "published",
        "posted",
        "last updated",
        "first published",
        "aktualisiert",
        "mis à jour",
        "publié",
        "actualizado",
    ]
    .iter()
    .any(|s| lower.starts_with(s));
    let ago = lower.ends_with(" ago") || is_compact_age(&lower);
    const TIME_WORDS: &[&str] = &[
        "updated",
        "published",
        "posted",
        "on",
        "at",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "gmt",
        "utc",
        "et",
        "est",
        "edt",
        "pst",
        "pdt",
        "ist",
        "cet",
        "cest",
        "bst",
        "last",
        "first",
        "ago",
        "hours",
        "hour",
        "minutes",
        "mins",
        "days",
        "day",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "hrs",
        "th",
        "st",
        "nd",
        "rd",
        "of",
        "uhr",
        "le",
        "el",
        "de",
    ];
    let other_words = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !lexicon::is_month_word(w) && !TIME_WORDS.contains(w))
        .count();
    (has_digit && (has_month || has_time) && other_words <= 2)
        || (starts && (has_digit || ago))
        || ago && words.len() <= 5
        || is_numeric_date(line)
}

/// "8h", "45m", "2d": a relative age as feeds print it.
fn is_compact_age(lower: &str) -> bool {
    let t = lower.trim();
    let digits = t.trim_end_matches(['h', 'm', 'd']);
    t.len() - digits.len() == 1
        && (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_numeric_date(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 25
        && t.chars().all(|c| c.is_ascii_digit() || "/-.:, ".contains(c))
        && t.chars().filter(char::is_ascii_digit).count() >= 6
}

/// "Photo: Jane Doe/Getty Images", "(AP Photo/John Locher)", "Getty Images", "REUTERS/Name".
fn is_photo_credit(line: &str) -> bool {
    if line.len() > 120 || line.ends_with('.') && !line.ends_with("Images.") {
        return false;
    }
    let lower = line.to_lowercase();
    [
        "photo:",
        "photo by",
        "photograph:",
        "image:",
        "credit:",
        "foto:",
        "bild:",
        "(ap photo",
        "(photo",
        "photo credit",
        "image credit",
        "picture:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || (line.split_whitespace().count() <= 8
            && [
                "getty images",
                "/reuters",
                "reuters/",
                "/afp",
                "afp/",
                "/ap",
                "shutterstock",
                "istock",
                "via getty",
                "/epa",
                "epa-efe",
                "dpa/",
            ]
            .iter()
            .any(|p| lower.contains(p)))
}

/// Lines that are never article text.
pub(crate) fn is_junk(line: &str) -> bool {
    let lower = line.to_lowercase();
    let t = lower.trim_matches(|c: char| c.is_whitespace() || ":.>»()[]".contains(c));
    const EXACT: &[&str] = &[
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "story continues below",
        "story continues below advertisement",
        "continue reading",
        "read more",
        "related",
        "related articles",
        "related stories",
        "related content",
        "related news",
        "see also",
        "also read",
        "must read",
        "recommended",
        "recommended stories",
        "trending",
        "trending now",
        "most popular",
        "most read",
        "share",
        "share this",
        "share this article",
        "share article",
        "sign up",
        "subscribe",
        "subscribe now",
        "click here",
        "follow us",
        "skip to content",
        "skip to main content",
        "open menu",
        "close menu",
        "menu",
        "search",
        "home",
        "newsletter",
        "watch",
        "watch now",
        "listen",
        "listen to this article",
        "ends",
        "comments",
        "print",
        "email",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "copy link",
        "link copied",
        "copy link copied",
        "share on facebook",
        "share on twitter",
        "share on x",
        "share via email",
        "more from",
        "more stories",
        "you may also like",
        "you might also like",
        "don't miss",
        "top stories",
        "latest news",
        "latest",
        "breaking news",
        "loading",
        "video",
        "photos",
        "gallery",
        "back to top",
        "log in",
        "sign in",
        "register",
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "lesen sie auch",
        "mehr zum thema",
        "lire aussi",
        "à lire aussi",
        "leer más",
        "te puede interesar",
        "toggle navigation",
        "next article",
        "previous article",
        "view comments",
        "add comment",
        "show comments",
        "hide caption",
        "toggle caption",
        "enlarge this image",
        "expand",
        "close",
        "x",
        "play",
        "pause",
        "mute",
        "getty images",
    ];
    if EXACT.contains(&t) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "read more:",
        "skip to ",
        "our standards:",
        "read more at",
        "also read:",
        "read also:",
        "related:",
        "see also:",
        "copyright",
        "all rights reserved",
        "sign up for",
        "subscribe to",
        "click here",
        "follow us on",
        "follow @",
        "download the",
        "get the app",
        "this story has been",
        "this story has not been",
        "share on",
        "filed under",
        "tags:",
        "topics:",
        "more on this story",
        "this article has been",
        "this article was originally",
        "this material may not",
        "the views expressed",
        "for more news",
        "join our",
        "get our",
        "don't miss:",
        "watch:",
        "watch the",
        "listen:",
        "trending:",
        "recommended:",
        "more:",
        "report an error",
        "have a news tip",
        "we use cookies",
        "by clicking",
        "privacy policy",
        "terms of use",
        "terms and conditions",
        "lesen sie auch:",
        "mehr zum thema:",
        "lire aussi :",
        "lire aussi:",
        "a lire aussi",
        "lee también",
        "te puede interesar:",
        "you can read",
        "support our journalism",
        "want more",
        "advertisement -",
    ];
    if PREFIXES.iter().any(|p| t.starts_with(p)) || line.contains('©') {
        return true;
    }
    // End markers: "--- ENDS ---", "-ENDS-", "###".
    let core: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if core == "ends"
        || (core == "end" && line.contains(['-', '#']))
        || (core.is_empty() && line.chars().count() >= 3)
    {
        return true;
    }
    is_menu(line)
}

/// Navigation: run-together menu items ("HomeNewsSportBusiness") or items split by pipes or
/// bullets with no sentence in them.
fn is_menu(line: &str) -> bool {
    let camel_joins = line
        .split_whitespace()
        .map(|w| {
            let chars: Vec<char> = w.chars().collect();
            chars.windows(2).filter(|p| p[0].is_lowercase() && p[1].is_uppercase()).count()
        })
        .sum::<usize>();
    if camel_joins >= 3 && !line.contains(". ") {
        return true;
    }
    let parts: Vec<&str> = line.split(['|', '•', '·']).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 3 && parts.iter().all(|p| p.split_whitespace().count() <= 3) && !line.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str) -> Vec<(String, Option<String>)> {
        match classify(line) {
            Line::Byline(a) | Line::Credits(a) => a.into_iter().map(|a| (a.name, a.role)).collect(),
            other => panic!("{line:?} read as {other:?}"),
        }
    }

    fn a(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_owned(), role.map(str::to_owned))
    }

    #[test]
    fn reading_times() {
        assert_eq!(classify("·1 min read"), Line::ReadingTime(1, vec![]));
        assert_eq!(classify("2 MIN READ"), Line::ReadingTime(2, vec![]));
        assert_eq!(classify("1 Min Read"), Line::ReadingTime(1, vec![]));
        assert_eq!(classify("Lesezeit: 3 Minuten"), Line::ReadingTime(3, vec![]));
        assert_eq!(
            classify("Brigid Kennedy · 1 min read"),
            Line::ReadingTime(1, vec![Author::new("Brigid Kennedy")])
        );
        assert_eq!(reading_time("He spent a 5 min reading of it all and more and more"), None);
    }

    #[test]
    fn bylines_with_roles_agencies_and_timestamps() {
        assert_eq!(authors("Brigid Kennedy, Staff Writer"), [a("Brigid Kennedy", Some("Staff Writer"))]);
        assert_eq!(authors("Reuters Staff"), [a("Reuters Staff", None)]);
        assert_eq!(
            authors("(Reporting by Emma Farge in Geneva; Writing by Ali Khan)"),
            [a("Emma Farge", Some("Reporting")), a("Ali Khan", Some("Writing"))]
        );
        assert_eq!(authors("By Jane Doe and John Roe"), [a("Jane Doe", None), a("John Roe", None)]);
        assert_eq!(
            authors("Umer Jamshaid Published December 13, 2024 | 01:50 AM"),
            [a("Umer Jamshaid", None)]
        );
        assert_eq!(authors("Published on December 3, 2024 by AFP"), [a("AFP", None)]);
        assert_eq!(
            authors("(Reporting by Emma Farge; Editing by Alex Richardson and Tom Hogue)"),
            [
                a("Emma Farge", Some("Reporting")),
                a("Alex Richardson", Some("Editing")),
                a("Tom Hogue", Some("Editing"))
            ]
        );
    }

    #[test]
    fn bylines_the_plain_reading_missed() {
        assert_eq!(authors("by: Jane Doe"), [a("Jane Doe", None)]);
        assert_eq!(authors("BY:Jane Doe"), [a("Jane Doe", None)]);
        assert_eq!(authors("By Jane Doe March 18 at 3:57 PM Follow @janedoe"), [a("Jane Doe", None)]);
        assert_eq!(authors("by Jane Doe January 18, 2017 11:00 PM PST"), [a("Jane Doe", None)]);
        assert_eq!(authors("By Jane Doe, MA"), [a("Jane Doe", None)]);
        assert_eq!(authors("Reviewed by John Q. Roe, MD"), [a("John Q. Roe", Some("Reviewed"))]);
        assert_eq!(authors("Jane Doe • 8h"), [a("Jane Doe", None)]);
        assert_eq!(authors("The Canadian Press"), [a("The Canadian Press", None)]);
        assert_eq!(classify("From: Daily Planet"), Line::Text);
        assert_eq!(authors("By Jane Doe, Daily Planet News"), [a("Jane Doe", None)]);
        assert_eq!(
            authors("by Jane Doe (reporting) and John Roe (photography)"),
            [a("Jane Doe", Some("reporting")), a("John Roe", Some("photography"))]
        );
        assert_eq!(
            authors("Jane Doe and John Roe contributed to this report."),
            [a("Jane Doe", None), a("John Roe", None)]
        );
        assert_eq!(authors("2/26/2015 7:11 AM PST BY PLANET STAFF"), [a("PLANET STAFF", None)]);
        assert_eq!(
            authors("The chain plans growth in Canada. By Jane Doe on Dec. 19, 2025"),
            [a("Jane Doe", None)]
        );
        assert_eq!(classify("The mayor said it was contributed by the state to the fund."), Line::Text);
    }

    #[test]
    fn dates_in_words() {
        let d = |s: &str| date_of(s).map(|d| d.date().to_string());
        assert_eq!(d("March 13, 2015 9:00PM").as_deref(), Some("2015-03-13"));
        assert_eq!(d("Published on June 14, 2019 at 08:57PM").as_deref(), Some("2019-06-14"));
        assert_eq!(d("site.com, Monday 29 October 2012 13.10 EDT").as_deref(), Some("2012-10-29"));
        assert_eq!(d("The vote on March 13, 2015 was the last one the council held that year."), None);
    }

    #[test]
    fn junk_and_text() {
        for junk in [
            "--- ENDS ---",
            "-ENDS-",
            "Advertisement",
            "© 2024 Daily Bugle",
            "Copyright 2024 AP",
            "HomeNewsSportBusinessCulture",
            "Home | World | Business | Tech",
            "Skip to main content Skip to main site menu",
            "READ MORE: Storm hits coast",
        ] {
            assert_eq!(classify(junk), Line::Junk, "{junk}");
        }
        assert_eq!(classify("The council met on Tuesday to vote on the budget."), Line::Text);
        assert_eq!(classify("Putin and Biden."), Line::Text);
        assert_eq!(classify("Updated 3:45 PM EST"), Line::Timestamp);
        assert_eq!(classify("December 13, 2024"), Line::Timestamp);
        assert_eq!(classify("Photo: Jane Doe/Getty Images"), Line::PhotoCredit);
    }
}
