//! Markdown (CommonMark with GFM tables and fenced code).

use crate::model::{Article, Block, Inline};

/// The article as Markdown: `# title`, a metadata line, then the body.
pub(crate) fn to_markdown(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str("# ");
        out.push_str(&escape(title));
        out.push_str("\n\n");
    }
    let mut meta = Vec::new();
    if !article.authors.is_empty() {
        meta.push(format!(
            "By {}",
            article.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(date) = &article.published {
        meta.push(date.to_string());
    }
    if !meta.is_empty() {
        out.push('*');
        out.push_str(&escape(&meta.join(" · ")));
        out.push_str("*\n\n");
    }
    blocks(&article.body, "", &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn blocks(blocks_: &[Block], prefix: &str, out: &mut String) {
    for block in blocks_ {
        let mut s = String::new();
        block_md(block, prefix, &mut s);
        if s.trim().is_empty() {
            continue;
        }
        out.push_str(&s);
        out.push_str(prefix.trim_end());
        out.push('\n');
    }
}

fn block_md(block: &Block, prefix: &str, out: &mut String) {
    match block {
        Block::Heading { level, content } => {
            out.push_str(prefix);
            out.push_str(&"#".repeat(usize::from(*level).clamp(1, 6)));
            out.push(' ');
            out.push_str(&inline_md(content).replace('\n', " "));
            out.push('\n');
        }
        Block::Paragraph { content } => {
            for (i, line) in inline_md(content).split('\n').enumerate() {
                if i > 0 {
                    out.push_str("  \n");
                }
                out.push_str(prefix);
                out.push_str(line);
            }
            out.push('\n');
        }
        Block::List { ordered, items } => {
            for (n, item) in items.iter().enumerate() {
                let marker = if *ordered { format!("{}. ", n + 1) } else { "- ".to_owned() };
                let indent = format!("{prefix}{}", " ".repeat(marker.len()));
                let mut inner = String::new();
                for (j, b) in item.iter().enumerate() {
                    let mut s = String::new();
                    block_md(b, &indent, &mut s);
                    if j > 0 {
                        inner.push_str(indent.trim_end());
                        inner.push('\n');
                    }
                    inner.push_str(&s);
                }
                let inner = inner.strip_prefix(indent.as_str()).unwrap_or(&inner);
                out.push_str(prefix);
                out.push_str(&marker);
                out.push_str(inner);
            }
        }
        Block::Quote { content } => {
            let inner_prefix = format!("{prefix}> ");
            let mut s = String::new();
            blocks(content, &inner_prefix, &mut s);
            out.push_str(s.trim_end_matches(['\n', '>', ' ']));
            out.push('\n');
        }
        Block::Code { language, text } => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            out.push_str(prefix);
            out.push_str(fence);
            out.push_str(language.as_deref().unwrap_or(""));
            out.push('\n');
            for line in text.lines() {
                out.push_str(prefix);
                out.push_str(line);
                out.push('\n');
            }
            out.push_str(prefix);
            out.push_str(fence);
            out.push('\n');
        }
        Block::Figure { image } => {
            let alt = image.alt.as_deref().or(image.caption.as_deref()).unwrap_or("");
            out.push_str(prefix);
            out.push_str(&format!(
                "![{}]({})\n",
                escape(alt),
                image.url.replace(' ', "%20").replace(')', "%29")
            ));
            let caption: Vec<&str> =
                [image.caption.as_deref(), image.credit.as_deref()].into_iter().flatten().collect();
            if !caption.is_empty() {
                out.push_str(prefix);
                out.push('\n');
                out.push_str(prefix);
                out.push('*');
                out.push_str(&escape(&caption.join(" ")));
                out.push_str("*\n");
            }
        }
        Block::Table { caption, rows } => {
            if let Some(c) = caption {
                out.push_str(prefix);
                out.push_str(&escape(c));
                out.push_str("\n\n");
            }
            let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
            for (i, row) in rows.iter().enumerate() {
                out.push_str(prefix);
                out.push('|');
                for c in 0..width {
                    let cell = row.cells.get(c).map(|c| inline_md(c)).unwrap_or_default();
                    out.push(' ');
                    out.push_str(&cell.replace('|', "\\|").replace('\n', " "));
                    out.push_str(" |");
                }
                out.push('\n');
                if i == 0 {
                    out.push_str(prefix);
                    out.push('|');
                    out.push_str(&" --- |".repeat(width));
                    out.push('\n');
                }
            }
        }
    }
}

fn inline_md(content: &[Inline]) -> String {
    let mut out = String::new();
    for item in content {
        match item {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Code { text } => {
                let ticks = if text.contains('`') { "``" } else { "`" };
                out.push_str(&format!("{ticks}{text}{ticks}"));
            }
            Inline::Emphasis { content } => wrap(&inline_md(content), "_", &mut out),
            Inline::Strong { content } => wrap(&inline_md(content), "**", &mut out),
            Inline::Link { href, content } => out.push_str(&format!(
                "[{}]({})",
                inline_md(content),
                href.replace(' ', "%20").replace(')', "%29")
            )),
            Inline::Break => out.push('\n'),
        }
    }
    out
}

/// Wraps `inner` in `marker`, keeping surrounding spaces outside (CommonMark requires it).
fn wrap(inner: &str, marker: &str, out: &mut String) {
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        out.push_str(inner);
        return;
    }
    if inner.starts_with(' ') {
        out.push(' ');
    }
    out.push_str(marker);
    out.push_str(trimmed);
    out.push_str(marker);
    if inner.ends_with(' ') {
        out.push(' ');
    }
}

/// Escapes the characters that would otherwise start Markdown syntax.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
