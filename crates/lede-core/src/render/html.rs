//! Clean HTML: a minimal, well-formed document of the article, safe to display.

use std::fmt::Write;

use crate::model::{Article, Block, Image, Inline};

/// The article as a self-contained HTML document with only structural markup.
pub(crate) fn to_html(article: &Article) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html");
    if let Some(lang) = &article.language {
        let _ = write!(out, " lang=\"{}\"", escape(lang));
    }
    if let Some(dir) = &article.direction {
        let _ = write!(out, " dir=\"{}\"", escape(dir));
    }
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
    if let Some(title) = &article.title {
        let _ = writeln!(out, "<title>{}</title>", escape(title));
    }
    out.push_str("</head>\n<body>\n<article>\n");
    if let Some(title) = &article.title {
        let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    }
    if !article.authors.is_empty() || article.published.is_some() {
        out.push_str("<p class=\"byline\">");
        let names: Vec<String> = article.authors.iter().map(|a| escape(&a.name)).collect();
        out.push_str(&names.join(", "));
        if let Some(date) = &article.published {
            let _ = write!(out, " <time datetime=\"{date}\">{}</time>", date.date());
        }
        out.push_str("</p>\n");
    }
    blocks(&article.body, &mut out);
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

fn blocks(blocks_: &[Block], out: &mut String) {
    for block in blocks_ {
        block_html(block, out);
    }
}

fn block_html(block: &Block, out: &mut String) {
    match block {
        Block::Heading { level, content } => {
            let level = (*level).clamp(1, 6);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", inline_html(content));
        }
        Block::Paragraph { content } => {
            let _ = writeln!(out, "<p>{}</p>", inline_html(content));
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                out.push_str("<li>");
                match item.as_slice() {
                    [Block::Paragraph { content }] => out.push_str(&inline_html(content)),
                    _ => blocks(item, out),
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Quote { content } => {
            out.push_str("<blockquote>\n");
            blocks(content, out);
            out.push_str("</blockquote>\n");
        }
        Block::Code { language, text } => {
            match language {
                Some(l) => {
                    let _ = write!(out, "<pre><code class=\"language-{}\">", escape(l));
                }
                None => out.push_str("<pre><code>"),
            }
            out.push_str(&escape(text));
            out.push_str("</code></pre>\n");
        }
        Block::Figure { image } => figure(image, out),
        Block::Table { caption, rows } => {
            out.push_str("<table>\n");
            if let Some(c) = caption {
                let _ = writeln!(out, "<caption>{}</caption>", escape(c));
            }
            for row in rows {
                let cell = if row.header { "th" } else { "td" };
                out.push_str("<tr>");
                for c in &row.cells {
                    let _ = write!(out, "<{cell}>{}</{cell}>", inline_html(c));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
    }
}

fn figure(image: &Image, out: &mut String) {
    out.push_str("<figure>");
    let _ = write!(out, "<img src=\"{}\"", escape(&image.url));
    if let Some(alt) = &image.alt {
        let _ = write!(out, " alt=\"{}\"", escape(alt));
    }
    if let Some(w) = image.width {
        let _ = write!(out, " width=\"{w}\"");
    }
    if let Some(h) = image.height {
        let _ = write!(out, " height=\"{h}\"");
    }
    out.push('>');
    if image.caption.is_some() || image.credit.is_some() {
        out.push_str("<figcaption>");
        if let Some(c) = &image.caption {
            out.push_str(&escape(c));
        }
        if let Some(c) = &image.credit {
            let _ = write!(out, " <small class=\"credit\">{}</small>", escape(c));
        }
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>\n");
}

fn inline_html(content: &[Inline]) -> String {
    let mut out = String::new();
    for item in content {
        match item {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Code { text } => {
                let _ = write!(out, "<code>{}</code>", escape(text));
            }
            Inline::Emphasis { content } => {
                let _ = write!(out, "<em>{}</em>", inline_html(content));
            }
            Inline::Strong { content } => {
                let _ = write!(out, "<strong>{}</strong>", inline_html(content));
            }
            Inline::Link { href, content } => {
                let safe = href.starts_with("http://")
                    || href.starts_with("https://")
                    || href.starts_with("mailto:");
                if safe {
                    let _ = write!(out, "<a href=\"{}\">{}</a>", escape(href), inline_html(content));
                } else {
                    out.push_str(&inline_html(content));
                }
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
    out
}

/// Escapes text for HTML content and double-quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
