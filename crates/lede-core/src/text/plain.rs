//! The block tree as plain text, as [`Article::text`](crate::Article::text) holds it: blocks
//! separated by a blank line, list items by a newline, `<br>` as a newline; the prose only
//! (figures, with their captions and credits, are left to the richer formats).

use crate::model::{Block, Inline};

/// The body blocks as plain text; this is [`Article::text`](crate::Article::text).
pub(crate) fn blocks_text(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let s = block_text(block);
        if !s.is_empty() {
            parts.push(s);
        }
    }
    parts.join("\n\n")
}

/// One block as plain text, as it appears in [`Article::text`](crate::Article::text).
pub(crate) fn block_text(block: &Block) -> String {
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content } => inline_text(content),
        Block::List { items, .. } => items
            .iter()
            .map(|item| blocks_text(item))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Quote { content } => blocks_text(content),
        Block::Code { text, .. } => text.clone(),
        // Captions and credits are the figure's, shown with it by the Markdown and HTML
        // renderers; the plain text is the article's prose.
        Block::Figure { .. } => String::new(),
        Block::Table { caption, rows } => {
            let mut lines: Vec<String> = caption.iter().cloned().collect();
            lines.extend(
                rows.iter().map(|r| r.cells.iter().map(|c| inline_text(c)).collect::<Vec<_>>().join("\t")),
            );
            lines.join("\n")
        }
    }
}

/// Inline content as plain text.
fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    push_inline(content, &mut out);
    out
}

fn push_inline(content: &[Inline], out: &mut String) {
    for item in content {
        match item {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => {
                push_inline(content, out)
            }
            Inline::Break => out.push('\n'),
        }
    }
}
