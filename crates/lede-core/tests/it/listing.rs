//! Listings and category pages: product grids, result lists, and the prose around them.

use crate::util::{Expect, check};

/// A paragraph of running prose, distinct per `n`.
fn prose(n: usize) -> String {
    format!(
        "<p>Paragraph {n} describes the whole category at length, with commas, clauses, and detail, \
         so that it reads as the shop's own text about the range rather than a label or a link.</p>"
    )
}

#[test]
fn a_category_seo_text_block_is_the_body_not_a_footer() {
    // The product grid renders by script, so the page's only text of its own is the SEO
    // block at the bottom, named after where it sits; a promotion in the site header must
    // not win over it.
    let terms = (1..=12)
        .map(|n| format!("offer {n} is valid once per customer, online or in stores, not with other codes, "))
        .collect::<String>();
    let html = format!(
        "<html><head><title>Clogs</title></head><body>\
         <div id='header'><div class='offer-overlay'><div>Save on orders today: {terms}ask for details.</div></div></div>\
         <main><h1>Clogs</h1><div class='grid'></div>\
         <div class='field-seofootercopy'>{}{}</div></main>\
         <div id='footer'><a href='/help'>Help</a></div></body></html>",
        prose(1),
        prose(2)
    );
    let article = check(&html, Expect::Text(&["Paragraph 1 describes", "Paragraph 2 describes"]))
        .expect("the page extracts");
    assert!(!article.text.contains("Save on orders"), "{}", article.text);
}

/// A category page laid out as a filter panel beside a product grid (in a wrapper of class
/// `grid_class`), with a buying guide of `paragraphs` under the grid.
fn faceted_category_page(grid_class: &str, paragraphs: usize) -> String {
    let facets: String = (1..=40)
        .map(|n| {
            format!(
                "<li><label class='checkbox'><input type='checkbox' name='f{n}'>Filter value {n}</label></li>"
            )
        })
        .collect();
    let cards: String = (1..=12)
        .map(|n| {
            format!(
                "<div class='item'><a href='/p/{n}'><img src='/i/{n}.jpg'></a><a href='/p/{n}' class='title'>\
                 Graphics card model {n}</a><ul class='price'><li>${n}99.99</li></ul></div>"
            )
        })
        .collect();
    format!(
        "<html><head><title>Graphics cards</title></head><body><div class='page'>\
         <div class='side'><ul class='facets'>{facets}</ul></div>\
         <div class='{grid_class}'><div class='items'>{cards}</div>\
         <div class='guide'>{}</div></div></div></body></html>",
        (1..=paragraphs).map(prose).collect::<String>()
    )
}

#[test]
fn a_layout_modifier_naming_a_banner_does_not_make_the_grid_furniture() {
    // "has-side-banner" says the wrapper makes room for a banner beside the results.
    check(
        faceted_category_page("results has-side-banner", 2),
        Expect::Text(&["Graphics card model 1", "Graphics card model 12", "Paragraph 2 describes"]),
    );
}

#[test]
fn a_facet_panel_does_not_make_a_scored_body_outweigh_the_product_grid() {
    // Conditional cleaning takes the grid out of the scored body and keeps the facets,
    // which the region strips: measured without them, the scored body is the smaller.
    let article = check(
        faceted_category_page("results", 4),
        Expect::Text(&["Graphics card model 1", "Graphics card model 12", "Paragraph 2 describes"]),
    )
    .expect("the page extracts");
    assert!(!article.text.contains("Filter value"), "{}", article.text);
}

#[test]
fn a_page_wide_form_wraps_the_region_rather_than_emptying_it() {
    // A search app (or ASP.NET) wraps the whole page in one <form>: stripping it as a form
    // would leave no region to hold the grid.
    let html = faceted_category_page("results", 4)
        .replace("<body>", "<body><form action='/search'><input name='q'>")
        .replace("</body>", "</form></body>");
    check(html, Expect::Text(&["Graphics card model 1", "Graphics card model 12", "Paragraph 4 describes"]));
}

#[test]
fn teasers_of_one_list_share_one_fate_in_conditional_cleaning() {
    // The last teaser's short excerpt gives it a link density that conditional cleaning
    // removes; its like siblings all stay, so it stays with them.
    let excerpt = "The excerpt runs on for a while, with commas, clauses and detail, as the first lines \
                   of a story do when a section page shows them under each headline";
    let mut teasers: String = (1..=4)
        .map(|n| {
            format!(
                "<div class='teaser'><h3><a href='/s/{n}'>Headline {n}</a></h3><p>{excerpt} {n}.</p></div>"
            )
        })
        .collect();
    teasers.push_str(
        "<div class='teaser'><h3><a href='/s/5'>Headline five of the section</a></h3><p>Brief.</p></div>",
    );
    let html = format!(
        "<html><head><title>Section</title></head><body><nav><a href='/'>Home</a></nav>\
         <div class='section'><h1>Section</h1>{}<div class='list'>{teasers}</div></div></body></html>",
        (1..=3).map(prose).collect::<String>()
    );
    check(html, Expect::Text(&["Headline 1", "Headline 4", "Headline five of the section"]));
}

#[test]
fn breadcrumbs_sort_controls_and_pagination_leave_a_grid_region() {
    // Cards score poorly, so the region comes from the pre-pass that keeps unlikely class
    // names (a grid under "related-products"); a trail, the sort control and a pagination
    // bar still go.
    let cards: String = (1..=8)
        .map(|n| format!("<div class='card'><a href='/p/{n}'>Skillet {n}</a><span>${n}9.00</span></div>"))
        .collect();
    let html = format!(
        "<html><head><title>Cast iron</title></head><body><main>\
         <div class='breadcrumbs'><a href='/'>Home</a> / <a href='/c'>Collections</a> / Cast iron</div>\
         <h1>Cast iron</h1><div class='collection-sorting'><span>Sort by: Best selling</span></div>\
         <div class='grid'>{cards}</div>\
         <ul class='pagination'><li><a href='?p=0'>Prev</a></li><li>Page 1 of 2</li><li><a href='?p=2'>Next</a></li></ul>\
         </main></body></html>"
    );
    let article = check(html, Expect::Text(&["Skillet 1", "Skillet 8"])).expect("the page extracts");
    for gone in ["Collections", "Sort by", "Page 1 of 2"] {
        assert!(!article.text.contains(gone), "{gone:?} left in {}", article.text);
    }
}
