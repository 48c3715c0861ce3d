//! The shop's chrome on the page of one product: rows of other products' cards ("related
//! products", "customers also viewed"), short price lines, and repeated copies of the
//! description.
//!
//! A card row advertises other products; it is never the description of the one the page
//! sells. The signals are structural and language-neutral: repetition, a link, a price (a
//! currency sign beside a digit, or a schema.org `price` itemprop), little text per card.

use html5ever::local_name;

use super::workspace::Workspace;
use crate::dom::{Dom, NodeData, NodeId, NodeSet, is_heading};

/// Fewest cards that make a row; two teasers may be a product and its variant.
const MIN_CARDS: usize = 3;
/// Most text one card holds: a name, a price, a rating, a button label. A longer child
/// is a section of the page, not a teaser.
const MAX_CARD_CHARS: u32 = 400;
/// Most element children looked at: the first ones tell what the row is, and a bound
/// keeps the test cheap on long lists.
const MAX_CHILDREN_CHECKED: usize = 12;

/// Whether `id` is a row of product cards: at least [`MIN_CARDS`] visible element
/// children, nearly all short, and nearly all holding a link and a price.
fn is_card_row(ws: &Workspace, id: NodeId) -> bool {
    let (mut children, mut cards) = (0usize, 0usize);
    for child in ws.dom().element_children(id) {
        if ws.dropped().contains(child) {
            continue;
        }
        let text = ws.text(child);
        if text == 0 {
            // Spacers, clones emptied by a carousel script, bare images: neither for nor against.
            continue;
        }
        if text > MAX_CARD_CHARS {
            return false;
        }
        children += 1;
        if is_card(ws.dom(), child, ws.dropped()) {
            cards += 1;
        }
        if children >= MAX_CHILDREN_CHECKED {
            break;
        }
    }
    // A carousel may hold a "view all" tile or a heading among the cards: allow one in four.
    cards >= MIN_CARDS && cards * 4 >= children * 3
}

/// Whether a (short) element holds a link and a price.
fn is_card(dom: &Dom, card: NodeId, dropped: &NodeSet) -> bool {
    let mut link = false;
    let mut walk = dom.descendants(card);
    while let Some(n) = walk.next() {
        if let NodeData::Element(e) = &dom.node(n).data {
            if dropped.contains(n) || dom.skips(e) {
                walk.skip_subtree(n);
                continue;
            }
            if *e.tag() == local_name!("a")
                && e.attr(&local_name!("href")).is_some_and(|h| !h.starts_with('#'))
            {
                link = true;
                break;
            }
        }
    }
    link && has_price(dom, card, dropped)
}

/// Whether a (short) element states a price: a currency sign beside a digit, or a
/// schema.org `price` itemprop.
fn has_price(dom: &Dom, id: NodeId, dropped: &NodeSet) -> bool {
    // The last non-space character of the text seen so far: a currency sign and its digits
    // often sit in separate elements (`<span>€</span>213.12`).
    let mut prev = ' ';
    let mut walk = dom.descendants(id);
    while let Some(n) = walk.next() {
        match &dom.node(n).data {
            NodeData::Element(e) => {
                if dropped.contains(n) || dom.skips(e) {
                    walk.skip_subtree(n);
                    continue;
                }
                if e.attr_str("itemprop").is_some_and(|p| p == "price" || p == "lowPrice") {
                    return true;
                }
            }
            NodeData::Text(t) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        continue;
                    }
                    if is_currency(prev) && c.is_ascii_digit() || prev.is_ascii_digit() && is_currency(c) {
                        return true;
                    }
                    prev = c;
                }
            }
            _ => {}
        }
    }
    false
}

/// Currency signs (Unicode's `Sc` category, the ones in use).
fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '¢'
            | '₹'
            | '₽'
            | '₩'
            | '₺'
            | '₴'
            | '₪'
            | '₫'
            | '฿'
            | '₱'
            | '₦'
            | '₲'
            | '₵'
            | '₡'
            | '₸'
            | '₼'
            | '₾'
            | '৳'
            | '﷼'
    )
}

/// Most extra text a wrapper may add around a row and still go with it: a heading
/// ("Related products"), a "view all" link, carousel arrows.
const MAX_WRAPPER_EXTRA_CHARS: u32 = 80;

/// Drops the shop's chrome inside `roots` on a product page: rows of other products'
/// cards, then price lines, unless the cards hold most of the text (then the page lists
/// products, whatever its markup says, and their prices are content).
pub(crate) fn prune(ws: &mut Workspace, roots: &[NodeId]) {
    if !prune_rows(ws, roots) {
        prune_price_lines(ws, roots);
        prune_repeats(ws, roots);
    }
}

/// Most of the text the rows may hold: beyond it the cards are what the page shows (a
/// listing marked up as a product), not an advertisement beside the product.
const MAX_ROWS_SHARE: f32 = 0.7;

/// Drops the rows of product cards inside `roots`, each with the wrapper that adds only a
/// heading or a "view all" link to it, unless together they hold most of the text. Returns
/// whether they do: the page then lists products, whatever its markup says.
fn prune_rows(ws: &mut Workspace, roots: &[NodeId]) -> bool {
    let dom = ws.dom();
    let mut rows = Vec::new();
    for &root in roots {
        let mut walk = ws.visible(root);
        while let Some(id) = walk.next() {
            // Cheap tests first: a row has text and at least MIN_CARDS element children, and
            // table rows are a data table's (a price comparison in a review), not cards.
            if ws.text(id) == 0
                || dom.tag(id).is_some_and(|t| {
                    matches!(*t, local_name!("table") | local_name!("tbody") | local_name!("thead"))
                })
                || dom.element_children(id).nth(MIN_CARDS - 1).is_none()
                || !is_card_row(ws, id)
            {
                continue;
            }
            walk.skip_subtree(id);
            let mut unit = id;
            while let Some(p) = dom.parent(unit)
                && !roots.contains(&unit)
                && ws.text(p) <= ws.text(unit) + MAX_WRAPPER_EXTRA_CHARS
            {
                unit = p;
            }
            rows.push(unit);
        }
    }
    let total: u32 = roots.iter().map(|&r| ws.text(r)).sum();
    let in_rows: u32 = rows.iter().map(|&u| ws.text(u)).sum();
    if in_rows as f32 > MAX_ROWS_SHARE * total as f32 {
        return true;
    }
    for unit in rows {
        ws.drop(unit);
    }
    false
}

/// Most text a price line holds: a price with its label ("Regular price: $49.99"), a
/// shipping or instalment note ("Free delivery over $75").
const MAX_PRICE_LINE_CHARS: u32 = 48;

/// Drops the short lines that state a price inside `roots` on a product page: the buy
/// box's price, strike-through and sale prices, shipping thresholds, instalments. Readers
/// of the description do not need them, and neither does a reader of the page's text: a
/// product page repeats its price in the buy box, the sticky bar and the cards.
fn prune_price_lines(ws: &mut Workspace, roots: &[NodeId]) {
    let dom = ws.dom();
    let mut lines = Vec::new();
    for &root in roots {
        let mut walk = ws.visible(root);
        while let Some(id) = walk.next() {
            let text = ws.text(id);
            if text == 0 {
                walk.skip_subtree(id);
                continue;
            }
            if text > MAX_PRICE_LINE_CHARS || has_heading(dom, id) {
                continue;
            }
            // The outermost short element decides for its whole subtree.
            walk.skip_subtree(id);
            if has_price(dom, id, ws.dropped()) {
                lines.push(id);
            }
        }
    }
    for id in lines {
        ws.drop(id);
    }
}

/// Whether a heading sits at or below `id`: a product's name beside its price stays.
fn has_heading(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id).any(|n| dom.tag(n).is_some_and(is_heading))
}

/// Shortest text whose repetition is a copy, not a coincidence.
const MIN_REPEAT_CHARS: u32 = 60;

/// Drops later copies of a text block inside `roots`: product pages render the same
/// description in the buy box, a tab and a mobile drawer, one shown per screen size.
/// Only plain blocks are compared (all their text in direct text nodes), by a hash of
/// their characters without whitespace, so nothing is copied.
fn prune_repeats(ws: &mut Workspace, roots: &[NodeId]) {
    use std::hash::{Hash, Hasher};
    let dom = ws.dom();
    let mut seen = std::collections::HashSet::new();
    let mut copies = Vec::new();
    for &root in roots {
        for id in ws.visible(root) {
            let text = ws.text(id);
            if text < MIN_REPEAT_CHARS {
                continue;
            }
            let mut direct = 0;
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            for child in dom.children(id) {
                if let Some(t) = dom.text(child) {
                    direct += super::stats::collapsed_len(t);
                    t.chars().filter(|c| !c.is_whitespace()).for_each(|c| c.hash(&mut hasher));
                }
            }
            // Collapsed lengths of several text nodes may differ from the whole by a space.
            if direct + 2 < text {
                continue;
            }
            if !seen.insert(hasher.finish()) {
                copies.push(id);
            }
        }
    }
    for id in copies {
        ws.drop(id);
    }
}
