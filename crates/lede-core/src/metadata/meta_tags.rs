//! `<meta>` and `<link>` tags: OpenGraph, Twitter cards, Dublin Core, `article:*`, Parse.ly
//! and Sailthru, and the plain `name=author|date|description|keywords` conventions.

use jiff::civil;
use url::Url;

use super::scan::Scan;
use super::values::{clean_text, language_tag, push_tag};
use super::{Metadata, date, names};
use crate::links::resolve_fetchable;
use crate::model::Image;

const TITLE: &[&str] = &[
    "rdfa:dc.title",
    "rdfa:dcterms.title",
    "dc.title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
];
const DESCRIPTION: &[&str] =
    &["og:description", "description", "twitter:description", "dc.description", "dcterms.description"];
const AUTHOR: &[&str] = &[
    "rdfa:dc.creator",
    "rdfa:dcterms.creator",
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "og:article:author",
    "article.author",
    "cxenseparse:author",
];
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "citation_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "article.published",
    "originalpublicationdate",
    "datecreated",
    "release_date",
];
const MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "dcterms.modified",
    "datemodified",
    "last-modified",
    "lastmod",
    "article.updated",
];
const SITE_NAME: &[&str] =
    &["og:site_name", "application-name", "al:ios:app_name", "apple-mobile-web-app-title"];
const LANGUAGE: &[&str] = &["content-language", "dc.language", "dcterms.language", "language", "og:locale"];
const SECTION: &[&str] = &["article:section", "parsely-section", "section", "og:article:section"];
const IMAGE: &[&str] =
    &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"];

/// What the head's tags say.
pub(crate) fn read(scan: &Scan<'_>, base: Option<&Url>, today: Option<civil::Date>) -> Metadata {
    let get = |keys: &[&str]| -> Option<&str> {
        keys.iter()
            .find_map(|k| scan.metas.iter().find(|(mk, v)| mk == k && !v.trim().is_empty()).map(|(_, v)| *v))
    };
    let mut m = Metadata {
        title: get(TITLE).and_then(clean_text),
        description: get(DESCRIPTION).and_then(clean_text),
        site_name: get(SITE_NAME).and_then(clean_text),
        language: get(LANGUAGE).and_then(language_tag),
        section: get(SECTION).and_then(clean_text),
        declares_article: get(&["og:type"]).is_some_and(|t| t.trim().eq_ignore_ascii_case("article")),
        // `product.group` and the like name a range of products: a listing, not one product.
        declares_product: get(&["og:type"]).is_some_and(|t| {
            let t = t.trim();
            t.eq_ignore_ascii_case("product") || t.eq_ignore_ascii_case("og:product")
        }),
        // A price is said of one item: a listing's page has no single price to state.
        sells_one: get(&["og:price:amount", "product:price:amount"]).is_some(),
        ..Metadata::default()
    };
    let date_of = |keys: &[&str]| {
        keys.iter()
            .flat_map(|k| scan.metas.iter().filter(move |(mk, _)| mk == k))
            .filter_map(|(_, v)| date::parse(v))
            .find(|d| date::plausible(d, today))
    };
    m.published = date_of(PUBLISHED);
    m.modified = date_of(MODIFIED);
    for key in AUTHOR {
        for (_, v) in scan.metas.iter().filter(|(k, _)| k == key) {
            // `article:author` is often a profile URL; that names no one. A name followed by
            // its home page ("Jane Doe (https://…)") still names someone.
            let v_trim = v.trim();
            if !v_trim.contains(char::is_whitespace) && (v_trim.contains("://") || v_trim.starts_with('/')) {
                continue;
            }
            for a in names::parse_byline(v) {
                names::push_unique(&mut m.authors, a);
            }
        }
        if !m.authors.is_empty() {
            break;
        }
    }
    extend_with_contributors(scan, &mut m.authors);
    for (k, v) in &scan.metas {
        match k.as_str() {
            "article:tag" | "og:article:tag" => push_tag(&mut m.tags, v),
            "keywords" | "news_keywords" => v.split([',', ';']).for_each(|t| push_tag(&mut m.tags, t)),
            _ => {}
        }
    }
    if let Some(src) = get(IMAGE).and_then(|u| resolve_fetchable(base, u)) {
        let num = |k: &str| get(&[k]).and_then(|v| v.trim().parse().ok());
        m.lead_image = Some(Image {
            url: src,
            alt: get(&["og:image:alt", "twitter:image:alt"]).and_then(clean_text),
            width: num("og:image:width"),
            height: num("og:image:height"),
            ..Image::default()
        });
    }
    m.canonical_url = scan
        .links
        .iter()
        .find(|(rel, _)| rel == "canonical")
        .map(|(_, h)| *h)
        .or_else(|| get(&["og:url"]))
        .and_then(|u| resolve_fetchable(base, u));
    m
}

/// Journals give the first author as the Dublin Core creator and every author, that one
/// first, as contributors: when the contributors include all the creators, they are the
/// byline. (Contributors alone are often editors or translators.)
fn extend_with_contributors(scan: &Scan<'_>, authors: &mut Vec<crate::model::Author>) {
    if authors.is_empty() {
        return;
    }
    let mut contributors = Vec::new();
    for (_, v) in scan.metas.iter().filter(|(k, _)| k == "dc.contributor" || k == "dcterms.contributor") {
        for a in names::parse_byline(v) {
            names::push_unique(&mut contributors, a);
        }
    }
    let same = |a: &crate::model::Author, b: &crate::model::Author| a.name.eq_ignore_ascii_case(&b.name);
    if contributors.len() > authors.len() && authors.iter().all(|a| contributors.iter().any(|c| same(a, c))) {
        for c in contributors {
            names::push_unique(authors, c);
        }
    }
}
