//! What a pronoun or a quote standing alone refers back to: every speech cue of the text
//! with the speaker it names, in order, and the person a paragraph opens with.

use super::Doc;
use super::names::{nearest_name_before, opening_subject};
use super::speaker::speaker_for;
use crate::enrich::cues::cue_at;

/// One speech cue and the speaker it names.
struct Event {
    /// The cue's first token.
    token: usize,
    speaker: String,
    /// Whether the speaker is a person or body named outright, or a pronoun standing for one
    /// (not a description such as "the spokesman").
    named: bool,
}

/// The speech cues of a text, in order.
#[derive(Default)]
pub(super) struct Antecedents {
    events: Vec<Event>,
}

/// How many words back a pronoun may refer to the last named speaker.
const REACH: usize = 400;

impl Antecedents {
    /// Reads every cue of the text once, resolving pronouns against the cues before them.
    pub(super) fn collect(doc: &Doc<'_>) -> Self {
        let mut found = Self::default();
        for i in 0..doc.tokens.len() {
            let Some(cue) = cue_at(doc.text, doc.tokens, i) else { continue };
            if let Some(a) = speaker_for(doc, cue, None, &found) {
                found.events.push(Event { token: i, named: a.is_named_or_resolved(), speaker: a.speaker });
            }
        }
        found
    }

    /// The speaker a pronoun at token `k` stands for: a person newly named in its paragraph
    /// (or opening the paragraph before, when the pronoun's paragraph opens with a quote),
    /// else the last speaker named before it.
    pub(super) fn pronoun_at(&self, doc: &Doc<'_>, k: usize) -> Option<String> {
        let n = self.events.partition_point(|e| e.token < k);
        let last = self.events[..n].iter().rev().find(|e| e.named && e.token + REACH >= k);
        let last_token = last.map_or(0, |e| e.token);
        let para = paragraph_start(doc, k);
        if let Some((name, at)) = nearest_name_before(doc, k, para)
            && at > last_token
            && !last.is_some_and(|e| e.speaker.contains(&name) || name.contains(&e.speaker))
        {
            return Some(name);
        }
        if opens_with_quote(doc, para)
            && let Some(prev) = para.checked_sub(1).map(|p| paragraph_start(doc, p))
            && prev > last_token
            && let Some(name) = opening_subject(doc, prev)
        {
            return Some(name);
        }
        last.map(|e| e.speaker.clone())
    }

    /// The speaker of a quote standing alone in the paragraph that starts at token `para`:
    /// the last cue's speaker in the paragraph before, else the person that paragraph opens with.
    pub(super) fn for_lone_quote(&self, doc: &Doc<'_>, para: usize) -> Option<String> {
        let prev = paragraph_start(doc, para.checked_sub(1)?);
        let lo = self.events.partition_point(|e| e.token < prev);
        let hi = self.events.partition_point(|e| e.token < para);
        match self.events[lo..hi].last() {
            Some(e) => Some(e.speaker.clone()),
            None => opening_subject(doc, prev),
        }
    }
}

/// The first token of the paragraph holding token `k` (paragraphs are separated by a blank line).
pub(super) fn paragraph_start(doc: &Doc<'_>, k: usize) -> usize {
    let Some(at) = doc.tokens.get(k).map(|t| t.start) else { return k };
    doc.tokens.partition_point(|t| t.start < paragraph_offset(doc.text, at))
}

/// The byte offset where the paragraph holding byte `at` starts, looking back a bounded
/// stretch so that a text of one huge paragraph stays linear.
fn paragraph_offset(text: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text.get(from..at).and_then(|t| t.rfind("\n\n")).map_or(from, |p| from + p + 2)
}

/// How many bytes back a paragraph's start is looked for.
const LOOK_BACK: usize = 20_000;

/// Whether the paragraph starting at token `para` opens with a quote mark.
fn opens_with_quote(doc: &Doc<'_>, para: usize) -> bool {
    let Some(t) = doc.tokens.get(para) else { return false };
    let start = paragraph_offset(doc.text, t.start);
    doc.text.get(start..t.start).is_some_and(|lead| lead.trim_start().starts_with(['“', '"', '«', '„']))
}

#[cfg(test)]
mod tests {
    use crate::enrich::quotes::tests::{q, quotes};

    #[test]
    fn pronoun_takes_the_last_speaker_of_any_cue() {
        let got = quotes(&[
            "“Venice is sinking,” said Silvio Testa.",
            "Bernardo said the tides were no different. “The ships use cleaner fuel,” he said.",
        ]);
        assert_eq!(got[1], q("The ships use cleaner fuel", Some("Bernardo")));
    }

    #[test]
    fn pronoun_after_a_newly_named_person() {
        let got = quotes(&[
            "“We are ready,” said Tom Reed.",
            "Later Fire Chief Dolores Baca met residents. “Leave now,” she said.",
        ]);
        assert_eq!(got[1], q("Leave now", Some("Fire Chief Dolores Baca")));
    }

    #[test]
    fn lone_quote_takes_the_speaker_of_the_paragraph_before() {
        let got = quotes(&[
            "Next is Mexico, where Tipton said the chain seeks partners.",
            "“Bread is common around the globe.”",
            "Marc Methot, who was traded last year, is hopeful.",
            "“It would be nice to get something resolved.”",
        ]);
        assert_eq!(
            got,
            [
                q("Bread is common around the globe", Some("Tipton")),
                q("It would be nice to get something resolved", Some("Marc Methot")),
            ]
        );
    }
}
