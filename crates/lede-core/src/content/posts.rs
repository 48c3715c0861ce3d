//! Per-post chrome in threads: when the body is mostly a run of repeated containers (forum
//! posts, answers, comments), the parts of each post around its message that repeat from
//! post to post ("Reply with quote", "Top", a poster's rank, post count and signature) are
//! furniture, while the message, whose text differs in every post, is the content.
//!
//! Posts are the outermost elements sharing a tag and first class name that hold most of
//! the body's text. A part of a post is named by its path from the post (tag, first class
//! name and position among like siblings at each step). Where the text at one place repeats
//! in two posts, that place is chrome in every post (a signature repeats only for users who
//! post twice, but its place is the same for all). Inline labels, cells, list items,
//! captions and headings (but for a heading that is one link, a reply's "Re: title") are no
//! places of their own. Only markup and repetition speak: no words.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use html5ever::{LocalName, local_name};
use rustc_hash::{FxBuildHasher, FxHasher};

use super::score::is_phrasing;
use super::workspace::Workspace;
use crate::dom::{Dom, NodeId, is_heading};

/// Fewest repeated containers that make a thread.
const MIN_POSTS: usize = 4;
/// Characters a post holds at the least (a one-line reply).
const MIN_POST: u32 = 25;
/// Characters the median post must hold: shorter repeated containers are cards, whose
/// repeated labels (a brand, a price, "Winner") are content.
const MIN_MEDIAN_POST: u32 = 250;
/// A place in the posts where some text repeats holds chrome in every post (a signature,
/// a post count), up to this many times the length of the repeated text: what is much
/// longer sits there only by a coincidence of paths.
const CHROME_LEN_FACTOR: u32 = 2;
/// Share of the body's text the posts must hold together.
const MIN_POSTS_SHARE: f32 = 0.5;

/// Drops the parts of each post that repeat in other posts. Returns whether the body is a
/// thread: repeated posts with a message each.
pub(crate) fn prune_chrome(ws: &mut Workspace, roots: &[NodeId]) -> bool {
    let Some(posts) = find_posts(ws, roots) else { return false };
    let spine = message_spine(ws, &posts);
    if spine.is_empty() {
        return false;
    }
    let mut parts = Vec::new();
    for (post, &root) in posts.iter().enumerate() {
        collect_parts(ws, root, post as u32, &spine, &mut parts);
    }
    parts.sort_unstable_by_key(|p| (p.path, p.text, p.post));
    let mut chrome = Vec::new();
    for slot in parts.chunk_by(|a, b| a.path == b.path) {
        // The longest text that repeats at this place, if any does.
        let repeated = slot
            .chunk_by(|a, b| a.text == b.text)
            .filter(|run| run.first().map(|p| p.post) != run.last().map(|p| p.post))
            .map(|run| run[0].len)
            .max();
        if let Some(repeated) = repeated {
            let limit = repeated.saturating_mul(CHROME_LEN_FACTOR);
            chrome.extend(slot.iter().filter(|p| p.len <= limit).map(|p| p.node));
        }
    }
    chrome.sort_unstable();
    let thread = !chrome.is_empty();
    for node in chrome {
        if !ws.is_dropped_or_inside(node) {
            ws.drop(node);
        }
    }
    thread
}

/// One part of a post: where it sits in the post, what it says, and whose it is.
struct Part {
    path: u64,
    text: u64,
    len: u32,
    post: u32,
    node: NodeId,
}

/// The outermost elements under `roots` (or among them) sharing a tag and first class name,
/// at least [`MIN_POSTS`] of them, that together hold the most text, if that is at least
/// [`MIN_POSTS_SHARE`] of the body's.
fn find_posts(ws: &Workspace, roots: &[NodeId]) -> Option<Vec<NodeId>> {
    let dom = ws.dom();
    let total: u32 = roots.iter().map(|&r| ws.text(r)).sum();
    let mut groups: HashMap<(&LocalName, &str), Vec<NodeId>, FxBuildHasher> = HashMap::default();
    for &root in roots {
        let mut walk = ws.visible(root);
        let mut next = Some(root);
        while let Some(id) = next {
            // No post lies below an element with less text than a post holds.
            if ws.text(id) < MIN_POST {
                walk.skip_subtree(id);
            } else if let Some(e) = dom.element(id)
                && let Some(class) = e.class().split_ascii_whitespace().next()
            {
                groups.entry((e.tag(), class)).or_default().push(id);
            }
            next = walk.next();
        }
    }
    let mut best: Option<(u32, Vec<NodeId>)> = None;
    for (_, mut members) in groups {
        if members.len() < MIN_POSTS {
            continue;
        }
        let all = members.clone();
        members.retain(|&m| !dom.ancestors(m).any(|a| all.binary_search(&a).is_ok()));
        let text: u32 = members.iter().map(|&m| ws.text(m)).sum();
        if members.len() < MIN_POSTS || (text as f32) < MIN_POSTS_SHARE * total as f32 {
            continue;
        }
        let mut lens: Vec<u32> = members.iter().map(|&m| ws.text(m)).collect();
        lens.sort_unstable();
        if lens[lens.len() / 2] < MIN_MEDIAN_POST {
            continue;
        }
        let better = best.as_ref().is_none_or(|(t, b)| text > *t || text == *t && members[0] < b[0]);
        if better {
            best = Some((text, members));
        }
    }
    best.map(|(_, members)| members)
}

/// Pushes the parts of `post` that hold text, outside the message and the elements
/// around it (`spine`, the paths from the post down to the message, the message last).
fn collect_parts(ws: &Workspace, post: NodeId, index: u32, spine: &[u64], out: &mut Vec<Part>) {
    let dom = ws.dom();
    let message = spine.last().copied();
    let mut stack = vec![(post, 0u64)];
    let mut like = Vec::new();
    while let Some((id, path)) = stack.pop() {
        for_each_child(ws, id, path, &mut like, |child, tag, child_path| {
            if Some(child_path) == message {
                return;
            }
            // An inline label, a cell ("Posts:", a table's row header) beside text that
            // differs, or a heading ("Pros", "Cons") is no part of its own.
            let label = is_phrasing(tag)
                || matches!(
                    *tag,
                    local_name!("td")
                        | local_name!("th")
                        | local_name!("li")
                        | local_name!("figure")
                        | local_name!("figcaption")
                )
                // A heading ("Pros", "Cons") is a label too, unless it is a link (a reply's
                // "Re: title" pointing at the post).
                || is_heading(tag) && !is_one_link(ws, child);
            if !label && !spine.contains(&child_path) {
                out.push(Part {
                    path: child_path,
                    text: text_hash(dom, child),
                    len: ws.text(child),
                    post: index,
                    node: child,
                });
            }
            stack.push((child, child_path));
        });
    }
}

/// Calls `f` with each visible child of `id` that holds text, its tag and its path: the
/// parent's path, the tag, the first class name and the position among like siblings.
fn for_each_child(
    ws: &Workspace,
    id: NodeId,
    path: u64,
    like: &mut Vec<(u64, u32)>,
    mut f: impl FnMut(NodeId, &LocalName, u64),
) {
    let dom = ws.dom();
    like.clear();
    for child in dom.element_children(id) {
        let Some(e) = dom.element(child) else { continue };
        if ws.dropped().contains(child) || dom.skips(e) || ws.text(child) == 0 {
            continue;
        }
        let mut h = FxHasher::default();
        path.hash(&mut h);
        e.tag().hash(&mut h);
        e.class().split_ascii_whitespace().next().unwrap_or("").hash(&mut h);
        let kind = h.finish();
        let nth = match like.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                like.push((kind, 0));
                0
            }
        };
        f(child, e.tag(), kind ^ u64::from(nth).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    }
}

/// The paths from a post down to its message, as at least half the posts have them: in each
/// post the message is the deepest container holding at least half the post's text, found by
/// following the child with the most text. Empty when the posts agree on no such message.
fn message_spine(ws: &Workspace, posts: &[NodeId]) -> Vec<u64> {
    let mut spines: Vec<Vec<u64>> = Vec::with_capacity(posts.len());
    let mut like = Vec::new();
    for &post in posts {
        let half = (ws.text(post) / 2).max(1);
        let (mut node, mut path, mut spine) = (post, 0u64, Vec::new());
        loop {
            let mut best: Option<(NodeId, u64, bool)> = None;
            for_each_child(ws, node, path, &mut like, |child, tag, child_path| {
                if best.is_none_or(|(b, ..)| ws.text(child) > ws.text(b)) {
                    best = Some((child, child_path, is_container(tag)));
                }
            });
            match best {
                Some((child, child_path, true)) if ws.text(child) >= half => {
                    spine.push(child_path);
                    (node, path) = (child, child_path);
                }
                _ => break,
            }
        }
        spines.push(spine);
    }
    spines.sort_unstable();
    spines
        .chunk_by(|a, b| a == b)
        .filter(|run| !run[0].is_empty() && run.len() * 2 >= posts.len())
        .max_by_key(|run| run.len())
        .map(|run| run[0].clone())
        .unwrap_or_default()
}

/// Elements that hold a message rather than being one of its paragraphs.
fn is_container(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("td")
    )
}

/// Whether all of an element's text sits in one link child.
fn is_one_link(ws: &Workspace, id: NodeId) -> bool {
    let dom = ws.dom();
    let mut texts = dom.element_children(id).filter(|&c| ws.text(c) > 0);
    matches!((texts.next(), texts.next()), (Some(a), None)
        if dom.is_tag(a, &local_name!("a")) && ws.text(a) == ws.text(id))
}

/// A hash of the words below `id`, whitespace-insensitive.
fn text_hash(dom: &Dom, id: NodeId) -> u64 {
    let mut h = FxHasher::default();
    let mut walk = dom.descendants(id);
    while let Some(n) = walk.next() {
        if let Some(e) = dom.element(n) {
            if dom.skips(e) {
                walk.skip_subtree(n);
            }
            continue;
        }
        if let Some(t) = dom.text(n) {
            for word in t.split_whitespace() {
                word.hash(&mut h);
            }
        }
    }
    h.finish()
}
