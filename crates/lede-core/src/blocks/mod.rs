//! The block tree: turns the selected DOM subtrees into typed [`Block`]s.
//!
//! This stage decides structure only (what is a paragraph, a list, a figure); what is
//! content was decided by [`crate::content`], whose dropped nodes are skipped here.

mod fallback;
mod image;
mod inline;
mod table;

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::{LocalName, local_name};
use url::Url;

use crate::content::Selection;
use crate::dom::{Dom, NodeData, NodeId};
use crate::model::{Block, Image, Inline};
use crate::options::Options;

pub(crate) use fallback::from_description;
use inline::Run;

/// Builds the body blocks for `selection`.
pub(crate) fn build(dom: &Dom, selection: &Selection, base: Option<&Url>, options: &Options) -> Vec<Block> {
    let builder = Builder { dom, selection, base, options, noscript_srcs: RefCell::default() };
    let mut out = Vec::new();
    for &root in &selection.roots {
        builder.container(root, &mut out);
    }
    out
}

/// Every image in `blocks`, in order (figures inside lists and quotes included).
pub(crate) fn images(blocks: &[Block]) -> Vec<Image> {
    let mut out = Vec::new();
    collect_images(blocks, &mut out);
    out
}

fn collect_images(blocks: &[Block], out: &mut Vec<Image>) {
    for block in blocks {
        match block {
            Block::Figure { image } => out.push(image.clone()),
            Block::Quote { content } => collect_images(content, out),
            Block::List { items, .. } => items.iter().for_each(|i| collect_images(i, out)),
            _ => {}
        }
    }
}

pub(crate) struct Builder<'a> {
    pub(crate) dom: &'a Dom,
    pub(crate) selection: &'a Selection,
    pub(crate) base: Option<&'a Url>,
    pub(crate) options: &'a Options,
    /// Per parent, the first usable image address inside its `<noscript>` children: every
    /// lazy placeholder among the parent's children looks there, and a run of thousands of
    /// them must not rescan the run once each.
    pub(crate) noscript_srcs: RefCell<HashMap<NodeId, Option<&'a str>>>,
}

/// How an element takes part in the block structure.
enum Role {
    Skip,
    Inline,
    Container,
    Paragraph,
    Heading(u8),
    List(bool),
    Quote,
    Pre,
    Figure,
    Image,
    Table,
    Break,
}

fn role(tag: &LocalName) -> Role {
    match *tag {
        local_name!("p")
        | local_name!("dt")
        | local_name!("dd")
        | local_name!("figcaption")
        | local_name!("caption")
        | local_name!("summary")
        | local_name!("address") => Role::Paragraph,
        local_name!("h1") => Role::Heading(1),
        local_name!("h2") => Role::Heading(2),
        local_name!("h3") => Role::Heading(3),
        local_name!("h4") => Role::Heading(4),
        local_name!("h5") => Role::Heading(5),
        local_name!("h6") => Role::Heading(6),
        local_name!("ul") | local_name!("menu") => Role::List(false),
        local_name!("ol") => Role::List(true),
        local_name!("blockquote") => Role::Quote,
        local_name!("pre") | local_name!("listing") | local_name!("xmp") | local_name!("plaintext") => {
            Role::Pre
        }
        local_name!("figure") => Role::Figure,
        local_name!("img") | local_name!("picture") => Role::Image,
        local_name!("table") => Role::Table,
        local_name!("br") => Role::Break,
        local_name!("div")
        | local_name!("section")
        | local_name!("article")
        | local_name!("main")
        | local_name!("aside")
        | local_name!("header")
        | local_name!("footer")
        | local_name!("nav")
        | local_name!("body")
        | local_name!("html")
        | local_name!("form")
        | local_name!("fieldset")
        | local_name!("details")
        | local_name!("dialog")
        | local_name!("dl")
        | local_name!("li")
        | local_name!("center")
        | local_name!("hgroup")
        | local_name!("tbody")
        | local_name!("thead")
        | local_name!("tfoot")
        | local_name!("tr")
        | local_name!("td")
        | local_name!("th")
        | local_name!("legend")
        | local_name!("search") => Role::Container,
        local_name!("hr")
        | local_name!("head")
        | local_name!("iframe")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("button")
        | local_name!("input")
        | local_name!("select")
        | local_name!("textarea")
        | local_name!("option")
        | local_name!("video")
        | local_name!("audio")
        | local_name!("canvas")
        | local_name!("map")
        | local_name!("title")
        | local_name!("meta")
        | local_name!("link")
        | local_name!("source")
        | local_name!("track")
        | local_name!("area") => Role::Skip,
        _ => Role::Inline,
    }
}

impl Builder<'_> {
    fn skipped(&self, id: NodeId) -> Option<&LocalName> {
        let e = self.dom.element(id)?;
        if self.selection.dropped.contains(id) || self.dom.skips(e) {
            return None;
        }
        Some(e.tag())
    }

    /// Appends the blocks of `id`'s content (or of `id` itself, if it is a block) to `out`.
    pub(crate) fn container(&self, id: NodeId, out: &mut Vec<Block>) {
        match &self.dom.node(id).data {
            NodeData::Element(_) => {}
            NodeData::Text(_) => {
                let mut run = Run::default();
                self.inline(id, &mut run);
                run.flush_into(out);
                return;
            }
            _ => return,
        }
        if self.selection.dropped.contains(id) {
            return;
        }
        if !matches!(self.element_role(id), Role::Container) {
            self.block(id, out);
            return;
        }
        let mut run = Run::default();
        for child in self.dom.children(id) {
            match &self.dom.node(child).data {
                NodeData::Text(_) => self.inline(child, &mut run),
                NodeData::Element(_) => match self.element_role(child) {
                    Role::Inline | Role::Break => self.inline(child, &mut run),
                    Role::Image if !self.contains_block(child) => self.image_in_run(child, &mut run, out),
                    Role::Skip => {}
                    _ => {
                        run.flush_into(out);
                        self.block(child, out);
                    }
                },
                _ => {}
            }
        }
        run.flush_into(out);
    }

    fn element_role(&self, id: NodeId) -> Role {
        match self.skipped(id) {
            None => Role::Skip,
            Some(tag) => {
                let role = role(tag);
                // Inline elements wrapping blocks (`<a><div>…</div></a>`) act as containers.
                if matches!(role, Role::Inline) && self.contains_block(id) { Role::Container } else { role }
            }
        }
    }

    /// Whether `id` has a block-level descendant (bounded look-ahead for inline wrappers).
    fn contains_block(&self, id: NodeId) -> bool {
        self.dom.descendants(id).take(200).any(|d| {
            self.dom
                .tag(d)
                .is_some_and(|t| !matches!(role(t), Role::Inline | Role::Break | Role::Skip | Role::Image))
        })
    }

    /// Appends the block for `id`, an element with a block role.
    fn block(&self, id: NodeId, out: &mut Vec<Block>) {
        match self.element_role(id) {
            Role::Skip => {}
            Role::Inline | Role::Break => {
                let mut run = Run::default();
                self.inline(id, &mut run);
                run.flush_into(out);
            }
            Role::Container => self.container(id, out),
            Role::Paragraph => {
                if self.contains_block(id) {
                    self.container_children(id, out);
                } else {
                    let mut run = Run::default();
                    self.inline_children(id, &mut run);
                    run.flush_into(out);
                }
            }
            Role::Heading(level) => {
                let mut run = Run::default();
                self.inline_children(id, &mut run);
                if let Some(content) = run.finish() {
                    out.push(Block::Heading { level, content });
                }
            }
            Role::List(ordered) => self.list(id, ordered, out),
            Role::Quote => {
                let mut content = Vec::new();
                self.container_children(id, &mut content);
                if !content.is_empty() {
                    out.push(Block::Quote { content });
                }
            }
            Role::Pre => {
                let text = self.dom.text_content(id);
                let text = text.trim_matches('\n').trim_end();
                if !text.trim().is_empty() {
                    out.push(Block::Code { language: self.code_language(id), text: text.to_owned() });
                }
            }
            Role::Figure => self.figure(id, out),
            Role::Image => {
                let mut run = Run::default();
                self.image_in_run(id, &mut run, out);
            }
            Role::Table => self.table(id, out),
        }
    }

    /// Like [`Builder::container`] for `id` itself, regardless of its own role.
    fn container_children(&self, id: NodeId, out: &mut Vec<Block>) {
        let mut run = Run::default();
        for child in self.dom.children(id) {
            match self.dom.node(child).data {
                NodeData::Text(_) => self.inline(child, &mut run),
                NodeData::Element(_) => match self.element_role(child) {
                    Role::Inline | Role::Break => self.inline(child, &mut run),
                    Role::Skip => {}
                    Role::Image => self.image_in_run(child, &mut run, out),
                    _ => {
                        run.flush_into(out);
                        self.block(child, out);
                    }
                },
                _ => {}
            }
        }
        run.flush_into(out);
    }

    fn list(&self, id: NodeId, ordered: bool, out: &mut Vec<Block>) {
        let mut items = Vec::new();
        for child in self.dom.children(id) {
            let mut item = Vec::new();
            if self.dom.is_tag(child, &local_name!("li")) {
                if self.selection.dropped.contains(child) {
                    continue;
                }
                self.container_children(child, &mut item);
            } else {
                self.container(child, &mut item);
            }
            if !item.is_empty() {
                items.push(item);
            }
        }
        if !items.is_empty() {
            out.push(Block::List { ordered, items });
        }
    }

    fn code_language(&self, pre: NodeId) -> Option<String> {
        std::iter::once(pre)
            .chain(self.dom.element_children(pre).take(1))
            .filter_map(|n| self.dom.element(n))
            .flat_map(|e| e.class().split_whitespace())
            .find_map(|c| c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-")))
            .map(str::to_owned)
    }
}

/// Whether inline content holds any visible text.
pub(crate) fn has_text(content: &[Inline]) -> bool {
    content.iter().any(|i| match i {
        Inline::Text { text } | Inline::Code { text } => !text.trim().is_empty(),
        Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => {
            has_text(content)
        }
        Inline::Break => false,
    })
}
