//! What the visible page says about itself: microdata (`itemprop`), `rel=author` links,
//! bylines marked by class or id, `<time datetime>` and the `<h1>`.

use html5ever::local_name;
use url::Url;

use super::scan::{Scan, contains_ci};
use super::{Metadata, date, names};
use crate::dom::{Dom, Element, NodeId};
use crate::links::resolve_fetchable;
use crate::model::Author;
use crate::text::collapse_ws;

/// Byline evidence from the body, plus the `<h1>`s' text for the title.
pub(crate) struct Hints {
    pub(crate) meta: Metadata,
    /// Authors from microdata (`itemprop=author`), the strongest visible signal.
    pub(crate) microdata_authors: Vec<Author>,
    pub(crate) h1s: Vec<String>,
    /// Whether `h1s` holds `<h2>`s, the page having no `<h1>`.
    pub(crate) headings_are_h2: bool,
    /// The text of an element opening the first `<h1>` before more of its text: a thread
    /// prefix or badge ("<h1><span class=label>Player</span> Squad 2024</h1>").
    pub(crate) h1_label: Option<String>,
    /// The date shown near the headline.
    pub(crate) visible_date: Option<crate::date::DateTime>,
    /// Whether the visible byline sits by the headline and opens with "By" (or "Von",
    /// "Par"…): the page's explicit credit.
    pub(crate) explicit_byline: bool,
}

/// Reads the hints the walk collected.
pub(crate) fn read(
    dom: &Dom,
    scan: &Scan<'_>,
    base: Option<&Url>,
    today: Option<jiff::civil::Date>,
) -> Hints {
    let mut meta = Metadata::default();
    // Visible dates are written the way the page's language writes them.
    let order = date::Order::of(scan.html_lang);
    // The first of the named properties in document order: a question's `dateCreated`
    // comes before its comments' `datePublished`.
    let prop_date = |names: &[&str]| {
        scan.itemprops
            .iter()
            .filter(|(_, p)| p.split_whitespace().any(|p| names.contains(&p)))
            .filter_map(|&(n, _)| date::parse(&value(dom, n)))
            .find(|d| date::plausible(d, today))
    };
    meta.published = prop_date(&["datePublished", "dateCreated"]);
    meta.modified = prop_date(&["dateModified"]);
    if meta.published.is_none() {
        meta.published = time_element(dom, scan, today, order);
    }
    let mut visible_date = visible_date(dom, scan, today, order);

    // Microdata: the first `itemprop=author` and its siblings; later ones belong to
    // comments or replies.
    let mut microdata_authors = Vec::new();
    let mut first_parent = None;
    for &(n, p) in &scan.itemprops {
        if !p.split_whitespace().any(|p| p == "author" || p == "creator") {
            continue;
        }
        match first_parent {
            None => first_parent = Some(dom.parent(n)),
            Some(fp) if fp != dom.parent(n) => break,
            Some(_) => {}
        }
        let name_node = dom.descendants(n).find(|&d| {
            dom.element(d)
                .and_then(|e| e.attr(&local_name!("itemprop")))
                .is_some_and(|p| p.split_whitespace().any(|p| p == "name"))
        });
        // Block boundaries and `<br>` part the name from a role shown under it ("By Jane
        // Doe<br>Senior Reporter"), as in a visible byline.
        let node = name_node.unwrap_or(n);
        let text = match dom.element(node).and_then(|e| e.attr(&local_name!("content"))) {
            Some(c) => c.to_owned(),
            None => spaced_text(dom, node),
        };
        let url = dom
            .element(n)
            .and_then(|e| e.attr(&local_name!("href")))
            .and_then(|h| resolve_fetchable(base, h));
        for mut a in names::parse_byline(&text) {
            a.url = a.url.or_else(|| url.clone());
            names::push_unique(&mut microdata_authors, a);
        }
    }

    // Visible bylines: after the headline before above it, best marking first, then the
    // first in the page.
    let mut best: Option<((bool, u8), NodeId, Vec<Author>)> = None;
    let mut explicit_byline = false;
    for &(n, h1s_before) in &scan.bylines {
        let Some(e) = dom.element(n) else { continue };
        let key = (!near_headline(dom, scan, n, h1s_before), marking_rank(e));
        if best.as_ref().is_some_and(|(k, _, _)| *k <= key)
            || in_page_chrome(dom, n)
            || holds_form_field(dom, n)
        {
            continue;
        }
        let text = spaced_text(dom, n);
        if text.is_empty() || text.chars().count() > 150 {
            continue;
        }
        let mut authors = names::parse_visible_byline(&text);
        if authors.is_empty() {
            authors = marked_within(dom, n);
        }
        if !authors.is_empty() {
            explicit_byline = !key.0 && names::opens_with_prefix(&text);
            best = Some((key, n, authors));
        }
    }
    let mut byline_date = None;
    if let Some((_, n, authors)) = best {
        meta.authors = authors;
        meta.byline_nodes.push(n);
        // A date inside or beside the byline is the article's, whatever comes first on
        // the page; "beside" stops short of page-wide containers.
        let parent = dom.parent(n).filter(|&p| {
            !matches!(
                dom.tag(p),
                Some(
                    &local_name!("body")
                        | &local_name!("html")
                        | &local_name!("main")
                        | &local_name!("article")
                )
            )
        });
        let date_within = |area: NodeId| {
            scan.dated
                .iter()
                .filter(|&&(d, _)| dom.ancestors(d).any(|a| a == area))
                .filter_map(|&(d, _)| date::parse_ordered(&dated_text(dom, d), order))
                .find(|d| date::plausible(d, today))
        };
        byline_date = date_within(n).or_else(|| parent.and_then(date_within));
    }

    visible_date = byline_date.or(visible_date);
    // Forums and older CMSs put the headline in an <h2> when the page has no <h1>.
    let headings = if scan.h1s.is_empty() { &scan.h2s } else { &scan.h1s };
    let h1s = headings.iter().map(|&n| collapse_ws(&dom.text_content(n))).filter(|t| !t.is_empty()).collect();
    let h1_label = scan.h1s.first().and_then(|&h| leading_label(dom, h));
    Hints {
        meta,
        microdata_authors,
        h1s,
        headings_are_h2: scan.h1s.is_empty(),
        h1_label,
        visible_date,
        explicit_byline,
    }
}

/// Whether `name` shows in any of the page's byline candidates (author boxes, credits).
pub(crate) fn shown_in_bylines(dom: &Dom, scan: &Scan<'_>, name: &str) -> bool {
    let name = name.to_lowercase();
    scan.bylines.iter().any(|&(n, _)| spaced_text(dom, n).to_lowercase().contains(&name))
}

/// The text of the element that opens `h1` when more text follows it in the `<h1>`.
fn leading_label(dom: &Dom, h1: NodeId) -> Option<String> {
    let mut kids = dom.children(h1).filter(|&k| !dom.text(k).is_some_and(|t| t.trim().is_empty()));
    let first = kids.next().filter(|&k| dom.element(k).is_some())?;
    let label = collapse_ws(&dom.text_content(first));
    let more = kids.any(|k| !dom.text_content(k).trim().is_empty());
    (more && !label.is_empty()).then_some(label)
}

/// Whether `n` is or holds a form field: a sign-up form's "user name" field and its
/// label ("First Name") are no byline.
fn holds_form_field(dom: &Dom, n: NodeId) -> bool {
    dom.descendants(n).any(|d| {
        dom.element(d).is_some_and(|e| {
            matches!(
                *e.tag(),
                local_name!("input") | local_name!("select") | local_name!("textarea") | local_name!("label")
            )
        })
    })
}

/// The people named by an author element inside the byline `n`, for a byline whose whole
/// text reads as no name ("Guide by Jane Doe Deputy Editor"): the walk keeps only the
/// outermost candidate, and the inner one marked as the author is the precise one.
fn marked_within(dom: &Dom, n: NodeId) -> Vec<Author> {
    dom.descendants(n)
        .skip(1)
        .filter(|&d| dom.element(d).is_some_and(super::scan::is_byline_marked))
        .map(|d| names::parse_visible_byline(&spaced_text(dom, d)))
        .find(|a| !a.is_empty())
        .unwrap_or_default()
}

/// The date shown after the headline (or before it, if none follows), outside footers,
/// sidebars and comments: among the first three after the headline, one labelled
/// "Published" (or "Posted", "Veröffentlicht"…) first.
fn visible_date(
    dom: &Dom,
    scan: &Scan<'_>,
    today: Option<jiff::civil::Date>,
    order: date::Order,
) -> Option<crate::date::DateTime> {
    let mut before_h1 = None;
    let mut after_h1 = None;
    let mut seen_after = 0;
    for &(n, h1s_before) in &scan.dated {
        let raw = match dom.element(n) {
            Some(e) => {
                e.attr(&local_name!("datetime")).map(str::to_owned).unwrap_or_else(|| dom.text_content(n))
            }
            None => dom.text(n).unwrap_or_default().to_owned(),
        };
        let Some(d) = date::parse_ordered(&raw, order).filter(|d| date::plausible(d, today)) else {
            continue;
        };
        if in_page_chrome(dom, n) {
            continue;
        }
        // The label may sit in the text itself or in a sibling ("<b>Published</b> <span>…").
        let context = dom.parent(n).map(|p| spaced_text(dom, p)).filter(|t| t.len() < 200);
        let labelled = PUBLISHED_LABELS
            .iter()
            .any(|l| contains_ci(&raw, l) || context.as_deref().is_some_and(|c| contains_ci(c, l)));
        if near_headline(dom, scan, n, h1s_before) {
            if labelled {
                return Some(d);
            }
            after_h1 = after_h1.or(Some(d));
            seen_after += 1;
            if seen_after >= 3 {
                break;
            }
        } else {
            before_h1 = before_h1.or(Some(d));
        }
    }
    after_h1.or(before_h1)
}

/// The text below `n` with a space between text nodes, so that neighbouring elements do
/// not run together ("Jane Doe</a><span>Updated"), and " | " at line breaks and block
/// boundaries, which [`names::parse_byline`] treats as separators.
fn spaced_text(dom: &Dom, n: NodeId) -> String {
    let mut out = String::new();
    let mut walk = dom.descendants(n);
    while let Some(d) = walk.next() {
        if let Some(t) = dom.text(d) {
            out.push_str(t);
            out.push(' ');
            continue;
        }
        let Some(e) = dom.element(d) else { continue };
        if crate::dom::is_non_content(e) {
            walk.skip_subtree(d);
        } else if crate::dom::is_heading(e.tag()) {
            // A heading is set apart on both sides: "<h4>Jane Doe</h4><a>Profile</a>".
            out.push_str(" | ");
            out.push_str(&dom.text_content(d));
            out.push_str(" | ");
            walk.skip_subtree(d);
        } else if matches!(
            *e.tag(),
            local_name!("br")
                | local_name!("div")
                | local_name!("p")
                | local_name!("li")
                | local_name!("dd")
                | local_name!("dt")
        ) {
            out.push_str(" | ");
        }
    }
    collapse_ws(&out)
}

/// Whether `n` follows the first `<h1>` or shares its container (bylines and dates often
/// sit just above the headline); true on pages without an `<h1>`.
fn near_headline(dom: &Dom, scan: &Scan<'_>, n: NodeId, h1s_before: usize) -> bool {
    let Some(&h1) = scan.h1s.first() else { return true };
    if h1s_before > 0 {
        return true;
    }
    let container = dom.parent(h1).and_then(|p| dom.parent(p));
    container.is_some_and(|c| {
        c != NodeId::DOCUMENT && dom.ancestors(n).any(|a| a == c) && !dom.is_tag(c, &local_name!("body"))
    })
}

/// The text of a date candidate: a `<time>`'s `datetime`, or the text.
fn dated_text(dom: &Dom, n: NodeId) -> String {
    match dom.element(n) {
        Some(e) => e.attr(&local_name!("datetime")).map(str::to_owned).unwrap_or_else(|| dom.text_content(n)),
        None => dom.text(n).unwrap_or_default().to_owned(),
    }
}

/// Words that label a shown date as the publication date.
const PUBLISHED_LABELS: &[&str] =
    &["published", "posted", "veröffentlicht", "publié", "publicado", "pubblicato", "gepubliceerd"];

/// The value of a microdata element: `content`, `datetime`, or its text.
fn value(dom: &Dom, n: NodeId) -> String {
    let e = dom.element(n);
    e.and_then(|e| e.attr(&local_name!("content")).or_else(|| e.attr(&local_name!("datetime"))))
        .map(str::to_owned)
        .unwrap_or_else(|| collapse_ws(&dom.text_content(n)))
}

/// The publication date from `<time>`: one marked as published (`pubdate`, a class
/// saying so) first, else the first `<time datetime>` that is not marked as an update.
fn time_element(
    dom: &Dom,
    scan: &Scan<'_>,
    today: Option<jiff::civil::Date>,
    order: date::Order,
) -> Option<crate::date::DateTime> {
    let mut first = None;
    let mut first_near = None;
    for &n in &scan.times {
        let Some(e) = dom.element(n) else { continue };
        let raw = e.attr(&local_name!("datetime")).map(str::to_owned).unwrap_or_else(|| dom.text_content(n));
        let Some(d) = date::parse_ordered(&raw, order).filter(|d| date::plausible(d, today)) else {
            continue;
        };
        let marks =
            |s: &str| contains_ci(s, "publish") || contains_ci(s, "pubdate") || contains_ci(s, "posted");
        if e.attr_str("pubdate").is_some()
            || marks(e.class())
            || dom.parent(n).and_then(|p| dom.element(p)).is_some_and(|p| marks(p.class()))
        {
            return Some(d);
        }
        let updated = |s: &str| contains_ci(s, "update") || contains_ci(s, "modif");
        if first_near.is_none() && !updated(e.class()) && !in_page_chrome(dom, n) {
            // A `<time>` above the headline and apart from it dates a teaser in a sidebar or
            // a list of recent posts; the article's own sits after or beside its headline.
            let h1s_before = scan.dated.iter().find(|&&(d, _)| d == n).map(|&(_, h)| h);
            if h1s_before.is_some_and(|h| near_headline(dom, scan, n, h)) {
                first_near = Some(d);
            }
            first = first.or(Some(d));
        }
    }
    first_near.or(first)
}

/// Lower is stronger: microdata, then "byline", then `rel=author`, then "author".
fn marking_rank(e: &Element) -> u8 {
    if e.attr(&local_name!("itemprop")).is_some() {
        0
    } else if contains_ci(e.class(), "byline") || contains_ci(e.id(), "byline") {
        1
    } else if e.attr(&local_name!("rel")).is_some() || !is_marked_author(e) {
        2
    } else {
        3
    }
}

fn is_marked_author(e: &Element) -> bool {
    ["author", "writer", "autor", "user"].iter().any(|w| contains_ci(e.class(), w) || contains_ci(e.id(), w))
}

/// Whether `n` sits in navigation, a comment or related-links area, or a footer or aside
/// that is the page's rather than the article's.
fn in_page_chrome(dom: &Dom, n: NodeId) -> bool {
    let mut in_footer = false;
    for a in dom.ancestors(n) {
        let Some(e) = dom.element(a) else { continue };
        match *e.tag() {
            local_name!("nav") => return true,
            local_name!("footer") | local_name!("aside") => in_footer = true,
            local_name!("article") => return false,
            // The page's main region is no chrome, whatever its wrappers' classes say
            // ("main-container fixed-sidebar").
            local_name!("main") => return in_footer,
            // Their classes describe the whole page ("no-sidebar", "has-comments").
            local_name!("body") | local_name!("html") => continue,
            _ => {}
        }
        // Whole words of the class or id ("related-posts", "commentlist"), not substrings:
        // "beside_nssidebar" wraps the article.
        // Utility classes with a variant or an arbitrary value ("[--sidebar-width:18rem]",
        // "lg:mr-[--sidebar-w]") set a layout, they name no part of the page.
        let chrome_word = |s: &str| {
            s.split_whitespace().filter(|t| !t.contains(['[', ':'])).any(|t| {
                t.split(['-', '_']).any(|w| {
                    ["comment", "related", "sidebar"]
                        .iter()
                        .any(|p| w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
                })
            })
        };
        if chrome_word(e.class()) || chrome_word(e.id()) {
            return true;
        }
    }
    in_footer
}
