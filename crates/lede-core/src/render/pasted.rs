//! The pasted-text layout of `corpus/text` (` date YYYY-MM-DD title`, byline, reading time,
//! caption and credit, body), which [`Input::text`](crate::Input::text) reads back.

use crate::model::{Article, Block, ReadingTimeSource};
use crate::text::block_text;

/// The article as a pasted copy: a ` date YYYY-MM-DD title` line (just the title when there
/// is no date), a blank line, one line per author ("Name, Role" or "By Name"), a stated
/// reading time ("·N min read"), each caption followed by the caption with its credit, then
/// the body paragraphs separated by blank lines.
pub(crate) fn to_pasted_text(article: &Article) -> String {
    let mut out = String::new();
    let title = article.title.as_deref().map(one_line);
    match (&article.published, &title) {
        (Some(date), Some(t)) => out.push_str(&format!(" date {date} {t}\n")),
        (Some(date), None) => out.push_str(&format!(" date {date}\n")),
        (None, Some(t)) => out.push_str(&format!("{t}\n")),
        (None, None) => {}
    }
    out.push('\n');
    for author in &article.authors {
        match &author.role {
            Some(role) => out.push_str(&format!("{}, {}\n", one_line(&author.name), one_line(role))),
            None => out.push_str(&format!("By {}\n", one_line(&author.name))),
        }
    }
    if article.reading_time_source == ReadingTimeSource::Stated && article.reading_time_minutes > 0 {
        out.push_str(&format!("·{} min read\n", article.reading_time_minutes));
    }
    for image in article.images.iter().chain(article.lead_image.iter().filter(|_| article.images.is_empty()))
    {
        let caption = image.caption.as_deref().map(one_line);
        let credit = image.credit.as_deref().map(one_line);
        match (caption, credit) {
            (Some(c), Some(cr)) => out.push_str(&format!("{c}\n{c} {cr}\n")),
            (Some(c), None) => out.push_str(&format!("{c}\n{c}\n")),
            (None, Some(cr)) => out.push_str(&format!("Photo: {cr}\n")),
            (None, None) => {}
        }
    }
    for block in &article.body {
        if matches!(block, Block::Figure { .. }) {
            continue;
        }
        let text = block_text(block);
        if !text.is_empty() {
            out.push('\n');
            out.push_str(&text);
            out.push('\n');
        }
    }
    out
}

/// Line breaks inside a header field would split it: keep it on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
