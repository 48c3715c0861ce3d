//! Product pages through the public API on inline pages: what leaves the page of one product
//! (other products' cards, price lines, a repeated description), and when a page is one.

use crate::util::{extract_html, prose, text_of};

fn product_page(og_type: &str, cards: usize) -> String {
    let card = |i: usize| {
        format!(
            "<li class='card'><a href='/p/{i}'><img src='/{i}.jpg' alt=''></a>\
             <h3><a href='/p/{i}'>Other thing {i}</a></h3><span class='amount'><span>€</span>{i}9.00</span></li>"
        )
    };
    format!(
        "<html><head><title>Linen shirt</title><meta property='og:type' content='{og_type}'></head><body>\
         <div class='product'><h1>Linen shirt</h1><p>A shirt for warm days.</p>\
         <ul><li>Relaxed fit</li><li>Pure linen, washed for softness</li><li>Mother-of-pearl buttons</li></ul></div>\
         <div class='more'><h2>You may also like</h2><ul class='grid'>{}</ul></div></body></html>",
        (1..=cards).map(card).collect::<String>()
    )
}

#[test]
fn rows_of_other_products_leave_a_product_page() {
    let text = text_of(&product_page("product", 4));
    assert!(text.contains("warm days") && text.contains("Mother-of-pearl"), "{text:?}");
    for junk in ["Other thing", "You may also like", "€"] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text:?}");
    }
}

#[test]
fn product_cards_stay_when_they_are_the_page() {
    // Not declared a product page: the cards may be a listing's content.
    let text = text_of(&product_page("website", 4));
    assert!(text.contains("Other thing 3"), "{text:?}");
    // Declared one, but the cards hold most of the text: a listing marked up as a product.
    let text = text_of(&product_page("product", 12));
    assert!(text.contains("Other thing 10"), "{text:?}");
}

#[test]
fn a_non_modal_sheet_keeps_its_aside() {
    // A product's description in a drawer: a toggle, then a non-modal dialog whose body is
    // an <aside>. The drawer is the page's own content shown on demand, not a pop-up.
    let page = "<html><head><title>Linen shirt</title></head><body><main><h1>Linen shirt</h1>\
        <div class='accordion'><button>Description</button>\
        <div role='dialog' aria-modal='false'><aside><p>Woven from washed linen, this shirt keeps \
        you cool on the warmest days, softens with every wash, and never needs ironing.</p>\
        <ul><li>Relaxed fit</li><li>Mother-of-pearl buttons</li></ul></aside></div></div>\
        <div role='dialog' aria-modal='true'><aside><p>Sign up for our newsletter</p></aside></div>\
        </main></body></html>";
    let text = text_of(page);
    assert!(text.contains("Woven from washed linen") && text.contains("Mother-of-pearl"), "{text:?}");
    assert!(!text.contains("newsletter"), "{text:?}");
}

#[test]
fn price_lines_leave_a_product_page_but_not_its_name() {
    let page = "<html><head><title>Linen shirt</title><meta property='og:type' content='product'></head>\
        <body><main><div class='buy'><h1>Linen shirt</h1><div class='price'><s>$49.00</s> <b>$39.00</b></div></div>\
        <p>Free delivery on orders over $75</p>\
        <p>Woven from washed linen, this shirt keeps you cool on the warmest days and softens with \
        every wash; it costs less than its weight in cotton.</p>\
        <ul><li>Relaxed fit</li><li>Pure linen</li><li>Mother-of-pearl buttons</li></ul></main></body></html>";
    let text = text_of(page);
    assert!(text.contains("Woven from washed linen") && text.contains("Mother-of-pearl"), "{text:?}");
    for junk in ["$39.00", "Free delivery"] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text:?}");
    }
}

#[test]
fn a_product_page_says_its_description_once() {
    let description = "<p>Woven from washed linen, this shirt keeps you cool on the warmest days and softens with every wash.</p>";
    let page = format!(
        "<html><head><title>Linen shirt</title><meta property='og:type' content='product'></head>\
         <body><main><h1>Linen shirt</h1><div class='buy'>{description}</div>\
         <div class='tabs'><h2>Description</h2>{description}<ul><li>Relaxed fit</li><li>Pure linen</li></ul></div>\
         </main></body></html>"
    );
    let text = text_of(&page);
    assert_eq!(text.matches("Woven from washed linen").count(), 1, "{text:?}");
    assert!(text.contains("Relaxed fit"), "{text:?}");
}

#[test]
fn one_microdata_product_makes_a_product_page() {
    let page = "<html><head><title>Linen shirt</title></head><body><main>\
        <div itemscope itemtype='https://schema.org/Product'><h1 itemprop='name'>Linen shirt</h1>\
        <div class='price'>Now only $39.00</div>\
        <p itemprop='description'>Woven from washed linen, this shirt keeps you cool on the warmest \
        days and softens with every wash, season after season.</p></div></main></body></html>";
    let text = text_of(page);
    assert!(text.contains("Woven from washed linen"), "{text:?}");
    assert!(!text.contains("$39.00"), "{text:?}");
}

#[test]
fn a_product_named_only_as_an_offer_makes_a_product_page() {
    let page = r#"<html><head><title>Linen shirt</title><script type="application/ld+json">
        {"@type":"WebPage","mainEntity":{"@type":"WebPageElement","offers":{"@type":"Offer",
        "itemOffered":{"@type":"Product","name":"Linen shirt"}}}}</script></head><body><main>
        <h1>Linen shirt</h1><div class="price">Now only $39.00</div>
        <p>Woven from washed linen, this shirt keeps you cool on the warmest days and softens
        with every wash, season after season.</p></main></body></html>"#;
    let text = text_of(page);
    assert!(text.contains("Woven from washed linen"), "{text:?}");
    assert!(!text.contains("$39.00"), "{text:?}");
}

#[test]
fn a_product_page_with_a_long_description_is_not_an_article() {
    let page = |og_type: &str| {
        format!(
            "<html><head><title>Linen shirt</title><meta property='og:type' content='{og_type}'></head>\
             <body><main><h1>Linen shirt</h1>{}</main></body></html>",
            (1..=5).map(prose).collect::<String>()
        )
    };
    let extract_page = |html: String| extract_html(&html);
    let product = extract_page(page("product"));
    assert!(product.text.contains("Paragraph 5 tells"), "{:?}", product.text);
    assert!(!product.is_article, "a page that sells a product is no article");
    assert!(extract_page(page("article")).is_article, "the same prose declared an article is one");
}

#[test]
fn a_buy_box_makes_a_product_page_without_a_declaration() {
    // No product type anywhere: the quantity control preset to one unit (a stepper or a
    // number input) or an OpenGraph price shows that the page sells one product.
    let with_buy_box = |buy: &str| {
        product_page("website", 4).replace("<h1>Linen shirt</h1>", &format!("<h1>Linen shirt</h1>{buy}"))
    };
    let stepper = "<div class='qty'><button aria-label='Less'></button><span>1</span><button aria-label='More'></button></div>";
    let input =
        "<form action='/cart'><input type='number' name='qty' value='1' min='1'><button>Add</button></form>";
    for page in [
        with_buy_box(stepper),
        with_buy_box(input),
        product_page("website", 4)
            .replace("</head>", "<meta property='product:price:amount' content='39.00'></head>"),
    ] {
        let text = text_of(&page);
        assert!(text.contains("warm days") && text.contains("Mother-of-pearl"), "{text:?}");
        assert!(!text.contains("Other thing"), "{text:?}");
    }
}

#[test]
fn quantity_controls_in_every_card_or_beside_other_numbers_make_no_product_page() {
    // A listing with quick-add steppers has one per card; a pager's page jump holds the
    // current page beside the first: neither is one product's buy box.
    let stepper = "<span class='qty'><button></button><span>1</span><button></button></span></li>";
    let quick_add = product_page("website", 4).replace("</li>", stepper);
    let pager = product_page("website", 4).replace(
        "</body>",
        "<form><input type='number' value='1'><button>Go</button></form>\
         <form><input type='number' value='4'><button>Go</button></form></body>",
    );
    for page in [quick_add, pager] {
        let text = text_of(&page);
        assert!(text.contains("Other thing 3"), "{text:?}");
    }
}

#[test]
fn a_page_showing_one_products_buy_box_is_not_an_article() {
    // No declared type, a long description: the quantity stepper shows the page sells.
    let page = format!(
        "<html><head><title>Linen shirt</title></head><body><main><h1>Linen shirt</h1>\
         <div class='qty'><button aria-label='Less'></button><span>1</span><button aria-label='More'></button></div>\
         {}</main></body></html>",
        (1..=5).map(prose).collect::<String>()
    );
    let article = extract_html(&page);
    assert!(article.text.contains("Paragraph 5 tells"), "{:?}", article.text);
    assert!(!article.is_article, "a page that sells a product is no article");
}
