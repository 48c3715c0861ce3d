//! The one walk over the document that gathers what every metadata source reads.
//!
//! Each source then works on these short lists instead of walking the tree again: `<meta>`
//! and `<link>` pairs, JSON-LD script bodies, `itemprop` elements, quantity controls,
//! `<time>` elements, byline candidates and `<h1>`s. Nothing is copied per node except what
//! is kept.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use html5ever::local_name;

use super::schema::{Structured, is_news_or_blog};
use crate::dom::{Dom, NodeData, NodeId};

/// What the walk found, in document order.
#[derive(Debug, Default)]
pub(crate) struct Scan<'a> {
    /// `<title>` text.
    pub(crate) title: Option<String>,
    /// `<base href>`.
    pub(crate) base_href: Option<&'a str>,
    /// `<html lang>`.
    pub(crate) html_lang: Option<&'a str>,
    /// Whether `<html>` or `<body>` declares `dir=rtl`.
    pub(crate) declared_rtl: bool,
    /// `<meta>` keys (`name`, `property` or `http-equiv`, lowercased) with their `content`.
    pub(crate) metas: Vec<(String, &'a str)>,
    /// `<link>` `rel` values (lowercased) with their `href`.
    pub(crate) links: Vec<(String, &'a str)>,
    /// Bodies of `<script type="application/ld+json">`.
    pub(crate) json_ld: Vec<String>,
    /// Elements carrying `itemprop`, with the property list as written.
    pub(crate) itemprops: Vec<(NodeId, &'a str)>,
    /// Microdata items of a product type (`itemtype` schema.org `Product` or `ProductGroup`).
    pub(crate) product_items: usize,
    /// What the microdata items declare the page to be (products count in `product_items`).
    pub(crate) structured: Structured,
    /// Quantity controls preset to one unit: a number input holding 1, or a stepper (a
    /// button, a 1, a button) — the buy box's "how many".
    pub(crate) quantity_controls: usize,
    /// Number inputs holding anything but 1: a pager's page jump, a calculator's fields.
    pub(crate) other_numbers: usize,
    /// `<time>` elements in the body.
    pub(crate) times: Vec<NodeId>,
    /// Elements whose class, id, rel or itemprop says "author" or "byline", or whose text
    /// opens with "By", each with the number of `<h1>`s before it.
    pub(crate) bylines: Vec<(NodeId, usize)>,
    /// Short text nodes and `<time>` elements that may show a date, each with the number of
    /// `<h1>`s before it (at most [`MAX_DATED`]).
    pub(crate) dated: Vec<(NodeId, usize)>,
    /// The first few `<h2>` elements, headline candidates on pages without an `<h1>`.
    pub(crate) h2s: Vec<NodeId>,
    /// `<h1>` elements in the body.
    pub(crate) h1s: Vec<NodeId>,
}

/// How many date-looking text nodes to keep before the first `<h1>` and in all: the
/// article's date sits near its headline.
const MAX_DATED_BEFORE_H1: usize = 20;
const MAX_DATED: usize = 60;

fn dated_room(out: &Scan<'_>) -> bool {
    if out.h1s.is_empty() { out.dated.len() < MAX_DATED_BEFORE_H1 } else { out.dated.len() < MAX_DATED }
}

/// How many byline candidates to keep.
const MAX_BYLINES: usize = 60;

/// Walks the document once.
pub(crate) fn scan(dom: &Dom) -> Scan<'_> {
    let mut out = Scan::default();
    let mut walk = dom.descendants(NodeId::DOCUMENT);
    // Byline candidates inside another candidate add nothing: while inside one, this holds
    // the node that follows its subtree (`Some(None)`: the rest of the document).
    let mut byline_end: Option<Option<NodeId>> = None;
    while let Some(n) = walk.next() {
        if byline_end == Some(Some(n)) {
            byline_end = None;
        }
        let e = match &dom.node(n).data {
            NodeData::Element(e) => e,
            NodeData::Text(t) => {
                // Indentation between tags is most text nodes: no label, byline or date, and
                // a byte test rules it out before any trimming decodes it character by character.
                if t.bytes().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                let label = byline_end.is_none() && is_byline_label(dom, n, t);
                if byline_end.is_none() && out.bylines.len() < MAX_BYLINES && (label || opens_byline(t)) {
                    // "<span>By </span><a>Name</a>", "<h3>Author</h3><p>Name</p>": the
                    // byline is the label's parent.
                    let p = dom.parent(n).and_then(|p| {
                        let alone = dom.children(p).count() == 1 && (label || t.trim().len() <= 3);
                        if alone { dom.parent(p) } else { Some(p) }
                    });
                    if let Some(p) = p {
                        out.bylines.push((p, out.h1s.len()));
                        byline_end = Some(dom.next_after_subtree(NodeId::DOCUMENT, p));
                    }
                }
                if dated_room(&out) && may_hold_date(t) {
                    out.dated.push((n, out.h1s.len()));
                }
                continue;
            }
            _ => continue,
        };
        if !e.is_html() {
            walk.skip_subtree(n);
            continue;
        }
        if let Some(p) = e.attr(&local_name!("itemprop")) {
            out.itemprops.push((n, p));
        }
        if let Some(t) = e.attr_str("itemtype").and_then(|t| t.trim_end().rsplit('/').next()) {
            match t {
                "Product" | "ProductGroup" => out.product_items += 1,
                "Offer" | "AggregateOffer" => out.structured.commerce = true,
                "DiscussionForumPosting" | "QAPage" => out.structured.discussion = true,
                "FAQPage" => out.structured.faq = true,
                t if is_news_or_blog(t) => out.structured.article = true,
                _ => {}
            }
        }
        match *e.tag() {
            local_name!("html") | local_name!("body") => {
                if *e.tag() == local_name!("html") {
                    out.html_lang = e.attr(&local_name!("lang")).filter(|l| !l.trim().is_empty());
                }
                out.declared_rtl |=
                    e.attr(&local_name!("dir")).is_some_and(|d| d.trim().eq_ignore_ascii_case("rtl"));
            }
            local_name!("title") => {
                if out.title.is_none() {
                    out.title = Some(dom.text_content(n));
                }
                walk.skip_subtree(n);
                continue;
            }
            local_name!("meta") => {
                let key = e
                    .attr(&local_name!("property"))
                    .or_else(|| e.attr(&local_name!("name")))
                    .or_else(|| e.attr(&local_name!("http-equiv")));
                if let (Some(k), Some(v)) = (key, e.attr(&local_name!("content"))) {
                    let rdfa = e.attr(&local_name!("property")).is_some();
                    // `property` may list several keys ("og:title twitter:title").
                    for k in k.split_whitespace() {
                        let k = meta_key(k);
                        // Dublin Core in RDFa (`property="dc:creator"`) is also kept under
                        // its own key: a page giving both it and `name="DC.creator"`
                        // means the RDFa one (Readability's precedence too).
                        if rdfa && k.starts_with("dc") {
                            out.metas.push((format!("rdfa:{k}"), v));
                        }
                        out.metas.push((k, v));
                    }
                }
                continue;
            }
            local_name!("base") => {
                if out.base_href.is_none() {
                    out.base_href = e.attr(&local_name!("href"));
                }
                continue;
            }
            local_name!("link") => {
                if let (Some(rel), Some(href)) = (e.attr(&local_name!("rel")), e.attr(&local_name!("href"))) {
                    for r in rel.split_whitespace() {
                        out.links.push((r.to_ascii_lowercase(), href));
                    }
                }
                continue;
            }
            local_name!("script") => {
                if e.attr(&local_name!("type"))
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    out.json_ld.push(script_text(dom, n));
                }
                walk.skip_subtree(n);
                continue;
            }
            local_name!("style") | local_name!("template") => {
                walk.skip_subtree(n);
                continue;
            }
            local_name!("time") => {
                out.times.push(n);
                if dated_room(&out) {
                    out.dated.push((n, out.h1s.len()));
                }
                walk.skip_subtree(n);
            }
            local_name!("h1") => out.h1s.push(n),
            local_name!("input") => {
                let number =
                    e.attr(&local_name!("type")).is_some_and(|t| t.trim().eq_ignore_ascii_case("number"));
                if number && holds_one(e.attr(&local_name!("value"))) {
                    out.quantity_controls += 1;
                } else if number {
                    out.other_numbers += 1;
                }
            }
            local_name!("button") => {
                if opens_stepper(dom, n) {
                    out.quantity_controls += 1;
                }
            }
            local_name!("h2") if out.h2s.len() < 3 => out.h2s.push(n),
            _ => {}
        }
        // A page-wide element's class describes the page ("author-4326" on a post's
        // <body>): taken as a byline, it would hide every byline inside it.
        let page_wide = matches!(
            *e.tag(),
            local_name!("html") | local_name!("body") | local_name!("main") | local_name!("article")
        );
        if byline_end.is_none() && out.bylines.len() < MAX_BYLINES && !page_wide && is_byline_marked(e) {
            out.bylines.push((n, out.h1s.len()));
            byline_end = Some(dom.next_after_subtree(NodeId::DOCUMENT, n));
        }
    }
    out
}

/// Whether a control's value is one unit.
fn holds_one(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.trim() == "1")
}

/// Whether the button `n` opens a quantity stepper: its next element sibling shows 1 (as
/// its only text, or as a text input's value) and the one after is a button. A number
/// input between the buttons is counted on its own.
fn opens_stepper(dom: &Dom, n: NodeId) -> bool {
    let mut siblings = std::iter::successors(dom.node(n).next_sibling, |&s| dom.node(s).next_sibling)
        .filter(|&s| !dom.text(s).is_some_and(|t| t.trim().is_empty()));
    let (Some(middle), Some(last)) = (siblings.next(), siblings.next()) else { return false };
    if !dom.is_tag(last, &local_name!("button")) {
        return false;
    }
    let Some(e) = dom.element(middle) else { return false };
    if *e.tag() == local_name!("input") {
        let number = e.attr(&local_name!("type")).is_some_and(|t| t.trim().eq_ignore_ascii_case("number"));
        return !number && holds_one(e.attr(&local_name!("value")));
    }
    // Only text "1", in at most a few nodes: a counter, not a block that happens to say 1.
    let mut texts =
        dom.descendants(middle).take(6).filter_map(|d| dom.text(d)).filter(|t| !t.trim().is_empty());
    texts.next().is_some_and(|t| t.trim() == "1")
        && texts.next().is_none()
        && dom.descendants(middle).nth(6).is_none()
}

/// A meta key lowercased, with Dublin Core's `dc:`/`dcterm:` spellings folded into `dc.`/`dcterms.`.
fn meta_key(k: &str) -> String {
    let k = k.to_ascii_lowercase();
    for (from, to) in [("dc:", "dc."), ("dcterm:", "dcterms."), ("dcterms:", "dcterms.")] {
        if let Some(rest) = k.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    k
}

/// A cheap test before parsing: short, with a run of four digits (in any script's digits).
fn may_hold_date(t: &str) -> bool {
    let t = t.trim_ascii();
    if t.len() < 6 || t.len() > 80 {
        return false;
    }
    let mut run = 0;
    for c in t.chars() {
        run = if super::date::ascii_digit(c).is_some() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// Whether a short text node opens a byline: "By" (or "Von", "Par", "Por", "Door", "Written
/// by") alone, or followed by a capitalised word; Italian "Di" followed by a name of two capitalised
/// words (alone it opens sentences and surnames: "Di Maio ha detto"); a label with a
/// colon ("Autor:", "Tekst:", "Автор:", "作者："); or "بقلم", "מאת" before a name.
fn opens_byline(t: &str) -> bool {
    let t = t.trim_start();
    if t.len() > 60 || t.len() < 2 {
        return false;
    }
    // This runs on every short text node: the first byte rules out most of them before
    // any word is compared, and nothing is allocated.
    if !t.as_bytes()[0].is_ascii() {
        let lowercase_head = |p: &str| {
            t.get(..p.len()).is_some_and(|h| h.chars().flat_map(char::to_lowercase).eq(p.chars()))
                && t[p.len()..].trim_start().starts_with([':', '：'])
        };
        return ["автор", "текст", "作者", "记者", "記者"].iter().any(|p| lowercase_head(p))
            || ["بقلم ", "מאת "].iter().any(|p| t.starts_with(p))
            || korean_reporter(t);
    }
    if !matches!(t.as_bytes()[0].to_ascii_lowercase(), b'a' | b'b' | b'd' | b'p' | b't' | b'v' | b'w') {
        return false;
    }
    let after_ascii = |p: &str| t.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p)).map(|_| &t[p.len()..]);
    let by = ["by", "von", "par", "por", "door", "written by"].iter().any(|p| {
        let Some(rest) = after_ascii(p) else {
            return false;
        };
        let after = rest.trim_start_matches(':').trim_start();
        if after.is_empty() {
            return true;
        }
        after.len() < rest.len() && after.chars().next().is_some_and(char::is_uppercase)
    });
    by || after_ascii("di ").is_some_and(|rest| {
        let mut words = 0;
        rest.split_whitespace().all(|w| {
            words += 1;
            w.chars().next().is_some_and(char::is_uppercase)
        }) && (2..=4).contains(&words)
    }) || ["autor", "autorin", "auteur", "author", "tekst", "texto", "texte", "testo"]
        .iter()
        .any(|p| after_ascii(p).is_some_and(|rest| rest.trim_start().starts_with(':')))
}

/// "김철수 기자" (and its e-mail address): a Korean name of two to four syllables and the
/// reporter's or correspondent's title, which Korean bylines put after the name.
fn korean_reporter(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let hangul = |w: &str| {
        (2..=4).contains(&w.chars().count()) && w.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
    };
    words.next().is_some_and(hangul)
        && words.next().is_some_and(|w| matches!(w, "기자" | "특파원"))
        && words.all(|w| w.contains('@'))
}

/// Words that, standing alone, label the author's name beside them ("Author", "Written by",
/// "Autor", "Auteur"), matched case-insensitively with an optional colon.
const BYLINE_LABELS: &[&str] = &["author", "authors", "written by", "autor", "autorin", "auteur", "autore"];

/// Whether the text node `n` is only a byline label, in an element of its own that is not a
/// table cell, form label, link or button (a column header "Author" labels no one name).
fn is_byline_label(dom: &Dom, n: NodeId, t: &str) -> bool {
    let t = t.trim().trim_end_matches([':', '：']).trim_end();
    if t.len() > 10 || !BYLINE_LABELS.iter().any(|l| t.eq_ignore_ascii_case(l)) {
        return false;
    }
    dom.parent(n).and_then(|p| dom.element(p)).is_some_and(|e| {
        !matches!(
            *e.tag(),
            local_name!("th")
                | local_name!("td")
                | local_name!("label")
                | local_name!("a")
                | local_name!("button")
                | local_name!("option")
                | local_name!("body")
        )
    })
}

fn script_text(dom: &Dom, n: NodeId) -> String {
    let mut s = String::new();
    for c in dom.children(n) {
        if let Some(t) = dom.text(c) {
            s.push_str(t);
        }
    }
    s
}

/// Class and id words that mark a byline, matched in any case with one automaton (this
/// test runs on every element).
static BYLINE_MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["byline", "author", "writer", "autor", "username", "user-name"])
        .expect("a few short static keywords always build an automaton")
});

/// Whether markup names the element as an author or byline: `rel=author`, an `itemprop`,
/// `class` or `id` holding "author", "byline" or "writer" (but not a comment's author).
pub(super) fn is_byline_marked(e: &crate::dom::Element) -> bool {
    if e.attr(&local_name!("rel"))
        .is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("author")))
    {
        return true;
    }
    if e.attr(&local_name!("itemprop"))
        .is_some_and(|p| p.split_whitespace().any(|p| p == "author" || p == "creator"))
    {
        return true;
    }
    let marked = |s: &str| {
        BYLINE_MARKS.is_match(s)
            && !contains_ci(s, "comment")
            // "authorization", "authoring": other words that start like "author".
            && !contains_ci(s, "authoriz")
            && !contains_ci(s, "authoring")
            && !contains_ci(s, "avatar")
            && !contains_ci(s, "bio")
            && !contains_ci(s, "img")
            && !contains_ci(s, "image")
            && !contains_ci(s, "photo")
            && !contains_ci(s, "box")
    };
    marked(e.class()) || marked(e.id())
}

/// ASCII case-insensitive substring test, without allocating.
pub(crate) fn contains_ci(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}
