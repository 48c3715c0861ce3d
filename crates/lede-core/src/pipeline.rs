//! The extraction pipeline: decode, parse, read metadata, select content, build blocks,
//! enrich. Each stage lives in its own module; this one only wires them together.

use url::Url;

use crate::error::{Error, Result};
use crate::model::Article;
use crate::options::Options;
use crate::{blocks, content, decode, dom, enrich, metadata};

/// A page to extract: its bytes plus what the caller knows about where it came from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    /// The raw bytes of the page, in any charset.
    pub html: &'a [u8],
    /// The page's address, used to resolve relative links and as a date fallback.
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header, whose `charset` outranks the page's own declaration.
    pub content_type: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// Input of raw page bytes with no URL or header.
    pub fn new(html: &'a [u8]) -> Self {
        Input { html, url: None, content_type: None }
    }

    /// Sets the page's URL.
    pub fn with_url(mut self, url: &'a str) -> Self {
        self.url = Some(url);
        self
    }

    /// Sets the HTTP `Content-Type` header value.
    pub fn with_content_type(mut self, content_type: &'a str) -> Self {
        self.content_type = Some(content_type);
        self
    }
}

/// Extracts the article from an HTML page.
///
/// Malformed HTML is normal input. Errors are reserved for input that is not a document at
/// all or that passes a limit in [`Options`]; a page without an article yields an
/// [`Article`] whose `is_article` is `false`.
pub fn extract(input: Input<'_>, options: &Options) -> Result<Article> {
    if input.html.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge { size: input.html.len(), limit: options.max_input_bytes });
    }
    let text = decode::decode(input.html, input.content_type)?;
    let dom = dom::parse(&text, options.max_nodes, options.max_depth)?;
    let page_url = input.url.and_then(|u| Url::parse(u).ok());
    let meta = metadata::extract(&dom, page_url.as_ref());
    let base = meta.base.clone();
    let selection = content::select(&dom, &meta, options);
    let body = blocks::build(&dom, &selection, base.as_ref(), options);

    let mut article = Article {
        url: input.url.map(str::to_owned),
        is_article: content::is_article(&selection, &meta, page_url.as_ref(), &body),
        confidence: selection.confidence,
        ..Article::default()
    };
    meta.apply(&mut article);
    article.images = blocks::images(&body);
    article.body = body;
    if let Some(summary) = blocks::from_description(&article.body, article.description.as_deref()) {
        // The HTML holds no body (a script-rendered shell): the summary is all there is,
        // and nothing vouches for it being the content.
        article.body = summary;
        article.confidence = 0.0;
    }
    enrich::finish(&mut article, options);
    Ok(article)
}
