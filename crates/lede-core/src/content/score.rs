//! Candidate scoring: paragraphs vote for their ancestors, the best-scoring ancestor is the
//! body, and its siblings join when they look like more of it.
//!
//! This follows Mozilla Readability's `grabArticle`, read against an immutable DOM: where
//! Readability rewrites `<div>`s into paragraphs before scoring, we score the same units
//! (whole text-only divs, runs of inline content inside mixed divs) in place.

use html5ever::{LocalName, local_name};

use super::stats::{Stats, collapsed_len, count_commas};
use super::visible::Visible;
use super::workspace::Workspace;
use super::{Flags, hints};
use crate::dom::{Dom, NodeData, NodeId, NodeSet, is_heading};

/// How many best candidates are compared for a shared ancestor.
const TOP_CANDIDATES: usize = 5;
/// How many of those must share an ancestor for it to become the body.
const MIN_SHARING_CANDIDATES: usize = 3;
/// A post must score at least this share of the best candidate to join a thread.
const POST_MIN_SHARE: f32 = 0.1;
/// The thread must outscore the best candidate by this factor.
const POSTS_OVER_TOP: f32 = 1.5;
/// Ancestor levels a paragraph's score reaches.
const SCORE_DEPTH: usize = 5;

/// Elements that make a `<div>` more than a paragraph (Readability's `DIV_TO_P_ELEMS`).
pub(crate) fn is_block_for_div(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("blockquote")
            | local_name!("dl")
            | local_name!("div")
            | local_name!("img")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("table")
            | local_name!("ul")
    )
}

/// Phrasing (inline) elements, per the HTML standard's list that Readability uses.
pub(crate) fn is_phrasing(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("abbr")
            | local_name!("audio")
            | local_name!("b")
            | local_name!("bdo")
            | local_name!("br")
            | local_name!("button")
            | local_name!("cite")
            | local_name!("code")
            | local_name!("data")
            | local_name!("datalist")
            | local_name!("dfn")
            | local_name!("em")
            | local_name!("embed")
            | local_name!("i")
            | local_name!("input")
            | local_name!("kbd")
            | local_name!("label")
            | local_name!("mark")
            | local_name!("math")
            | local_name!("meter")
            | local_name!("noscript")
            | local_name!("object")
            | local_name!("output")
            | local_name!("progress")
            | local_name!("q")
            | local_name!("ruby")
            | local_name!("samp")
            | local_name!("script")
            | local_name!("select")
            | local_name!("small")
            | local_name!("span")
            | local_name!("strong")
            | local_name!("sub")
            | local_name!("sup")
            | local_name!("textarea")
            | local_name!("time")
            | local_name!("var")
            | local_name!("wbr")
            | local_name!("a")
            | local_name!("del")
            | local_name!("ins")
            | local_name!("font")
            | local_name!("u")
            | local_name!("s")
            | local_name!("strike")
            | local_name!("tt")
            | local_name!("big")
    )
}

/// Per-node block facts the scorer needs, computed once per attempt.
pub(crate) struct Shape {
    /// Whether the subtree below a node holds a [`is_block_for_div`] element.
    pub(crate) has_block: Vec<bool>,
}

impl Shape {
    pub(crate) fn compute(dom: &Dom, root: NodeId, dropped: &NodeSet) -> Shape {
        let mut has_block = vec![false; dom.len()];
        let mut stack = vec![(root, false)];
        while let Some((id, visited)) = stack.pop() {
            if visited {
                has_block[id.index()] = dom.children(id).any(|c| {
                    !dropped.contains(c) && (dom.tag(c).is_some_and(is_block_for_div) || has_block[c.index()])
                });
                continue;
            }
            if let Some(e) = dom.element(id) {
                if dropped.contains(id) || dom.skips(e) {
                    continue;
                }
            } else if id != NodeId::DOCUMENT {
                continue;
            }
            stack.push((id, true));
            stack.extend(dom.children(id).map(|c| (c, false)));
        }
        Shape { has_block }
    }
}

/// Candidate scores.
pub(crate) struct Scores {
    pub(crate) score: Vec<f32>,
    pub(crate) scored: NodeSet,
    candidates: Vec<NodeId>,
}

impl Scores {
    pub(crate) fn get(&self, id: NodeId) -> Option<f32> {
        self.scored.contains(id).then(|| self.score[id.index()])
    }

    fn initialize(&mut self, dom: &Dom, id: NodeId, flags: Flags) {
        if self.scored.contains(id) {
            return;
        }
        let Some(e) = dom.element(id) else { return };
        let mut score: f32 = match *e.tag() {
            local_name!("div") => 5.0,
            local_name!("pre") | local_name!("td") | local_name!("blockquote") => 3.0,
            local_name!("address")
            | local_name!("ol")
            | local_name!("ul")
            | local_name!("dl")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("li")
            | local_name!("form") => -3.0,
            local_name!("th") => -5.0,
            ref tag if is_heading(tag) => -5.0,
            _ => 0.0,
        };
        if flags.weight_classes {
            score += hints::class_weight(e);
        }
        self.score[id.index()] = score;
        self.scored.insert(id);
        self.candidates.push(id);
    }
}

/// A scoring unit: a paragraph-like piece of text and the node its ancestors start from.
struct Unit {
    len: u32,
    commas: u32,
    first_ancestor: NodeId,
}

/// Scores the pre-passed page and returns the chosen top-level content nodes.
pub(crate) fn choose(ws: &Workspace, shape: &Shape, flags: Flags) -> (Vec<NodeId>, Scores) {
    let (dom, body, stats, dropped) = (ws.dom(), ws.body(), ws.stats(), ws.dropped());
    let mut scores =
        Scores { score: vec![0.0; dom.len()], scored: NodeSet::new(dom), candidates: Vec::new() };
    let transparent = single_p_wrappers(dom, body, stats, dropped);
    for unit in units(dom, body, stats, shape, dropped) {
        let score = 2.0 + unit.commas as f32 + (unit.len / 100).min(3) as f32;
        let mut level = 0usize;
        let mut cur = Some(unit.first_ancestor);
        while let Some(anc) = cur {
            if level >= SCORE_DEPTH || dom.element(anc).is_none() {
                break;
            }
            // `<html>` (whose parent is the document) takes no score.
            if dom.parent(anc).is_none_or(|p| dom.element(p).is_none()) {
                break;
            }
            if transparent.contains(anc) {
                cur = dom.parent(anc);
                continue;
            }
            scores.initialize(dom, anc, flags);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            scores.score[anc.index()] += score / divider;
            level += 1;
            cur = dom.parent(anc);
        }
    }
    for &c in &scores.candidates {
        scores.score[c.index()] *= 1.0 - stats.link_density(c);
    }
    let mut top: Vec<NodeId> = scores.candidates.clone();
    top.sort_by(|a, b| scores.score[b.index()].total_cmp(&scores.score[a.index()]).then(a.cmp(b)));
    top.truncate(TOP_CANDIDATES);

    let Some(&first) = top.first().filter(|&&t| t != body) else {
        return (vec![body], scores);
    };
    // The best candidate may be a quote or a fragment inside one post: any strong candidate
    // can stand for the posts, as long as the thread gathers the best one too.
    let thread = top.iter().find_map(|&exemplar| {
        repeated_posts(dom, exemplar, first, &scores)
            .filter(|roots| roots.iter().any(|&r| r == first || dom.ancestors(first).any(|a| a == r)))
    });
    if let Some(posts) = thread {
        return (posts, scores);
    }
    let top_candidate = refine(dom, body, first, &top, &mut scores, flags);
    (siblings(dom, top_candidate, stats, &mut scores), scores)
}

/// Threads of posts (forums, Q&A, comment-like article series) put each post in its own
/// element with the same tag and class. When `exemplar` (a strong candidate) is one of
/// several such elements that together outscore the best candidate `first` clearly, the
/// body is all of them, in order.
fn repeated_posts(dom: &Dom, exemplar: NodeId, first: NodeId, scores: &Scores) -> Option<Vec<NodeId>> {
    let e = dom.element(exemplar)?;
    let class = e.class();
    if class.trim().is_empty() {
        return None;
    }
    let first_score = scores.score[first.index()];
    let mut posts: Vec<NodeId> = scores
        .candidates
        .iter()
        .copied()
        .filter(|&c| {
            dom.element(c).is_some_and(|ce| ce.tag() == e.tag() && ce.class() == class)
                && scores.score[c.index()] >= first_score * POST_MIN_SHARE
        })
        .collect();
    posts.sort();
    // Nested matches (a post quoting a post) count once, as the outer one.
    let all = posts.clone();
    posts.retain(|&p| !dom.ancestors(p).any(|a| all.contains(&a)));
    // Sibling posts are already gathered by the sibling step.
    let parent = dom.parent(exemplar);
    if posts.iter().all(|&p| dom.parent(p) == parent) {
        return None;
    }
    let total: f32 = posts.iter().map(|p| scores.score[p.index()]).sum();
    if posts.len() < 2 || total < first_score * POSTS_OVER_TOP {
        return None;
    }
    // The thread is the posts' lowest common ancestor, with what sits between them
    // (authors, dates, headings).
    let chain: Vec<NodeId> = dom.ancestors(posts[0]).collect();
    let common = chain.into_iter().find(|&a| posts[1..].iter().all(|&p| dom.ancestors(p).any(|b| b == a)))?;
    (!dom.is_tag(common, &local_name!("body"))).then(|| vec![common])
}

/// Moves the top candidate up to a shared ancestor of other strong candidates, to a
/// parent that scores higher, and past single-child wrappers.
fn refine(
    dom: &Dom,
    body: NodeId,
    first: NodeId,
    top: &[NodeId],
    scores: &mut Scores,
    flags: Flags,
) -> NodeId {
    let mut candidate = first;
    let top_score = scores.score[first.index()];
    let alternatives: Vec<Vec<NodeId>> = top[1..]
        .iter()
        .filter(|&&c| top_score > 0.0 && scores.score[c.index()] / top_score >= 0.75)
        .map(|&c| dom.ancestors(c).collect())
        .collect();
    if alternatives.len() >= MIN_SHARING_CANDIDATES {
        let mut parent = dom.parent(candidate);
        while let Some(p) = parent.filter(|&p| p != body && dom.element(p).is_some()) {
            let sharing = alternatives.iter().filter(|a| a.contains(&p)).count();
            if sharing >= MIN_SHARING_CANDIDATES {
                candidate = p;
                break;
            }
            parent = dom.parent(p);
        }
    }
    scores.initialize(dom, candidate, flags);

    let mut last = scores.score[candidate.index()];
    let threshold = last / 3.0;
    let mut parent = dom.parent(candidate);
    while let Some(p) = parent.filter(|&p| p != body && dom.element(p).is_some()) {
        let Some(parent_score) = scores.get(p) else {
            parent = dom.parent(p);
            continue;
        };
        if parent_score < threshold {
            break;
        }
        if parent_score > last {
            candidate = p;
            break;
        }
        last = parent_score;
        parent = dom.parent(p);
    }

    while let Some(p) = dom.parent(candidate).filter(|&p| p != body && dom.element(p).is_some()) {
        if dom.element_children(p).count() != 1 {
            break;
        }
        candidate = p;
    }
    scores.initialize(dom, candidate, flags);
    candidate
}

/// The top candidate plus those of its siblings that read as more of the article.
fn siblings(dom: &Dom, top: NodeId, stats: &Stats, scores: &mut Scores) -> Vec<NodeId> {
    let Some(parent) = dom.parent(top) else { return vec![top] };
    let top_score = scores.score[top.index()];
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.element(top).map_or("", |e| e.class());
    let mut roots = Vec::new();
    for sibling in dom.element_children(parent) {
        if sibling == top {
            roots.push(sibling);
            continue;
        }
        let Some(e) = dom.element(sibling) else { continue };
        let bonus = if !top_class.is_empty() && e.class() == top_class { top_score * 0.2 } else { 0.0 };
        let append = match scores.get(sibling) {
            Some(s) if s + bonus >= threshold => true,
            _ if *e.tag() == local_name!("p") => {
                let len = stats.text[sibling.index()];
                let density = stats.link_density(sibling);
                if len > 80 {
                    density < 0.25
                } else {
                    len > 0 && density == 0.0 && ends_sentence(&dom.text_content(sibling))
                }
            }
            _ => false,
        };
        if append {
            roots.push(sibling);
        }
    }
    roots
}

/// Whether text contains a full stop followed by a space or the end (`/\.( |$)/`).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('.') || t.contains(". ")
}

/// Divs that only wrap one `<p>` (no text of their own, few links): Readability unwraps
/// them, so they take no score of their own.
fn single_p_wrappers(dom: &Dom, body: NodeId, stats: &Stats, dropped: &NodeSet) -> NodeSet {
    let mut set = NodeSet::new(dom);
    for id in Visible::new(dom, body, dropped) {
        let Some(e) = dom.element(id) else { continue };
        if *e.tag() != local_name!("div") {
            continue;
        }
        let mut elements = dom.element_children(id).filter(|&c| !dropped.contains(c));
        let only_p =
            matches!((elements.next(), elements.next()), (Some(c), None) if dom.is_tag(c, &local_name!("p")));
        let no_text = dom.children(id).all(|c| dom.text(c).is_none_or(|t| t.trim().is_empty()));
        if only_p && no_text && stats.link_density(id) < 0.25 {
            set.insert(id);
        }
    }
    set
}

/// The scoring units below `body`, in document order.
fn units(dom: &Dom, body: NodeId, stats: &Stats, shape: &Shape, dropped: &NodeSet) -> Vec<Unit> {
    let mut out = Vec::new();
    for id in Visible::new(dom, body, dropped) {
        let Some(e) = dom.element(id) else { continue };
        let Some(parent) = dom.parent(id) else { continue };
        let tag = e.tag();
        let unit_of = |node: NodeId, first_ancestor: NodeId| Unit {
            len: stats.text[node.index()],
            commas: stats.commas[node.index()],
            first_ancestor,
        };
        match *tag {
            local_name!("p")
            | local_name!("pre")
            | local_name!("td")
            | local_name!("section")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => out.push(unit_of(id, parent)),
            local_name!("div") if !shape.has_block[id.index()] => {
                // A text-only div is a paragraph; its own text (wrapped in a new <p> by
                // Readability) votes from the div itself when links make it a non-paragraph.
                let first = if stats.link_density(id) < 0.25 { parent } else { id };
                out.push(unit_of(id, first));
            }
            local_name!("div") => inline_runs(dom, id, stats, dropped, &mut out),
            _ => {}
        }
    }
    out.retain(|u| u.len >= 25);
    out
}

/// Runs of inline content directly inside a mixed `<div>`, each a paragraph of the div.
fn inline_runs(dom: &Dom, div: NodeId, stats: &Stats, dropped: &NodeSet, out: &mut Vec<Unit>) {
    let mut run: Option<Unit> = None;
    for child in dom.children(div) {
        let phrasing = match &dom.node(child).data {
            NodeData::Text(t) => {
                if run.is_none() && t.trim().is_empty() {
                    continue;
                }
                let unit = run.get_or_insert(Unit { len: 0, commas: 0, first_ancestor: div });
                unit.len += collapsed_len(t);
                unit.commas += count_commas(t);
                continue;
            }
            NodeData::Element(_) if dropped.contains(child) => continue,
            NodeData::Element(e) => is_phrasing(e.tag()),
            _ => continue,
        };
        if phrasing {
            let unit = run.get_or_insert(Unit { len: 0, commas: 0, first_ancestor: div });
            unit.len += stats.text[child.index()];
            unit.commas += stats.commas[child.index()];
        } else if let Some(unit) = run.take() {
            out.push(unit);
        }
    }
    out.extend(run);
}
