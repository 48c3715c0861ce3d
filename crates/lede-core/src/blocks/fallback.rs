//! The body of last resort: the page's own summary when its HTML carries no content.
//!
//! Script-rendered pages (forum shells, single-page apps) ship an empty frame whose text
//! arrives later by JavaScript; what the server did send is the `description` meta, often
//! the opening of the post itself. A reader is better served by that summary than by an
//! empty body or a few stray menu labels.

use crate::model::{Block, Inline};

/// Descriptions shorter than this are taglines ("News, sport and opinion"), not content.
const MIN_DESCRIPTION_CHARS: usize = 100;

/// The body to use instead of `body` when `body` holds less than half as much text as the
/// page's `description` and the description is long enough to be content; `None` keeps
/// `body`.
pub(crate) fn from_description(body: &[Block], description: Option<&str>) -> Option<Vec<Block>> {
    let description = description?.trim();
    let chars = description.chars().count();
    if chars < MIN_DESCRIPTION_CHARS || text_chars(body, chars / 2) >= chars / 2 {
        return None;
    }
    let content = vec![Inline::Text { text: description.to_owned() }];
    Some(vec![Block::Paragraph { content }])
}

/// Characters of text in `blocks`, counted until `limit` is reached (the caller only needs
/// to know whether the body passes it).
fn text_chars(blocks: &[Block], limit: usize) -> usize {
    let mut total = 0;
    for block in blocks {
        total += match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => inline_chars(content),
            Block::List { items, .. } => items.iter().map(|item| text_chars(item, limit)).sum(),
            Block::Quote { content } => text_chars(content, limit),
            Block::Code { text, .. } => text.chars().count(),
            // A figure adds nothing to `text` (its caption is the figure's), so turning images
            // off cannot change the decision.
            Block::Figure { .. } => 0,
            Block::Table { rows, .. } => {
                rows.iter().flat_map(|row| &row.cells).map(|cell| inline_chars(cell)).sum()
            }
        };
        if total >= limit {
            break;
        }
    }
    total
}

fn inline_chars(content: &[Inline]) -> usize {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text { text } | Inline::Code { text } => text.chars().count(),
            Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => {
                inline_chars(content)
            }
            Inline::Break => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph { content: vec![Inline::Text { text: text.to_owned() }] }
    }

    const SUMMARY: &str = "I am new to astronomy and would love advice on a first telescope: refractor or \
                           reflector, which brands, and which accessories to get first.";

    #[test]
    fn an_empty_body_becomes_the_description() {
        let body = from_description(&[], Some(SUMMARY)).expect("fallback");
        assert_eq!(body, vec![paragraph(SUMMARY)]);
    }

    #[test]
    fn a_few_menu_labels_give_way_to_the_description() {
        let menu = [paragraph("Home"), paragraph("Donate now")];
        assert!(from_description(&menu, Some(SUMMARY)).is_some());
    }

    #[test]
    fn a_real_body_or_a_tagline_is_kept() {
        let body = [paragraph(&SUMMARY.repeat(2))];
        assert_eq!(from_description(&body, Some(SUMMARY)), None);
        assert_eq!(from_description(&[], Some("News, sport and opinion")), None);
        assert_eq!(from_description(&[], None), None);
    }
}
