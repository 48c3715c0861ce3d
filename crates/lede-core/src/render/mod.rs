//! Renderers: the block tree as plain text, Markdown and clean HTML (JSON is serde's).

mod html;
mod markdown;
mod text;

pub use html::to_html;
pub use markdown::to_markdown;
pub(crate) use text::blocks_text;
pub use text::to_text;
