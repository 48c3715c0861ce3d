//! Page metadata: title, authors, dates, site name, description, language, tags, section,
//! lead image and canonical URL, merged from every source a page may use.
//!
//! Precedence (highest first) is documented in `docs/ARCHITECTURE.md`; each source has its
//! own module and fills a [`Metadata`] of its own, and [`extract`] merges them.

use html5ever::local_name;
use url::Url;

use crate::date::DateTime;
use crate::dom::{Dom, NodeId};
use crate::model::{Article, Author, Image};

/// Everything the page says about itself, outside the body text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) authors: Vec<Author>,
    pub(crate) published: Option<DateTime>,
    pub(crate) modified: Option<DateTime>,
    pub(crate) site_name: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) section: Option<String>,
    pub(crate) lead_image: Option<Image>,
    pub(crate) canonical_url: Option<String>,
    /// Elements holding the visible byline, which the body must not repeat.
    pub(crate) byline_nodes: Vec<NodeId>,
}

impl Metadata {
    /// Copies the metadata into the article's fields.
    pub(crate) fn apply(self, article: &mut Article) {
        article.title = self.title;
        article.description = self.description;
        article.authors = self.authors;
        article.published = self.published;
        article.modified = self.modified;
        article.site_name = self.site_name;
        article.language = self.language;
        article.tags = self.tags;
        article.section = self.section;
        article.lead_image = self.lead_image;
        article.canonical_url = self.canonical_url;
    }
}

/// Reads the page's metadata.
pub(crate) fn extract(dom: &Dom, _page_url: Option<&Url>) -> Metadata {
    let title = dom
        .descendants(dom.head().unwrap_or(NodeId::DOCUMENT))
        .find(|&n| dom.is_tag(n, &local_name!("title")))
        .map(|n| collapse_ws(&dom.text_content(n)))
        .filter(|t| !t.is_empty());
    Metadata { title, ..Metadata::default() }
}

/// The URL relative links resolve against: `<base href>` resolved against the page URL.
pub(crate) fn base_url(dom: &Dom, page_url: Option<&Url>) -> Option<Url> {
    let href = dom
        .descendants(dom.head().unwrap_or(NodeId::DOCUMENT))
        .filter_map(|n| dom.element(n).filter(|e| *e.tag() == local_name!("base")))
        .find_map(|e| e.attr(&local_name!("href")));
    match (href, page_url) {
        (Some(h), Some(u)) => u.join(h).ok().or_else(|| Some(u.clone())),
        (Some(h), None) => Url::parse(h).ok(),
        (None, u) => u.cloned(),
    }
}

/// Trims and collapses runs of whitespace to one space.
pub(crate) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
