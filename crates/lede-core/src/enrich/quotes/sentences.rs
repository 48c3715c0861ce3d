//! Sentence bounds inside a paragraph, so that a quote is attributed from its own sentence
//! first: a period, `!` or `?` outside the quotes ends one unless an abbreviation stands
//! before it.

use super::marks::Span;

/// Byte offsets where sentences start in the paragraph, quoted spans excepted.
pub(super) fn sentence_starts(text: &str, start: usize, end: usize, spans: &[Span]) -> Vec<usize> {
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
pub(super) fn sentence_around(starts: &[usize], at: usize, para_end: usize) -> (usize, usize) {
    let k = starts.partition_point(|&s| s <= at);
    let s = starts.get(k.saturating_sub(1)).copied().unwrap_or(at);
    let e = starts.get(k).copied().unwrap_or(para_end);
    (s, e)
}
