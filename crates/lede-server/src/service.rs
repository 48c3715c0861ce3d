//! What the extraction routes share: the request model, format negotiation, and [`process`],
//! which turns one document (HTML, text or a URL to fetch) into a rendered answer.

use std::time::Instant;

use axum::body::Bytes;
use axum::http::header::{ACCEPT, HeaderMap};
use lede_core::{Article, Format, Input, Options};
use serde::Deserialize;

use crate::error::ApiError;
use crate::state::AppState;

/// The format an `Accept` header asks for; JSON unless it prefers one of ours. Of two
/// formats sharing a media type (text and pasted are both `text/plain`), the first the core
/// lists wins.
pub(crate) fn format_from_accept(headers: &HeaderMap) -> Format {
    let Some(accept) = headers.get(ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Format::Json;
    };
    // The first listed type we serve wins; q-values are rare enough in API clients
    // that list order is a fair reading.
    for item in accept.split(',') {
        let media = item.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        let served = match media.as_str() {
            "*/*" | "application/*" => Some(Format::Json),
            "text/x-markdown" => Some(Format::Markdown),
            media => Format::ALL.iter().copied().find(|f| f.media_type().split(';').next() == Some(media)),
        };
        if let Some(format) = served {
            return format;
        }
    }
    Format::Json
}

/// The JSON body of `POST /v1/extract`, and one document of a batch.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExtractRequest {
    /// The page's HTML.
    pub html: Option<String>,
    /// Plain text to structure (needs the core's text input).
    pub text: Option<String>,
    /// The page's address: with `html` or `text`, its URL; alone, the page to fetch.
    pub url: Option<String>,
    /// Extraction options; limits are capped by the server's own.
    pub options: Option<Options>,
    /// Output format; overrides `Accept`.
    pub format: Option<Format>,
}

/// One document to extract, after the request has been read.
#[derive(Debug)]
pub(crate) enum Document {
    /// HTML bytes, with what is known of their origin.
    Html {
        /// The raw bytes, in any charset.
        bytes: Bytes,
        /// The page URL.
        url: Option<String>,
        /// The `Content-Type` the bytes came with.
        content_type: Option<String>,
    },
    /// Plain text: a pasted copy of a news page.
    Text {
        /// The text.
        text: String,
        /// The URL it came from.
        url: Option<String>,
    },
    /// A page to fetch.
    Fetch {
        /// Its address.
        url: String,
    },
}

impl ExtractRequest {
    /// Splits the request into its document, and its options and format if given.
    pub(crate) fn into_parts(self) -> Result<(Document, Option<Options>, Option<Format>), ApiError> {
        let document = match (self.html, self.text, self.url) {
            (Some(_), Some(_), _) => {
                return Err(ApiError::BadRequest("give either \"html\" or \"text\", not both".into()));
            }
            (Some(html), None, _) if html.is_empty() => {
                return Err(ApiError::BadRequest("\"html\" is empty".into()));
            }
            (Some(html), None, url) => Document::Html { bytes: html.into(), url, content_type: None },
            (None, Some(text), url) => Document::Text { text, url },
            (None, None, Some(url)) => Document::Fetch { url },
            (None, None, None) => {
                return Err(ApiError::BadRequest(
                    "give one of \"html\", \"text\" or \"url\" (a page to fetch)".into(),
                ));
            }
        };
        Ok((document, self.options, self.format))
    }
}

/// A rendered answer: JSON keeps the article so a batch can embed it.
#[derive(Debug)]
pub(crate) enum Output {
    /// The article, to be serialized as JSON.
    Json(Box<Article>),
    /// Any other format, rendered.
    Rendered(Format, String),
}

/// Caps the client's limits at the server's: a client may lower them, never raise them.
pub(crate) fn clamp_options(mut options: Options, state: &AppState) -> Options {
    let ceiling = Options::default();
    let max_input = state.config().max_body_bytes.max(state.config().fetch_max_bytes);
    options.max_input_bytes = options.max_input_bytes.min(max_input);
    options.max_nodes = options.max_nodes.min(ceiling.max_nodes);
    options.max_depth = options.max_depth.min(ceiling.max_depth);
    options.max_work = options.max_work.min(ceiling.max_work);
    options
}

/// Fetches the document if needed, then extracts and renders it on a worker.
pub(crate) async fn process(
    state: &AppState,
    document: Document,
    options: Options,
    format: Format,
) -> Result<Output, ApiError> {
    let options = clamp_options(options, state);
    let (bytes, url, content_type, text) = match document {
        Document::Html { bytes, url, content_type } => (bytes, url, content_type, None),
        Document::Text { text, url } => (Bytes::new(), url, None, Some(text)),
        Document::Fetch { url } => {
            let fetched = state.fetcher().fetch(&url).await?;
            (fetched.body, Some(fetched.url), fetched.content_type, None)
        }
    };
    let metrics = state.clone();
    state
        .limiter()
        .run(move || {
            let started = Instant::now();
            let mut input = match &text {
                Some(text) => Input::text(text),
                None => Input::new(&bytes),
            };
            input = input.with_today(today());
            if let Some(url) = url.as_deref() {
                input = input.with_url(url);
            }
            if let Some(content_type) = content_type.as_deref() {
                input = input.with_content_type(content_type);
            }
            let article = lede_core::extract(input, &options);
            metrics.metrics().record_extraction(started.elapsed());
            let article = article?;
            Ok(match format {
                // Kept as a value: a batch embeds it in its own JSON.
                Format::Json => Output::Json(Box::new(article)),
                format => Output::Rendered(format, lede_core::render(&article, format)),
            })
        })
        .await?
}

/// Today's date in UTC: the latest date an article can plausibly carry, which the core
/// takes from its caller since it never reads the clock itself.
fn today() -> jiff::civil::Date {
    jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn accept_picks_the_first_served_type() {
        let mut headers = HeaderMap::new();
        assert_eq!(format_from_accept(&headers), Format::Json);
        headers.insert(ACCEPT, HeaderValue::from_static("text/markdown, application/json"));
        assert_eq!(format_from_accept(&headers), Format::Markdown);
        headers.insert(ACCEPT, HeaderValue::from_static("image/png;q=1, text/plain;q=0.5"));
        assert_eq!(format_from_accept(&headers), Format::Text);
        headers.insert(ACCEPT, HeaderValue::from_static("text/html;q=0.9"));
        assert_eq!(format_from_accept(&headers), Format::Html);
        headers.insert(ACCEPT, HeaderValue::from_static("image/png"));
        assert_eq!(format_from_accept(&headers), Format::Json);
    }
}
