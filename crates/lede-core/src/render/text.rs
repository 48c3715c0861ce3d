//! Plain text: blocks separated by a blank line, `<br>` as a newline.

use crate::model::{Article, Block, Inline};

/// The article as plain text: the title, then the body.
pub(crate) fn to_text(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str(title);
        out.push_str("\n\n");
    }
    out.push_str(&article.text);
    out.push('\n');
    out
}

/// The body blocks as plain text; this is [`Article::text`].
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

/// One block as plain text, as it appears in [`Article::text`].
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
        Block::Figure { image } => [image.caption.as_deref(), image.credit.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
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
pub(crate) fn inline_text(content: &[Inline]) -> String {
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
