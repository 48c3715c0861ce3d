//! Repeated paragraphs: a block whose text is the same as an earlier one in the body.
//!
//! Pages print the same text twice for two layouts (a teaser and its expanded copy, a
//! mobile and a desktop block, a carousel's cloned slides); a reader sees it once. The text
//! is compared, not the markup, so this holds in any language.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use html5ever::local_name;

use super::Selection;
use super::visible::Visible;
use crate::dom::{Dom, NodeId};

/// Fewest characters (whitespace left out) a block needs before its repeat counts: short
/// lines ("Read more", a price) repeat on purpose.
const MIN_CHARS: usize = 80;

/// Drops from the selection every paragraph, heading or list item whose text (whitespace
/// ignored) repeats an earlier one of 80+ characters. Quotes, code and tables repeat on
/// purpose and are left alone, and so is a thread, where replies quote each other.
pub(crate) fn drop_repeats(dom: &Dom, selection: &mut Selection) {
    if selection.thread {
        return;
    }
    // Each text's first block's parent.
    let mut seen: HashMap<u64, Option<NodeId>> = HashMap::new();
    let mut repeats: Vec<NodeId> = Vec::new();
    for &root in &selection.roots {
        let mut walk = Visible::new(dom, root, &selection.dropped);
        while let Some(id) = walk.next() {
            let Some(e) = dom.element(id) else { continue };
            match *e.tag() {
                local_name!("blockquote")
                | local_name!("q")
                | local_name!("pre")
                | local_name!("code")
                | local_name!("table") => walk.skip_subtree(id),
                local_name!("p")
                | local_name!("li")
                | local_name!("h1")
                | local_name!("h2")
                | local_name!("h3")
                | local_name!("h4")
                | local_name!("h5")
                | local_name!("h6") => {
                    walk.skip_subtree(id);
                    let Some(hash) = text_hash(dom, id) else { continue };
                    let parent = dom.parent(id);
                    // A copy beside its original is the author's own repetition (a refrain,
                    // a filler paragraph); a second layout puts its copy in another box.
                    match seen.get(&hash) {
                        Some(&first) if first != parent => repeats.push(id),
                        Some(_) => {}
                        None => {
                            seen.insert(hash, parent);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // A repeat goes only with a box of two or more repeats that hold nearly all its text: a
    // second layout copies a whole block of text, while a paragraph that recurs among new
    // ones (a refrain, a card's shared terms) is the author's.
    // Weighing boxes costs the square of the repeats: a page of hundreds is left as it is.
    if repeats.len() > MAX_REPEATS {
        return;
    }
    let chars: Vec<usize> = repeats.iter().map(|&r| text_chars(dom, r)).collect();
    for (k, &r) in repeats.iter().enumerate() {
        let mut boxed = false;
        for a in dom.ancestors(r) {
            if selection.roots.contains(&a) {
                break;
            }
            let (mut count, mut repeated) = (0, chars[k]);
            for (m, &other) in repeats.iter().enumerate() {
                if dom.ancestors(other).any(|x| x == a) {
                    count += 1;
                    if m != k {
                        repeated += chars[m];
                    }
                }
            }
            if (repeated as f32) < REPEATED_SHARE * text_chars(dom, a) as f32 {
                break;
            }
            if count >= 2 {
                boxed = true;
                break;
            }
        }
        if boxed {
            selection.dropped.insert(r);
        }
    }
}

/// Most repeats weighed; more and the page is left alone.
const MAX_REPEATS: usize = 64;

/// Share of its box's text the repeats in it must hold to leave.
const REPEATED_SHARE: f32 = 0.8;

/// Characters of text below `id`, whitespace left out.
fn text_chars(dom: &Dom, id: NodeId) -> usize {
    dom.descendants(id)
        .filter_map(|n| dom.text(n))
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// A hash of the block's text with whitespace left out, if it holds [`MIN_CHARS`] or more.
fn text_hash(dom: &Dom, block: NodeId) -> Option<u64> {
    let mut hasher = DefaultHasher::new();
    let mut chars = 0;
    for n in dom.descendants(block) {
        let Some(text) = dom.text(n) else { continue };
        // `write` streams: the words' bytes hash as their concatenation would, wherever
        // the text nodes and the whitespace split them.
        for word in text.split_whitespace() {
            hasher.write(word.as_bytes());
            chars += word.chars().count();
        }
    }
    (chars >= MIN_CHARS).then(|| hasher.finish())
}
