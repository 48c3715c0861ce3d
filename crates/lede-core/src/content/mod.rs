//! Main-content selection: which part of the page is the article body.

mod anchor;
mod cards;
mod clean;
mod dedup;
mod hints;
mod kind;
mod posts;
mod prepass;
mod region;
mod score;
mod stats;
mod tails;
mod visible;
mod workspace;

pub(crate) use kind::is_article;
use score::Shape;
use stats::Stats;
use visible::Visible;
use workspace::Workspace;

use crate::dom::{Dom, NodeId, NodeSet};
use crate::metadata::Metadata;
use crate::options::{Focus, Options};

/// The chosen body: subtrees to render, in document order, minus pruned nodes.
#[derive(Debug, Clone)]
pub(crate) struct Selection {
    /// The top-level content nodes, in document order.
    pub(crate) roots: Vec<NodeId>,
    /// Nodes (with their subtrees) left out of the body.
    pub(crate) dropped: NodeSet,
    /// Selection's verdict on the prose: a scored body with enough running paragraphs.
    /// `kind::is_article` weighs it against what the page declares itself to be.
    pub(crate) is_article: bool,
    /// How sure selection is of the body, 0 to 1 (`Article::confidence`).
    pub(crate) confidence: f32,
    /// Characters of running prose in the body (see `prose_len`).
    pub(crate) prose: u32,
    /// Whether the body is a thread: repeated posts whose chrome repeats (see `posts`).
    pub(crate) thread: bool,
}

/// Which of the scorer's heuristics an attempt uses; later attempts relax them when the
/// first finds too little text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags {
    pub(crate) strip_unlikely: bool,
    pub(crate) weight_classes: bool,
    pub(crate) clean_conditionally: bool,
    /// Added to the link-density limits of conditional cleaning (Readability's
    /// `linkDensityModifier`), set by [`Focus`].
    pub(crate) link_density_modifier: f32,
}

/// How [`Focus`] tunes selection.
struct Tuning {
    /// When the scored body holds less than this share of the main region's text, the page
    /// is not one run of paragraphs (a listing, a product page, a forum) and the region wins.
    region_ratio: f32,
    /// The same share when the scored body came up short ([`CHAR_THRESHOLD`]): it found no
    /// run of text, so what else the region holds (a section's intro, a spec line beside a
    /// blurb) is as likely content as the body.
    short_ratio: f32,
    /// The same share for pages that declare themselves articles, whose main region often
    /// carries teasers and comments around the story.
    declared_ratio: f32,
    /// Whether a prose-rich scored body stays the body whatever the ratio.
    prose_guard: bool,
    /// Added to the link-density limits of conditional cleaning.
    link_density_modifier: f32,
    /// Whether the body (stripped) stands in as the region on pages without `<main>`.
    body_region: bool,
}

impl Tuning {
    fn for_focus(focus: Focus) -> Tuning {
        match focus {
            Focus::Precision => Tuning {
                region_ratio: 0.4,
                short_ratio: 0.4,
                declared_ratio: 0.15,
                prose_guard: true,
                link_density_modifier: -0.1,
                body_region: false,
            },
            Focus::Recall => Tuning {
                // Not 1.0: a scored body holding 80%+ of the region's text is the content,
                // and what the region adds around it is testimonials, badges and blurbs.
                region_ratio: 0.8,
                short_ratio: 1.0,
                declared_ratio: 0.6,
                prose_guard: false,
                link_density_modifier: 0.2,
                body_region: true,
            },
            _ => Tuning {
                region_ratio: 0.7,
                short_ratio: 0.7,
                declared_ratio: 0.3,
                prose_guard: true,
                link_density_modifier: 0.0,
                body_region: false,
            },
        }
    }

    /// The share of the region's text a scored body must hold to stay the body: the declared
    /// share on a page declaring an article, else the short share when every attempt came
    /// up short, else the region share.
    fn ratio(&self, declared: bool, unscored: bool) -> f32 {
        match (declared, unscored) {
            (true, _) => self.declared_ratio,
            (false, true) => self.short_ratio,
            (false, false) => self.region_ratio,
        }
    }
}

/// A comment section shorter than this is a "Leave a comment" box, not comments.
const MIN_COMMENTS_CHARS: usize = 80;
/// A `<main>` with at least this much text is the page's own statement of its content.
const MIN_MAIN_CHARS: f32 = 200.0;
/// A paragraph at least this long is running prose.
const LONG_PARAGRAPH: u32 = 120;
/// Characters of running prose that make a page an article.
const PROSE_FOR_ARTICLE: u32 = 600;

/// A scored body with this much running prose stays the body, unless it holds less than
/// [`PROSE_GUARD_RATIO`] of the region's text.
const PROSE_GUARD: u32 = 1000;
const PROSE_GUARD_RATIO: f32 = 0.2;

/// A scored body inside the region holding at least this share of the region's text is
/// the tighter container of the same content and stays the body whatever the ratio; the
/// region adds only chrome around it (a heading strip, a breadcrumb, a newsletter box).
const TIGHTER_SHARE: f32 = 0.9;

/// The share of a scored body's prose that a `<main>` inside it must hold to replace it.
const WRAPPED_PROSE_SHARE: f32 = 0.5;

/// Below this many characters an attempt is retried with relaxed flags.
const CHAR_THRESHOLD: u32 = 500;

/// Chooses the article body by the strategy in `docs/ARCHITECTURE.md` ("Selection
/// strategy"): scored attempts, the main region, the region against the scored body, then
/// repeats out and, if asked for, the comments in.
pub(crate) fn select(dom: &Dom, meta: &Metadata, options: &Options) -> Selection {
    // Balanced means: the article tuning for pages that present themselves as articles
    // (declared type, a date or an author), the recall tuning for the rest, whose main
    // content is spread over cards, posts and sections rather than one run of prose.
    let article_like = article_like(meta);
    let focus = match options.focus {
        Focus::Balanced if !article_like => Focus::Recall,
        focus => focus,
    };
    let tuning = Tuning::for_focus(focus);
    let Some(body) = dom.body() else {
        return Selection {
            roots: Vec::new(),
            dropped: NodeSet::new(dom),
            is_article: false,
            confidence: 0.0,
            prose: 0,
            thread: false,
        };
    };
    let strict = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
        link_density_modifier: tuning.link_density_modifier,
    };
    // The strict pre-pass serves the first attempt and, unless every attempt comes up short,
    // the region.
    let strict_page = Workspace::prepass(dom, body, meta, strict);
    let (mut selection, len, post) = scored(&strict_page, meta, strict);
    // A body without text is no article, whatever its prose counts; what the page declares
    // itself to be (a product, a thread) is weighed later, in `kind`.
    selection.is_article &= len > 0;
    // No attempt reaching the threshold means scoring found no run of text: the content is
    // cards and links that score poorly, often under a class name the strict pre-pass takes
    // for furniture ("related products"). The stripped body, pre-passed without unlikely
    // stripping, then stands in as the region on any page.
    let unscored = len < CHAR_THRESHOLD && !post;
    let region_page = if unscored {
        Workspace::prepass(dom, body, meta, Flags { strip_unlikely: false, ..strict })
    } else {
        strict_page
    };
    if let Some(mut region) = main_region(region_page, tuning.body_region || unscored, meta) {
        let ratio = tuning.ratio(meta.declares_article, unscored);
        if region_wins(&selection, len as f32, &region, ratio, &tuning) {
            // The region keeps what conditional cleaning would judge; an article's body
            // does not end in boxes of links. Trimmed only once chosen: its length above
            // weighs it as the page marks it.
            if article_like {
                region.prune_link_tail();
            }
            selection = region.into_selection();
        } else {
            strip_inside(dom, &mut selection, &region.stripped, len as f32);
        }
    }
    dedup::drop_repeats(dom, &mut selection);
    if options.comments {
        add_comments(dom, body, &mut selection);
    }
    selection
}

/// The scored attempts, from `strict` (the page pre-passed with the strict `flags`) on, each
/// relaxing one more heuristic while the last found under [`CHAR_THRESHOLD`] characters:
/// the first to reach it, else the longest, with its length. On a page presenting itself
/// as an article, a short strict body right below the title's heading is a short post and
/// ends the search (the flag returned); elsewhere (a product's blurb under its name) what
/// the relaxed attempts and the region add may be content.
fn scored(strict: &Workspace, meta: &Metadata, flags: Flags) -> (Selection, u32, bool) {
    let attempts = [
        flags,
        Flags { strip_unlikely: false, ..flags },
        Flags { strip_unlikely: false, weight_classes: false, ..flags },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false, ..flags },
    ];
    let mut best: Option<(Selection, u32)> = None;
    for (i, flags) in attempts.into_iter().enumerate() {
        let page = if i == 0 {
            strict.clone()
        } else {
            Workspace::prepass(strict.dom(), strict.body(), meta, flags)
        };
        let (selection, len) = attempt(page, meta, flags);
        if i == 0
            && article_like(meta)
            && len > 0
            && len < CHAR_THRESHOLD
            && anchor::follows_title(strict.dom(), &selection.roots, meta.title.as_deref())
        {
            return (selection, len, true);
        }
        let enough = len >= CHAR_THRESHOLD;
        if enough || best.as_ref().is_none_or(|(_, l)| len > *l) {
            best = Some((selection, len));
        }
        if enough {
            break;
        }
    }
    let (selection, len) = best.expect("at least one attempt ran");
    (selection, len, false)
}

/// One scored attempt on the pre-passed page: choose, clean, measure.
fn attempt(mut page: Workspace, meta: &Metadata, flags: Flags) -> (Selection, u32) {
    let dom = page.dom();
    let shape = Shape::compute(dom, page.body(), page.dropped());
    let (mut roots, scores) = score::choose(&page, &shape, flags);
    clean::clean(&mut page, &roots, meta.title.as_deref(), &shape, flags);
    let thread = prune_page_chrome(&mut page, &roots, meta, Some(&shape));
    // Conditional cleaning may judge a root itself furniture (Readability cleans the whole
    // article container): it is then no part of the body, and its text does not count.
    roots.retain(|&r| !page.dropped().contains(r));
    let len: u32 = roots.iter().map(|&r| page.text(r)).sum();
    let top = roots.iter().filter_map(|&r| scores.get(r)).fold(0.0f32, f32::max);
    let prose = prose_len(dom, &roots, page.stats(), &shape, page.dropped());
    let is_article = len >= CHAR_THRESHOLD && prose >= PROSE_FOR_ARTICLE;
    let confidence = (top / 100.0).clamp(0.0, 1.0) * 0.5 + (len as f32 / 3000.0).min(1.0) * 0.5;
    (Selection { roots, dropped: page.into_dropped(), is_article, confidence, prose, thread }, len)
}

/// The page passes, run alike on the scored body (after conditional cleaning) and on the
/// region (after its furniture is stripped): the page's own chrome that either may hold,
/// dropped where the page is of the kind that carries it. Returns whether the body is a
/// thread (see `posts`). The teaser rule reads `shape`, the block facts the scorer saw, in
/// a scored body; the region, never scored, is measured as its pruning has left it.
fn prune_page_chrome(page: &mut Workspace, roots: &[NodeId], meta: &Metadata, shape: Option<&Shape>) -> bool {
    let thread = posts::prune_chrome(page, roots);
    // Rows of other products' cards are advertisements on the page of one product only;
    // elsewhere (listings, reviews comparing products) they may be the content.
    if meta.one_product() {
        cards::prune(page, roots);
    }
    // Teaser cards after the story are the page's, not the article's; on other pages
    // (listings, hubs) such cards may be the content.
    if article_like(meta) {
        let pruned;
        let shape = match shape {
            Some(shape) => shape,
            None => {
                pruned = Shape::compute(page.dom(), page.body(), page.dropped());
                &pruned
            }
        };
        tails::prune(page, roots, shape);
    }
    thread
}

/// The main region with its furniture stripped: the body of pages that are not one run of
/// prose.
struct Region<'a> {
    /// The `<main>` (or, as `region::find` allows, the body) standing for the content.
    root: NodeId,
    /// The page as the region's passes left it.
    page: Workspace<'a>,
    /// The furniture `region::strip` dropped.
    stripped: Vec<NodeId>,
    /// Whether the region is a thread (see `posts`).
    thread: bool,
}

impl Region<'_> {
    /// Characters of text the region holds.
    fn len(&self) -> u32 {
        self.page.text(self.root)
    }

    /// Characters of running prose in the region (see [`prose_len`]), measured only when a
    /// decision needs them.
    fn prose(&self) -> u32 {
        let (dom, dropped) = (self.page.dom(), self.page.dropped());
        let shape = Shape::compute(dom, self.root, dropped);
        prose_len(dom, &[self.root], self.page.stats(), &shape, dropped)
    }

    /// Drops the boxes of links ending the region (see `tails::prune_link_tail`).
    fn prune_link_tail(&mut self) {
        let shape = Shape::compute(self.page.dom(), self.root, self.page.dropped());
        tails::prune_link_tail(&mut self.page, self.root, &shape);
    }

    /// The region as the body.
    fn into_selection(self) -> Selection {
        Selection {
            roots: vec![self.root],
            dropped: self.page.into_dropped(),
            is_article: false,
            confidence: 0.5,
            prose: 0,
            thread: self.thread,
        }
    }
}

/// Finds the main region on `page` and prunes it: its furniture, then the page passes.
fn main_region<'a>(mut page: Workspace<'a>, body_fallback: bool, meta: &Metadata) -> Option<Region<'a>> {
    let root = region::find(&page, body_fallback)?;
    let stripped = region::strip(&mut page, root);
    let thread = prune_page_chrome(&mut page, &[root], meta, None);
    Some(Region { root, page, stripped, thread })
}

/// Whether the region replaces the scored body `selection` of `scored_len` characters, as
/// step 3 of the strategy weighs them, `ratio` being the share of the region's text the
/// scored body must hold.
fn region_wins(selection: &Selection, scored_len: f32, region: &Region, ratio: f32, tuning: &Tuning) -> bool {
    let (dom, body) = (region.page.dom(), region.page.body());
    let region_len = region.len() as f32;
    // What the scored body holds of what the region keeps: the furniture the region
    // strips (facet pickers, forms) leaves a scored body that stays too, so it must not
    // make that body look bigger than the region it is measured against.
    let len =
        scored_len - furniture_inside(dom, selection, &region.stripped, region.page.stats(), scored_len);
    let prose_article =
        tuning.prose_guard && selection.prose >= PROSE_GUARD && len >= PROSE_GUARD_RATIO * region_len;
    // A scored body entirely outside a real <main> region is furniture (an SEO blurb,
    // a modal) beside the content the page marks as main.
    let root = region.root;
    let outside = root != body
        && region_len >= MIN_MAIN_CHARS
        && selection.roots.iter().all(|&r| {
            r != root && !dom.ancestors(r).any(|a| a == root) && !dom.ancestors(root).any(|a| a == r)
        });
    // A scored body wrapping a real <main> reaches past what the page marks as main
    // into sidebars, teasers and footers: the whole page always does; a narrower body
    // does when the <main> holds most of its prose in less text.
    let wraps = root != body
        && region_len >= MIN_MAIN_CHARS
        && selection.roots.iter().any(|&r| dom.ancestors(root).any(|a| a == r))
        && (selection.roots == [body]
            || region_len < len && region.prose() as f32 >= WRAPPED_PROSE_SHARE * selection.prose as f32);
    // A scored body inside the region that holds nearly all of its text is the tighter
    // container of the same content: the region adds only chrome around it.
    let tighter = region_len > 0.0
        && len >= TIGHTER_SHARE * region_len
        && selection.roots.iter().all(|&r| r != root && dom.ancestors(r).any(|a| a == root));
    len < ratio * region_len && !prose_article && !tighter || outside || wraps
}

/// The share of the scored body's text above which a part the region strips is a wrapper
/// of the body (an ASP.NET `<form>` around the page), not furniture inside it.
const WRAPPER_SHARE: f32 = 0.5;

/// Drops from a scored body that beat the region the furniture the region stripped inside it
/// (navigation, forms, picker labels, banners): scoring may pick `<main>` itself or a
/// block within it, and that choice must not bring back what the region left out. Menus
/// of short links stay, since conditional cleaning already judges the body's lists, and
/// so does any part holding most of the body's text.
fn strip_inside(dom: &Dom, selection: &mut Selection, stripped: &[NodeId], len: f32) {
    for &id in stripped {
        if is_inside_furniture(dom, selection, id, len) {
            selection.dropped.insert(id);
        }
    }
}

/// Characters of the parts the region stripped that [`strip_inside`] would drop from the
/// scored body (`stats` counts each stripped part's own text as it stood before).
fn furniture_inside(dom: &Dom, selection: &Selection, stripped: &[NodeId], stats: &Stats, len: f32) -> f32 {
    stripped
        .iter()
        .filter(|&&id| is_inside_furniture(dom, selection, id, len))
        .map(|id| stats.text[id.index()] as f32)
        .sum()
}

/// Whether [`strip_inside`] drops the stripped part `id` from the scored body of `len`
/// characters: not a list, not a wrapper of the body, inside it and not dropped already.
fn is_inside_furniture(dom: &Dom, selection: &Selection, id: NodeId, len: f32) -> bool {
    let list = dom
        .tag(id)
        .is_some_and(|t| matches!(*t, html5ever::local_name!("ul") | html5ever::local_name!("ol")));
    !list
        && (dom.text_len(id) as f32) < WRAPPER_SHARE * len
        && dom.ancestors(id).any(|a| selection.roots.contains(&a))
        && !dom.ancestors(id).any(|a| selection.dropped.contains(a))
}

/// Adds the page's comment section to the body (for [`Options::comments`]): the largest
/// element named as comments (`comments`, `disqus`, `discussion`), undoing the pruning that
/// removed it; it renders in place when inside the body, after it otherwise.
fn add_comments(dom: &Dom, body: NodeId, selection: &mut Selection) {
    let mut best: Option<(NodeId, usize)> = None;
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        let Some(e) = dom.element(id) else { continue };
        if dom.skips(e) || hints::is_hidden(e) {
            walk.skip_subtree(id);
            continue;
        }
        if hints::names_comments(e) {
            walk.skip_subtree(id);
            let len = dom.text_len(id);
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((id, len));
            }
        }
    }
    let Some((comments, _)) = best.filter(|&(_, len)| len >= MIN_COMMENTS_CHARS) else { return };
    selection.dropped.remove(comments);
    for d in dom.descendants(comments) {
        selection.dropped.remove(d);
    }
    let inside = selection.roots.iter().any(|&r| dom.ancestors(comments).any(|a| a == r));
    if !inside {
        selection.roots.retain(|&r| !dom.ancestors(r).any(|a| a == comments));
        selection.roots.push(comments);
    }
}

/// Whether the page presents itself as an article: a declared article type, a date or an
/// author.
fn article_like(meta: &Metadata) -> bool {
    meta.declares_article || meta.published.is_some() || !meta.authors.is_empty()
}

/// Characters in long paragraphs (at least [`LONG_PARAGRAPH`]) below `roots`: the
/// running prose that makes a page an article rather than a listing.
pub(crate) fn prose_len(dom: &Dom, roots: &[NodeId], stats: &Stats, shape: &Shape, dropped: &NodeSet) -> u32 {
    let mut total = 0;
    for &root in roots {
        let mut walk = Visible::new(dom, root, dropped);
        while let Some(id) = walk.next() {
            if let Some(len) = paragraph_prose(dom, id, stats, shape) {
                walk.skip_subtree(id);
                total += len;
            }
        }
    }
    total
}

/// For a paragraph (`<p>`, `<pre>`, a text-only `<div>`), its characters when it is running
/// prose (long, few links), else 0; `None` for any other element.
pub(crate) fn paragraph_prose(dom: &Dom, id: NodeId, stats: &Stats, shape: &Shape) -> Option<u32> {
    let paragraph = match *dom.tag(id)? {
        html5ever::local_name!("p") | html5ever::local_name!("pre") => true,
        html5ever::local_name!("div") => !shape.has_block[id.index()],
        _ => false,
    };
    let len = stats.text[id.index()];
    paragraph.then_some(if len >= LONG_PARAGRAPH && stats.link_density(id) < 0.3 { len } else { 0 })
}

/// Similarity of two texts by shared words (Readability's `_textSimilarity`): 1 minus the
/// share of `b`'s words (by length) that `a` lacks.
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    fn words(s: &str) -> Vec<&str> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
    }
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (wa, wb) = (words(&a), words(&b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&str> = wb.iter().copied().filter(|w| !wa.contains(w)).collect();
    let total: usize = wb.iter().map(|w| w.len()).sum::<usize>() + wb.len() - 1;
    let missing: usize = unique.iter().map(|w| w.len()).sum::<usize>() + unique.len().saturating_sub(1);
    1.0 - missing as f32 / total.max(1) as f32
}
