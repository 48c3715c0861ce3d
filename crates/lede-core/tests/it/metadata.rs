//! Metadata read through the public API: which author, date and title a page yields.

use lede_core::Article;

use crate::util::extract_html;

/// The authors' names, in order.
fn names(a: &Article) -> Vec<&str> {
    a.authors.iter().map(|a| a.name.as_str()).collect()
}

/// Body text long enough for the page to read as an article.
const BODY: &str = "<p>Rain returned to the city on Tuesday after the driest month on record, \
    filling reservoirs that had fallen to a third of their capacity and easing the pressure on \
    farmers across the valley, who had begun to ration water for their orchards.</p>";

#[test]
fn meta_author_followed_by_a_home_page_names_the_person() {
    let a = extract_html(&format!(
        r#"<meta name="author" content="Jane Doe (https://jane.example/)"><h1>Rain</h1>{BODY}"#
    ));
    assert_eq!(names(&a), ["Jane Doe"]);
}

#[test]
fn author_element_inside_a_byline_that_reads_as_no_name() {
    let a = extract_html(&format!(
        r#"<h1>Rain</h1><div class="byline"><span>Guide</span> <span>by</span>
        <span class="author"><a href="/a/jd">Jane Doe</a></span> <span>former deputy editor</span></div>{BODY}"#
    ));
    assert_eq!(names(&a), ["Jane Doe"]);
}

#[test]
fn name_under_an_author_label_is_the_byline() {
    let a = extract_html(&format!(r#"<h1>Rain</h1>{BODY}<div><h3>Author</h3><p>Jane D. Doe</p></div>"#));
    assert_eq!(names(&a), ["Jane D. Doe"]);
    let a = extract_html(&format!(
        r#"<h1>Rain</h1>{BODY}<div><small>WRITTEN BY</small><p><strong>Jane Doe</strong></p></div>"#
    ));
    assert_eq!(names(&a), ["Jane Doe"]);
    // A column header labels a column, not one name.
    let a = extract_html(&format!(
        r#"<h1>Rain</h1>{BODY}<table><tr><th>Author</th><th>Title</th></tr><tr><td>Some Body</td><td>Other</td></tr></table>"#
    ));
    assert!(a.authors.is_empty(), "{:?}", names(&a));
}

#[test]
fn written_by_heading_names_the_author() {
    let a = extract_html(&format!(r#"<h1>Rain</h1>{BODY}<h3>Written by Jane Doe</h3><p>Jane writes.</p>"#));
    assert_eq!(names(&a), ["Jane Doe"]);
}

#[test]
fn microdata_author_keeps_the_role_under_a_line_break_apart() {
    let a = extract_html(&format!(
        r#"<h1>Rain</h1><span itemprop="author">By <a href="/jd">Jane Doe</a><br>
        <span class="title">Senior Autos Reporter</span></span>{BODY}"#
    ));
    assert_eq!(names(&a), ["Jane Doe"]);
}

#[test]
fn a_sign_up_forms_user_name_field_is_no_byline() {
    let a = extract_html(&format!(
        r#"<h1>Rain</h1>{BODY}<form><div class="form-item-user-name"><input id="edit-user-name">
        <label for="edit-user-name">First Name:</label></div></form>"#
    ));
    assert!(a.authors.is_empty(), "{:?}", names(&a));
}

#[test]
fn time_after_the_headline_beats_a_sidebar_teasers_time_above_it() {
    let a = extract_html(&format!(
        r#"<div class="views"><a href="/b">Other story</a><time datetime="2025-01-31">01/31/2025</time></div>
        <div><div class="node"><h1>Rain</h1><div class="meta"><time datetime="2017-03-01">03/01/2017</time></div></div></div>{BODY}"#
    ));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2017-03-01"));
}

#[test]
fn headline_spelling_out_and_is_the_one_declared_with_an_ampersand() {
    let a = extract_html(&format!(
        r#"<title>How to Restore &amp; Refinish Old Chairs | Crow Antiques - Crow Antiques Mall in Littleton</title>
        <h1>How to Restore and Refinish Old Chairs</h1>{BODY}"#
    ));
    assert_eq!(a.title.as_deref(), Some("How to Restore and Refinish Old Chairs"));
}

#[test]
fn shown_byline_words_around_the_name_are_not_names() {
    // "Written on <date>" names no one.
    let a = extract_html(&format!(
        r#"<h1>Rain</h1><div class="author-card">Written <span>on <time>June 2, 2016</time></span></div>{BODY}"#
    ));
    assert!(a.authors.is_empty(), "{:?}", names(&a));
    // A heading ends the name before the profile button under it.
    let a = extract_html(&format!(
        r#"<h1>Rain</h1><div class="author-controls"><h4>Jane Doe</h4><a href="/jd">Profile</a></div>{BODY}"#
    ));
    assert_eq!(names(&a), ["Jane Doe"]);
    // A full stop set apart ends the sentence.
    let a = extract_html(&format!(r#"<h1>Rain</h1><p class="byline">By Jane Doe . June 2, 2016</p>{BODY}"#));
    assert_eq!(names(&a), ["Jane Doe"]);
}

#[test]
fn a_lone_by_between_headings_puts_the_name_after_it() {
    let a = extract_html(&format!(
        r#"<h1>Chapter Two</h1><div><a href="/f"><h2>Super Story</h2></a> <span>by</span>
        <h3><a href="/p/1">Sleyca</a></h3></div>{BODY}"#
    ));
    assert_eq!(names(&a), ["Sleyca"]);
}

#[test]
fn a_thread_prefix_inside_the_h1_is_no_part_of_the_title() {
    let a = extract_html(&format!(
        r#"<meta property="og:title" content="Player - Squad 2024 - 2025">
        <script type="application/ld+json">{{"@type":"DiscussionForumPosting","headline":"Squad 2024 - 2025"}}</script>
        <h1><span class="label">Player</span> Squad 2024 - 2025</h1>{BODY}"#
    ));
    assert_eq!(a.title.as_deref(), Some("Squad 2024 - 2025"));
    // A first word that is no element of its own is the headline's.
    let a = extract_html(&format!(
        r#"<meta property="og:title" content="Seven secrets of hotels">
        <h1>The seven secrets of hotels</h1>{BODY}"#
    ));
    assert_eq!(a.title.as_deref(), Some("The seven secrets of hotels"));
}

#[test]
fn dublin_core_contributors_that_include_the_creator_are_the_authors() {
    let a = extract_html(&format!(
        r#"<meta name="DC.Creator" content="Ann Lee"><meta name="DC.Contributor" content="Ann Lee">
        <meta name="DC.Contributor" content="Bo Chan"><h1>Rain</h1>{BODY}"#
    ));
    assert_eq!(names(&a), ["Ann Lee", "Bo Chan"]);
    // Contributors that leave the creator out are someone else: editors, translators.
    let a = extract_html(&format!(
        r#"<meta name="DC.Creator" content="Ann Lee"><meta name="DC.Contributor" content="Cy Dee">
        <meta name="DC.Contributor" content="Bo Chan"><h1>Rain</h1>{BODY}"#
    ));
    assert_eq!(names(&a), ["Ann Lee"]);
}

#[test]
fn a_layout_class_above_main_does_not_make_the_byline_chrome() {
    let a = extract_html(&format!(
        r#"<div class="main-container fixed-sidebar"><main><div class="credit">
        <a class="author-name" href="/user/StepJam">StepJam</a></div><h1>Rain</h1>{BODY}</main></div>"#
    ));
    assert_eq!(names(&a), ["StepJam"]);
}

#[test]
fn an_author_class_on_the_body_hides_no_byline() {
    let a = extract_html(&format!(
        r#"<html><body class="author-4326 single-post"><h1>Rain</h1>
                <p class="byline"><span class="by">by</span> <a href="/a/ln">Lucas Nolan</a><span>22 Dec 2016</span></p>{BODY}</body></html>"#
    ));
    assert_eq!(names(&a), ["Lucas Nolan"]);
}

#[test]
fn a_utility_class_naming_a_sidebar_width_is_no_sidebar() {
    let a = extract_html(&format!(
        r#"<main><section class="page [--sidebar-width:18rem]"><h1>Rain</h1>
        <div><span>Published on Oct 21, 2018</span></div>{BODY}</section>
        <section class="more"><div><span>Published on Mar 11, 2019</span></div></section></main>"#
    ));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2018-10-21"));
}

#[test]
fn an_authorization_heading_is_no_byline() {
    let a = extract_html(&format!(
        r#"<h1>Rain</h1>{BODY}<h3 id="authorization">Authorization Forms</h3><ul><li>Form A</li></ul>"#
    ));
    assert!(a.authors.is_empty(), "{:?}", names(&a));
}

#[test]
fn an_explicit_credit_beats_a_declared_author_the_page_never_shows() {
    let page = |credit: &str| {
        extract_html(&format!(
            r#"<meta name="author" content="Luke Webster"><h1>Rain</h1>
            <div class="by-div"><p>{credit}</p></div>{BODY}"#
        ))
    };
    assert_eq!(names(&page("By: Paula Fenn")), ["Paula Fenn"]);
    // A declared author the page shows elsewhere keeps the credit.
    let a = extract_html(&format!(
        r#"<meta name="author" content="Luke Webster"><h1>Rain</h1><div><p>By: Paula Fenn</p></div>{BODY}
        <div class="author-name">Luke Webster</div>"#
    ));
    assert_eq!(names(&a), ["Luke Webster"]);
}

#[test]
fn rdfa_dublin_core_beats_the_name_form_of_the_same_field() {
    let a = extract_html(&format!(
        r#"<meta name="DC.title" content="Name title"><meta property="dc:title" content="Property title">
        <meta name="DC.creator" content="Ann Name"><meta property="dc:creator" content="Bo Property">{BODY}"#
    ));
    assert_eq!(a.title.as_deref(), Some("Property title"));
    assert_eq!(names(&a), ["Bo Property"]);
}
