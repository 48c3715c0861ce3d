//! Plain text: the title, then the body as [`crate::text`] flattens it.

use crate::model::Article;

/// The article as plain text: the title, then the body.
pub(crate) fn to_text(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str(title);
        out.push_str("\n\n");
    }
    out.push_str(&article.text);
    out.push('\n');
    out
}
