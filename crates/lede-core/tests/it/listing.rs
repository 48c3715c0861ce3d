//! Listings and category pages: product grids, result lists, and the prose around them.

use crate::{Expect, check};

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
