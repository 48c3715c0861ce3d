//! Quotes: every quoted passage of the body with its speaker and cue.
//!
//! Marks are read typographically: curly and straight double quotes, guillemets, German
//! „…“, British single quotes (told apart from apostrophes by what stands around them). An
//! opening mark with no closing one before the paragraph ends is a multi-paragraph quote when
//! the next paragraph opens with the same mark; otherwise it is a stray mark and is skipped,
//! so it never swallows the rest of the article. Speakers come from the nearest cue in the
//! same sentence (after the quote first, then before it), then from the last attribution in
//! the paragraph.
//!
//! This module holds the pass over the paragraphs (`find`) and the test that tells a quoted
//! title from a quotation; `marks` finds the quoted spans, `sentences` their sentences,
//! `speaker` the cue and speaker of each, reading names with `names`.

mod marks;
mod names;
mod sentences;
mod speaker;

use super::outlets::Mention;
use super::tokens::Token;
use crate::model::Quote;
use marks::{Span, first_mark, scan};
use sentences::{sentence_around, sentence_starts};
use speaker::{Attribution, attribute};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::outlets::mentions;
    use crate::enrich::tokens::tokenize;

    /// The quotes found in `paragraphs`, as (text, speaker) pairs.
    pub(super) fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
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

    /// One expected quote.
    pub(super) fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (text.to_owned(), speaker.map(str::to_owned))
    }

    #[test]
    fn skipped_title_before_an_attributed_quote_does_not_panic() {
        // A quoted title is not a quote; the speaker found later in the paragraph must not
        // be handed to a quote that was never recorded (this used to index out of bounds).
        let found = quotes(&["Her book “The Long Road Home” sold well. “We are thrilled,” said Ana Ruiz."]);
        assert_eq!(found.last(), Some(&q("We are thrilled", Some("Ana Ruiz"))));
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
}
