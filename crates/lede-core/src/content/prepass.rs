//! The first pass over the page: hidden elements (but not collapsed panels and FAQ answers), the byline, headings repeating the title,
//! icon-font glyphs written as words, and (in strict attempts) elements whose markup marks them as page furniture.

use html5ever::local_name;

use super::stats::collapsed_len;
use super::{Flags, hints, similarity};
use crate::dom::{Dom, NodeId, NodeSet, is_heading};
use crate::metadata::Metadata;

/// Longest text a byline element may hold.
const BYLINE_MAX_CHARS: usize = 100;

/// Returns the set of nodes to leave out before scoring.
pub(crate) fn drop_furniture(dom: &Dom, body: NodeId, meta: &Metadata, flags: Flags) -> NodeSet {
    let mut dropped = NodeSet::new(dom);
    for &n in &meta.byline_nodes {
        dropped.insert(n);
    }
    let mut byline_found = !meta.byline_nodes.is_empty();
    // Markup that hides or demotes most of the page is a loading wrapper or a bad class
    // name, not furniture: a reader sees that text.
    let wrapper_len = dom.text_len(body) * 4 / 5;
    let holds_page = |id: NodeId| dom.text_len(id) > wrapper_len;
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        let Some(e) = dom.element(id) else { continue };
        if dropped.contains(id) || dom.skips(e) {
            walk.skip_subtree(id);
            continue;
        }
        let tag = e.tag();
        let drop = hints::is_hidden(e)
            && !holds_page(id)
            && !is_inactive_panel(dom, id)
            && !is_collapsed_answer(dom, id)
            || is_icon_ligature(dom, id, e)
            || e.attr(&local_name!("role")) == Some("dialog") && e.attr_str("aria-modal") == Some("true")
            || hints::is_closed_modal(e) && !holds_page(id)
            || !byline_found && hints::looks_like_byline(e) && {
                let text = dom.text_content(id);
                let len = text.trim().chars().count();
                byline_found = len > 0 && len < BYLINE_MAX_CHARS;
                byline_found
            }
            || matches!(*tag, local_name!("h1") | local_name!("h2"))
                && meta.title.as_deref().is_some_and(|t| similarity(t, &dom.text_content(id)) > 0.75)
            || flags.strip_unlikely
                && *tag != local_name!("body")
                && *tag != local_name!("a")
                && (hints::has_unlikely_role(e)
                    // A comment section is furniture even when a word such as "body" in
                    // its class (`comments-body`) rescues it from the unlikely list.
                    || (hints::is_unlikely(e) || hints::names_comments(e))
                        && !inside_table_or_code(dom, id)
                        && !is_section_heading(dom, id))
                && (!holds_page(id) || is_comment_thread(dom, id, e));
        if drop {
            dropped.insert(id);
            walk.skip_subtree(id);
        }
    }
    dropped
}

/// Whether an element holding most of the page is its reader comments (named so, holding
/// no `<h1>`), not a wrapper with a bad class name: a long thread outweighs a short post,
/// and still is not the article.
fn is_comment_thread(dom: &Dom, id: NodeId, e: &crate::dom::Element) -> bool {
    hints::names_comments(e) && !dom.descendants(id).any(|d| dom.is_tag(d, &local_name!("h1")))
}

/// Share of a heading block's text its headings must hold.
const HEADING_BLOCK_SHARE: u32 = 4; // in fifths: 80%

/// Whether a `<header>` or `<div>` is the heading block of a section (a `Copy__header`, a
/// `section-header` holding the section's `<h2>`), not the page banner: a sectioning
/// element above it (ARIA's rule) and nearly all of its text in headings. Its class names
/// it a "header", which the unlikely-class list takes for the site header, and dropping it
/// loses every section heading of a landing page. A header carrying a byline or a date
/// beside the headline stays furniture.
fn is_section_heading(dom: &Dom, id: NodeId) -> bool {
    let block = dom.is_tag(id, &local_name!("header")) || dom.is_tag(id, &local_name!("div"));
    if !block || dom.is_page_banner(id) {
        return false;
    }
    let (mut total, mut headings) = (0, 0);
    let mut walk = dom.descendants(id);
    while let Some(n) = walk.next() {
        if let Some(t) = dom.text(n) {
            total += collapsed_len(t);
        } else if dom.tag(n).is_some_and(is_heading) {
            let len: u32 = dom.descendants(n).filter_map(|d| dom.text(d)).map(collapsed_len).sum();
            headings += len;
            total += len;
            walk.skip_subtree(n);
        }
    }
    total > 0 && headings * 5 >= total * HEADING_BLOCK_SHARE
}

fn inside_table_or_code(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).any(|a| dom.is_tag(a, &local_name!("table")) || dom.is_tag(a, &local_name!("code")))
}

/// Whether a hidden element is one panel of a set (tabs, accordions, carousels): a sibling
/// of the same tag and class is shown, so readers reach this one with a click.
fn is_inactive_panel(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else { return false };
    let class = e.class().trim();
    if class.is_empty() {
        return e.attr(&local_name!("role")) == Some("tabpanel");
    }
    let Some(parent) = dom.parent(id) else { return false };
    dom.element_children(parent).any(|s| {
        s != id
            && dom
                .element(s)
                .is_some_and(|se| se.tag() == e.tag() && se.class().trim() == class && !hints::is_hidden(se))
    })
}

/// Whether a hidden element is the collapsed half of a repeated disclosure (an FAQ's
/// answer): a shown element with text comes before it (the question that opens it), and
/// its parent, the item, is one of several like siblings (same tag and first class name).
fn is_collapsed_answer(dom: &Dom, id: NodeId) -> bool {
    let mut before = std::iter::successors(dom.node(id).prev_sibling, |&n| dom.node(n).prev_sibling);
    let Some(toggle) = before.find_map(|n| dom.element(n).map(|e| (n, e))) else { return false };
    if hints::is_hidden(toggle.1) || dom.text_len(toggle.0) == 0 {
        return false;
    }
    let Some(item) = dom.parent(id) else { return false };
    let Some(ie) = dom.element(item) else { return false };
    let Some(kind) = first_class(ie) else { return false };
    let Some(list) = dom.parent(item) else { return false };
    dom.element_children(list).any(|s| {
        s != item && dom.element(s).is_some_and(|se| se.tag() == ie.tag() && first_class(se) == Some(kind))
    })
}

/// The first name in an element's class list: its kind, without variant names after it.
fn first_class(e: &crate::dom::Element) -> Option<&str> {
    e.class().split_ascii_whitespace().next()
}

/// Longest ligature name an icon font draws ("keyboard_double_arrow_right").
const MAX_LIGATURE_LEN: usize = 40;

/// Whether `e` is an icon-font glyph written as its ligature name ("chevron_right",
/// "local_offer"): a class naming an icon, and one lowercase ASCII word as its text, with an
/// underscore unless the class names a ligature font. Readers see a symbol, not the word.
fn is_icon_ligature(dom: &Dom, id: NodeId, e: &crate::dom::Element) -> bool {
    if !hints::names_icon(e) {
        return false;
    }
    let mut text = String::new();
    dom.append_text(id, &mut text);
    let word = text.trim();
    !word.is_empty()
        && word.len() <= MAX_LIGATURE_LEN
        && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && (word.contains('_') || hints::names_ligature_font(e))
}
