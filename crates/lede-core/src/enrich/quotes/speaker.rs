//! Speaker attribution: the cue nearest a quote (after it in its sentence, then before it,
//! then earlier in the paragraph) and the speaker that cue names, a pronoun standing for
//! the last person named.

use super::Doc;
use super::marks::Span;
use super::names::{Found, nearest_name_before, speaker_after, speaker_before};
use crate::enrich::cues::{Cue, CueKind, cue_at};
use crate::enrich::tokens::Token;

/// Who a cue names, and how.
#[derive(Debug, Clone)]
pub(super) struct Attribution {
    /// Who speaks: a name, a description, or the name a pronoun stands for.
    pub(super) speaker: String,
    /// The cue's words as written ("said", "according to").
    pub(super) cue: String,
    /// Whether the speaker is a person or body named outright (a pronoun's antecedent).
    named: bool,
}

/// Finds the attribution of `span`: a cue after the quote in its sentence first, then the
/// nearest cue before it in the sentence, then the nearest in the paragraph's earlier
/// sentences.
pub(super) fn attribute(
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

#[cfg(test)]
mod tests {
    use crate::enrich::quotes::tests::{q, quotes};

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
