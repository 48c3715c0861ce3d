//! The scoring metrics of the public extraction benchmarks, exactly as `corpus/README.md`
//! defines them: ScrapingHub shingle P/R/F1 and accuracy, WCXB word F1, trafilatura's
//! snippet F1, and normalised metadata matching.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// Shingle length of the ScrapingHub benchmark.
const SHINGLE: usize = 4;

/// A word: the regex `\w+` with Unicode classes, as in Python's `re`.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\w+").expect("the literal pattern `\\w+` is valid"));

/// The `\w+` tokens of `text`, in order.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of 4-token shingles of a token sequence. A sequence shorter than four tokens
/// (even an empty one) is a single shingle, as in the benchmark's reference code.
fn shingles<'t, 's>(tokens: &'t [&'s str]) -> HashMap<&'t [&'s str], usize> {
    let mut bag = HashMap::new();
    if tokens.len() < SHINGLE {
        bag.insert(tokens, 1);
    } else {
        for window in tokens.windows(SHINGLE) {
            *bag.entry(window).or_insert(0) += 1;
        }
    }
    bag
}

/// Size of the multiset intersection of two bags.
fn shared<K: Eq + std::hash::Hash>(a: &HashMap<K, usize>, b: &HashMap<K, usize>) -> usize {
    a.iter().map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0))).sum()
}

/// One page's ScrapingHub body score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub(crate) struct BodyScore {
    /// TP / (TP + FP), or `None` when that denominator is 0.
    pub(crate) precision: Option<f64>,
    /// TP / (TP + FN), or `None` when that denominator is 0.
    pub(crate) recall: Option<f64>,
    /// The page's own F1 (for ranking pages; the summary F1 comes from the averages).
    pub(crate) f1: f64,
    /// Whether the token sequences are identical.
    pub(crate) exact: bool,
}

/// Scores predicted body text against the truth with 4-token shingles. TP, FP and FN are
/// normalised to sum to 1 as in the benchmark; ratios are unchanged by that, but it is kept
/// so the code reads like the definition.
pub(crate) fn body_score(predicted: &str, truth: &str) -> BodyScore {
    let pred_tokens = tokens(predicted);
    let true_tokens = tokens(truth);
    let pred = shingles(&pred_tokens);
    let true_ = shingles(&true_tokens);
    let tp = shared(&pred, &true_) as f64;
    let fp = pred.values().sum::<usize>() as f64 - tp;
    let fn_ = true_.values().sum::<usize>() as f64 - tp;
    let total = tp + fp + fn_;
    let (tp, fp, fn_) = if total > 0.0 { (tp / total, fp / total, fn_ / total) } else { (0.0, 0.0, 0.0) };
    let precision = (tp + fp > 0.0).then(|| tp / (tp + fp));
    let recall = (tp + fn_ > 0.0).then(|| tp / (tp + fn_));
    BodyScore {
        precision,
        recall,
        f1: f1(precision.unwrap_or(0.0), recall.unwrap_or(0.0)),
        exact: pred_tokens == true_tokens,
    }
}

/// Harmonic mean, 0 when both are 0.
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 }
}

/// WCXB's per-page word F1: F1 of the bags of lowercased `\w+` tokens. Two empty texts agree
/// perfectly; an empty text against a non-empty one scores 0.
pub(crate) fn word_f1(predicted: &str, truth: &str) -> f64 {
    let bag = |text: &str| {
        let mut bag: HashMap<String, usize> = HashMap::new();
        for token in tokens(text) {
            *bag.entry(token.to_lowercase()).or_insert(0) += 1;
        }
        bag
    };
    let (pred, true_) = (bag(predicted), bag(truth));
    let (n_pred, n_true) = (pred.values().sum::<usize>(), true_.values().sum::<usize>());
    if n_pred == 0 && n_true == 0 {
        return 1.0;
    }
    if n_pred == 0 || n_true == 0 {
        return 0.0;
    }
    let tp = shared(&pred, &true_) as f64;
    f1(tp / n_pred as f64, tp / n_true as f64)
}

/// Collapses every run of whitespace to one space and trims the ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Snippet counts (trafilatura's evaluation), summed over pages before computing F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct SnippetCounts {
    /// `with` snippets found in the output.
    pub(crate) tp: usize,
    /// `without` snippets found in the output.
    pub(crate) fp: usize,
    /// `with` snippets missing from the output.
    #[serde(rename = "fn")]
    pub(crate) fn_: usize,
}

impl SnippetCounts {
    /// Counts the snippets of one page. The test is a case-sensitive substring test after
    /// whitespace is collapsed on both sides; empty snippets are ignored.
    pub(crate) fn of_page(predicted: &str, with: &[String], without: &[String]) -> Self {
        let text = collapse_whitespace(predicted);
        let found = |s: &String| {
            let s = collapse_whitespace(s);
            (!s.is_empty()).then(|| text.contains(&s))
        };
        let mut counts = SnippetCounts::default();
        for hit in with.iter().filter_map(found) {
            if hit { counts.tp += 1 } else { counts.fn_ += 1 }
        }
        counts.fp = without.iter().filter_map(found).filter(|hit| *hit).count();
        counts
    }

    /// Adds another page's counts.
    pub(crate) fn add(&mut self, other: SnippetCounts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// 2TP / (2TP + FP + FN), or `None` when there is nothing to count.
    pub(crate) fn f1(&self) -> Option<f64> {
        let denominator = 2 * self.tp + self.fp + self.fn_;
        (denominator > 0).then(|| 2.0 * self.tp as f64 / denominator as f64)
    }
}

/// Normalises a metadata value for comparison: case-folded, whitespace collapsed, and
/// punctuation (anything neither a letter, a digit nor whitespace) trimmed from both ends.
pub(crate) fn normalize_field(value: &str) -> String {
    let lower = collapse_whitespace(&value.to_lowercase());
    lower.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// Whether two metadata values match after [`normalize_field`]. An empty truth never matches.
pub(crate) fn field_matches(predicted: Option<&str>, truth: &str) -> bool {
    let truth = normalize_field(truth);
    !truth.is_empty() && predicted.is_some_and(|p| normalize_field(p) == truth)
}

/// Drops a leading "by" word from a normalised name.
fn strip_by(name: &str) -> &str {
    match name.strip_prefix("by") {
        Some(rest) if rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()) => {
            rest.trim_start_matches(|c: char| !c.is_alphanumeric())
        }
        _ => name,
    }
}

/// Whether the predicted authors match the truth's.
///
/// They match when either (a) the sets of names agree after [`normalize_field`] and
/// dropping a leading "By", or (b) the whole credit reads the same as a word sequence once
/// the connecting words "by" and "and" are dropped. Rule (b) is there because
/// `readability/` gives the byline verbatim as one string ("By A and B"), which a correct
/// extractor returns as two names `[A, B]`; the README asks for set comparison, which (a) is.
pub(crate) fn authors_match(predicted: &[String], truth: &[String]) -> bool {
    let set = |names: &[String]| -> BTreeSet<String> {
        names.iter().map(|n| strip_by(&normalize_field(n)).to_owned()).filter(|n| !n.is_empty()).collect()
    };
    let truth_set = set(truth);
    if truth_set.is_empty() || predicted.is_empty() {
        return false;
    }
    if set(predicted) == truth_set {
        return true;
    }
    let words = |names: &[String]| -> Vec<String> {
        names
            .iter()
            .flat_map(|n| tokens(n).into_iter().map(str::to_lowercase).collect::<Vec<_>>())
            .filter(|w| w != "by" && w != "and")
            .collect()
    };
    words(predicted) == words(truth)
}

/// The calendar day `YYYY-MM-DD` an ISO 8601 date or date-time starts with, as written
/// (no time-zone conversion).
pub(crate) fn calendar_day(iso: &str) -> Option<&str> {
    let day = iso.trim().get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tokens_are_unicode_words() {
        assert_eq!(tokens("Héllo, wörld_1! 北京 — ok"), ["Héllo", "wörld_1", "北京", "ok"]);
    }

    #[test]
    fn short_text_is_one_shingle() {
        let t = tokens("one two three");
        let bag = shingles(&t);
        assert_eq!(bag.len(), 1);
        assert_eq!(bag[&t[..]], 1);
        let empty: Vec<&str> = Vec::new();
        assert_eq!(shingles(&empty).values().sum::<usize>(), 1);
    }

    #[test]
    fn shingles_are_a_multiset() {
        let t = tokens("a b c d a b c d");
        let bag = shingles(&t);
        assert_eq!(bag.values().sum::<usize>(), 5);
        assert_eq!(bag[&["a", "b", "c", "d"][..]], 2);
    }

    #[test]
    fn identical_texts_score_one_and_exact() {
        let s = body_score("The cat sat on the mat.", "the cat sat on the mat");
        // Case differs, so the token sequences differ: not exact, and no shared shingle.
        assert!(!s.exact);
        let s = body_score("The cat sat, on the mat.", "The cat sat on the mat");
        assert!(s.exact);
        assert_eq!((s.precision, s.recall, s.f1), (Some(1.0), Some(1.0), 1.0));
    }

    #[test]
    fn partial_overlap() {
        // truth: 3 shingles (a b c d, b c d e, c d e f); predicted: a b c d, b c d x → 1 shared.
        let s = body_score("a b c d x", "a b c d e f");
        assert_eq!(s.precision, Some(0.5));
        assert_eq!(s.recall, Some(1.0 / 3.0));
        assert!(!s.exact);
    }

    #[test]
    fn empty_prediction_scores_zero() {
        let s = body_score("", "a b c d e");
        assert_eq!(s.precision, Some(0.0));
        assert_eq!(s.recall, Some(0.0));
        assert_eq!(s.f1, 0.0);
    }

    #[test]
    fn word_f1_is_case_folded_bag() {
        assert_eq!(word_f1("The the CAT", "the cat the"), 1.0);
        // pred {a,b}, truth {a,c,d}: tp 1, p 1/2, r 1/3, f1 = 0.4
        assert!((word_f1("a b", "a c d") - 0.4).abs() < 1e-12);
        assert_eq!(word_f1("", ""), 1.0);
        assert_eq!(word_f1("", "x"), 0.0);
    }

    #[test]
    fn snippets_normalise_whitespace_and_count() {
        let text = "First  paragraph\n\nsecond line here.\nMenu";
        let c = SnippetCounts::of_page(
            text,
            &strings(&["paragraph second line", "missing bit", "  "]),
            &strings(&["Menu", "Login"]),
        );
        assert_eq!(c, SnippetCounts { tp: 1, fp: 1, fn_: 1 });
        assert_eq!(c.f1(), Some(0.5));
        assert_eq!(SnippetCounts::default().f1(), None);
    }

    #[test]
    fn field_normalisation() {
        assert_eq!(normalize_field("  «Hello,   World!»  "), "hello, world");
        assert!(field_matches(Some("HELLO world."), "hello\n world"));
        assert!(!field_matches(Some("x"), "  "));
        assert!(!field_matches(None, "x"));
    }

    #[test]
    fn authors_as_sets_or_byline() {
        assert!(authors_match(&strings(&["Jane Doe"]), &strings(&["By Jane  Doe"])));
        assert!(authors_match(&strings(&["B", "A"]), &strings(&["a", "b"])));
        assert!(authors_match(&strings(&["Ann Lee", "Bo Li"]), &strings(&["By Ann Lee and Bo Li"])));
        assert!(!authors_match(&strings(&["Ann Lee"]), &strings(&["By Ann Lee and Bo Li"])));
        assert!(!authors_match(&[], &strings(&["x"])));
        // "Byron" is a name, not "By ron".
        assert_eq!(strip_by("byron smith"), "byron smith");
        assert_eq!(strip_by("by: ron"), "ron");
    }

    #[test]
    fn calendar_days() {
        assert_eq!(calendar_day("2020-03-04T23:59:00-05:00"), Some("2020-03-04"));
        assert_eq!(calendar_day("2020-03-04"), Some("2020-03-04"));
        assert_eq!(calendar_day("2020-03"), None);
        assert_eq!(calendar_day("March 4, 2020"), None);
    }
}
