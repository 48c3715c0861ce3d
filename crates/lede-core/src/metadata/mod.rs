//! Page metadata: title, authors, dates, site name, description, language, tags, section,
//! lead image and canonical URL, merged from every source a page may use.
//!
//! One walk over the document ([`scan`]) gathers what every source needs; each source then
//! fills a [`Metadata`] of its own and [`extract`] merges them field by field. Precedence,
//! highest first:
//!
//! - **title**: a declared title that the `<h1>` shows after a label in an element of its
//!   own (a forum's thread prefix); else an `<h1>` that a declared title (JSON-LD
//!   `headline`, `dc.title`/`og:title`/`twitter:title`, `<title>`) contains ("&" read as
//!   "and"), or that shares at least half its words with one
//!   (the shown headline beats an SEO variant; same words in the same order keep the
//!   declared spelling); on pages without an `<h1>`, an `<h2>` only when a declared title
//!   contains it. Else the declared title (`dc.title`, `og:title`…, then JSON-LD, then
//!   `<title>`) with a " | Site" part cut off when it matches the site name or reads like
//!   one; a declared title that is only the site's name yields to the `<h1>` ([`title`]).
//! - **authors**: JSON-LD `author`, then meta tags (`dc.creator`, `author`, `article:author`,
//!   Parse.ly, Sailthru), then microdata `itemprop=author` (the first group only: later ones
//!   are commenters), then the visible byline (class or id "byline"/"author", `rel=author`,
//!   a short text opening with "By"/"Von"/"Par"/"Written by"…, or a label "Author"/"Autor"
//!   alone beside the name; after the `<h1>` first; an outer byline that reads as no name
//!   yields to the author element inside it). The shown byline wins over declared
//!   authors that are only organisations or one-word account names when it names a
//!   person, and over declared authors no byline on the page shows when it is an
//!   explicit credit ("By: …") by the headline. Dublin Core contributors that include
//!   every creator are the authors. Each string is split into people ([`names`]).
//! - **published / modified**: JSON-LD (the article's own object before its `WebPage`), then
//!   meta tags (`article:published_time`, Dublin Core, `date`…), then microdata, then
//!   `<time datetime>` (one marked "published" first, then the first after or beside the
//!   `<h1>`), then the first date shown after the
//!   `<h1>` (one labelled "Published" among the first three), then a date in the page's
//!   (or canonical) URL path. Future and pre-1993 dates are refused
//!   wherever they come from; a modification before publication is dropped.
//! - **site_name**: JSON-LD publisher (or `WebSite`) name, then `og:site_name`,
//!   `application-name`.
//! - **language**: `<html lang>`, `content-language`/`dc.language`/`og:locale`, JSON-LD.
//! - **description, section, lead image**: meta tags, then JSON-LD. **tags**: both, merged.
//! - **canonical_url**: `<link rel=canonical>`, `og:url`, JSON-LD `mainEntityOfPage`/`url`.
//!
//! `byline_nodes` holds the visible byline element whichever source won, so the body can
//! leave it out.

pub(crate) mod date;
mod dom_hints;
mod jsonld;
mod meta_tags;
pub(crate) mod names;
mod scan;
mod schema;
mod title;
mod values;

use jiff::civil;
use schema::Structured;
use url::Url;
use values::{language_tag, push_tag};

use crate::date::DateTime;
use crate::dom::{Dom, NodeId};
use crate::model::{Article, Author, Image};
use crate::text::collapse_ws;

/// Everything the page says about itself, outside the body text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) authors: Vec<Author>,
    pub(crate) published: Option<DateTime>,
    pub(crate) modified: Option<DateTime>,
    pub(crate) site_name: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) section: Option<String>,
    pub(crate) lead_image: Option<Image>,
    pub(crate) canonical_url: Option<String>,
    /// Elements holding the visible byline, which the body must not repeat.
    pub(crate) byline_nodes: Vec<NodeId>,
    /// Whether the page declares itself an article (`og:type=article`, or JSON-LD of an
    /// article type) — a hint for content selection, not part of the output.
    pub(crate) declares_article: bool,
    /// Whether the page declares itself the page of one product (`og:type=product`, a
    /// JSON-LD `Product` that is not one entry of a list, or one or two microdata `Product`
    /// items) — a hint for content selection.
    pub(crate) declares_product: bool,
    /// Whether the page shows the buy box of one product without declaring a product type:
    /// an OpenGraph price (`og:price:amount`, `product:price:amount`), or one or two
    /// quantity controls preset to one unit (a listing with quick-add buttons has one per
    /// card) — a hint for content selection.
    pub(crate) sells_one: bool,
    /// What the structured data (JSON-LD and microdata) declares the page to be — a hint for
    /// telling articles from other pages, not part of the output.
    pub(crate) structured: Structured,
    /// The URL relative links resolve against: `<base href>` resolved against the page URL.
    pub(crate) base: Option<Url>,
    /// Whether the page declares right-to-left text (`<html dir=rtl>`).
    pub(crate) declared_rtl: bool,
}

impl Metadata {
    /// Whether the page is that of one product, declared or shown by its buy box: its rows
    /// of other products' cards are advertisements.
    pub(crate) fn one_product(&self) -> bool {
        self.declares_product || self.sells_one
    }

    /// Copies the metadata into the article's fields.
    pub(crate) fn apply(self, article: &mut Article) {
        article.title = self.title;
        article.description = self.description;
        article.authors = self.authors;
        article.published = self.published;
        article.modified = self.modified;
        article.site_name = self.site_name;
        article.language = self.language;
        article.tags = self.tags;
        article.section = self.section;
        article.lead_image = self.lead_image;
        article.canonical_url = self.canonical_url;
        if self.declared_rtl {
            article.direction = Some("rtl".to_owned());
        }
    }
}

/// Reads the page's metadata; dates after `today` (when known) are not the article's.
pub(crate) fn extract(dom: &Dom, page_url: Option<&Url>, today: Option<civil::Date>) -> Metadata {
    let scan = scan::scan(dom);
    let base = match (scan.base_href, page_url) {
        (Some(h), Some(u)) => u.join(h).ok().or_else(|| Some(u.clone())),
        (Some(h), None) => Url::parse(h).ok(),
        (None, u) => u.cloned(),
    };
    let base_owned = base;
    let base = base_owned.as_ref();
    let (ld, ld_authors_are_organisations) = jsonld::read(&scan.json_ld, base, today);
    let tags = meta_tags::read(&scan, base, today);
    let hints = dom_hints::read(dom, &scan, base, today);
    let html = hints.meta;

    // The JSON-LD publisher is the plain name; `og:site_name` often carries a tagline.
    let site_name = ld.site_name.clone().or_else(|| tags.site_name.clone());
    let document_title = scan.title.as_deref().map(collapse_ws);
    let title = title::choose(&title::Candidates {
        document: document_title.as_deref(),
        meta: tags.title.as_deref(),
        json_ld: ld.title.as_deref(),
        h1s: &hints.h1s,
        h2s: hints.headings_are_h2,
        h1_label: hints.h1_label.as_deref(),
        site_name: site_name.as_deref(),
    });

    let from_ld = !ld.authors.is_empty();
    let declared_authors = if from_ld { ld.authors } else { tags.authors };
    // The page's own byline also beats declared authors when it is an explicit credit by
    // the headline ("By: Jane Doe") naming other people, and no byline on the page shows
    // the declared ones: they are the CMS account that posted the article, not its writer.
    let explicit_credit = hints.explicit_byline
        && html.authors.iter().all(|a| a.name.contains(' '))
        && !declared_authors.is_empty()
        && !declared_authors
            .iter()
            .any(|d| html.authors.iter().any(|a| a.name.eq_ignore_ascii_case(&d.name)))
        && !declared_authors.iter().any(|d| dom_hints::shown_in_bylines(dom, &scan, &d.name));
    let shown = if hints.microdata_authors.is_empty() { html.authors } else { hints.microdata_authors };
    // The page's own byline beats declared authors that are an organisation or a CMS
    // account name ("KatieS") when it names a person.
    let account_names =
        declared_authors.iter().all(|a| !a.name.contains(' ')) && shown.iter().any(|a| a.name.contains(' '));
    let authors = if declared_authors.is_empty()
        || (from_ld && ld_authors_are_organisations)
        || account_names
        || explicit_credit
    {
        if shown.is_empty() { declared_authors } else { shown }
    } else {
        declared_authors
    };
    let declared = ld.published.or(tags.published).or(html.published);
    let published = declared.or(hints.visible_date).or_else(|| {
        let canonical =
            tags.canonical_url.as_deref().or(ld.canonical_url.as_deref()).and_then(|u| Url::parse(u).ok());
        page_url.or(canonical.as_ref()).and_then(|u| date::from_url_path(u.path()))
    });
    let modified = ld
        .modified
        .or(tags.modified)
        .or(html.modified)
        .filter(|m| published.is_none_or(|p| m.date() >= p.date()));

    let mut tag_list = tags.tags;
    for t in &ld.tags {
        push_tag(&mut tag_list, t);
    }
    Metadata {
        title,
        description: tags.description.or(ld.description),
        authors,
        published,
        modified,
        site_name,
        language: scan.html_lang.and_then(language_tag).or(tags.language).or(ld.language),
        tags: tag_list,
        section: tags.section.or(ld.section),
        lead_image: tags.lead_image.or(ld.lead_image),
        canonical_url: tags.canonical_url.or(ld.canonical_url),
        byline_nodes: html.byline_nodes,
        declares_article: ld.declares_article || tags.declares_article,
        // One product item in the microdata (two where a page repeats its buy box) is the
        // page's subject; many are the entries of a listing.
        declares_product: ld.declares_product || tags.declares_product || matches!(scan.product_items, 1..=2),
        // A number input holding another value beside them makes the ones a form's fields
        // (a pager's page jump at page 1 and at page 4), not a buy box's quantity.
        sells_one: tags.sells_one || matches!(scan.quantity_controls, 1..=2) && scan.other_numbers == 0,
        structured: Structured {
            article: ld.structured.article || scan.structured.article,
            discussion: ld.structured.discussion || scan.structured.discussion,
            commerce: ld.structured.commerce || scan.structured.commerce || scan.product_items > 0,
            faq: ld.structured.faq || scan.structured.faq,
            page_dated: ld.structured.page_dated,
        },
        base: base_owned.clone(),
        declared_rtl: scan.declared_rtl,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date these tests are run on, as far as the core knows.
    const TODAY: civil::Date = civil::date(2026, 1, 1);

    fn check_at(html: &str, url: Option<&str>) -> Metadata {
        let dom = crate::dom::parse(html, 100_000, 512).expect("test page parses");
        let url = url.map(|u| Url::parse(u).expect("test URL parses"));
        extract(&dom, url.as_ref(), Some(TODAY))
    }

    fn check(html: &str) -> Metadata {
        check_at(html, None)
    }

    fn names(m: &Metadata) -> Vec<&str> {
        m.authors.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn json_ld_graph_with_nested_author_objects() {
        let m = check(
            r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Daily Bugle"},
            {"@type":"Person","@id":"#jane","name":"Jane Doe","url":"https://bugle.example/jane"},
            {"@type":["NewsArticle"],"headline":"Rain returns","datePublished":"2021-12-07T10:00:00+01:00",
             "author":{"@id":"#jane"},"publisher":{"@type":"Organization","name":"Daily Bugle"},
             "image":{"@type":"ImageObject","url":"https://bugle.example/rain.jpg","width":1200,"height":800},
             "keywords":"rain, weather"}]}</script><h1>Rain returns</h1>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Rain returns"));
        assert_eq!(names(&m), ["Jane Doe"]);
        assert_eq!(m.authors[0].url.as_deref(), Some("https://bugle.example/jane"));
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2021-12-07T10:00:00+01:00"));
        assert_eq!(m.site_name.as_deref(), Some("Daily Bugle"));
        let img = m.lead_image.expect("image from JSON-LD");
        assert_eq!((img.width, img.height), (Some(1200), Some(800)));
        assert_eq!(m.tags, ["rain", "weather"]);
    }

    #[test]
    fn json_ld_array_of_authors() {
        let m = check(
            r##"<script type="application/ld+json">[{"@type":"Article","author":[
            {"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}]}]</script>"##,
        );
        assert_eq!(names(&m), ["Ann Lee", "Bo Chan"]);
    }

    #[test]
    fn every_news_article_subtype_is_an_article() {
        for t in ["ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle"] {
            let m = check(&format!(
                r##"<script type="application/ld+json">{{"@type":"{t}","headline":"Rain returns",
                "author":[{{"@type":"Person","name":"Ann Lee"}}]}}</script>"##
            ));
            assert_eq!(m.title.as_deref(), Some("Rain returns"), "{t}");
            assert_eq!(names(&m), ["Ann Lee"], "{t}");
        }
    }

    #[test]
    fn broken_json_ld_is_repaired() {
        let m = check(
            "<script type=\"application/ld+json\"><!--{\"@type\":\"BlogPosting\",\"headline\":\"Two\nlines\",\
             \"author\":{\"name\":\"Ann Lee\"},}--></script>",
        );
        assert_eq!(m.title.as_deref(), Some("Two lines"));
        assert_eq!(names(&m), ["Ann Lee"]);
    }

    #[test]
    fn odd_unicode_never_panics() {
        for s in
            ["2021-12-0\u{e9}", "İİİ By İstanbul Ünal and Ça 2021", "&#x1F600&amp;é;", "Σ 2021-1\u{2003}2-07"]
        {
            let html = format!(
                "<title>{s} | {s}</title><meta name=\"author\" content=\"{s}\"><meta name=\"date\" content=\"{s}\">\
                 <h1>{s}</h1><p class=\"byline\">By {s}</p><time>{s}</time>\
                 <script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\"{s}\",\"author\":\"{s}\",\"datePublished\":\"{s}\"}}</script>"
            );
            check(&html);
        }
    }

    #[test]
    fn garbage_json_ld_does_not_panic() {
        for s in ["{", "}{]", "\"", "[[[[", "{\"@type\":\"Article\",\"author\":[[[{}]]]}", "{\"@graph\":7}"] {
            check(&format!("<script type=\"application/ld+json\">{s}</script>"));
        }
    }

    #[test]
    fn visible_byline_by_a_and_b_is_split() {
        let m = check("<h1>Rain returns</h1><p class=\"byline\">By Jane Doe and John Roe</p><p>Text.</p>");
        assert_eq!(names(&m), ["Jane Doe", "John Roe"]);
        assert_eq!(m.byline_nodes.len(), 1);
    }

    #[test]
    fn unmarked_by_line_after_headline_is_found() {
        let m =
            check("<h1>Rain returns</h1><div><span>By </span><a href=\"/a\">Jane Doe</a></div><p>Text.</p>");
        assert_eq!(names(&m), ["Jane Doe"]);
    }

    #[test]
    fn shown_byline_beats_an_organisation_as_author() {
        let m = check(
            r##"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Rain",
            "author":{"@type":"Organization","name":"Bugle Media"}}</script>
            <h1>Rain</h1><div class="post-author">Insights from | <b>Jane Doe</b> | Editor</div>"##,
        );
        assert_eq!(names(&m), ["Jane Doe"]);
    }

    #[test]
    fn visible_date_in_arabic_digits_and_month_names() {
        let m = check(
            r##"<h1 dir="rtl">الأمطار تعود إلى المدينة</h1>
            <p class="date">نُشر في ٧ ديسمبر ٢٠٢١</p><p>نص المقال.</p>"##,
        );
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2021-12-07"));
    }

    #[test]
    fn unmarked_bylines_in_other_languages() {
        for (byline, name) in [
            ("Di Marco Rossi", "Marco Rossi"),
            ("Tekst: Jan Kowalski", "Jan Kowalski"),
            ("Автор: Анна Петрова", "Анна Петрова"),
            ("作者：张三", "张三"),
            ("بقلم أحمد علي", "أحمد علي"),
            ("김철수 기자 kim@example.com", "김철수"),
        ] {
            let m = check(&format!("<h1>Una notizia</h1><p>{byline}</p><p>Il testo della notizia.</p>"));
            assert_eq!(names(&m), [name], "{byline}");
        }
        // An Italian sentence opening with a surname is no byline.
        assert!(check("<h1>Una notizia</h1><p>Di Maio ha detto no</p><p>Il testo.</p>").authors.is_empty());
    }

    #[test]
    fn page_language_orders_a_visible_slashed_date() {
        let page = |lang: &str| {
            check(&format!(
                r##"<html lang="{lang}"><h1>La réforme adoptée</h1>
                <p class="date">Publié le 05/11/2021 à 10h30</p><p>Le texte.</p></html>"##
            ))
        };
        assert_eq!(page("fr").published.map(|d| d.to_string()).as_deref(), Some("2021-11-05"));
        assert_eq!(page("en-US").published.map(|d| d.to_string()).as_deref(), Some("2021-05-11"));
        assert_eq!(page("en").published, None);
    }

    #[test]
    fn date_beside_the_byline_beats_an_earlier_one() {
        let m = check(
            r##"<div class="profile">Joined Dec 11, 2021</div>
            <p class="author">by <strong>Jane Doe</strong> » Tue Aug 27, 2019 1:47 am</p>"##,
        );
        assert_eq!(names(&m), ["Jane Doe"]);
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2019-08-27"));
    }

    #[test]
    fn meta_author_profile_url_is_not_a_name() {
        let m = check(
            r##"<meta property="article:author" content="https://facebook.com/jane">
            <meta name="author" content="Jane Doe">"##,
        );
        assert_eq!(names(&m), ["Jane Doe"]);
    }

    #[test]
    fn site_suffix_is_stripped_from_title() {
        let m = check(
            r##"<title>Rain returns across the city | Daily Bugle</title>
            <meta property="og:site_name" content="Daily Bugle">"##,
        );
        assert_eq!(m.title.as_deref(), Some("Rain returns across the city"));
        let m = check(
            "<title>Daily Bugle - Rain returns across the city</title><meta property=\"og:site_name\" content=\"Daily Bugle\">",
        );
        assert_eq!(m.title.as_deref(), Some("Rain returns across the city"));
    }

    #[test]
    fn section_between_page_and_site_is_stripped_too() {
        let m = check(
            r##"<title>Access overview | Identity and Access | Cloud Docs</title>
            <meta property="og:site_name" content="Cloud Docs">"##,
        );
        assert_eq!(m.title.as_deref(), Some("Access overview"));
        // Another kind of separator inside the headline is the headline's own.
        let m = check(
            r##"<title>Staple Tee - 5001 | Colour Co</title><meta property="og:site_name" content="Colour Co">"##,
        );
        assert_eq!(m.title.as_deref(), Some("Staple Tee - 5001"));
    }

    #[test]
    fn permalink_anchor_in_the_h1_does_not_hide_the_headline() {
        let m = check(
            r##"<title>Models | Framework documentation | Framework</title>
            <meta property="og:title" content="Models | Framework documentation">
            <meta property="og:site_name" content="Framework Project">
            <h1>Models<a class="headerlink" href="#models">¶</a></h1>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Models"));
    }

    #[test]
    fn shown_headline_beats_seo_title() {
        let m = check(
            r##"<title>Rain Returns After Dry Month: What To Know | Bugle</title>
            <h1>Rain returns after a dry month</h1>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Rain returns after a dry month"));
    }

    #[test]
    fn masthead_h1_does_not_beat_the_declared_post_title() {
        let m = check(
            r##"<title>Signal Path: Open tools for tiny FPGAs</title>
            <meta property="og:title" content="Open tools for tiny FPGAs">
            <h1><a href="/">Signal Path</a></h1><h3>Open tools for tiny FPGAs</h3>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Open tools for tiny FPGAs"));
    }

    #[test]
    fn title_that_is_only_the_site_name_yields_to_the_h1() {
        let m = check(
            r##"<title>| Nuts &amp; Volts Magazine</title>
            <meta property="og:site_name" content="Nuts and Volts Magazine"><h1>Electronic Gadgets</h1>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Electronic Gadgets"));
    }

    #[test]
    fn future_date_is_rejected() {
        let m = check(
            r##"<meta property="article:published_time" content="2999-01-01">
            <meta name="date" content="2021-12-07">"##,
        );
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2021-12-07"));
    }

    #[test]
    fn url_path_date_is_the_last_resort() {
        let m = check_at("<title>Rain</title>", Some("https://bugle.example/2021/12/07/rain"));
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2021-12-07"));
    }

    #[test]
    fn visible_date_after_headline_without_metadata() {
        let m =
            check("<h1>Rain returns</h1><span class=\"date\">December 7, 2021</span><footer>© 2024</footer>");
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2021-12-07"));
    }

    #[test]
    fn language_image_and_canonical_from_head() {
        let m = check_at(
            r##"<html lang="en_us"><head><link rel="canonical" href="/rain">
            <meta property="og:image" content="/img/rain.jpg"><meta property="og:image:width" content="640">
            </head></html>"##,
            Some("https://bugle.example/news/rain?ref=x"),
        );
        assert_eq!(m.language.as_deref(), Some("en-US"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://bugle.example/rain"));
        let img = m.lead_image.expect("og:image");
        assert_eq!(img.url, "https://bugle.example/img/rain.jpg");
        assert_eq!(img.width, Some(640));
    }

    #[test]
    fn microdata_keeps_the_first_author_not_the_commenters() {
        let m = check(
            r##"<h1>Question</h1><div itemprop="author"><span itemprop="name">asker</span></div>
            <div class="answer"><div itemprop="author"><span itemprop="name">helper</span></div></div>"##,
        );
        assert_eq!(names(&m), ["asker"]);
    }
}
