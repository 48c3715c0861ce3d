//! `is_article` through the public API on inline pages: what makes a page an article, a
//! thread, a product, a home page, documentation or a landing page.

use crate::util::{extract_at, prose};

/// A page with `head` in its `<head>` and `n` paragraphs of prose in an `<article>`.
fn page(head: &str, n: usize) -> String {
    format!(
        "<html><head><title>A story</title>{head}</head><body>\
         <nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\
         <article><h1>A story</h1>{}</article></body></html>",
        (1..=n).map(prose).collect::<String>()
    )
}

#[test]
fn a_declared_forum_thread_or_question_is_not_an_article() {
    let plain = page("", 5);
    assert!(extract_at(&plain, "https://example.com/t/a-story/42").is_article);
    for ty in ["DiscussionForumPosting", "QAPage"] {
        let ld =
            format!(r#"<script type="application/ld+json">{{"@type":"{ty}","headline":"A story"}}</script>"#);
        let thread = extract_at(&page(&ld, 5), "https://example.com/t/a-story/42");
        assert!(thread.text.contains("Paragraph 5 tells"), "{:?}", thread.text);
        assert!(!thread.is_article, "a page declaring {ty} is a discussion");
    }
    let microdata = plain
        .replace("<article>", "<article itemscope itemtype='https://schema.org/DiscussionForumPosting'>");
    assert!(!extract_at(&microdata, "https://example.com/t/a-story/42").is_article);
    // A news site's article that also marks up its comment thread stays an article.
    let both = page(
        r#"<script type="application/ld+json">[{"@type":"NewsArticle","headline":"A story"},
           {"@type":"DiscussionForumPosting","headline":"Comments"}]</script>"#,
        5,
    );
    assert!(extract_at(&both, "https://example.com/news/a-story").is_article);
}

#[test]
fn structured_data_selling_products_overrules_og_article() {
    // Many CMSs write `og:type=article` on every page; a JSON-LD product (or offer) with no
    // article type names what the page is for.
    let og = "<meta property='og:type' content='article'>";
    let product = format!(
        r#"{og}<script type="application/ld+json">{{"@type":"Product","name":"Serum","offers":{{"@type":"Offer","price":"130"}}}}</script>"#
    );
    assert!(!extract_at(&page(&product, 5), "https://example.com/shop/serum").is_article);
    // A review names the product it is written about, and stays an article.
    let review = format!(
        r#"{og}<script type="application/ld+json">{{"@type":"Review","itemReviewed":{{"@type":"Product","name":"Serum"}}}}</script>"#
    );
    assert!(extract_at(&page(&review, 5), "https://example.com/reviews/serum").is_article);
}

#[test]
fn a_sites_home_page_is_not_an_article() {
    let html = page("", 5);
    for home in ["https://example.com/", "https://example.com"] {
        assert!(!extract_at(&html, home).is_article, "{home}");
    }
    for story in ["https://example.com/a-story", "https://example.com/?p=42"] {
        assert!(extract_at(&html, story).is_article, "{story}");
    }
}

#[test]
fn short_sections_under_many_headings_without_a_date_are_not_an_article() {
    // A service page's pitch: a heading and a blurb each, however long the blurbs.
    let sections: String = (1..=6).map(|n| format!("<h2>What we offer {n}</h2>{}", prose(n))).collect();
    let html = |head: &str| {
        format!(
            "<html><head><title>Our services</title>{head}</head><body><article><h1>Our services</h1>\
             {sections}</article></body></html>"
        )
    };
    let landing = extract_at(&html(""), "https://example.com/services/consulting");
    assert!(landing.text.contains("Paragraph 6 tells"), "{:?}", landing.text);
    assert!(!landing.is_article);
    // The same sections with a publication date are a how-to article.
    let dated = html("<meta property='article:published_time' content='2024-05-07T06:30:00Z'>");
    assert!(extract_at(&dated, "https://example.com/services/consulting").is_article);
    // A date the JSON-LD gives only to the page is the CMS's stamp; on an article it counts.
    let stamped = |ty: &str| {
        html(&format!(
            r#"<script type="application/ld+json">{{"@type":"{ty}","datePublished":"2024-05-07"}}</script>"#
        ))
    };
    assert!(!extract_at(&stamped("WebPage"), "https://example.com/services/consulting").is_article);
    assert!(extract_at(&stamped("Article"), "https://example.com/services/consulting").is_article);
    // Two blurbs in a row here and there still leave sections of a few lines each.
    let paired =
        html("").replace("<h2>What we offer 1</h2>", &format!("<h2>What we offer 1</h2>{}", prose(0)));
    let landing = extract_at(&paired, "https://example.com/services/consulting");
    assert!(landing.text.contains("Paragraph 0 tells"), "{:?}", landing.text);
    assert!(!landing.is_article);
    // Sections laid out as cards put their headings in list items.
    let cards: String = (1..=6).map(|n| format!("<li><h3>What we offer {n}</h3>{}</li>", prose(n))).collect();
    let cards = format!(
        "<html><head><title>Our services</title></head><body><article><h1>Our services</h1>{}\
         <ul>{cards}</ul></article></body></html>",
        prose(0)
    );
    let landing = extract_at(&cards, "https://example.com/services/consulting");
    assert!(landing.text.contains("Paragraph 6 tells"), "{:?}", landing.text);
    assert!(!landing.is_article);
}

#[test]
fn a_declared_article_is_one_when_the_main_region_supplies_its_body() {
    // The facts list outweighs the story, so the main region wins over the scored story;
    // its prose still makes the page an article when the page says it is one.
    let html = |og: &str| {
        let items: String =
            (1..80).map(|n| format!("<li>Item {n} is a short fact line of its own</li>")).collect();
        format!(
            "<html><head><title>A story</title><meta property='og:type' content='{og}'></head><body>\
             <main><h1>A story</h1><div class='story'>{}</div><ul>{items}</ul></main></body></html>",
            (1..=5).map(prose).collect::<String>()
        )
    };
    let declared = extract_at(&html("article"), "https://example.com/a/b");
    assert!(
        declared.text.contains("Paragraph 5 tells") && declared.text.contains("Item 79"),
        "{:?}",
        declared.text
    );
    assert!(declared.is_article);
    assert!(!extract_at(&html("website"), "https://example.com/a/b").is_article);
}

#[test]
fn code_sample_after_code_sample_without_an_author_is_documentation() {
    let steps: String =
        (1..=15).map(|n| format!("{}<pre><code>call_step({n});</code></pre>", prose(n))).collect();
    let html = |head: &str| {
        format!(
            "<html><head><title>Using the API</title>{head}</head><body><article><h1>Using the API</h1>\
             {steps}</article></body></html>"
        )
    };
    let reference = extract_at(&html(""), "https://example.com/guide/using-the-api");
    assert!(reference.text.contains("call_step(15);"), "{:?}", reference.text);
    assert!(!reference.is_article);
    // The same tutorial signed by its author is a blog post.
    let signed = html("<meta name='author' content='Jane Doe'>");
    assert!(extract_at(&signed, "https://example.com/guide/using-the-api").is_article);
}

#[test]
fn repeated_posts_with_repeated_chrome_are_a_thread() {
    // No structured data: the posts' repeated profile lines show the thread.
    let post = |n: usize, user: &str| {
        format!(
            "<div class='post'><dl class='profile'><dt><a href='/u/{user}'>{user}</a></dt>\
             <dd>Regular member</dd></dl><div class='postbody'><div class='content'>{}{}</div></div></div>",
            prose(n * 10),
            prose(n * 10 + 1)
        )
    };
    let posts: String = [(1, "ann"), (2, "bob"), (3, "ann"), (4, "cy")].map(|(n, u)| post(n, u)).concat();
    let html = |head: &str| {
        format!(
            "<html><head><title>A thread</title>{head}</head><body><div id='thread'>{posts}</div></body></html>"
        )
    };
    let thread = extract_at(&html(""), "https://example.com/viewtopic?t=42");
    assert!(
        thread.text.contains("Paragraph 41 tells") && !thread.text.contains("Regular member"),
        "{:?}",
        thread.text
    );
    assert!(!thread.is_article);
    // A story that keeps its comments and says it is an article stays one.
    let ld = r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"A thread"}</script>"#;
    assert!(extract_at(&html(ld), "https://example.com/viewtopic?t=42").is_article);
}

#[test]
fn a_declared_article_with_date_and_byline_is_one_whatever_its_body() {
    // A ranking: the table is the story, with no run of prose.
    let rows: String = (1..=30)
        .map(|n| format!("<tr><td>{n}</td><td>School number {n}</td><td>{}</td></tr>", 100 - n))
        .collect();
    let html = |head: &str| {
        format!(
            "<html><head><title>The ranking</title><meta property='og:type' content='article'>{head}</head>\
             <body><article><h1>The ranking</h1><p>How the schools compare this year.</p>\
             <table><tr><th>Rank</th><th>School</th><th>Score</th></tr>{rows}</table></article></body></html>"
        )
    };
    let dated = "<meta property='article:published_time' content='2024-05-07T06:30:00Z'>";
    let signed = extract_at(
        &html(&format!("{dated}<meta name='author' content='Jane Doe'>")),
        "https://example.com/a/b",
    );
    assert!(signed.text.contains("School number 30"), "{:?}", signed.text);
    assert!(signed.is_article);
    assert!(
        !extract_at(&html(dated), "https://example.com/a/b").is_article,
        "no byline, no prose: no article"
    );
}

#[test]
fn a_declared_faq_page_without_date_or_author_is_not_an_article() {
    let faq = r#"<script type="application/ld+json">{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Why?"}]}</script>"#;
    let help = extract_at(&page(faq, 5), "https://example.com/help/shipping");
    assert!(help.text.contains("Paragraph 5 tells"), "{:?}", help.text);
    assert!(!help.is_article);
    // A dated post that ends with an FAQ block is still a post.
    let dated = format!("{faq}<meta property='article:published_time' content='2024-05-07T06:30:00Z'>");
    assert!(extract_at(&page(&dated, 5), "https://example.com/help/shipping").is_article);
}
