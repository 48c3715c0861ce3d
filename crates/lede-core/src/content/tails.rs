//! Teaser runs after an article: "also in the news", "explore more", "you might also like"
//! blocks of cards that the chosen body reaches into when it climbs to a container of the
//! story and its neighbours.
//!
//! The signals are structural and language-neutral: a run of sibling cards, each led by a
//! link that fills its own line (a linked title), most of them dated (a `<time>` or a year),
//! with nothing beside them but a label, standing after the article's last paragraph of
//! running prose and ending the body. Lists of bare links ("read more:" lines) are not
//! cards: readers keep them with the article. A run followed by more of the article's
//! prose is a teaser box inside the story and stays too.

use html5ever::local_name;

use super::score::{Shape, is_phrasing};
use super::workspace::Workspace;
use crate::dom::{Element, NodeData, NodeId};

/// Fewest cards that make a run: two links may be a "previous / next" pair.
const MIN_TEASERS: usize = 3;
/// Most text one teaser holds: a title, a date, a byline and a short excerpt. A longer
/// child is a section of the article (an item of a list article), not a teaser.
const MAX_TEASER_CHARS: u32 = 1000;
/// Fewest characters of a linked title.
const MIN_TITLE_CHARS: u32 = 10;
/// Share of its line's text a link must fill to be that line's title.
const TITLE_SHARE: f32 = 0.8;
/// Most characters of a label introducing a run ("Also in the news", "Explore more").
const MAX_LABEL_CHARS: u32 = 80;
/// Characters of running prose the article must have before a run for it to be trailing;
/// the run must also hold less text than this prose times [`MAX_RUN_OVER_PROSE`], so that
/// the items of a list article after a short introduction are never taken for teasers.
const MIN_PROSE_BEFORE: u32 = 500;
const MAX_RUN_OVER_PROSE: f32 = 2.0;

/// Drops from `roots` the runs of teaser cards that follow the article's last paragraph of
/// running prose, each with the label just before it.
pub(crate) fn prune(ws: &mut Workspace, roots: &[NodeId], shape: &Shape) {
    // One walk in document order: paragraphs of prose and runs of teasers, as they come.
    let mut prose = 0u32;
    let mut runs: Vec<(NodeId, u32)> = Vec::new();
    for &root in roots {
        if ws.dropped().contains(root) {
            continue;
        }
        if visit(ws, root, shape, &mut prose, &mut runs) {
            continue;
        }
        let mut walk = ws.visible(root);
        while let Some(id) = walk.next() {
            if visit(ws, id, shape, &mut prose, &mut runs) {
                walk.skip_subtree(id);
            }
        }
    }
    // Last first, so that the text following a run no longer counts the runs after it.
    for (run, before) in runs.into_iter().rev() {
        let len = ws.text(run);
        if following_text(ws, run, roots) >= len {
            // Not the page's tail: more of the page follows than the run holds (a landing
            // page's rows of feature cards between its sections).
            continue;
        }
        if before < MIN_PROSE_BEFORE || len as f32 > MAX_RUN_OVER_PROSE * before as f32 {
            continue;
        }
        let block = enclosing_block(ws, run, roots);
        if let Some(label) = label_before(ws, block) {
            ws.drop(label);
        }
        ws.drop(block);
    }
}

/// Records `id` when it is a paragraph (its prose) or a run of teasers; true when its
/// subtree needs no further look.
fn visit(ws: &Workspace, id: NodeId, shape: &Shape, prose: &mut u32, runs: &mut Vec<(NodeId, u32)>) -> bool {
    if let Some(len) = super::paragraph_prose(ws.dom(), id, ws.stats(), shape) {
        if len > 0 {
            // Prose after a run makes that run a box inside the story.
            runs.clear();
            *prose += len;
        }
        return true;
    }
    if is_teaser_run(ws, id) {
        runs.push((id, *prose));
        return true;
    }
    false
}

/// Characters after `id` in the body: its following siblings and those of its ancestors
/// inside its root, and the roots after that one.
fn following_text(ws: &Workspace, id: NodeId, roots: &[NodeId]) -> u32 {
    let dom = ws.dom();
    let mut total: u32 = roots
        .iter()
        .skip_while(|&&r| r != id && !dom.ancestors(id).any(|a| a == r))
        .skip(1)
        .filter(|&&r| !ws.dropped().contains(r))
        .map(|&r| ws.text(r))
        .sum();
    let mut cur = id;
    while !roots.contains(&cur) {
        let Some(parent) = dom.parent(cur) else { break };
        total += dom
            .element_children(parent)
            .skip_while(|&c| c != cur)
            .skip(1)
            .filter(|&c| !ws.dropped().contains(c))
            .map(|c| ws.text(c))
            .sum::<u32>();
        cur = parent;
    }
    total
}

/// The run with the wrappers that hold nothing else but a label: its widget, its section.
fn enclosing_block(ws: &Workspace, run: NodeId, roots: &[NodeId]) -> NodeId {
    let mut block = run;
    while !roots.contains(&block) {
        let Some(parent) = ws.dom().parent(block) else { break };
        if ws.text(parent) > ws.text(block) + MAX_LABEL_CHARS {
            break;
        }
        block = parent;
    }
    block
}

/// The short element just before `block` that names it (a heading, a label strip).
fn label_before(ws: &Workspace, block: NodeId) -> Option<NodeId> {
    let dom = ws.dom();
    let parent = dom.parent(block)?;
    let prev = dom
        .element_children(parent)
        .take_while(|&c| c != block)
        .filter(|&c| !ws.dropped().contains(c) && ws.text(c) > 0)
        .last()?;
    (ws.text(prev) <= MAX_LABEL_CHARS && ws.stats().link_density(prev) < 0.5).then_some(prev)
}

/// Whether `id` is a run of teaser cards: at least [`MIN_TEASERS`] cards of one tag led by
/// a linked title among its children, or its children's children (a section of several
/// card lists), at least half of them dated, as the cards of other stories are (cards of
/// features, samples or products carry no date); and besides them at most a label: a block of cards that also says what they are (an introduction,
/// as a landing page's rows of features or samples have) is content.
fn is_teaser_run(ws: &Workspace, id: NodeId) -> bool {
    let total = ws.text(id);
    if total == 0 {
        return false;
    }
    let mut run = Run::default();
    // Text of the children seen so far; what of it no card holds only grows, so a block is
    // ruled out as soon as that exceeds a label (this runs on every block of the body).
    let mut seen = 0;
    for child in ws.dom().element_children(id) {
        let text = ws.text(child);
        if ws.dropped().contains(child) || text == 0 {
            continue;
        }
        if !run.add(ws, child) {
            for grandchild in ws.dom().element_children(child) {
                if !ws.dropped().contains(grandchild) {
                    run.add(ws, grandchild);
                }
            }
        }
        seen += text;
        if seen - run.text.min(seen) > MAX_LABEL_CHARS {
            return false;
        }
    }
    run.cards >= MIN_TEASERS && 2 * run.dated >= run.cards && total - run.text.min(total) <= MAX_LABEL_CHARS
}

/// Teasers counted so far in a candidate run.
#[derive(Default)]
struct Run<'a> {
    tag: Option<&'a html5ever::LocalName>,
    cards: usize,
    dated: usize,
    text: u32,
}

impl<'a> Run<'a> {
    /// Counts `id` when it is a card of the run's tag led by a linked title.
    fn add(&mut self, ws: &Workspace<'a>, id: NodeId) -> bool {
        let text = ws.text(id);
        let tag = ws.dom().tag(id);
        if text == 0 || text > MAX_TEASER_CHARS || self.tag.is_some_and(|t| Some(t) != tag) {
            return false;
        }
        let teaser = teaser(ws, id);
        if !teaser.title {
            return false;
        }
        self.tag = tag;
        self.cards += 1;
        self.dated += usize::from(teaser.dated);
        self.text += text;
        true
    }
}

/// What makes a (short) element a teaser: a linked title (a link to another page that
/// fills its line) and a date (a `<time>`, or a year outside its links).
struct Teaser {
    title: bool,
    dated: bool,
}

/// Reads a (short) element as a teaser: see [`Teaser`].
fn teaser(ws: &Workspace, card: NodeId) -> Teaser {
    let dom = ws.dom();
    if dom.is_tag(card, &local_name!("p")) {
        return Teaser { title: false, dated: false };
    }
    let (mut title, mut dated) = (false, false);
    let mut walk = dom.descendants(card);
    while let Some(n) = walk.next() {
        let e = match &dom.node(n).data {
            NodeData::Element(e) => e,
            NodeData::Text(t) => {
                dated = dated || has_year(t);
                continue;
            }
            _ => continue,
        };
        if ws.dropped().contains(n) || dom.skips(e) {
            walk.skip_subtree(n);
            continue;
        }
        if *e.tag() == local_name!("time") {
            dated = true;
            walk.skip_subtree(n);
        } else if *e.tag() == local_name!("a") {
            // A year inside a link may be part of a title; a date link holds a <time>.
            walk.skip_subtree(n);
            title = title || is_title_link(ws, n, e, card);
            dated = dated || dom.descendants(n).any(|d| dom.is_tag(d, &local_name!("time")));
        }
        if title && dated {
            break;
        }
    }
    Teaser { title, dated }
}

/// Whether the link `a` is a card's title: a link to another page, of a few words at
/// least, filling its line (its nearest ancestor that is not inline markup).
fn is_title_link(ws: &Workspace, a: NodeId, e: &Element, card: NodeId) -> bool {
    let text = ws.text(a);
    if text < MIN_TITLE_CHARS || e.attr(&local_name!("href")).is_none_or(|h| h.starts_with('#')) {
        return false;
    }
    let dom = ws.dom();
    let line = dom
        .ancestors(a)
        .take_while(|&x| x != card)
        .find(|&x| dom.tag(x).is_some_and(|t| !is_phrasing(t)))
        .unwrap_or(card);
    text as f32 >= TITLE_SHARE * ws.text(line) as f32
}

/// Whether `text` holds a year of the last two centuries: four ASCII digits starting with
/// 19 or 20, not part of a longer number. Dates in every script and order carry one.
fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// Link density above which a block after the story is a box of links (more stories, a
/// "find us on" strip), not a part of the article.
const LINK_TAIL_DENSITY: f32 = 0.5;

/// Trims the end of a region that stands for an article's body: after the last paragraph
/// of running prose, blocks that are mostly links and the short labels among them ("Share
/// this article", "Explore more"), from the end back to the first block of other text. The
/// scored body has conditional cleaning for these; the region, which keeps cards and menus
/// on pages that are not articles, has none.
pub(crate) fn prune_link_tail(ws: &mut Workspace, root: NodeId, shape: &Shape) {
    let dom = ws.dom();
    let (mut last, mut prose) = (None, 0);
    let mut walk = ws.visible(root);
    while let Some(id) = walk.next() {
        if let Some(len) = super::paragraph_prose(dom, id, ws.stats(), shape) {
            walk.skip_subtree(id);
            if len > 0 {
                last = Some(id);
                prose += len;
            }
        }
    }
    let Some(last) = last else { return };
    // The blocks after the last paragraph, innermost level first, each level in order.
    let mut tail = Vec::new();
    let mut cur = last;
    while cur != root {
        let Some(parent) = dom.parent(cur) else { break };
        tail.extend(
            dom.element_children(parent)
                .skip_while(|&c| c != cur)
                .skip(1)
                .filter(|&c| !ws.dropped().contains(c) && ws.text(c) > 0),
        );
        cur = parent;
    }
    // From the end of the page back: the outermost level's last block first.
    let mut cut = Vec::new();
    for &block in tail.iter().rev() {
        if ws.stats().link_density(block) < LINK_TAIL_DENSITY && ws.text(block) > MAX_LABEL_CHARS {
            break;
        }
        cut.push(block);
    }
    // A tail outweighing the prose is the page's content (a listing after its introduction).
    if cut.iter().map(|&b| ws.text(b)).sum::<u32>() > prose {
        return;
    }
    for block in cut {
        ws.drop(block);
    }
}
