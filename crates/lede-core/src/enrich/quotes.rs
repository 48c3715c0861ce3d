//! Quotes: every quoted passage of the body with its speaker and cue.
//!
//! Marks are read typographically: curly and straight double quotes, guillemets, German
//! „…“, British single quotes (told apart from apostrophes by what stands around them). An
//! opening mark with no closing one before the paragraph ends is a multi-paragraph quote when
//! the next paragraph opens with the same mark; otherwise it is a stray mark and is skipped,
//! so it never swallows the rest of the article. Speakers come from the nearest cue in the
//! same sentence (after the quote first, then before it), then from the last attribution in
//! the paragraph.

use super::cues::{AUXILIARIES, Cue, CueKind, cue_at};
use super::outlets::Mention;
use super::tokens::{Token, is_capitalised, strip_possessive};
use crate::model::Quote;

/// A quoted span found in a paragraph, before attribution.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// Byte offset of the opening mark.
    open: usize,
    /// Byte offset just past the closing mark (the paragraph end for an unclosed quote).
    close: usize,
    /// Range of the quoted words, trimmed.
    start: usize,
    end: usize,
    /// Whether the quote runs on into the next paragraph.
    continues: bool,
}

/// Who a cue names, and how.
#[derive(Debug, Clone)]
struct Attribution {
    speaker: String,
    cue: String,
    /// Whether the speaker is a person or body named outright (a pronoun's antecedent).
    named: bool,
}

/// The text and its precomputed views that attribution needs.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
    pub(crate) mentions: &'a [Mention],
    /// Whether a title-case quote reads as a title (not in languages that capitalise nouns).
    pub(crate) title_case_titles: bool,
}

/// Finds the quotes of a text made of `blocks` (block index, byte range in `text`).
pub(crate) fn find(doc: &Doc<'_>, blocks: &[(usize, usize, usize)]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut last_named: Option<Attribution> = None;
    let mut carried: Option<Option<Attribution>> = None;
    for (n, &(block, start, end)) in blocks.iter().enumerate() {
        let next_opens_with = blocks.get(n + 1).and_then(|&(_, s, e)| first_mark(doc.text.get(s..e)?));
        let is_last = n + 1 == blocks.len();
        let spans = scan(doc.text, start, end, next_opens_with, is_last);
        let mut para_attr: Option<Attribution> = None;
        if let Some(prev) = carried.take() {
            para_attr = prev;
        }
        let sentences = sentence_starts(doc.text, start, end, &spans);
        let mut pending: Vec<usize> = Vec::new();
        for (k, span) in spans.iter().enumerate() {
            let (s_start, s_end) = sentence_around(&sentences, span.open, end);
            let attribution = attribute(doc, span, &spans, (start, s_start, s_end), &mut last_named)
                .or_else(|| para_attr.clone());
            if let Some(a) = &attribution {
                para_attr = Some(a.clone());
                // Earlier pieces of this paragraph without a speaker share the one found now
                // only when they belong to the same sentence.
                for &p in &pending {
                    if let Some(q) = quotes.get_mut(p)
                        && q.start >= s_start
                        && q.speaker.is_none()
                    {
                        q.speaker = Some(a.speaker.clone());
                        q.cue = Some(a.cue.clone());
                    }
                }
                pending.clear();
            }
            if span.end > span.start && !is_title_or_mention(doc, span) {
                if attribution.is_none() {
                    pending.push(quotes.len());
                }
                quotes.push(Quote {
                    text: doc.text.get(span.start..span.end).unwrap_or("").to_owned(),
                    speaker: attribution.as_ref().map(|a| a.speaker.clone()),
                    cue: attribution.as_ref().map(|a| a.cue.clone()),
                    block,
                    start: span.start,
                    end: span.end,
                });
            }
            if span.continues && k + 1 == spans.len() {
                carried = Some(attribution);
            }
        }
        if carried.is_none() && doc.text.get(start..end).is_some_and(|p| p.trim_end().ends_with(':')) {
            carried = Some(para_attr);
        }
    }
    // A multi-paragraph quote is usually attributed in its first or last paragraph: give
    // unattributed pieces of a chain the speaker of the piece after them.
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        if quotes[i].speaker.is_none() && quotes[i + 1].block == quotes[i].block + 1 {
            let k = blocks.partition_point(|&(b, _, _)| b < quotes[i].block);
            let continues =
                blocks.get(k).is_some_and(|&(b, _, e)| b == quotes[i].block && quotes[i].end + 2 >= e);
            if continues {
                quotes[i].speaker = quotes[i + 1].speaker.clone();
                quotes[i].cue = quotes[i + 1].cue.clone();
            }
        }
    }
    quotes
}

/// A quoted title or word mention rather than a quotation: `the word "freedom"`, `the show
/// "Meet the Press"` (title case, no closing punctuation, inside a sentence).
fn is_title_or_mention(doc: &Doc<'_>, span: &Span) -> bool {
    let before = doc.text.get(..span.open).unwrap_or("").trim_end();
    let prev_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    if matches!(
        prev_word.as_str(),
        "word"
            | "words"
            | "term"
            | "phrase"
            | "titled"
            | "entitled"
            | "headlined"
            | "hashtag"
            | "wort"
            | "mot"
            | "palabra"
    ) {
        return true;
    }
    let Some(inner) = doc.text.get(span.start..span.end) else { return false };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let mid_sentence = before.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',');
    doc.title_case_titles
        && mid_sentence
        && (2..=8).contains(&words.len())
        && !inner.ends_with(['.', '!', '?', ','])
        && words
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().any(|w| w.chars().count() >= 4)
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

fn is_double(open: char) -> bool {
    matches!(open, '“' | '„' | '«' | '"' | '「')
}

/// The quote mark opening a paragraph, if it opens with one.
fn first_mark(paragraph: &str) -> Option<char> {
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
fn scan(text: &str, start: usize, end: usize, next_opens_with: Option<char>, is_last: bool) -> Vec<Span> {
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

/// Byte offsets where sentences start in the paragraph, quoted spans excepted.
fn sentence_starts(text: &str, start: usize, end: usize, spans: &[Span]) -> Vec<usize> {
    let mut starts = vec![start];
    let Some(para) = text.get(start..end) else { return starts };
    let bytes = para.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b'!' | b'?') {
            continue;
        }
        let at = start + i;
        let k = spans.partition_point(|s| s.open <= at);
        if k > 0 && at < spans[k - 1].close {
            continue;
        }
        let rest = &para[i + 1..];
        let after_marks = rest.trim_start_matches(['"', '”', '’', '\'', ')']);
        let after_space = after_marks.trim_start();
        if after_space.len() == after_marks.len() || after_space.is_empty() {
            continue;
        }
        let next_upper = after_space.chars().next().is_some_and(|c| c.is_uppercase() || "“\"‘«„".contains(c));
        if next_upper && b == b'.' && is_abbreviation(&para[..i]) {
            continue;
        }
        if next_upper {
            starts.push(end - after_space.len());
        }
    }
    starts
}

/// Whether the word before a period is an abbreviation, not a sentence end.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    last.chars().count() == 1
        || matches!(
            last,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Col"
                | "Lt"
                | "Sgt"
                | "Capt"
                | "Prof"
                | "Jr"
                | "Sr"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "No"
                | "vs"
                | "Inc"
                | "Corp"
                | "Co"
                | "Ltd"
                | "Mt"
                | "Ft"
                | "Ave"
                | "Gov't"
                | "Rev"
                | "Hon"
                | "Pres"
                | "Supt"
                | "Det"
                | "Insp"
                | "Cmdr"
        )
}

/// The sentence `[start, end)` holding `at`.
fn sentence_around(starts: &[usize], at: usize, para_end: usize) -> (usize, usize) {
    let k = starts.partition_point(|&s| s <= at);
    let s = starts.get(k.saturating_sub(1)).copied().unwrap_or(at);
    let e = starts.get(k).copied().unwrap_or(para_end);
    (s, e)
}

/// Finds the attribution of `span`: a cue after the quote in its sentence first, then the
/// nearest cue before it in the sentence, then the nearest in the paragraph's earlier
/// sentences.
fn attribute(
    doc: &Doc<'_>,
    span: &Span,
    spans: &[Span],
    (para_start, s_start, s_end): (usize, usize, usize),
    last_named: &mut Option<Attribution>,
) -> Option<Attribution> {
    let tokens = doc.tokens;
    // Spans are in order and do not overlap: the one that may hold a token is found by search.
    let outside = |t: &Token| {
        let k = spans.partition_point(|s| s.open <= t.start);
        k == 0 || t.start >= spans[k - 1].close
    };
    let first = tokens.partition_point(|t| t.start < span.close);
    let stop = tokens.partition_point(|t| t.start < s_end).min(first + WINDOW);
    let after = (first..stop).filter(|&i| outside(&tokens[i]));
    let open = tokens.partition_point(|t| t.start < span.open);
    let begin = tokens.partition_point(|t| t.start < s_start).max(open.saturating_sub(WINDOW));
    let before = (begin..open).rev().filter(|&i| outside(&tokens[i]));
    // Failing both, the nearest cue in the paragraph's earlier sentences.
    let para = tokens.partition_point(|t| t.start < para_start).max(begin.saturating_sub(WINDOW / 2));
    let earlier = (para..begin).rev().filter(|&i| outside(&tokens[i]));
    let found = after.chain(before).chain(earlier).find_map(|i| {
        let cue = cue_at(doc.text, tokens, i)?;
        speaker_for(doc, cue, last_named.as_ref())
    })?;
    if found.named {
        *last_named = Some(found.clone());
    }
    Some(found)
}

/// How many words around a quote are searched for its cue, each way.
const WINDOW: usize = 120;

/// The speaker a cue names.
fn speaker_for(doc: &Doc<'_>, cue: Cue, last_named: Option<&Attribution>) -> Option<Attribution> {
    let cue_text = doc.text.get(doc.tokens[cue.first].start..doc.tokens[cue.end - 1].end)?.to_owned();
    let found = match cue.kind {
        CueKind::Prep => speaker_after(doc, cue.end),
        CueKind::Post => speaker_before(doc, cue.first),
        CueKind::Verb => speaker_before(doc, cue.first).or_else(|| {
            let word = doc.tokens[cue.first].text(doc.text);
            if matches!(word, "told" | "tells" | "asked" | "asks") {
                None
            } else {
                speaker_after(doc, cue.end)
            }
        }),
    }?;
    // Verbs that are as often not about speech take a named speaker only.
    let weak = matches!(
        doc.tokens[cue.first].text(doc.text),
        "called"
            | "calls"
            | "maintained"
            | "believes"
            | "thinks"
            | "estimated"
            | "shared"
            | "states"
            | "asked"
            | "asks"
            | "posted"
            | "labelled"
            | "labeled"
            | "dubbed"
            | "cited"
            | "quoted"
    );
    let (speaker, named) = match found {
        Found::Name(s) => (s, true),
        Found::Phrase(_) if weak => return None,
        Found::Phrase(s) => (s, false),
        Found::Pronoun => match last_named {
            Some(a) => (a.speaker.clone(), false),
            None => (nearest_name_before(doc, cue.first)?, false),
        },
    };
    Some(Attribution { speaker, cue: cue_text, named })
}

enum Found {
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

fn mention_ending_at<'d>(doc: &'d Doc<'_>, last: usize) -> Option<&'d Mention> {
    let k = doc.mentions.partition_point(|m| m.end_token <= last);
    doc.mentions.get(k).filter(|m| m.end_token == last + 1)
}

fn mention_starting_at<'d>(doc: &'d Doc<'_>, first: usize) -> Option<&'d Mention> {
    let k = doc.mentions.partition_point(|m| m.first_token < first);
    doc.mentions.get(k).filter(|m| m.first_token == first)
}

/// The speaker standing right before a verb: "Biden has said", "the spokesman said".
fn speaker_before(doc: &Doc<'_>, cue: usize) -> Option<Found> {
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
fn speaker_after(doc: &Doc<'_>, at: usize) -> Option<Found> {
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
fn nearest_name_before(doc: &Doc<'_>, k: usize) -> Option<String> {
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
    use super::*;
    use crate::enrich::outlets::mentions;
    use crate::enrich::tokens::tokenize;

    fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        let text = paragraphs.join("\n\n");
        let mut blocks = Vec::new();
        let mut at = 0;
        for (i, p) in paragraphs.iter().enumerate() {
            blocks.push((i, at, at + p.len()));
            at += p.len() + 2;
        }
        let tokens = tokenize(&text);
        let mentions = mentions(&text, &tokens);
        let doc = Doc { text: &text, tokens: &tokens, mentions: &mentions, title_case_titles: true };
        find(&doc, &blocks).into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (text.to_owned(), speaker.map(str::to_owned))
    }

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
    fn skipped_title_before_an_attributed_quote_does_not_panic() {
        // A quoted title is not a quote; the speaker found later in the paragraph must not
        // be handed to a quote that was never recorded (this used to index out of bounds).
        let found = quotes(&["Her book “The Long Road Home” sold well. “We are thrilled,” said Ana Ruiz."]);
        assert_eq!(found.last(), Some(&q("We are thrilled", Some("Ana Ruiz"))));
    }

    #[test]
    fn pronouns_resolve_to_the_last_name() {
        assert_eq!(
            quotes(&["Maria Lopez said the vote was “a disgrace.” “We will appeal,” she added."]),
            [q("a disgrace", Some("Maria Lopez")), q("We will appeal", Some("Maria Lopez"))]
        );
    }

    #[test]
    fn pronoun_without_earlier_speaker_takes_the_nearest_full_name() {
        assert_eq!(
            quotes(&["Fire Chief Dolores Baca met residents. “Leave now,” she said."]),
            [q("Leave now", Some("Fire Chief Dolores Baca"))]
        );
    }

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

    #[test]
    fn skips_titles_and_word_mentions() {
        assert!(
            quotes(&["She hosted the show “Meet the Press” for years, using the word “freedom” often."])
                .is_empty()
        );
        assert_eq!(quotes(&["He called it “a total disaster” on Monday."]).len(), 1);
    }

    #[test]
    fn multi_paragraph_quote_is_listed_per_paragraph() {
        let got = quotes(&["“The first part goes on.", "“And it ends here,” said Tom Reed.", "Plain text."]);
        assert_eq!(
            got,
            [q("The first part goes on", Some("Tom Reed")), q("And it ends here", Some("Tom Reed"))]
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

    #[test]
    fn german_french_spanish_cues() {
        assert_eq!(
            quotes(&["„Wir sind bereit“, sagte Olaf Scholz."]),
            [q("Wir sind bereit", Some("Olaf Scholz"))]
        );
        assert_eq!(
            quotes(&["« C'est fini », a déclaré Emmanuel Macron."]),
            [q("C'est fini", Some("Emmanuel Macron"))]
        );
        assert_eq!(quotes(&["\"Es el fin\", dijo Pedro Sánchez."]), [q("Es el fin", Some("Pedro Sánchez"))]);
    }
}
