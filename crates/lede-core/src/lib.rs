//! Lede turns a news or web page into one clean, structured [`Article`]: title, authors,
//! dates, lead image, the body as typed blocks, its plain text, and the journalism inside
//! it (quotes with speakers, cited outlets, the dateline).
//!
//! The crate does no I/O and reads no clock: hand it an [`Input`] (HTML bytes or pasted
//! text, with the page's URL and today's date if known) and it hands back an [`Article`],
//! which [`render`] turns into JSON, text, Markdown or HTML.
//!
//! ```
//! use lede_core::{Format, Input, Options, extract, render};
//!
//! let html = br#"<html><head><title>Rain returns | Daily Bugle</title></head><body>
//!   <article><h1>Rain returns</h1>
//!   <p>After a dry month, the city woke to steady rain on Tuesday, and forecasters expect more of it.</p>
//!   <p>Farmers, who had warned of failing crops for weeks, welcomed the change in the weather.</p>
//!   </article></body></html>"#;
//! let article = extract(Input::new(html).with_url("https://example.com/rain"), &Options::default())?;
//! assert_eq!(article.title.as_deref(), Some("Rain returns"));
//! assert!(article.text.starts_with("After a dry month"));
//! assert!(render(&article, Format::Markdown).starts_with("# Rain returns"));
//! # Ok::<(), lede_core::Error>(())
//! ```
#![warn(missing_docs)]

mod blocks;
mod content;
mod date;
mod decode;
mod dom;
mod enrich;
mod error;
mod lexicon;
mod links;
mod metadata;
mod model;
mod options;
mod pipeline;
mod render;
mod text;
mod text_input;
mod work;

pub use date::DateTime;
pub use enrich::READING_WORDS_PER_MINUTE;
pub use error::{Error, Result};
pub use model::{
    Article, Author, Block, CitedOutlet, Dateline, Image, Inline, Quote, ReadingTimeSource, TableRow,
};
pub use options::{Focus, Options};
pub use pipeline::{Input, extract};
pub use render::{Format, UnknownFormat, render};

/// Stages exposed for the benchmark (`benches/extract.rs`), not part of the API.
#[doc(hidden)]
pub mod bench {
    /// Parses UTF-8 `html` into the arena DOM, as `extract` does, and returns its node count.
    pub fn parse_dom(html: &str) -> crate::Result<usize> {
        let options = crate::Options::default();
        crate::dom::parse(html, options.max_nodes, options.max_depth).map(|dom| dom.len())
    }

    /// Extracts as [`extract`](crate::extract) does and also returns the units of work spent
    /// (see [`Options::max_work`](crate::Options::max_work)): the adversarial tests check
    /// that it grows linearly with the page, which no wall clock can do reliably.
    pub fn extract_counting_work(
        input: crate::Input<'_>,
        options: &crate::Options,
    ) -> (crate::Result<crate::Article>, u64) {
        crate::pipeline::extract_counting_work(input, options)
    }
}
