//! What the visible page says about itself: microdata (`itemprop`), `rel=author` links,
//! bylines marked by class or id, `<time datetime>` and the `<h1>`.

use html5ever::local_name;
use url::Url;

use super::scan::{Scan, contains_ci};
use super::{Metadata, collapse_ws, date, names, resolve};
use crate::dom::{Dom, Element, NodeId};
use crate::model::Author;

/// Byline evidence from the body, plus the `<h1>`s' text for the title.
pub(crate) struct Hints {
    pub(crate) meta: Metadata,
    /// Authors from microdata (`itemprop=author`), the strongest visible signal.
    pub(crate) microdata_authors: Vec<Author>,
    pub(crate) h1s: Vec<String>,
}

/// Reads the hints the walk collected.
pub(crate) fn read(dom: &Dom, scan: &Scan<'_>, base: Option<&Url>) -> Hints {
    let mut meta = Metadata::default();
    let today = date::today();
    let prop_date = |name: &str| {
        scan.itemprops
            .iter()
            .filter(|(_, p)| p.split_whitespace().any(|p| p == name))
            .filter_map(|&(n, _)| date::parse(&value(dom, n)))
            .find(|d| date::plausible(d, today))
    };
    meta.published = prop_date("datePublished").or_else(|| prop_date("dateCreated"));
    meta.modified = prop_date("dateModified");
    if meta.published.is_none() {
        meta.published = time_element(dom, scan, today);
    }

    let mut microdata_authors = Vec::new();
    for &(n, p) in &scan.itemprops {
        if !p.split_whitespace().any(|p| p == "author" || p == "creator") {
            continue;
        }
        let name_node = dom.descendants(n).find(|&d| {
            dom.element(d)
                .and_then(|e| e.attr(&local_name!("itemprop")))
                .is_some_and(|p| p.split_whitespace().any(|p| p == "name"))
        });
        let text = value(dom, name_node.unwrap_or(n));
        let url = dom.element(n).and_then(|e| e.attr(&local_name!("href"))).and_then(|h| resolve(h, base));
        for mut a in names::parse_byline(&text) {
            a.url = a.url.or_else(|| url.clone());
            names::push_unique(&mut microdata_authors, a);
        }
    }

    // Visible bylines: the first well-marked element, best marking first.
    let mut best: Option<(u8, NodeId, Vec<Author>)> = None;
    for &n in &scan.bylines {
        let Some(e) = dom.element(n) else { continue };
        let rank = marking_rank(e);
        if best.as_ref().is_some_and(|(r, _, _)| *r <= rank) || in_page_chrome(dom, n) {
            continue;
        }
        let text = dom.text_content(n);
        let text = collapse_ws(&text);
        if text.is_empty() || text.chars().count() > 150 {
            continue;
        }
        let authors = names::parse_byline(&text);
        if !authors.is_empty() {
            best = Some((rank, n, authors));
        }
    }
    if let Some((_, n, authors)) = best {
        meta.authors = authors;
        meta.byline_nodes.push(n);
    }

    let h1s = scan.h1s.iter().map(|&n| collapse_ws(&dom.text_content(n))).filter(|t| !t.is_empty()).collect();
    Hints { meta, microdata_authors, h1s }
}

/// The value of a microdata element: `content`, `datetime`, or its text.
fn value(dom: &Dom, n: NodeId) -> String {
    let e = dom.element(n);
    e.and_then(|e| e.attr(&local_name!("content")).or_else(|| e.attr(&local_name!("datetime"))))
        .map(str::to_owned)
        .unwrap_or_else(|| collapse_ws(&dom.text_content(n)))
}

/// The publication date from `<time>`: one marked as published (`pubdate`, a class
/// saying so) first, else the first `<time datetime>` that is not marked as an update.
fn time_element(dom: &Dom, scan: &Scan<'_>, today: jiff::civil::Date) -> Option<crate::date::DateTime> {
    let mut first = None;
    for &n in &scan.times {
        let Some(e) = dom.element(n) else { continue };
        let raw = e.attr(&local_name!("datetime")).map(str::to_owned).unwrap_or_else(|| dom.text_content(n));
        let Some(d) = date::parse(&raw).filter(|d| date::plausible(d, today)) else { continue };
        let marks =
            |s: &str| contains_ci(s, "publish") || contains_ci(s, "pubdate") || contains_ci(s, "posted");
        if e.attr_str("pubdate").is_some()
            || marks(e.class())
            || dom.parent(n).and_then(|p| dom.element(p)).is_some_and(|p| marks(p.class()))
        {
            return Some(d);
        }
        let updated = |s: &str| contains_ci(s, "update") || contains_ci(s, "modif");
        if first.is_none() && !updated(e.class()) && !in_page_chrome(dom, n) {
            first = Some(d);
        }
    }
    first
}

/// Lower is stronger: microdata, then "byline", then `rel=author`, then "author".
fn marking_rank(e: &Element) -> u8 {
    if e.attr(&local_name!("itemprop")).is_some() {
        0
    } else if contains_ci(e.class(), "byline") || contains_ci(e.id(), "byline") {
        1
    } else if e.attr(&local_name!("rel")).is_some() {
        2
    } else {
        3
    }
}

/// Whether `n` sits in a footer, sidebar, navigation or comment area.
fn in_page_chrome(dom: &Dom, n: NodeId) -> bool {
    dom.ancestors(n).any(|a| {
        let Some(e) = dom.element(a) else { return false };
        matches!(*e.tag(), local_name!("footer") | local_name!("aside") | local_name!("nav"))
            || contains_ci(e.class(), "comment")
            || contains_ci(e.id(), "comment")
            || contains_ci(e.class(), "related")
            || contains_ci(e.class(), "sidebar")
    })
}
