//! Renderers: an [`Article`] as JSON, plain text, Markdown, clean HTML or the pasted-text
//! layout, chosen by [`Format`].

mod format;
mod html;
mod markdown;
mod pasted;
mod text;

pub use format::{Format, UnknownFormat};

use crate::model::Article;

/// Renders `article` in `format`. A new format is a variant of [`Format`], its module here
/// and its arm below.
pub fn render(article: &Article, format: Format) -> String {
    match format {
        Format::Json => json(article),
        Format::Text => text::to_text(article),
        Format::Markdown => markdown::to_markdown(article),
        Format::Html => html::to_html(article),
        Format::Pasted => pasted::to_pasted_text(article),
    }
}

/// The article model as pretty-printed JSON.
fn json(article: &Article) -> String {
    // serde_json fails only on a map with non-string keys or a failing `Serialize` impl,
    // and the model has neither.
    serde_json::to_string_pretty(article).expect("an Article always serialises: no maps, derived impls")
}
