//! Renderers: the block tree as plain text, Markdown and clean HTML (JSON is serde's).

mod html;
mod markdown;
mod pasted;
mod text;

pub use html::to_html;
pub use markdown::to_markdown;
pub use pasted::to_pasted_text;
pub use text::to_text;
