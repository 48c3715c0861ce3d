//! Content selection through the public API on inline pages: which parts of a page are the
//! body (article against furniture, threads, listings, teasers, hidden and repeated blocks).

use lede_core::Options;

use crate::util::{extract_at, extract_html, prose, text_of, text_with};

/// A news page around `inner`: navigation, a sidebar of links and a footer around an
/// `<article>` with its title heading.
fn story_page(inner: &str) -> String {
    format!(
        "<html><head><title>A story | Paper</title></head><body>\
         <nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>\
         <div class='sidebar'><h3>Most read</h3><ul><li><a href='/1'>Other story one</a></li>\
         <li><a href='/2'>Other story two</a></li></ul></div>\
         <article><h1>A story</h1>{inner}</article>\
         <footer>Copyright 2024 Paper. All rights reserved. <a href='/terms'>Terms</a></footer>\
         </body></html>"
    )
}

#[test]
fn article_beats_navigation_sidebar_and_footer() {
    let page = story_page(&(1..=4).map(prose).collect::<String>());
    let article = extract_html(&page);
    assert!(article.is_article);
    let text = article.text;
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 4 tells"));
    for junk in ["Home", "Most read", "Other story", "Copyright"] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text:?}");
    }
}

#[test]
fn title_heading_and_byline_are_not_body() {
    let inner = format!("<div class='byline'>By Jane Doe</div>{}{}", prose(1), prose(2));
    let text = text_of(&story_page(&inner));
    assert!(!text.contains("A story"), "{text:?}");
    assert!(!text.contains("Jane Doe"), "{text:?}");
    assert!(text.starts_with("Paragraph 1"));
}

#[test]
fn share_bars_and_hidden_elements_are_pruned() {
    let inner = format!(
        "{}<div class='share-buttons'><a href='https://x.com/share'>Share on X</a></div>\
         <div style='display: none'>Secret hidden teaser text</div>{}",
        prose(1),
        prose(2)
    );
    let text = text_of(&story_page(&inner));
    assert!(!text.contains("Share on X"), "{text:?}");
    assert!(!text.contains("Secret hidden"), "{text:?}");
    assert!(text.contains("Paragraph 2"));
}

#[test]
fn structure_inside_the_article_is_kept() {
    let inner = format!(
        "{}<h2>Details</h2><ul><li>First point</li><li>Second point</li></ul>\
         <blockquote><p>A quoted line from a source.</p></blockquote>\
         <pre><code>let x = 1;\n    indented();</code></pre>\
         <table><thead><tr><th>Year</th><th>Value</th></tr></thead><tbody><tr><td>2020</td><td>5</td></tr></tbody></table>\
         <figure><img src='/p.jpg'><figcaption>A caption. <span class='credit'>Photo: Agency</span></figcaption></figure>{}",
        prose(1),
        prose(2)
    );
    let article = extract_at(&story_page(&inner), "https://example.com/");
    let kinds: Vec<String> = article
        .body
        .iter()
        .map(|b| serde_json::to_value(b).expect("serialises")["type"].as_str().unwrap_or("").to_owned())
        .collect();
    for kind in ["heading", "list", "quote", "code", "table", "figure"] {
        assert!(kinds.iter().any(|k| k == kind), "no {kind} in {kinds:?}");
    }
    assert!(article.text.contains("let x = 1;\n    indented();"), "code whitespace lost");
    let figure = &article.images[0];
    assert_eq!(figure.url, "https://example.com/p.jpg");
    assert_eq!(figure.caption.as_deref(), Some("A caption."));
    assert_eq!(figure.credit.as_deref(), Some("Photo: Agency"));
}

#[test]
fn images_option_never_changes_text() {
    let inner = format!(
        "{}<figure><img src='/p.jpg'><figcaption>Caption text.</figcaption></figure><p><img src='/q.jpg'></p>\
         <div>Rated five stars<img src='/star.png'>by readers</div><p>Logo <a href='/x'><img src='/l.png'></a> after</p>{}",
        prose(1),
        prose(2)
    );
    let page = story_page(&inner);
    let with = text_with(&page, &Options::default());
    let mut no_images = Options::default();
    no_images.images = false;
    let without = text_with(&page, &no_images);
    assert_eq!(with, without);
    // The caption is the figure's, not prose.
    assert!(!with.contains("Caption text."));
}

#[test]
fn forum_thread_posts_in_separate_containers_are_gathered() {
    let post = |n: usize| {
        format!(
            "<div class='post'><div class='author'>user{n}</div><div class='post-body'>{}{}</div></div>",
            prose(n * 10),
            prose(n * 10 + 1)
        )
    };
    let html = format!(
        "<html><body><div id='question'>{}</div><div id='answers'>{}{}</div>\
         <div class='sidebar'><a href='/x'>Related question</a></div></body></html>",
        post(1),
        post(2),
        post(3)
    );
    let text = text_of(&html);
    for n in [10, 20, 30] {
        assert!(text.contains(&format!("Paragraph {n} tells")), "post {n} missing from {text:?}");
    }
}

#[test]
fn listing_without_prose_keeps_its_cards() {
    let cards: String = (1..=8)
        .map(|n| {
            format!("<div class='card'><a href='/p/{n}'><h3>Product {n}</h3></a><span>${n}0</span></div>")
        })
        .collect();
    let html = format!(
        "<html><head><title>Shop</title></head><body><header><a href='/'>Logo</a> <a href='/cart'>Cart</a></header>\
         <main><h1>Shoes</h1><p>Our shoes are comfortable.</p><div class='grid'>{cards}</div></main>\
         <footer>Imprint and contact</footer></body></html>"
    );
    let article = extract_html(&html);
    assert!(!article.is_article, "a product grid is not an article");
    let text = article.text;
    assert!(text.contains("Product 1") && text.contains("Product 8"), "{text:?}");
    assert!(!text.contains("Cart") && !text.contains("Imprint"), "{text:?}");
}

#[test]
fn extraction_is_deterministic() {
    let page = story_page(&(1..=5).map(prose).collect::<String>());
    let a = extract_html(&page);
    let b = extract_html(&page);
    assert_eq!(serde_json::to_string(&a).ok(), serde_json::to_string(&b).ok());
}

#[test]
fn empty_body_is_no_article() {
    let article = extract_html("<html><body></body></html>");
    assert!(!article.is_article);
    assert!(article.text.is_empty());
}

#[test]
fn comments_only_when_asked() {
    let page = story_page(&format!(
        "{}{}<div id='comments'><div class='comment'><p>Reader remark: I disagree with the second          point, and here is a long reason why that matters to me.</p></div></div>",
        prose(1),
        (2..=4).map(prose).collect::<String>()
    ));
    assert!(!text_of(&page).contains("Reader remark"));
    let mut comments = Options::default();
    comments.comments = true;
    let with = text_with(&page, &comments);
    assert!(with.contains("Reader remark") && with.contains("Paragraph 1"), "{with:?}");
}

#[test]
fn a_body_cleaned_away_whole_falls_back_to_the_region() {
    // Headings vote for the container of link lists; conditional cleaning then judges the
    // container itself too linky. Its text must not count as found: the region stands in.
    let section = |n: usize| {
        format!(
            "<h2>Section {n} about tuning the server well</h2><ul>\
             <li><a href='/w/{n}a'>Tuning your server</a> by Ann Author and Bo Writer</li>\
             <li><a href='/w/{n}b'>Slow query questions</a> by Cy Person</li></ul>"
        )
    };
    let html = format!(
        "<html><head><title>Performance</title></head><body><nav><a href='/'>Home</a></nav>\
         <div role='main'><h1>Performance</h1><div class='parser-output'>{}</div></div></body></html>",
        (1..=4).map(section).collect::<String>()
    );
    let text = text_of(&html);
    assert!(text.contains("Slow query questions") && text.contains("by Cy Person"), "{text:?}");
}

#[test]
fn a_thread_is_gathered_when_a_quote_inside_a_post_scores_best() {
    // The quoted passage in the first post outscores every single post, but the posts
    // (same tag and class, each in its own container) together outscore it.
    let quote = (1..=4).map(prose).collect::<String>();
    let post = |n: usize, inner: &str| {
        format!(
            "<article class='message'><div class='user'>user{n}</div>\
             <div class='msg'>{inner}</div></article>"
        )
    };
    let first = post(1, &format!("{}<blockquote><div class='quote'>{quote}</div></blockquote>", prose(9)));
    let rest: String = (2..=4).map(|n| post(n, &format!("{}{}", prose(n * 10), prose(n * 10 + 1)))).collect();
    let html = format!(
        "<html><head><meta property='article:published_time' content='2024-05-01'></head>\
         <body><div class='thread'>{first}{rest}</div></body></html>"
    );
    let text = text_of(&html);
    for n in [1, 9, 20, 30, 41] {
        assert!(text.contains(&format!("Paragraph {n} tells")), "paragraph {n} missing from {text:?}");
    }
}

#[test]
fn a_scored_body_wrapping_the_main_region_gives_way_to_it() {
    // Teaser blurbs beside <main> lift the wrapper above <main> itself; <main> holds the
    // story's prose in less text, so it is the body.
    let teasers: String = (1..=4)
        .map(|n| format!("<p>Teaser {n}: a blurb, with a comma, about another story on the site.</p>"))
        .collect();
    let html = format!(
        "<html><head><meta property='article:published_time' content='2024-05-01'></head><body>\
         <div id='wrap'><main><h1>A story</h1>{}</main><div class='more'>{teasers}</div></div></body></html>",
        (1..=3).map(prose).collect::<String>()
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 3 tells"), "{text:?}");
    assert!(!text.contains("Teaser"), "{text:?}");
}

#[test]
fn the_page_banner_leaves_a_body_region_but_a_section_header_stays() {
    // No <main> and no prose: the stripped body is the region. The site <header> is a
    // banner; the <header> of a <section> is part of the content.
    let cards: String = (1..=12)
        .map(|n| format!("<div class='card'><h3>Plan {n}</h3><span>{n}0 seats, shared storage</span></div>"))
        .collect();
    let html = format!(
        "<html><head><title>Plans</title></head><body>\
         <header><div class='top'><a href='/'>Brand</a> <span>Call us any day of the week</span></div></header>\
         <section><header><h2>Our plans for teams</h2></header><p>Every plan comes with support and updates.</p>\
         </section><div class='grid'>{cards}</div></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Our plans for teams") && text.contains("Plan 12"), "{text:?}");
    assert!(!text.contains("Call us"), "{text:?}");
}

#[test]
fn a_scored_body_with_most_of_the_page_beats_the_stripped_body() {
    // A page that is not article-like, without <main>: the stripped body is the region.
    // A scored body holding most of its text is the content; the rest is badges and blurbs.
    let html = format!(
        "<html><head><title>Services</title></head><body><div class='intro'>{}</div>\
         <div class='badges'><span>Rated five stars by our many customers</span> \
         <span>Trusted by teams in forty countries</span> <span>Award winner</span></div></body></html>",
        (1..=4).map(prose).collect::<String>()
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 4 tells"), "{text:?}");
    assert!(!text.contains("Award winner"), "{text:?}");
}

#[test]
fn labels_of_adjacent_tab_controls_stay_separate_words() {
    // Tab strips put their labels side by side with no space between them; each label is
    // a box of its own on screen, so a word of its own in the text.
    let inner = format!(
        "{}<div><span role='tab'>Python</span><span role='tab'>Node.js</span><span role='tab'>Ruby</span>\
         </div>{}",
        prose(1),
        prose(2)
    );
    let text = text_of(&story_page(&inner));
    assert!(text.contains("Python Node.js Ruby"), "{text:?}");
}

#[test]
fn the_pages_own_table_of_contents_is_not_body() {
    // A list of links to fragments of the page repeats the headings below it, whatever
    // its title says.
    let toc = "<div class='box'><b>Inhalt</b><ul>\
               <li><a href='#one'>First part of the story</a></li>\
               <li><a href='#two'>Second part of the story</a></li>\
               <li><a href='#three'>Third part of the story</a></li></ul></div>";
    let inner = format!(
        "{}{toc}<h2 id='one'>First part</h2>{}<h2 id='two'>Second part</h2>{}<h2 id='three'>Third part</h2>{}",
        prose(1),
        prose(2),
        prose(3),
        prose(4)
    );
    let text = text_of(&story_page(&inner));
    assert!(text.contains("Paragraph 4 tells") && text.contains("Second part"), "{text:?}");
    assert!(!text.contains("Inhalt") && !text.contains("part of the story"), "{text:?}");
}

#[test]
fn disclaimers_and_post_signatures_are_furniture() {
    // Affiliate disclaimers and a poster's signature sit among the paragraphs but speak
    // for the site or the user, not the story.
    let inner = format!(
        "<p class='disclaimer'>This post may contain affiliate links, which means we may earn a small \
         commission when you buy through them, at no extra cost to you.</p>{}{}\
         <div class='post-signature'><span>Written by a member since the early days of the board</span></div>{}{}",
        prose(1),
        prose(2),
        prose(3),
        prose(4)
    );
    let text = text_of(&story_page(&inner));
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 3 tells"), "{text:?}");
    assert!(!text.contains("affiliate") && !text.contains("early days"), "{text:?}");
}

#[test]
fn section_headers_named_header_keep_their_headings() {
    // A landing page's sections each open with `<header class="…__header">` (or a `<div>`)
    // around the section's heading: the class says "header", yet it is no site banner.
    let sections: String = (1..=4)
        .map(|n| {
            let tag = if n % 2 == 0 { "div" } else { "header" };
            format!(
                "<section class='copy'><{tag} class='copy__header'><h2>Benefit number {n}</h2></{tag}>\
                 <div class='copy__body'>{}</div></section>",
                prose(n)
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Payments</title></head><body>\
         <header class='site-header'><a href='/'>Brand</a> <a href='/login'>Sign in</a></header>\
         <div class='row'>{sections}</div></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Benefit number 1") && text.contains("Benefit number 4"), "{text:?}");
    assert!(text.contains("Paragraph 4 tells") && !text.contains("Sign in"), "{text:?}");
}

#[test]
fn icon_font_ligature_names_are_not_text() {
    // Icon fonts draw a glyph from a word ("chevron_right"); readers never see the word.
    let inner = format!(
        "{}<p>Tagged <span class='material-icons'>local_offer</span> sale and \
         <i class='icon icon-arrow'>arrow_forward</i> onward, <span class='icons'>done</span> kept.</p>{}",
        prose(1),
        prose(2)
    );
    let text = text_of(&story_page(&inner));
    assert!(!text.contains("local_offer") && !text.contains("arrow_forward"), "{text:?}");
    assert!(text.contains("Tagged") && text.contains("done kept"), "{text:?}");
}

#[test]
fn per_post_chrome_leaves_a_thread_but_the_messages_stay() {
    // Each post: a profile box, a quote button, the message, a back-to-top link. What repeats
    // from post to post outside the message is chrome; a label inside the message is not.
    let post = |n: usize, user: &str, count: usize| {
        format!(
            "<div class='post bg{}'><dl class='profile'><dt><a href='/u/{user}'>{user}</a></dt>\
             <dd>Regular member</dd><dd><strong>Posts:</strong> {count}</dd></dl>\
             <div class='postbody'><ul class='icons'><li><a href='/quote/{n}'>Reply with quote</a></li></ul>\
             <div class='content'>{}{}<p><strong>Note:</strong> post {n}</p></div></div>\
             <div class='back2top'><a href='#top'>Top</a></div></div>",
            n % 2 + 1,
            prose(n * 10),
            prose(n * 10 + 1)
        )
    };
    let posts: String = [(1, "ann", 10), (2, "bob", 20), (3, "ann", 10), (4, "cy", 5)]
        .map(|(n, u, c)| post(n, u, c))
        .concat();
    let html = format!(
        "<html><body><nav><a href='/'>Forum index</a></nav><div id='thread'>{posts}</div>\
         <footer>Powered by a forum</footer></body></html>"
    );
    let text = text_of(&html);
    for n in [10, 21, 30, 41] {
        assert!(text.contains(&format!("Paragraph {n} tells")), "message {n} missing from {text:?}");
    }
    assert!(text.contains("Note:"), "{text:?}");
    for chrome in ["Reply with quote", "Top", "Regular member"] {
        assert!(!text.contains(chrome), "{chrome:?} left in {text:?}");
    }
}

#[test]
fn a_signature_place_is_chrome_in_every_post_once_one_repeats() {
    // ann signs twice with the same line, so the signature's place is chrome: bob's and
    // cy's signatures go too, though each appears once.
    let post = |n: usize, user: &str, sig: &str| {
        format!(
            "<div class='post'><div class='who'>{user}</div><div class='body'>\
             <div class='content'>{}{}</div><div class='signature'>{sig}</div></div></div>",
            prose(n * 10),
            prose(n * 10 + 1)
        )
    };
    let posts = [
        (1, "ann", "Ann's motto, signed under every post"),
        (2, "bob", "Bob's line about his garden shed"),
        (3, "ann", "Ann's motto, signed under every post"),
        (4, "cy", "Cy's favourite quote from a film"),
    ]
    .map(|(n, u, s)| post(n, u, s))
    .concat();
    let text = text_of(&format!("<html><body><div id='thread'>{posts}</div></body></html>"));
    for n in [10, 21, 30, 41] {
        assert!(text.contains(&format!("Paragraph {n} tells")), "message {n} missing from {text:?}");
    }
    for sig in ["Ann's motto", "Bob's line", "Cy's favourite"] {
        assert!(!text.contains(sig), "{sig:?} left in {text:?}");
    }
}

#[test]
fn collapsed_faq_answers_are_text_but_hidden_widgets_are_not() {
    // Each FAQ item: a shown question, then its answer collapsed with display:none. Readers
    // open it with a click; a lone hidden box is still hidden.
    let item = |n: usize| {
        format!(
            "<div class='faq-item open-{n}'><div class='question'>Question {n}?</div>\
             <div class='answer' style='display: none'>Answer {n} explains the matter in a full \
             sentence, with a comma, for anyone who asks it.</div></div>"
        )
    };
    let html = format!(
        "<html><body><main><h1>Help</h1>{}{}<div class='faqs'>{}</div>\
         <div><p>Shown text</p><div style='display:none'>Secret hidden teaser text</div></div></main></body></html>",
        prose(1),
        prose(2),
        (1..=3).map(item).collect::<String>()
    );
    let text = text_of(&html);
    for n in 1..=3 {
        assert!(text.contains(&format!("Answer {n} explains")), "answer {n} missing from {text:?}");
    }
    assert!(!text.contains("Secret hidden"), "{text:?}");
}

#[test]
fn a_linked_reply_heading_is_post_chrome_but_a_plain_heading_stays() {
    let post = |n: usize| {
        format!(
            "<div class='post'><h3><a href='#p{n}'>Re: The thread title</a></h3>\
             <h4>Verdict</h4><div class='content'>{}{}</div></div>",
            prose(n * 10),
            prose(n * 10 + 1)
        )
    };
    let html =
        format!("<html><body><div id='thread'>{}</div></body></html>", (1..=4).map(post).collect::<String>());
    let text = text_of(&html);
    assert!(text.contains("Paragraph 41 tells") && text.contains("Verdict"), "{text:?}");
    assert!(!text.contains("Re: The thread title"), "{text:?}");
}

#[test]
fn prose_under_a_negative_class_name_stays_between_article_parts() {
    // A "media" block of long write-ups sits between the story's paragraphs: its class name
    // does not make it furniture. A "widget" block of prose after the last paragraph does.
    let writeups: String = (1..=3)
        .map(|n| {
            format!(
                "<div class='item'><div class='label'>Step {n}</div><div class='writeup'>Write-up {n} \
                 explains the step in detail, with reasons, costs, and caveats, in sentences that \
                 run on like the rest of the story does.</div></div>"
            )
        })
        .collect();
    let inner = format!(
        "{}{}<div class='media-block'><div class='row'>{writeups}</div></div>{}{}\
         <div class='disclosure-widget'><div class='row'><p>Disclosure one says that the \
         services are offered by a partner, are not insured by any agency, and may lose value over time.</p>\
         <p>Disclosure two says that past results, however good, do not promise any future \
         result, and that fees may apply to every account held.</p></div></div>",
        prose(1),
        prose(2),
        prose(3),
        prose(4)
    );
    let page = story_page(&inner)
        .replace("<head>", "<head><meta property='article:published_time' content='2024-05-01'>");
    let text = text_of(&page);
    assert!(text.contains("Write-up 1 explains") && text.contains("Write-up 3 explains"), "{text:?}");
    assert!(text.contains("Paragraph 4 tells"), "{text:?}");
    assert!(!text.contains("Disclosure"), "{text:?}");
}

#[test]
fn choice_labels_of_a_picker_leave_the_region_but_other_labels_stay() {
    // Colour and size pickers: a checkbox with a `for` label beside it, a radio button inside
    // its label. Their names are controls, not product text; a plain label stays.
    let swatches: String = (1..=4)
        .map(|n| format!("<span class='swatch'><input type='checkbox' id='c{n}'><label for='c{n}'>Shade {n}</label></span>"))
        .collect();
    let sizes: String = ["Small", "Large"]
        .iter()
        .map(|s| format!("<label><input type='radio' name='size'>Size {s}</label>"))
        .collect();
    let html = format!(
        "<html><head><title>Mug</title></head><body><main><h1>Mug</h1>\
         <div class='buy'><div class='picker'>{swatches}</div><div class='sizes'>{sizes}</div>\
         <div class='spec'><label>Material</label> <span>Stoneware</span></div></div>\
         <div class='about'><p>A sturdy mug for coffee, with a handle that stays cool.</p>\
         <p>Glazed inside and out, it goes in the dishwasher and the microwave alike.</p></div>\
         </main></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("sturdy mug") && text.contains("Material"), "{text:?}");
    assert!(!text.contains("Shade") && !text.contains("Size Small"), "{text:?}");
}

#[test]
fn region_furniture_leaves_a_scored_body_inside_main_but_a_wrapping_form_stays() {
    // Scoring picks a block of prose inside `<main>` that also holds a menu of sections and a
    // newsletter form: the region strips those, and so must the scored body that beats it.
    let paragraphs: String = (1..=6).map(prose).collect();
    let html = format!(
        "<html><head><title>Services</title></head><body><main><h1>Services</h1>\
         <div class='content'><nav><a href='/a'>Advisory services overview</a> \
         <a href='/b'>Audit services overview</a></nav>{paragraphs}\
         <form><p>Sign up for our letter, every week, with news on taxes and audits.</p>\
         <input type='email'><button>Join</button></form></div></main></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 6 tells"), "{text:?}");
    assert!(!text.contains("Advisory services") && !text.contains("Sign up"), "{text:?}");

    // A form around the whole story (ASP.NET pages) is the body's wrapper, not furniture.
    let html = format!(
        "<html><head><title>Services</title></head><body><main><h1>Services</h1>\
         <div class='content'><form>{paragraphs}</form></div></main></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 6 tells"), "{text:?}");
}

#[test]
fn utility_hiding_classes_hide_unless_a_breakpoint_shows_them() {
    // `hide`/`d-none` hide an element on every screen; `hidden md:block` shows it on wide ones.
    let html = format!(
        "<html><head><title>Tee</title></head><body><main><h1>Tee</h1>{}{}\
         <dl class='info hide'><dt>thumb_field_raw:</dt><dd>https://cdn.example.com/t.jpg</dd></dl>\
         <div class='d-none'>Template placeholder text for the script</div>\
         <div class='hidden md:block'>Shown on wide screens: the care guide</div></main></body></html>",
        prose(1),
        prose(2)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 2 tells") && text.contains("the care guide"), "{text:?}");
    assert!(!text.contains("thumb_field_raw") && !text.contains("Template placeholder"), "{text:?}");
}

#[test]
fn a_scored_body_holding_nearly_all_the_region_stays_the_tighter_container() {
    // Not article-like (no date, author or declared type), so the recall tuning applies and
    // the stripped body stands in as the region: a body holding most but not all of its text
    // used to lose to it, bringing back the chrome around the story.
    let page = format!(
        "<html><head><title>Our shop</title></head><body>\
         <div id='top'><p>Opening hours Monday to Friday nine to five, weekends closed.</p></div>\
         <div id='content'>{}</div></body></html>",
        (1..=4).map(prose).collect::<String>()
    );
    let text = text_of(&page);
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 4 tells"), "{text:?}");
    assert!(!text.contains("Opening hours"), "{text:?}");
}

#[test]
fn cards_under_a_related_class_are_the_body_when_scoring_finds_no_text() {
    // A shop category declared as an article (a CMS default) with no <main>: the product
    // cards are all links without paragraphs, inside a section named "related" that the
    // strict pre-pass takes for furniture. Every scored attempt stays short, so the stripped
    // body, pre-passed without unlikely stripping, is the body, not the store-finder popup.
    let cards: String = (1..=9)
        .map(|n| {
            format!(
                "<div class='item'><a href='/p/{n}'><h4>KR{n}00</h4>\
                 <h3>Robotic mower model {n} for lawns up to {n} acres</h3><span>$ {n},099.99</span></a></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Mowers</title><meta property='og:type' content='article'></head><body>\
         <header><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav></header>\
         <section class='related-product'><div class='listing'>{cards}</div></section>\
         <div class='popup'><p>Loading...</p><h4>Get directions</h4>\
         <p>We are growing our dealer network. Leave your email, and we will let you know when a \
         dealer opens near you.</p></div></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("model 1 for lawns") && text.contains("model 9 for lawns"), "{text:?}");
}

#[test]
fn invisible_format_characters_do_not_split_words() {
    let inner = format!(
        "{}<p>What do I need to know about ch\u{feff}arging, zero\u{200b}width and soft\u{ad}hyphen \
         breaks, or a word\u{2060}joiner? Persian keeps its non-joiner: می\u{200c}خواهم.</p>{}",
        prose(1),
        prose(2)
    );
    let text = text_of(&story_page(&inner));
    assert!(text.contains("about charging, zerowidth and softhyphen breaks, or a wordjoiner?"), "{text:?}");
    assert!(text.contains("می\u{200c}خواهم"), "{text:?}");
}

/// A product page: a short description and feature bullets, then a row of other
/// products' cards (link, image, price), as "you may also like" carousels show them.
#[test]
fn dated_teaser_cards_after_the_story_are_dropped() {
    // The story and a "also in the news" grid share a wrapper; the cards' excerpts score,
    // so the body climbs to the wrapper and would take the grid along.
    let card = |n: usize| {
        format!(
            "<article><h3><a href='/news/{n}'>Another story number {n} of the day</a></h3>\
             <time>December {n}, 2025</time><p>Excerpt {n} of another story, long enough to \
             score as a paragraph, with commas, clauses, asides, quotes, figures, places, and \
             names, the summary of the news…</p></article>"
        )
    };
    let page = format!(
        "<html><head><meta property='og:type' content='article'></head><body>\
         <div class='wrap'><div class='story'>{}</div>\
         <div class='label'>Also in the news</div>\
         <div class='grid'>{}</div></div></body></html>",
        (1..=4).map(prose).collect::<String>(),
        (1..=4).map(card).collect::<String>()
    );
    let text = text_of(&page);
    assert!(text.contains("Paragraph 4 tells"), "{text:?}");
    for junk in ["Also in the news", "Another story", "Excerpt"] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text:?}");
    }
}

#[test]
fn undated_cards_after_the_story_stay() {
    // Rows of feature cards (no dates) are the page's content.
    let card = |n: usize| {
        format!(
            "<article><h3><a href='/feature/{n}'>Feature number {n} of the kit</a></h3>\
             <p>What feature {n} does, told in a sentence or two, with commas, clauses, asides, \
             examples, figures, places, and names, enough to read as prose…</p></article>"
        )
    };
    let page = format!(
        "<html><head><meta property='og:type' content='article'></head><body>\
         <div class='wrap'><div class='story'>{}</div>\
         <div class='grid'>{}</div></div></body></html>",
        (1..=4).map(prose).collect::<String>(),
        (1..=4).map(card).collect::<String>()
    );
    let text = text_of(&page);
    assert!(text.contains("Feature number 4"), "{text:?}");
}

#[test]
fn link_boxes_ending_an_article_region_are_dropped() {
    // The scored body lands outside <main> (a long blurb), so the <main> region stands for
    // the article; its end, a label and a box of links to more stories, is not the story.
    let links = (1..=4)
        .map(|n| format!("<div><a href='/more/{n}'>More reading on topic {n}</a> <a href='/more/{n}'>View more</a></div>"))
        .collect::<String>();
    let page = format!(
        "<html><head><meta property='og:type' content='article'></head><body>\
         <div class='blurb'>{}</div>\
         <main><div class='story'>{}</div><h5>Share this article</h5>\
         <div class='explore'><h4>Explore more</h4>{links}</div></main></body></html>",
        (5..=9).map(prose).collect::<String>(),
        (1..=2).map(prose).collect::<String>(),
    );
    let text = text_of(&page);
    assert!(text.contains("Paragraph 2 tells"), "{text:?}");
    for junk in ["Share this article", "Explore more", "More reading"] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text:?}");
    }
}

#[test]
fn comments_and_ads_named_in_other_languages_are_furniture() {
    let remark = "Leserkommentar: Ich finde, dass die Regierung viel zu spät handelt, und die Kosten \
                  tragen wieder einmal die kleinen Leute, während die Konzerne verschont bleiben.";
    let comments: String =
        (0..8).map(|i| format!("<div class='kommentar'><b>Leser{i}</b><p>{remark}</p></div>")).collect();
    let page = format!(
        "<html lang='de'><body><div id='seite'><div class='artikel-inhalt'><h1>Eine Meldung</h1>{}</div>\
         <div class='werbung'><p>Jetzt zugreifen: die besten Angebote, nur diese Woche, solange der \
         Vorrat reicht, mit kostenlosem Versand, für Ihr Zuhause und Ihren Garten.</p></div>\
         <div id='kommentare'><h3>Kommentare</h3>{comments}</div></div></body></html>",
        (1..=4).map(prose).collect::<String>()
    );
    let text = text_of(&page);
    assert!(text.contains("Paragraph 4"), "{text:?}");
    assert!(!text.contains("Leserkommentar") && !text.contains("Angebote"), "{text:?}");
}

#[test]
fn a_closed_modal_pop_up_is_not_body_but_an_open_one_is() {
    let inner = format!(
        "{}<div class='modal fade'><div class='modal-content'><h4>Get directions</h4>\
         <p>Leave your email and we will tell you when a dealer opens near you, with details.</p></div></div>\
         <div class='modal show'><p>Shown in place of the page right now, with its own words.</p></div>{}",
        prose(1),
        prose(2)
    );
    let text = text_of(&story_page(&inner));
    assert!(!text.contains("Get directions") && !text.contains("dealer opens"), "{text:?}");
    assert!(text.contains("Shown in place") && text.contains("Paragraph 2"), "{text:?}");
}

#[test]
fn a_block_printed_twice_for_two_layouts_is_read_once_but_a_refrain_stays() {
    let intro = "<p>Over eight hundred universities are ranked here by subject, with the method and the \
                 sources explained in full on the page.</p><p>A new entrant debuts this year in the top fifty, \
                 the highest-placed newcomer in this subject since the ranking began.</p>";
    let refrain = "<p>The refrain comes back between the verses, word for word, just as the author wrote it \
                   for the song.</p>";
    let inner = format!(
        "<div class='mobile'>{intro}</div>{}<div>{refrain}{}</div><div>{refrain}{}</div><div class='desktop'>{intro}</div>{}",
        prose(1),
        prose(2),
        prose(3),
        prose(4)
    );
    let text = text_of(&story_page(&inner));
    assert_eq!(text.matches("Over eight hundred").count(), 1, "{text:?}");
    assert_eq!(text.matches("The refrain comes back").count(), 2, "{text:?}");
    assert!(text.contains("Paragraph 4"), "{text:?}");
}

/// A blog page whose post is a few short lines under its headline, beside a sidebar whose
/// "about me" blurb is longer than the post.
fn short_post_page() -> String {
    let about = "I write about design, typography and the small tools I build for my own work, \
                 and I have done so for many years from a small town by the sea. "
        .repeat(5);
    format!(
        "<html><head><title>Blog: Why small posts matter</title>\
         <meta property='article:published_time' content='2012-07-15'></head><body>\
         <div class='sidebar'><h2>About me</h2><p>{about}</p>\
         <ul><li><a href='/a'>Archive</a></li><li><a href='/b'>Books</a></li></ul></div>\
         <div class='entry'><h3>Why small posts matter</h3><div class='entry-body'>\
         <p>Worth thinking about the next time you are annoyed at a customer.</p>\
         <p>Or when you dream up a policy that punishes every customer for what a few did, \
         and tell me again why your gift cards expire.</p></div></div>\
         </body></html>"
    )
}

#[test]
fn short_post_under_its_title_heading_beats_a_longer_sidebar() {
    let text = text_of(&short_post_page());
    assert!(text.contains("Worth thinking about") && text.contains("gift cards expire"), "{text:?}");
    assert!(!text.contains("I write about design"), "{text:?}");
}

/// A post of four paragraphs followed by `comments`, each comment a `<div class='{class}'>`
/// inside `<div id='{wrapper}'>`.
fn post_with_comments(wrapper: &str, class: &str, comments: usize) -> String {
    let thread: String = (1..=comments)
        .map(|i| {
            format!(
                "<div class='{class}'><p>Reader {i} says this was a great read, and adds a long \
                 thought of their own about the matter at hand, with a story from home.</p></div>"
            )
        })
        .collect();
    format!(
        "<html><head><title>A story</title></head><body><div class='post'><h1>A story</h1>{}</div>\
         <div id='{wrapper}'>{thread}</div></body></html>",
        (1..=4).map(prose).collect::<String>()
    )
}

#[test]
fn comment_thread_outweighing_the_post_is_not_the_body() {
    let text = text_of(&post_with_comments("comments", "reply", 60));
    assert!(text.contains("Paragraph 1 tells") && text.contains("Paragraph 4 tells"), "{text:?}");
    assert!(!text.contains("Reader 1 says"), "{text:?}");
}

#[test]
fn comments_named_as_body_parts_are_still_comments() {
    let text = text_of(&post_with_comments("thread", "comments-body", 8));
    assert!(text.contains("Paragraph 1 tells"), "{text:?}");
    assert!(!text.contains("Reader 1 says"), "{text:?}");
}
