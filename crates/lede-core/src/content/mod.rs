//! Main-content selection: which part of the page is the article body.

mod clean;
mod hints;
mod prepass;
mod region;
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

/// When the scored body holds less than this share of the main region's text, the page is
/// not one run of paragraphs (a listing, a product page, a forum) and the region wins.
const REGION_RATIO: f32 = 0.7;
/// The same share for pages that declare themselves articles, whose main region often
/// carries teasers and comments around the story.
const DECLARED_ARTICLE_RATIO: f32 = 0.3;

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
        let enough = len >= CHAR_THRESHOLD;
        if enough || best.as_ref().is_none_or(|(_, l)| len > *l) {
            best = Some((selection, len));
        }
        if enough {
            break;
        }
    }
    let (mut selection, len) = best.expect("at least one attempt ran");
    selection.is_article = len > 0 && selection.is_article;
    if let Some((region_selection, region_len)) = main_region(dom, body, meta) {
        let declared = declares_article(dom);
        let ratio: f32 = if declared { DECLARED_ARTICLE_RATIO } else { REGION_RATIO };
        if (len as f32) < ratio * region_len as f32 {
            return region_selection;
        }
    }
    selection
}

/// Whether the page declares itself an article (`og:type=article`, or JSON-LD of an
/// Article type) — a hint only, checked on the raw markup of `<head>` and JSON-LD.
fn declares_article(dom: &Dom) -> bool {
    let mut walk = dom.descendants(NodeId::DOCUMENT);
    while let Some(id) = walk.next() {
        let Some(e) = dom.element(id) else { continue };
        match *e.tag() {
            html5ever::local_name!("meta") => {
                let prop = e.attr(&html5ever::local_name!("property")).unwrap_or("");
                if prop.eq_ignore_ascii_case("og:type")
                    && e.attr(&html5ever::local_name!("content"))
                        .is_some_and(|c| c.trim().eq_ignore_ascii_case("article"))
                {
                    return true;
                }
            }
            html5ever::local_name!("script")
                if e.attr(&html5ever::local_name!("type")).is_some_and(|t| t.contains("ld+json")) =>
            {
                let text = dom.text_content(id);
                if [
                    "\"NewsArticle\"",
                    "\"Article\"",
                    "\"BlogPosting\"",
                    "\"ReportageNews\"",
                    "\"AnalysisNewsArticle\"",
                    "\"OpinionNewsArticle\"",
                ]
                .iter()
                .any(|t| text.contains(t))
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// The main region with its furniture stripped, and its text length.
fn main_region(dom: &Dom, body: NodeId, meta: &Metadata) -> Option<(Selection, u32)> {
    let strict = Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };
    let mut dropped = prepass::drop_furniture(dom, body, meta, strict);
    let mut stats = Stats::compute(dom, body, &dropped);
    let region = region::find(dom, body, &stats, &dropped)?;
    region::strip(dom, region, &mut stats, &mut dropped);
    let len = stats.text[region.index()];
    Some((Selection { roots: vec![region], dropped, is_article: false, confidence: 0.5 }, len))
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
