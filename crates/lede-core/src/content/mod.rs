//! Main-content selection: which part of the page is the article body.

mod clean;
mod hints;
mod prepass;
mod score;
mod stats;

use score::Shape;
use stats::Stats;

use crate::dom::{Dom, NodeId};
use crate::metadata::Metadata;
use crate::options::Options;

/// The chosen body: subtrees to render, in document order, minus pruned nodes.
#[derive(Debug, Clone)]
pub(crate) struct Selection {
    /// The top-level content nodes, in document order.
    pub(crate) roots: Vec<NodeId>,
    /// Nodes (with their subtrees) left out of the body.
    pub(crate) dropped: NodeSet,
    pub(crate) is_article: bool,
    pub(crate) confidence: f32,
}

/// A set of nodes, one bit per node of the [`Dom`].
#[derive(Debug, Clone)]
pub(crate) struct NodeSet(Vec<u64>);

impl NodeSet {
    pub(crate) fn new(dom: &Dom) -> Self {
        NodeSet(vec![0; dom.len().div_ceil(64)])
    }

    pub(crate) fn insert(&mut self, id: NodeId) {
        self.0[id.index() / 64] |= 1 << (id.index() % 64);
    }

    pub(crate) fn contains(&self, id: NodeId) -> bool {
        self.0[id.index() / 64] & (1 << (id.index() % 64)) != 0
    }
}

/// Which of the scorer's heuristics an attempt uses; later attempts relax them when the
/// first finds too little text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags {
    pub(crate) strip_unlikely: bool,
    pub(crate) weight_classes: bool,
    pub(crate) clean_conditionally: bool,
}

/// Below this many characters an attempt is retried with relaxed flags.
const CHAR_THRESHOLD: u32 = 500;

/// Chooses the article body.
pub(crate) fn select(dom: &Dom, meta: &Metadata, _options: &Options) -> Selection {
    let Some(body) = dom.body() else {
        return Selection {
            roots: Vec::new(),
            dropped: NodeSet::new(dom),
            is_article: false,
            confidence: 0.0,
        };
    };
    let attempts = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    let mut best: Option<(Selection, u32)> = None;
    for flags in attempts {
        let (selection, len) = attempt(dom, body, meta, flags);
        if len >= CHAR_THRESHOLD {
            return selection;
        }
        if best.as_ref().is_none_or(|(_, l)| len > *l) {
            best = Some((selection, len));
        }
    }
    let (mut selection, len) = best.expect("at least one attempt ran");
    selection.is_article = len > 0 && selection.is_article;
    selection
}

fn attempt(dom: &Dom, body: NodeId, meta: &Metadata, flags: Flags) -> (Selection, u32) {
    let mut dropped = prepass::drop_furniture(dom, body, meta, flags);
    let mut stats = Stats::compute(dom, body, &dropped);
    let shape = Shape::compute(dom, body, &dropped);
    let (roots, scores) = score::choose(dom, body, &stats, &shape, &dropped, flags);
    clean::clean(dom, &roots, meta.title.as_deref(), &mut stats, &shape, &mut dropped, flags);
    let len: u32 = roots.iter().map(|r| stats.text[r.index()]).sum();
    let top = roots.iter().filter_map(|&r| scores.get(r)).fold(0.0f32, f32::max);
    let paragraphs = len / 200;
    let is_article = len >= CHAR_THRESHOLD && paragraphs >= 1;
    let confidence = (top / 100.0).clamp(0.0, 1.0) * 0.5 + (len as f32 / 3000.0).min(1.0) * 0.5;
    (Selection { roots, dropped, is_article, confidence }, len)
}

/// Similarity of two texts by shared words (Readability's `_textSimilarity`): 1 minus the
/// share of `b`'s words (by length) that `a` lacks.
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = wb.iter().filter(|w| !wa.contains(w)).collect();
    let total: usize = wb.iter().map(|w| w.len()).sum::<usize>() + wb.len() - 1;
    let missing: usize = unique.iter().map(|w| w.len()).sum::<usize>() + unique.len().saturating_sub(1);
    1.0 - missing as f32 / total.max(1) as f32
}
