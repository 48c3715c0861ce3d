//! Attribution cues: the small per-language word lists that mark who said or reported what
//! ("said", "sagte", "a déclaré", "dijo"; "according to", "laut", "selon", "según").

use std::collections::HashSet;
use std::sync::LazyLock;

use super::tokens::Token;

/// How a cue relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A speech verb: the speaker stands before it ("Biden said") or, inverted, after it
    /// ("said Biden", "reports The New York Times").
    Verb,
    /// A preposition: the speaker follows ("according to Reuters", "per the Post").
    Prep,
    /// A postposition: the speaker precedes ("der Zeitung zufolge").
    Post,
}

/// A cue found at a token: its kind and the token range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub(crate) kind: CueKind,
    /// First token of the cue.
    pub(crate) first: usize,
    /// One past the last token of the cue.
    pub(crate) end: usize,
}

/// Speech and reporting verbs, lower case (EN, DE, FR, ES, IT, PT).
const VERBS: &[&str] = &[
    // English
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "explains",
    "stated",
    "states",
    "noted",
    "notes",
    "wrote",
    "writes",
    "reported",
    "reports",
    "asked",
    "asks",
    "insisted",
    "insists",
    "argued",
    "argues",
    "warned",
    "warns",
    "tweeted",
    "posted",
    "continued",
    "recalled",
    "recalls",
    "acknowledged",
    "admitted",
    "claimed",
    "claims",
    "declared",
    "announced",
    "replied",
    "responded",
    "answered",
    "observed",
    "observes",
    "commented",
    "suggested",
    "suggests",
    "stressed",
    "emphasized",
    "emphasised",
    "conceded",
    "maintained",
    "remarked",
    "urged",
    "predicted",
    "confirmed",
    "joked",
    "quipped",
    "concluded",
    "cautioned",
    "testified",
    "alleged",
    "revealed",
    "reveals",
    "shared",
    "texted",
    "wondered",
    "mused",
    "boasted",
    "complained",
    "lamented",
    "countered",
    "agreed",
    "pleaded",
    "vowed",
    "promised",
    "contended",
    "contends",
    "estimated",
    "believes",
    "thinks",
    "described",
    "quoted",
    "cited",
    "reiterated",
    "called",
    "calls",
    "labelled",
    "labeled",
    "dubbed",
    // German
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "betonte",
    "betont",
    "schreibt",
    "schrieb",
    "berichtet",
    "berichtete",
    "meldet",
    "meldete",
    "sagen",
    "fügte",
    "warnte",
    "kritisierte",
    "teilte",
    "räumte",
    "zitiert",
    "zitierte",
    "kritisierten",
    "warnten",
    "erklärten",
    "betonten",
    "nannte",
    "nannten",
    // French
    "déclaré",
    "déclare",
    "dit",
    "affirmé",
    "affirme",
    "expliqué",
    "explique",
    "écrit",
    "rapporte",
    "rapporté",
    "souligné",
    "souligne",
    "indiqué",
    "indique",
    "ajouté",
    "ajoute",
    "estimé",
    "estime",
    "précisé",
    "précise",
    "confié",
    "assuré",
    "assure",
    "annoncé",
    // Spanish
    "dijo",
    "dice",
    "afirmó",
    "afirma",
    "declaró",
    "explicó",
    "señaló",
    "señala",
    "aseguró",
    "asegura",
    "indicó",
    "añadió",
    "escribió",
    "escribe",
    "informó",
    "informa",
    "reportó",
    "agregó",
    "sostuvo",
    "comentó",
    "advirtió",
    "manifestó",
    "publicó",
    // Italian, Portuguese
    "detto",
    "dichiarato",
    "spiegato",
    "afferma",
    "disse",
    "afirmou",
    "declarou",
    "explicou",
];

/// [`VERBS`] for lookup.
static VERB_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| VERBS.iter().copied().collect());

/// Auxiliaries and adverbs that may stand between a speaker and a verb ("Biden has said").
pub(crate) const AUXILIARIES: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "later",
    "then",
    "once",
    "previously",
    "recently",
    "reportedly",
    "further",
    "would",
    "will",
    "earlier",
    "again",
    "first",
    "since",
    "hat",
    "a",
    "ha",
    "already",
    "publicly",
    "repeatedly",
    "separately",
];

/// The cue starting at token `i`, if any.
pub(crate) fn cue_at(text: &str, tokens: &[Token], i: usize) -> Option<Cue> {
    let word = tokens.get(i)?.text(text);
    let next = tokens.get(i + 1).map(|t| t.text(text));
    if word.len() > 12 || !word.chars().next().is_some_and(char::is_lowercase) {
        // Only prepositions open a sentence as cues ("According to Reuters, …").
        let prep = match word {
            "According" if next == Some("to") => 2,
            "Per" | "Laut" | "Selon" | "Según" | "Secondo" | "Segundo" => 1,
            _ => return None,
        };
        return Some(Cue { kind: CueKind::Prep, first: i, end: i + prep });
    }
    let one = |kind| Some(Cue { kind, first: i, end: i + 1 });
    match word {
        "according" if next == Some("to") => Some(Cue { kind: CueKind::Prep, first: i, end: i + 2 }),
        "per" | "laut" | "selon" | "según" | "segundo" | "secondo" | "citing" | "via" => one(CueKind::Prep),
        "zufolge" => one(CueKind::Post),
        "pointed" if next == Some("out") => Some(Cue { kind: CueKind::Verb, first: i, end: i + 2 }),
        w if VERB_SET.contains(w) => one(CueKind::Verb),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::tokens::tokenize;

    #[test]
    fn finds_multi_word_and_foreign_cues() {
        let text = "according to Reuters, laut Spiegel, pointed out, a déclaré, dijo";
        let tokens = tokenize(text);
        let cues: Vec<_> = (0..tokens.len()).filter_map(|i| cue_at(text, &tokens, i)).collect();
        let kinds: Vec<_> = cues.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [CueKind::Prep, CueKind::Prep, CueKind::Verb, CueKind::Verb, CueKind::Verb]);
    }
}
