//! The page's main region (`<main>`, `role=main`) with its furniture removed: the body of
//! pages that are not one run of paragraphs (listings, product pages, forums, docs).

use html5ever::local_name;

use super::hints;
use super::workspace::Workspace;
use crate::dom::{Dom, NodeId};

/// The largest `<main>` or `role=main` element outside dropped subtrees, if any, else the
/// body itself when `body_fallback` allows.
pub(crate) fn find(ws: &Workspace, body_fallback: bool) -> Option<NodeId> {
    let mut best: Option<NodeId> = None;
    for id in ws.visible(ws.body()) {
        let Some(e) = ws.dom().element(id) else { continue };
        let is_main = *e.tag() == local_name!("main") || e.attr(&local_name!("role")) == Some("main");
        if is_main && best.is_none_or(|b| ws.text(id) > ws.text(b)) {
            best = Some(id);
        }
    }
    best.filter(|&b| ws.text(b) > 0).or(body_fallback.then_some(ws.body()))
}

/// Longest text a breadcrumb trail or a pagination bar holds: more is a wrapper named
/// after one.
const MAX_TRAIL_CHARS: u32 = 300;

/// The share of the region's text above which a `<form>` is the page's wrapper, not a form.
const WRAPPER_FORM_SHARE: f32 = 0.5;

/// Drops navigation, the page banner (site `<header>`, `role=banner`) and footers
/// (`contentinfo`), asides, forms (but one wrapping the page) and dialogs inside `region`;
/// returns the dropped nodes.
pub(crate) fn strip(ws: &mut Workspace, region: NodeId) -> Vec<NodeId> {
    let dom = ws.dom();
    let mut found = Vec::new();
    let region_len = ws.text(region);
    let mut walk = ws.visible(region);
    let mut climbed = false;
    while let Some(id) = walk.next() {
        let Some(e) = dom.element(id) else { continue };
        let furniture = match *e.tag() {
            // The body of a sheet is often an <aside>: it is the sheet's content.
            local_name!("aside") => !in_sheet(dom, id),
            local_name!("nav")
            | local_name!("footer")
            | local_name!("dialog")
            | local_name!("button")
            | local_name!("select")
            | local_name!("input")
            | local_name!("textarea")
            | local_name!("iframe") => true,
            local_name!("ul") | local_name!("ol") => is_link_menu(ws, id) || is_page_toc(ws, id),
            // A form holding most of the region wraps the page (ASP.NET's page-wide form,
            // a search app's results): its furniture is stripped inside it instead.
            local_name!("form") => (ws.text(id) as f32) < WRAPPER_FORM_SHARE * region_len as f32,
            local_name!("header") => dom.is_page_banner(id),
            local_name!("label") => is_choice_label(dom, id),
            _ => {
                hints::has_unlikely_role(e)
                    || matches!(e.attr(&local_name!("role")), Some("banner" | "contentinfo"))
                    || hints::looks_like_share(e) && ws.text(id) < 500
            }
        };
        // A trail, a sort control or a pagination bar is furniture whatever its tag (often
        // a list of links that is no menu, since "Page 1 of 2" is no link).
        let furniture = furniture || hints::names_trail(e) && ws.text(id) < MAX_TRAIL_CHARS;
        let furniture = furniture || is_pager(ws, id);
        if furniture {
            walk.skip_subtree(id);
            if is_page_toc(ws, id) {
                // The table of contents goes with its title ("Contents"), which came
                // before it and holds nothing found.
                let block = toc_block(ws, id, &[region]);
                found.retain(|&f| !dom.ancestors(f).any(|a| a == block));
                found.push(block);
            } else if *e.tag() == local_name!("form") {
                // A sign-up or contact form goes with the heading and pitch that title it
                // ("Get a free audit", "Monthly updates"), as a table of contents with its.
                let block = form_block(ws, id, region);
                found.retain(|&f| !dom.ancestors(f).any(|a| a == block));
                climbed |= block != id;
                found.push(block);
            } else {
                found.push(id);
            }
        }
    }
    if climbed {
        // Furniture after a form inside its titled block was found on its own.
        let blocks = found.clone();
        found.retain(|&f| !dom.ancestors(f).any(|a| blocks.contains(&a)));
    }
    for &id in &found {
        ws.drop(id);
    }
    found
}

/// Whether `id`'s parent is a sheet (see [`hints::is_sheet`]).
pub(crate) fn in_sheet(dom: &Dom, id: NodeId) -> bool {
    dom.parent(id).and_then(|p| dom.element(p)).is_some_and(hints::is_sheet)
}

/// Whether a `<label>` names one choice of a picker (a colour swatch, a size, a variant): it
/// holds a radio button or checkbox, or its `for` names one beside it.
fn is_choice_label(dom: &Dom, label: NodeId) -> bool {
    let Some(e) = dom.element(label) else { return false };
    let target = e.attr(&local_name!("for")).filter(|f| !f.is_empty());
    let is_choice = |n: NodeId| {
        dom.element(n).is_some_and(|i| {
            *i.tag() == local_name!("input")
                && matches!(i.attr(&local_name!("type")), Some(t) if t.eq_ignore_ascii_case("radio") || t.eq_ignore_ascii_case("checkbox"))
        })
    };
    if dom.descendants(label).any(is_choice) {
        return true;
    }
    let (Some(target), Some(parent)) = (target, dom.parent(label)) else { return false };
    dom.descendants(parent).any(|n| is_choice(n) && dom.element(n).is_some_and(|i| i.id() == target))
}

/// Fewest links that make a table of contents.
const TOC_MIN_LINKS: u32 = 3;
/// Share of a table of contents' links that point into the page, and of its text in links.
const TOC_SHARE: f32 = 0.8;
/// Characters around a table of contents that are only its title ("Contents", "On this page").
const TOC_TITLE_CHARS: u32 = 40;

/// Whether a list is the page's own table of contents ("On this page", a wiki's
/// "Contents"): three or more links, nearly all to fragments of this page (`#usage`), and
/// nearly all of its text in them. It repeats the headings that follow; whatever its
/// words, the fragment links say what it is. (Stats weigh `#` links low in link density,
/// so the link text is measured here.)
pub(crate) fn is_page_toc(ws: &Workspace, list: NodeId) -> bool {
    let dom = ws.dom();
    let text = ws.text(list);
    // A cheap first test: fragment links weigh 0.3 in the link density.
    if text == 0 || ws.stats().link_density(list) < 0.3 * TOC_SHARE {
        return false;
    }
    let (mut links, mut fragments, mut link_text) = (0u32, 0u32, 0u32);
    let mut walk = dom.descendants(list);
    while let Some(n) = walk.next() {
        let Some(e) = dom.element(n) else { continue };
        if *e.tag() != local_name!("a") {
            continue;
        }
        walk.skip_subtree(n);
        links += 1;
        link_text += ws.text(n);
        let href = e.attr(&local_name!("href")).map_or("", str::trim);
        // `#!` and `#/` are routes of a script-driven app, not places in the page.
        if href.len() > 1 && href.starts_with('#') && !href.starts_with("#!") && !href.starts_with("#/") {
            fragments += 1;
        }
    }
    links >= TOC_MIN_LINKS
        && fragments as f32 >= TOC_SHARE * links as f32
        && link_text as f32 >= TOC_SHARE * text as f32
}

/// A table of contents with its title: the list, or the wrappers around it that add only
/// a short title, below `roots`.
pub(crate) fn toc_block(ws: &Workspace, list: NodeId, roots: &[NodeId]) -> NodeId {
    let mut block = list;
    while let Some(parent) = ws.dom().parent(block) {
        if roots.contains(&parent) || ws.text(parent) > ws.text(block) + TOC_TITLE_CHARS {
            break;
        }
        block = parent;
    }
    block
}

/// Longest text a previous/next pager holds (its links and the titles of both pages).
const MAX_PAGER_CHARS: u32 = 200;

/// Whether a short block is a previous/next pager between the pages of a manual or a
/// series: two or more of its links say so in markup (`rel=prev`/`rel=next`, or the
/// `accesskey` that DocBook-style manuals give their Prev/Up/Next links), whatever words
/// they show.
fn is_pager(ws: &Workspace, id: NodeId) -> bool {
    let dom = ws.dom();
    let text = ws.text(id);
    if text == 0
        || text >= MAX_PAGER_CHARS
        || !dom.tag(id).is_some_and(|t| matches!(*t, local_name!("div") | local_name!("table")))
    {
        return false;
    }
    let pager_link = |n: NodeId| {
        dom.element(n).is_some_and(|a| {
            *a.tag() == local_name!("a")
                && (a.attr_str("accesskey").is_some()
                    || a.attr(&local_name!("rel")).is_some_and(|r| {
                        r.split_ascii_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("prev") || w.eq_ignore_ascii_case("next"))
                    }))
        })
    };
    dom.descendants(id).filter(|&n| pager_link(n)).take(2).count() == 2
}

/// Characters around a form that are only its title and pitch ("Get a free audit", "Fill in
/// the details"); more is content the form sits beside.
const FORM_TITLE_CHARS: u32 = 150;

/// A form with its title: the form, or the wrappers around it below `region` that add only a
/// short heading and pitch. Only a form asking for typed words (a sign-up, a contact form)
/// climbs, and never into a page's `<h1>`: the title of a product's buy box is the product.
fn form_block(ws: &Workspace, form: NodeId, region: NodeId) -> NodeId {
    let dom = ws.dom();
    let asks_words = dom.descendants(form).any(|n| {
        dom.element(n).is_some_and(|i| {
            *i.tag() == local_name!("textarea")
                || *i.tag() == local_name!("input")
                    && i.attr(&local_name!("type"))
                        .is_none_or(|t| ["text", "email", "tel"].iter().any(|w| t.eq_ignore_ascii_case(w)))
        })
    });
    if !asks_words {
        return form;
    }
    let mut block = form;
    while let Some(parent) = dom.parent(block) {
        if parent == region
            || ws.text(parent) > ws.text(block) + FORM_TITLE_CHARS
            || dom.descendants(parent).any(|n| dom.tag(n).is_some_and(|t| *t == local_name!("h1")))
        {
            break;
        }
        block = parent;
    }
    block
}

/// A list whose every item is one short link: a menu inside the region.
fn is_link_menu(ws: &Workspace, list: NodeId) -> bool {
    let items: Vec<NodeId> = ws.dom().element_children(list).collect();
    items.len() >= 3 && ws.stats().link_density(list) >= 0.9 && ws.text(list) / (items.len() as u32) < 30
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::NodeSet;

    /// Strips the `<main>` of `html` and returns the text left in it.
    fn stripped_text(html: &str) -> String {
        let dom = crate::dom::parse(html, 10_000, 256).expect("test page parses");
        let body = dom.body().expect("a body");
        let mut ws = Workspace::new(&dom, body, NodeSet::new(&dom));
        let region = find(&ws, false).expect("a main region");
        strip(&mut ws, region);
        ws.visible(region)
            .flat_map(|e| dom.children(e).filter_map(|c| dom.text(c)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn furniture_and_link_menus_leave_the_region() {
        let text = stripped_text(
            "<body><nav>Site nav</nav><main><h1>Shoes</h1>\
             <ul><li><a href='/b'>Boots</a></li><li><a href='/s'>Sneakers</a></li><li><a href='/d'>Sandals</a></li></ul>\
             <form><input placeholder='Search'><button>Go</button></form>\
             <p>Our shoes are comfortable and <a href='/care'>easy to care for</a>.</p>\
             <ul><li><a href='/p/1'>Product one</a> $10, in five colours</li><li>Product two, $20, back soon</li>\
             <li>Product three, $30, limited run</li></ul>\
             <footer>Imprint</footer></main></body>",
        );
        assert!(text.contains("Our shoes are comfortable") && text.contains("Product two"), "{text:?}");
        for gone in ["Sneakers", "Go", "Imprint", "Site nav"] {
            assert!(!text.contains(gone), "{gone:?} left in {text:?}");
        }
    }

    #[test]
    fn a_sign_up_form_leaves_with_its_title_but_a_buy_box_keeps_its_heading() {
        let text = stripped_text(
            "<body><main><h1>Packaging design</h1><p>We design packaging that sells, for brands of every size.</p>\
             <div><h3>Get a free audit</h3><p>Fill in the details</p>\
             <form><input type='text' name='name'><button>Send</button></form></div>\
             <div><h2>Blue kettle</h2><span>$20</span><form><input type='number' value='1'><button>Add</button></form></div>\
             <p>More about our process follows here.</p></main></body>",
        );
        assert!(text.contains("We design packaging") && text.contains("Blue kettle"), "{text:?}");
        for gone in ["Get a free audit", "Fill in the details", "Send"] {
            assert!(!text.contains(gone), "{gone:?} left in {text:?}");
        }
    }

    #[test]
    fn a_previous_next_pager_leaves_whatever_its_words() {
        let text = stripped_text(
            "<body><main><div class='navheader'><table><tr><td><a accesskey='p' href='a.html'>Zurück</a></td>\
             <th>Teil II</th><td><a accesskey='n' href='c.html'>Weiter</a></td></tr></table></div>\
             <h2>Indexe</h2><p>Indexe beschleunigen Abfragen, kosten aber Platz und Schreibzeit; man setzt sie mit Bedacht.</p>\
             <div><a rel='prev' href='/a'>Kapitel 10</a> <a rel='next' href='/c'>Kapitel 12</a></div></main></body>",
        );
        assert!(text.contains("Indexe beschleunigen"), "{text:?}");
        for gone in ["Zurück", "Teil II", "Weiter", "Kapitel 10", "Kapitel 12"] {
            assert!(!text.contains(gone), "{gone:?} left in {text:?}");
        }
    }
}
