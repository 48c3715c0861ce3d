//! The document tree: a flat arena of nodes built once by html5ever and read by every
//! later stage.
//!
//! Nodes live in one `Vec` and refer to each other by index, so building the tree costs
//! one push per node and reading it costs no reference counting. Text is kept as the
//! parser's tendrils (no copy per node). Stages never mutate the tree: they keep their
//! own per-node side tables (`Vec<T>` indexed by [`NodeId`]) instead.

mod lexer;
mod node_set;
mod sink;
mod table;

use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, QualName, local_name, ns};

use crate::work::Budget;

pub(crate) use node_set::NodeSet;
pub(crate) use sink::parse;
pub(crate) use table::is_data_table;

/// Index of a node in [`Dom::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct NodeId(pub(crate) u32);

impl NodeId {
    /// The document node, root of every tree.
    pub(crate) const DOCUMENT: NodeId = NodeId(0);

    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// One node: its links and its data.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: Option<NodeId>,
    pub(crate) first_child: Option<NodeId>,
    pub(crate) last_child: Option<NodeId>,
    pub(crate) prev_sibling: Option<NodeId>,
    pub(crate) next_sibling: Option<NodeId>,
    pub(crate) data: NodeData,
}

/// What a node is.
#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, doctypes and processing instructions: kept only so that handles stay valid.
    Other,
}

/// An element: its name and attributes.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) name: QualName,
    pub(crate) attrs: Vec<Attribute>,
}

impl Element {
    /// The value of attribute `name`, if present.
    pub(crate) fn attr(&self, name: &LocalName) -> Option<&str> {
        self.attrs.iter().find(|a| a.name.local == *name).map(|a| &*a.value)
    }

    /// The value of an attribute whose name is not a predefined atom (e.g. `data-src`).
    pub(crate) fn attr_str(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
    }

    /// The element's local name, lowercase.
    pub(crate) fn tag(&self) -> &LocalName {
        &self.name.local
    }

    /// Whether this is an HTML (not SVG or MathML) element.
    pub(crate) fn is_html(&self) -> bool {
        self.name.ns == ns!(html)
    }

    pub(crate) fn id(&self) -> &str {
        self.attr(&local_name!("id")).unwrap_or("")
    }

    pub(crate) fn class(&self) -> &str {
        self.attr(&local_name!("class")).unwrap_or("")
    }
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
    /// Whether `<noscript>` holds the page's content (script-rendered apps that ship their
    /// text only as a no-script fallback); otherwise it is skipped like `<script>`.
    pub(crate) noscript_is_content: bool,
    /// The work spent walking this page: every iterator below charges it, and ends early
    /// once it is exhausted.
    pub(crate) work: Budget,
}

impl Dom {
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The element data of `id`, if it is an element.
    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.node(id).data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag name of `id` if it is an HTML element.
    pub(crate) fn tag(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id).filter(|e| e.is_html()).map(Element::tag)
    }

    pub(crate) fn is_tag(&self, id: NodeId, name: &LocalName) -> bool {
        self.tag(id) == Some(name)
    }

    pub(crate) fn text(&self, id: NodeId) -> Option<&str> {
        match &self.node(id).data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The parent of `id`. Climbs are walks too: each step is charged to [`Dom::work`], and
    /// once it is exhausted every node reads as a root.
    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        if !self.work.charge() {
            return None;
        }
        self.node(id).parent
    }

    /// The children of `id`, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.node(id).first_child }
    }

    /// The element children of `id`, in order.
    pub(crate) fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(|&c| self.element(c).is_some())
    }

    /// Every node below `id` (not `id` itself) in document order, without recursion.
    pub(crate) fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { dom: self, root: id, next: self.node(id).first_child }
    }

    /// `id`'s ancestors, nearest first, excluding the document node.
    pub(crate) fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), |&p| self.parent(p)).filter(|&p| p != NodeId::DOCUMENT)
    }

    /// The next node in document order after the subtree of `id`.
    pub(crate) fn next_after_subtree(&self, root: NodeId, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == root {
                return None;
            }
            let node = self.node(id);
            if let Some(next) = node.next_sibling {
                return Some(next);
            }
            id = node.parent?;
        }
    }

    /// The `<html>` and `<body>` elements as the parser placed them.
    pub(crate) fn html(&self) -> Option<NodeId> {
        self.element_children(NodeId::DOCUMENT).find(|&c| self.is_tag(c, &local_name!("html")))
    }

    pub(crate) fn body(&self) -> Option<NodeId> {
        self.html().and_then(|h| self.element_children(h).find(|&c| self.is_tag(c, &local_name!("body"))))
    }

    /// All text below `id`, concatenated as it appears in the source (no whitespace
    /// normalisation; `<script>`, `<style>` and `<template>` skipped).
    pub(crate) fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.append_text(id, &mut out);
        out
    }

    /// Bytes of text below `id` (as [`Dom::text_content`] would return), without building it.
    pub(crate) fn text_len(&self, id: NodeId) -> usize {
        let mut len = 0;
        let mut walk = self.descendants(id);
        while let Some(n) = walk.next() {
            match &self.node(n).data {
                NodeData::Text(t) => len += t.len(),
                NodeData::Element(e) if self.skips(e) => walk.skip_subtree(n),
                _ => {}
            }
        }
        len
    }

    pub(crate) fn append_text(&self, id: NodeId, out: &mut String) {
        if let Some(t) = self.text(id) {
            out.push_str(t);
            return;
        }
        let mut walk = self.descendants(id);
        while let Some(n) = walk.next() {
            match &self.node(n).data {
                NodeData::Text(t) => out.push_str(t),
                NodeData::Element(e) if self.skips(e) => walk.skip_subtree(n),
                _ => {}
            }
        }
    }

    /// Whether the `<header>` `id` is the page's banner (the site header), not the heading
    /// block of an article or section: ARIA's rule, no sectioning element above it.
    pub(crate) fn is_page_banner(&self, id: NodeId) -> bool {
        !self.ancestors(id).any(|a| {
            self.tag(a).is_some_and(|t| {
                matches!(
                    *t,
                    local_name!("article")
                        | local_name!("aside")
                        | local_name!("main")
                        | local_name!("nav")
                        | local_name!("section")
                )
            })
        })
    }

    /// Whether the text of `e` is never page text (scripts, styles, and `<noscript>` unless
    /// it holds the content).
    pub(crate) fn skips(&self, e: &Element) -> bool {
        is_non_content(e) || !self.noscript_is_content && *e.tag() == local_name!("noscript")
    }

    /// Decides [`Dom::noscript_is_content`]: true when the body's `<noscript>` elements
    /// (`noscripts`, in document order) hold more than twice the text of everything else.
    /// Most pages' `<noscript>`s hold no text (a tracking pixel, a style): then the body is
    /// not walked at all, and otherwise only until the rest outweighs them.
    fn detect_noscript_content(&mut self, noscripts: &[NodeId]) {
        let Some(body) = self.body() else { return };
        let in_body = |id: NodeId| self.ancestors(id).any(|a| a == body);
        let nested = |id: NodeId| self.ancestors(id).any(|a| self.is_tag(a, &local_name!("noscript")));
        let inside: usize =
            noscripts.iter().filter(|&&n| in_body(n) && !nested(n)).map(|&n| self.content_bytes(n)).sum();
        if inside == 0 {
            return;
        }
        let mut outside = 0;
        let mut walk = self.descendants(body);
        while let Some(id) = walk.next() {
            match &self.node(id).data {
                NodeData::Text(t) => {
                    outside += t.trim_ascii().len();
                    if 2 * outside >= inside {
                        return;
                    }
                }
                NodeData::Element(e) if is_non_content(e) || *e.tag() == local_name!("noscript") => {
                    walk.skip_subtree(id);
                }
                _ => {}
            }
        }
        self.noscript_is_content = true;
    }

    /// Bytes of trimmed text under `id`, leaving out scripts, styles and other non-content.
    fn content_bytes(&self, id: NodeId) -> usize {
        let mut total = 0;
        let mut walk = self.descendants(id);
        while let Some(n) = walk.next() {
            match &self.node(n).data {
                NodeData::Text(t) => total += t.trim_ascii().len(),
                NodeData::Element(e) if is_non_content(e) => walk.skip_subtree(n),
                _ => {}
            }
        }
        total
    }
}

/// Whether `tag` is a heading, `<h1>` to `<h6>`.
pub(crate) fn is_heading(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

/// Elements whose text is never page text, whatever the page (see also [`Dom::skips`]).
/// Ruby annotations (`<rt>`, `<rtc>`, and the `<rp>` parentheses shown where ruby is not
/// supported) are readings set above their base text: inline they would run into it
/// ("漢字かんじ"), so they are left out wherever text is read or measured.
pub(crate) fn is_non_content(e: &Element) -> bool {
    matches!(
        *e.tag(),
        local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("rt")
            | local_name!("rtc")
            | local_name!("rp")
    ) || !e.is_html() && *e.tag() != local_name!("math")
}

/// Iterator over a node's children.
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        if !self.dom.work.charge() {
            self.next = None;
            return None;
        }
        self.next = self.dom.node(id).next_sibling;
        Some(id)
    }
}

/// Pre-order iterator over a subtree; [`Descendants::skip_subtree`] prunes.
pub(crate) struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Descendants<'_> {
    /// Do not descend into `id`, the node just returned.
    pub(crate) fn skip_subtree(&mut self, id: NodeId) {
        self.next = self.dom.next_after_subtree(self.root, id);
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        if !self.dom.work.charge() {
            self.next = None;
            return None;
        }
        let node = self.dom.node(id);
        self.next = match node.first_child {
            Some(c) => Some(c),
            None => self.dom.next_after_subtree(self.root, id),
        };
        Some(id)
    }
}
