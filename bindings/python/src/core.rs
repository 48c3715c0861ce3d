//! Every call into `lede_core`, in one place: options, the HTML and text paths, rendering.
//!
//! Nothing here touches Python, so it runs with the GIL released and on rayon's threads.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lede_core::{Focus, Format, Input, Options};

/// Parses the `format=` argument into the core's [`Format`] (its error names the choices).
pub(crate) fn parse_format(name: &str) -> Result<Format, String> {
    name.parse::<Format>().map_err(|e| e.to_string())
}

/// The extraction flags a caller can set, as the CLI's flags set them.
#[derive(Debug, Clone)]
pub(crate) struct Flags<'a> {
    /// `focus=`: `balanced`, `precision` or `recall`.
    pub(crate) focus: &'a str,
    /// `images=`.
    pub(crate) images: bool,
    /// `links=`.
    pub(crate) links: bool,
    /// `tables=`.
    pub(crate) tables: bool,
    /// `comments=`.
    pub(crate) comments: bool,
}

/// The core options for `flags`. The size, node and depth limits keep their defaults, which
/// bound every call's memory and time whatever the page.
pub(crate) fn options(flags: &Flags<'_>) -> Result<Options, String> {
    let mut options = Options::default();
    options.focus = match flags.focus {
        "balanced" => Focus::Balanced,
        "precision" => Focus::Precision,
        "recall" => Focus::Recall,
        other => {
            return Err(format!("focus must be \"balanced\", \"precision\" or \"recall\", not {other:?}"));
        }
    };
    options.images = flags.images;
    options.links = flags.links;
    options.tables = flags.tables;
    options.comments = flags.comments;
    Ok(options)
}

/// One page to extract.
#[derive(Debug)]
pub(crate) struct Page<'a> {
    /// The page's bytes (UTF-8 when it came as a Python `str`).
    pub(crate) body: Cow<'a, [u8]>,
    /// Its address.
    pub(crate) url: Option<String>,
    /// The HTTP `Content-Type`, whose charset outranks the page's own declaration.
    pub(crate) content_type: Option<String>,
    /// Whether the page is a pasted plain-text copy rather than HTML: asked for by
    /// `extract_text`, or implied by a `text/plain` content type as in the CLI's WARC reader.
    pub(crate) text: bool,
}

/// Extracts one page and renders it; the error is the message for `LedeError`.
///
/// A panic in the core (a bug, never expected) becomes an error for this page alone, so one
/// page cannot take down a batch or the interpreter.
pub(crate) fn run(page: &Page<'_>, options: &Options, format: Format) -> Result<String, String> {
    catch_unwind(AssertUnwindSafe(|| extract(page, options, format)))
        .unwrap_or_else(|_| Err(String::from("internal error: extraction panicked (please report the page)")))
}

/// [`run`] without the panic guard.
fn extract(page: &Page<'_>, options: &Options, format: Format) -> Result<String, String> {
    let text_input = page.text
        || page.content_type.as_deref().is_some_and(|ct| ct.to_ascii_lowercase().starts_with("text/plain"));
    let text = if text_input { Some(String::from_utf8_lossy(&page.body)) } else { None };
    let mut input = match &text {
        Some(text) => Input::text(text),
        None => Input::new(&page.body),
    };
    input = input.with_today(today());
    if let Some(url) = page.url.as_deref() {
        input = input.with_url(url);
    }
    if let Some(ct) = page.content_type.as_deref() {
        input = input.with_content_type(ct);
    }
    let article = lede_core::extract(input, options).map_err(|e| e.to_string())?;
    match format {
        // Compact: Python's `json` turns it into a dict.
        Format::Json => {
            serde_json::to_string(&article).map_err(|e| format!("cannot serialise the article: {e}"))
        }
        format => Ok(lede_core::render(&article, format)),
    }
}

/// Today's date in UTC, the latest date an article can carry (the core reads no clock), as
/// the CLI passes it.
fn today() -> jiff::civil::Date {
    jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date()
}
