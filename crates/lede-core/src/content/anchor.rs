//! Whether a short scored body is the page's own post: it sits just below the heading that
//! repeats the page's title.

use super::similarity;
use crate::dom::{Dom, NodeId, is_heading};

/// How many levels above the body's first root the title heading may sit.
const MAX_LEVELS: usize = 3;

/// How many element siblings before the body (at each level) are searched for the heading:
/// the title leads its post, it is not somewhere earlier on the page.
const MAX_SIBLINGS: usize = 3;

/// How closely a heading must repeat the title (as the pre-pass judges title headings).
const TITLE_SIMILARITY: f32 = 0.75;

/// Whether the heading nearest before the body's first root (within [`MAX_SIBLINGS`]
/// element siblings of the root or of one of its nearest ancestors) repeats `title`. A
/// short post under its own headline is the article, however long the sidebars beside it
/// are: relaxing the scorer's flags or falling back to the page's body only adds them. A
/// body under another heading ("0 Comments") is not the post, even below the title.
pub(crate) fn follows_title(dom: &Dom, roots: &[NodeId], title: Option<&str>) -> bool {
    let (Some(&first), Some(title)) = (roots.first(), title) else { return false };
    let mut node = first;
    for _ in 0..MAX_LEVELS {
        let before = std::iter::successors(dom.node(node).prev_sibling, |&n| dom.node(n).prev_sibling)
            .filter(|&n| dom.element(n).is_some())
            .take(MAX_SIBLINGS);
        for sibling in before {
            let subtree = std::iter::once(sibling).chain(dom.descendants(sibling));
            if let Some(heading) = subtree.filter(|&n| dom.tag(n).is_some_and(is_heading)).last() {
                return similarity(title, &dom.text_content(heading)) > TITLE_SIMILARITY;
            }
        }
        match dom.parent(node) {
            Some(parent) if parent != NodeId::DOCUMENT => node = parent,
            _ => return false,
        }
    }
    false
}
