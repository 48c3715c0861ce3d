//! The extraction pipeline: decode, parse, read metadata, select content, build blocks,
//! enrich. Each stage lives in its own module; this one only wires them together.

use jiff::civil;
use url::Url;

use crate::error::{Error, Result};
use crate::model::Article;
use crate::options::Options;
use crate::{blocks, content, decode, dom, enrich, metadata, text_input};

/// A page to extract: its content (HTML bytes or pasted text) plus what the caller knows
/// about where and when it came from.
///
/// ```
/// use lede_core::Input;
///
/// let html = Input::new(b"<p>Hello</p>").with_url("https://example.com/a");
/// let text = Input::text("Hello\n\nA pasted copy.").with_url("https://example.com/a");
/// # let _ = (html, text);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// What to read.
    source: Source<'a>,
    /// The page's address.
    url: Option<&'a str>,
    /// The HTTP `Content-Type` header.
    content_type: Option<&'a str>,
    /// The date of the extraction, the latest an article's date can plausibly be.
    today: Option<civil::Date>,
}

/// The two kinds of page the core reads.
#[derive(Debug, Clone, Copy)]
enum Source<'a> {
    /// The raw bytes of an HTML page, in any charset.
    Html(&'a [u8]),
    /// A news page as a reader pastes it (the `corpus/text` layout).
    Text(&'a str),
}

impl<'a> Input<'a> {
    /// Input of raw HTML bytes, in any charset, with no URL or header.
    pub fn new(html: &'a [u8]) -> Self {
        Input { source: Source::Html(html), url: None, content_type: None, today: None }
    }

    /// Input of a pasted plain-text copy of a news page: an optional ` date YYYY-MM-DD`
    /// header line, the title, bylines, captions and credits, then the body.
    pub fn text(text: &'a str) -> Self {
        Input { source: Source::Text(text), url: None, content_type: None, today: None }
    }

    /// Sets the page's URL: the article's `url`, and for HTML the base of relative links
    /// and a date fallback.
    pub fn with_url(mut self, url: &'a str) -> Self {
        self.url = Some(url);
        self
    }

    /// Sets the HTTP `Content-Type` header value, whose `charset` outranks the page's own
    /// declaration. Text input is already decoded and ignores it.
    pub fn with_content_type(mut self, content_type: &'a str) -> Self {
        self.content_type = Some(content_type);
        self
    }

    /// Sets the date of the extraction (the caller's today, or a crawl's capture date). A
    /// date the page gives that lies more than a day after it (time zones) is a typo or a
    /// placeholder and is passed over. Without it no date is too late, so that the same
    /// input always gives the same article: the core never reads the clock.
    pub fn with_today(mut self, today: civil::Date) -> Self {
        self.today = Some(today);
        self
    }
}

/// Extracts the article from a page, HTML or pasted text.
///
/// Malformed HTML is normal input. Errors are reserved for input that is not a document at
/// all or that passes a limit in [`Options`]; a page without an article yields an
/// [`Article`] whose `is_article` is `false`.
pub fn extract(input: Input<'_>, options: &Options) -> Result<Article> {
    extract_counting_work(input, options).0
}

/// [`extract`], also returning the units of work it spent (see [`Options::max_work`]; text
/// input walks no tree and counts none). Tests use it to check that work grows linearly
/// with the page.
pub(crate) fn extract_counting_work(input: Input<'_>, options: &Options) -> (Result<Article>, u64) {
    match input.source {
        Source::Html(html) => extract_html(html, &input, options),
        Source::Text(text) => (text_input::extract(text, input.url, options), 0),
    }
}

/// Fails once the page's work budget is spent: the walks of the stage that spent it ended
/// early, so what that stage produced is incomplete and must not become an article.
fn within_budget(dom: &dom::Dom) -> Result<()> {
    if dom.work.exhausted() { Err(Error::WorkBudget { limit: dom.work.limit() }) } else { Ok(()) }
}

/// The HTML pipeline up to the parsed tree; [`html_stages`] does the rest.
fn extract_html(html: &[u8], input: &Input<'_>, options: &Options) -> (Result<Article>, u64) {
    if html.len() > options.max_input_bytes {
        return (Err(Error::InputTooLarge { size: html.len(), limit: options.max_input_bytes }), 0);
    }
    let dom = match decode::decode(html, input.content_type)
        .and_then(|text| dom::parse(&text, options.max_nodes, options.max_depth))
    {
        Ok(dom) => dom,
        Err(err) => return (Err(err), 0),
    };
    dom.work.set_limit(options.max_work);
    let article = html_stages(&dom, input, options);
    (article, dom.work.used())
}

/// The stages that read the tree, each checked against the work budget.
fn html_stages(dom: &dom::Dom, input: &Input<'_>, options: &Options) -> Result<Article> {
    let page_url = input.url.and_then(|u| Url::parse(u).ok());
    let meta = metadata::extract(dom, page_url.as_ref(), input.today);
    within_budget(dom)?;
    let base = meta.base.clone();
    let selection = content::select(dom, &meta, options);
    within_budget(dom)?;
    let body = blocks::build(dom, &selection, base.as_ref(), options);
    within_budget(dom)?;

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
