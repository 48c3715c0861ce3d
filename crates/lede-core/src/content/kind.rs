//! Whether the page reads as one article: the verdict of selection, checked against what
//! the page declares itself to be, where it sits on its site and the shape of its body.
//!
//! Selection judges prose: a scored body holding enough running paragraphs is an article,
//! a body the main region had to supply is not. Prose alone is a poor witness on pages
//! that are not articles yet hold paragraphs (a forum thread, a shop's description, a
//! service page's sections), and a page that declares itself an article may still have
//! needed the region. This module settles both, on the built blocks, without another walk
//! over the DOM.

use url::Url;

use super::{CHAR_THRESHOLD, LONG_PARAGRAPH, PROSE_FOR_ARTICLE, Selection};
use crate::metadata::Metadata;
use crate::model::{Block, Inline};

/// A body with at least this many headings over [`SHORT_SECTION`]s is a page of short
/// sections (a heading and a blurb each): a service or landing page.
const SECTION_HEADINGS: usize = 6;

/// Sections shorter than this on average (characters of body text per heading) hold a
/// blurb each, not an article's paragraphs.
const SHORT_SECTION: usize = 400;

/// A body with at least this many code blocks and no author is documentation.
const DOCUMENTATION_CODE: usize = 15;

/// Whether the page is an article, given the selection (its verdict on the prose, whether
/// it found a thread), the page's metadata, its address and its built body.
pub(crate) fn is_article(
    selection: &Selection,
    meta: &Metadata,
    page_url: Option<&Url>,
    body: &[Block],
) -> bool {
    if body.is_empty() || declared_other(meta) || is_home(meta, page_url) {
        return false;
    }
    // Repeated posts with repeated chrome (names, post counts, reply buttons) are a thread,
    // unless the structured data names an article (a story with its comments kept).
    if selection.thread && !meta.structured.article {
        return false;
    }
    let shape = Shape::of(body);
    // Without a date or an author, nothing but the prose speaks for an article, and prose
    // cut into short sections under many headings is a service or landing page's pitch, as
    // a page declaring itself an FAQ (and no article) is a help page. A date the JSON-LD
    // gives only to the page, not to an article, is the CMS's stamp (it wins over other
    // sources, so the page has no other).
    let dated = meta.published.is_some() && !meta.structured.page_dated;
    let vouched = dated || !meta.authors.is_empty();
    let sections = shape.headings >= SECTION_HEADINGS && shape.chars < SHORT_SECTION * shape.headings;
    let faq = meta.structured.faq && !meta.structured.article;
    if !vouched && (sections || faq) {
        return false;
    }
    // Code sample after code sample with nobody signing them is reference documentation;
    // a tutorial on a blog has an author.
    if meta.authors.is_empty() && shape.code >= DOCUMENTATION_CODE {
        return false;
    }
    // A page that declares itself an article is one when its body (the main region, when
    // scoring lost to it) holds enough running prose, whichever strategy found the body, or
    // when it also carries a date and a byline: a ranking's table or a photo story's
    // captions are its body then, not prose.
    let signed = dated && !meta.authors.is_empty() && shape.chars >= CHAR_THRESHOLD as usize;
    selection.is_article || declares_article(meta) && (shape.prose >= PROSE_FOR_ARTICLE as usize || signed)
}

/// Whether the page declares itself something other than an article: it sells (one
/// product, or products under structured data naming no article), or it is a forum thread
/// or a question with answers.
fn declared_other(meta: &Metadata) -> bool {
    let s = meta.structured;
    let sells = meta.one_product() && !meta.declares_article;
    sells || !s.article && (s.discussion || s.commerce)
}

/// Whether the page declares an article in any form: `og:type`, JSON-LD or microdata.
fn declares_article(meta: &Metadata) -> bool {
    meta.declares_article || meta.structured.article
}

/// Whether the page is a site's home page: its address (or, without one, its canonical
/// address) has an empty path and no query. A home page gathers teasers, however much
/// prose they add up to.
fn is_home(meta: &Metadata, page_url: Option<&Url>) -> bool {
    let canonical = match page_url {
        Some(_) => None,
        None => meta.canonical_url.as_deref().and_then(|u| Url::parse(u).ok()),
    };
    let Some(url) = page_url.or(canonical.as_ref()) else { return false };
    url.has_host() && matches!(url.path(), "" | "/") && url.query().is_none()
}

/// What the body's blocks add up to.
#[derive(Debug, Default)]
struct Shape {
    /// Characters in long paragraphs with few links (see [`LONG_PARAGRAPH`]).
    prose: usize,
    /// Headings, also those inside lists and quotes.
    headings: usize,
    /// Code blocks, also those inside lists and quotes.
    code: usize,
    /// Characters of text in all blocks.
    chars: usize,
}

impl Shape {
    fn of(body: &[Block]) -> Shape {
        let mut shape = Shape {
            headings: count(body, |b| matches!(b, Block::Heading { .. })),
            code: count(body, |b| matches!(b, Block::Code { .. })),
            chars: text_len(body),
            ..Shape::default()
        };
        for block in body {
            if let Block::Paragraph { content } = block {
                let (len, links) = chars(content);
                if len >= LONG_PARAGRAPH as usize && links * 10 < len * 3 {
                    shape.prose += len;
                }
            }
        }
        shape
    }
}

/// Blocks among `blocks` that `is` picks, at any depth: cards and tabs often put their
/// headings in list items, steps put their code there.
fn count(blocks: &[Block], is: fn(&Block) -> bool) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::List { items, .. } => items.iter().map(|item| count(item, is)).sum(),
            Block::Quote { content } => count(content, is),
            block => usize::from(is(block)),
        })
        .sum()
}

/// Characters of text in `blocks`, at any depth.
fn text_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => chars(content).0,
            Block::List { items, .. } => items.iter().map(|item| text_len(item)).sum(),
            Block::Quote { content } => text_len(content),
            Block::Code { text, .. } => text.chars().count(),
            Block::Table { rows, .. } => {
                rows.iter().flat_map(|row| &row.cells).map(|cell| chars(cell).0).sum()
            }
            _ => 0,
        })
        .sum()
}

/// Characters of inline content, and how many of them are link text.
fn chars(content: &[Inline]) -> (usize, usize) {
    content.iter().fold((0, 0), |(len, links), inline| match inline {
        Inline::Text { text } | Inline::Code { text } => (len + text.chars().count(), links),
        Inline::Emphasis { content } | Inline::Strong { content } => {
            let (l, k) = chars(content);
            (len + l, links + k)
        }
        Inline::Link { content, .. } => {
            let (l, _) = chars(content);
            (len + l, links + l)
        }
        Inline::Break => (len, links),
    })
}
