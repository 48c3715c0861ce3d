//! Inline content: text with collapsed whitespace, emphasis, links, code and breaks.

use html5ever::local_name;

use super::{Builder, Role, has_text, role};
use crate::dom::{NodeData, NodeId};
use crate::links::resolve;
use crate::model::{Block, Image, Inline};
use crate::text::collapse_ws;

/// An open run of inline content, collecting until a block boundary flushes it.
#[derive(Default)]
pub(super) struct Run {
    items: Vec<Inline>,
    /// Whether the last character emitted was a space (or nothing was emitted yet), so
    /// that whitespace collapses across element boundaries.
    after_space: bool,
    started: bool,
    /// Images met inside inline elements (`<a><img></a>`), emitted after the text.
    pub(super) figures: Vec<Image>,
}

impl Run {
    fn push_text(&mut self, text: &str) {
        let mut buf = String::with_capacity(text.len());
        for c in text.chars() {
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() && c != '\u{a0}' {
                if !self.after_space && self.started {
                    buf.push(' ');
                }
                self.after_space = true;
            } else {
                buf.push(c);
                self.after_space = false;
                self.started = true;
            }
        }
        if buf.is_empty() {
            return;
        }
        match self.items.last_mut() {
            Some(Inline::Text { text }) => text.push_str(&buf),
            _ => self.items.push(Inline::Text { text: buf }),
        }
    }

    fn push_break(&mut self) {
        trim_end(&mut self.items);
        self.items.push(Inline::Break);
        self.after_space = true;
    }

    /// Takes the run's content, trimmed, if it has any text.
    pub(super) fn finish(&mut self) -> Option<Vec<Inline>> {
        let mut items = std::mem::take(&mut self.items);
        self.after_space = false;
        self.started = false;
        trim_end(&mut items);
        while matches!(items.last(), Some(Inline::Break)) {
            items.pop();
            trim_end(&mut items);
        }
        drop_leading_breaks(&mut items);
        has_text(&items).then_some(items)
    }

    /// Ends the run, appending it to `out` as paragraphs split at double line breaks.
    pub(super) fn flush_into(&mut self, out: &mut Vec<Block>) {
        let figures = std::mem::take(&mut self.figures);
        let Some(items) = self.finish() else {
            out.extend(figures.into_iter().map(|image| Block::Figure { image }));
            return;
        };
        let mut para = Vec::new();
        let mut iter = items.into_iter().peekable();
        while let Some(item) = iter.next() {
            if matches!(item, Inline::Break) && matches!(iter.peek(), Some(Inline::Break)) {
                while matches!(iter.peek(), Some(Inline::Break)) {
                    iter.next();
                }
                push_paragraph(std::mem::take(&mut para), out);
                continue;
            }
            para.push(item);
        }
        push_paragraph(para, out);
        out.extend(figures.into_iter().map(|image| Block::Figure { image }));
    }
}

/// Characters that render as nothing and only hint at line breaking or joining: a zero
/// width space, a word joiner, a byte order mark inside text, a soft hyphen. Left in, they
/// split words for every reader of `text` ("ch\u{feff}arging"). The zero-width joiner and
/// non-joiner stay: they shape Persian, Indic scripts and emoji.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

fn push_paragraph(mut content: Vec<Inline>, out: &mut Vec<Block>) {
    while matches!(content.last(), Some(Inline::Break)) {
        content.pop();
    }
    drop_leading_breaks(&mut content);
    trim_end(&mut content);
    trim_start(&mut content);
    if has_text(&content) {
        out.push(Block::Paragraph { content });
    }
}

/// Drops the line breaks a run starts with, in one move: removing them one at a time
/// shifts the rest each time, quadratic in a run of thousands of `<br>`.
fn drop_leading_breaks(items: &mut Vec<Inline>) {
    let breaks = items.iter().take_while(|i| matches!(i, Inline::Break)).count();
    items.drain(..breaks);
}

fn trim_end(items: &mut Vec<Inline>) {
    match items.last_mut() {
        Some(Inline::Text { text }) => {
            let len = text.trim_end_matches(' ').len();
            text.truncate(len);
            if text.is_empty() {
                items.pop();
            }
        }
        Some(Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. }) => {
            trim_end(content)
        }
        _ => {}
    }
}

fn trim_start(items: &mut Vec<Inline>) {
    match items.first_mut() {
        Some(Inline::Text { text }) => {
            let trimmed = text.trim_start_matches(' ');
            if trimmed.len() != text.len() {
                *text = trimmed.to_owned();
            }
            if text.is_empty() {
                items.remove(0);
            }
        }
        Some(Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. }) => {
            trim_start(content)
        }
        _ => {}
    }
}

impl Builder<'_> {
    /// Adds `id` (a text node or inline element) to the run.
    pub(super) fn inline(&self, id: NodeId, run: &mut Run) {
        let e = match &self.dom.node(id).data {
            NodeData::Text(t) => return run.push_text(t),
            NodeData::Element(e) => e,
            _ => return,
        };
        let Some(tag) = self.skipped(id) else { return };
        let role = role(tag);
        let block_like = !matches!(role, Role::Inline);
        match role {
            Role::Break => return run.push_break(),
            Role::Skip => return,
            Role::Image => {
                if let Some(image) = self.image(id).filter(|_| self.options.images) {
                    run.figures.push(image);
                }
                return;
            }
            _ => {}
        }
        let wrap: Option<fn(Vec<Inline>) -> Inline> = match *e.tag() {
            local_name!("em") | local_name!("i") | local_name!("cite") | local_name!("dfn") => {
                Some(|content| Inline::Emphasis { content })
            }
            local_name!("strong") | local_name!("b") => Some(|content| Inline::Strong { content }),
            local_name!("code") | local_name!("kbd") | local_name!("samp") | local_name!("tt") => {
                let text = self.dom.text_content(id);
                if text.trim().is_empty() {
                    return;
                }
                let text = collapse_ws(&text);
                run.started = true;
                run.after_space = false;
                run.items.push(Inline::Code { text });
                return;
            }
            local_name!("a") if self.options.links => {
                let href = e
                    .attr(&local_name!("href"))
                    .filter(|h| !h.trim_start().to_ascii_lowercase().starts_with("javascript:"))
                    .and_then(|h| resolve(self.base, h));
                match href {
                    Some(href) => {
                        let outer = std::mem::take(&mut run.items);
                        self.inline_children(id, run);
                        let content = std::mem::replace(&mut run.items, outer);
                        if has_text(&content) {
                            run.items.push(Inline::Link { href, content });
                        } else {
                            run.items.extend(content);
                        }
                        return;
                    }
                    None => None,
                }
            }
            _ => None,
        };
        match wrap {
            Some(wrap) => {
                let outer = std::mem::take(&mut run.items);
                self.inline_children(id, run);
                let content = std::mem::replace(&mut run.items, outer);
                if has_text(&content) {
                    run.items.push(wrap(content));
                } else {
                    run.items.extend(content);
                }
            }
            None if block_like || is_control(e) => {
                // A block flattened into a run (a <p> in a table cell) still separates words.
                run.push_text(" ");
                self.inline_children(id, run);
                run.push_text(" ");
            }
            None => self.inline_children(id, run),
        }
    }

    pub(super) fn inline_children(&self, id: NodeId, run: &mut Run) {
        for child in self.dom.children(id) {
            self.inline(child, run);
        }
    }
}

/// Whether an inline element is a widget control (a tab, a button, a menu item, an
/// option): browsers draw each as its own box, so its label is a word of its own even
/// when the markup runs labels together (`<span role=tab>Python</span><span role=tab>Go</span>`).
fn is_control(e: &crate::dom::Element) -> bool {
    matches!(
        e.attr(&local_name!("role")),
        Some("tab" | "button" | "menuitem" | "option" | "switch" | "radio" | "checkbox")
    )
}

#[cfg(test)]
mod tests {
    use crate::{Input, Options, extract};

    #[test]
    fn ruby_readings_do_not_run_into_the_text() {
        let para = "<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を学ぶのは楽しいです。\
            毎日少しずつ新しい言葉を覚えて、本を読む力をつけていきましょう。</p>";
        let html = format!("<html><body><article>{}</article></body></html>", para.repeat(6));
        let article = extract(Input::new(html.as_bytes()), &Options::default()).unwrap();
        assert!(article.text.starts_with("漢字を学ぶ"), "{}", article.text);
        assert!(!article.text.contains("かんじ"), "{}", article.text);
    }
}
