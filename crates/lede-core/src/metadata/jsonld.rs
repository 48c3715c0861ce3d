//! JSON-LD (`<script type="application/ld+json">`): schema.org `Article` and its kin, found
//! at the top level, in arrays, in `@graph` or as a page's `mainEntity`, with `@id`
//! references resolved. Broken JSON gets light repairs; nothing here can panic.

use std::collections::HashMap;

use jiff::civil;
use serde_json::Value;
use url::Url;

use super::schema::{Structured, is_news_or_blog};
use super::values::{clean_text, language_tag, push_tag};
use super::{Metadata, date, names};
use crate::links::resolve_fetchable;
use crate::model::{Author, Image};

/// Types that describe the article itself, best first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    // Not a schema.org type, but written by sites meaning the one above.
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "TechArticle",
    "SatiricalArticle",
    "Report",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Question",
    "Recipe",
    "HowTo",
    "Review",
    "Product",
    "Event",
    "Course",
];

/// Whether the page's own objects (top level, `@graph`, `mainEntity`) include a product, or
/// offer one, and no list: a product page, not a listing whose entries are products.
fn declares_product(objects: &[&serde_json::Map<String, Value>]) -> bool {
    const PRODUCTS: &[&str] = &["Product", "ProductGroup", "IndividualProduct", "ProductModel"];
    let any = |names: &[&str]| objects.iter().any(|o| types(o).any(|t| names.contains(&t)));
    // A page element may name the product only as what its offer sells (`offers` →
    // `itemOffered`), as marketplaces write it.
    let offered =
        || {
            objects.iter().filter_map(|o| o.get("offers")).flat_map(each).any(|offer| {
                offer.get("itemOffered").into_iter().flat_map(each).any(|item| {
                    item.as_object().is_some_and(|item| types(item).any(|t| PRODUCTS.contains(&t)))
                })
            })
        };
    (any(PRODUCTS) || offered()) && !any(&["ItemList", "CollectionPage", "SearchResultsPage"])
}

/// What the page's own objects declare it to be: an article (a review counts: it is
/// written about the product it names), a discussion, or something sold.
fn structured(objects: &[&serde_json::Map<String, Value>]) -> Structured {
    let mut out = Structured::default();
    for t in objects.iter().flat_map(|o| types(o)) {
        match t {
            "DiscussionForumPosting" | "QAPage" => out.discussion = true,
            "FAQPage" => out.faq = true,
            "Product" | "ProductGroup" | "IndividualProduct" | "ProductModel" | "Offer"
            | "AggregateOffer" => out.commerce = true,
            "Review" => out.article = true,
            t if is_news_or_blog(t) => out.article = true,
            _ => {}
        }
    }
    out
}

/// Types that describe the page around the article; used to fill gaps.
const PAGE_TYPES: &[&str] = &[
    "WebPage",
    "ItemPage",
    "AboutPage",
    "CollectionPage",
    "MedicalWebPage",
    "ProfilePage",
    "QAPage",
    "FAQPage",
    "ContactPage",
    "SearchResultsPage",
];

/// What the page's JSON-LD says, and whether its authors are all organisations.
pub(crate) fn read(scripts: &[String], base: Option<&Url>, today: Option<civil::Date>) -> (Metadata, bool) {
    let mut objects: Vec<&serde_json::Map<String, Value>> = Vec::new();
    let values: Vec<Value> = scripts.iter().flat_map(|s| parse_lenient(s)).collect();
    for v in &values {
        collect(v, &mut objects, 0);
    }
    let ids: HashMap<&str, &serde_json::Map<String, Value>> =
        objects.iter().filter_map(|o| o.get("@id").and_then(Value::as_str).map(|id| (id, *o))).collect();
    let ctx = Ctx { ids, base, today };
    let rank = |o: &serde_json::Map<String, Value>, table: &[&str]| {
        types(o).filter_map(|t| table.iter().position(|x| *x == t)).min()
    };
    let article = objects
        .iter()
        .filter_map(|o| rank(o, ARTICLE_TYPES).map(|r| (r, *o)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, o)| o);
    let page = objects.iter().find(|o| rank(o, PAGE_TYPES).is_some()).copied();

    let mut m = Metadata {
        declares_article: article.is_some_and(|o| types(o).any(is_news_or_blog)),
        declares_product: declares_product(&objects),
        structured: structured(&objects),
        ..Metadata::default()
    };
    for (i, o) in article.into_iter().chain(page).enumerate() {
        fill(&mut m, o, &ctx, i == 0);
    }
    m.structured.page_dated = article.is_none() && m.published.is_some();
    if m.site_name.is_none() {
        m.site_name = objects
            .iter()
            .find(|o| types(o).any(|t| t == "WebSite"))
            .and_then(|o| o.get("name"))
            .and_then(Value::as_str)
            .and_then(clean_text);
    }
    let organisations = article.and_then(|o| o.get("author")).is_some_and(|v| {
        each(v).all(|a| {
            ctx.object(a)
                .is_some_and(|o| types(o).all(|t| t == "Organization" || t == "NewsMediaOrganization"))
        })
    });
    (m, organisations)
}

struct Ctx<'a> {
    ids: HashMap<&'a str, &'a serde_json::Map<String, Value>>,
    base: Option<&'a Url>,
    /// The extraction's date, the latest plausible one (see [`date::plausible`]).
    today: Option<civil::Date>,
}

impl<'a> Ctx<'a> {
    /// `v` as an object, or the object its `@id` points to when `v` is only a reference.
    fn object(&self, v: &'a Value) -> Option<&'a serde_json::Map<String, Value>> {
        let o = v.as_object()?;
        match o.get("@id").and_then(Value::as_str) {
            Some(id) if o.len() <= 2 => self.ids.get(id).copied().or(Some(o)),
            _ => Some(o),
        }
    }
}

/// Fills the fields of `m` still empty from object `o`; `primary` is the article itself.
fn fill(m: &mut Metadata, o: &serde_json::Map<String, Value>, ctx: &Ctx<'_>, primary: bool) {
    let s = |k: &str| o.get(k).and_then(first_str).and_then(clean_text);
    if m.title.is_none() && primary {
        m.title = s("headline").or_else(|| s("name"));
    }
    if m.description.is_none() {
        m.description = s("description");
    }
    if m.authors.is_empty() {
        for key in ["author", "creator"] {
            if let Some(v) = o.get(key) {
                for a in each(v) {
                    for author in person(a, ctx) {
                        names::push_unique(&mut m.authors, author);
                    }
                }
            }
            if !m.authors.is_empty() {
                break;
            }
        }
    }
    let today = ctx.today;
    let date_of = |keys: &[&str]| {
        keys.iter()
            .filter_map(|k| o.get(*k))
            .filter_map(|v| match v {
                Value::Number(n) => n.as_i64().and_then(|n| date::parse(&n.to_string())),
                v => first_str(v).and_then(date::parse),
            })
            .find(|d| date::plausible(d, today))
    };
    if m.published.is_none() {
        m.published = date_of(&["datePublished", "dateCreated", "uploadDate", "startDate"]);
    }
    if m.modified.is_none() {
        m.modified = date_of(&["dateModified"]);
    }
    if m.site_name.is_none() {
        m.site_name = o.get("publisher").and_then(|p| each(p).next()).and_then(|p| match p {
            Value::String(s) => clean_text(s),
            p => ctx.object(p).and_then(|p| p.get("name")).and_then(first_str).and_then(clean_text),
        });
    }
    if m.language.is_none() {
        m.language = o
            .get("inLanguage")
            .and_then(|v| match v {
                Value::Object(l) => l.get("alternateName").or_else(|| l.get("name")).and_then(first_str),
                v => first_str(v),
            })
            .and_then(language_tag);
    }
    if m.tags.is_empty() {
        if let Some(k) = o.get("keywords") {
            for t in each(k) {
                if let Some(t) = t.as_str() {
                    t.split(',').for_each(|t| push_tag(&mut m.tags, t));
                }
            }
        }
    }
    if m.section.is_none() {
        m.section = s("articleSection");
    }
    if m.lead_image.is_none() {
        m.lead_image = o.get("image").or_else(|| o.get("thumbnailUrl")).and_then(|v| image(v, ctx));
    }
    if m.canonical_url.is_none() && primary {
        m.canonical_url = o
            .get("mainEntityOfPage")
            .and_then(|v| match v {
                Value::String(s) => Some(s.as_str()),
                v => {
                    ctx.object(v).and_then(|p| p.get("@id").or_else(|| p.get("url"))).and_then(Value::as_str)
                }
            })
            .or_else(|| o.get("url").and_then(Value::as_str))
            .filter(|u| u.contains("://") || u.starts_with('/'))
            .and_then(|u| resolve_fetchable(ctx.base, u));
    }
}

/// An `author` value: a name string (maybe a list), or a Person/Organization object.
fn person(v: &Value, ctx: &Ctx<'_>) -> Vec<Author> {
    match v {
        Value::String(s) if s.contains("://") => Vec::new(),
        Value::String(s) => names::parse_byline(s),
        v => {
            let Some(o) = ctx.object(v) else { return Vec::new() };
            let given = [o.get("givenName"), o.get("familyName")]
                .into_iter()
                .flatten()
                .filter_map(first_str)
                .collect::<Vec<_>>()
                .join(" ");
            let name = o.get("name").and_then(first_str).or((!given.is_empty()).then_some(given.as_str()));
            let Some(name) = name.and_then(names::clean_name) else { return Vec::new() };
            let url = o
                .get("url")
                .or_else(|| o.get("sameAs"))
                .and_then(first_str)
                .and_then(|u| resolve_fetchable(ctx.base, u));
            let role = o.get("jobTitle").and_then(first_str).and_then(clean_text);
            vec![Author { name, role, url }]
        }
    }
}

fn image(v: &Value, ctx: &Ctx<'_>) -> Option<Image> {
    let v = each(v).next()?;
    match v {
        Value::String(s) => Some(Image { url: resolve_fetchable(ctx.base, s)?, ..Image::default() }),
        v => {
            let o = ctx.object(v)?;
            let url = o.get("url").or_else(|| o.get("contentUrl")).and_then(first_str)?;
            let num = |k: &str| match o.get(k)? {
                Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
                Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
                _ => None,
            };
            Some(Image {
                url: resolve_fetchable(ctx.base, url)?,
                caption: o.get("caption").and_then(first_str).and_then(clean_text),
                width: num("width"),
                height: num("height"),
                ..Image::default()
            })
        }
    }
}

/// The items of an array, or the value itself.
fn each(v: &Value) -> impl Iterator<Item = &Value> {
    let (one, many) = match v {
        Value::Array(a) => (None, a.as_slice()),
        v => (Some(v), &[][..]),
    };
    one.into_iter().chain(many)
}

fn first_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(a) => a.iter().find_map(first_str),
        Value::Object(o) => o.get("@value").or_else(|| o.get("name")).and_then(first_str),
        _ => None,
    }
}

/// The object's `@type`s, without a `schema:` or `https://schema.org/` prefix.
fn types(o: &serde_json::Map<String, Value>) -> impl Iterator<Item = &str> {
    o.get("@type")
        .into_iter()
        .flat_map(each)
        .filter_map(Value::as_str)
        .map(|t| t.rsplit(['/', ':']).next().unwrap_or(t))
}

/// Gathers every object reachable through arrays, `@graph` and `mainEntity`.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect(x, out, depth + 1)),
        Value::Object(o) => {
            if o.contains_key("@type") {
                out.push(o);
            }
            for key in ["@graph", "mainEntity", "itemReviewed"] {
                if let Some(x) = o.get(key) {
                    collect(x, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// Parses a script body, repairing what sites commonly break: HTML comment or CDATA
/// wrappers, raw newlines inside strings, trailing commas, several values in a row.
fn parse_lenient(text: &str) -> Vec<Value> {
    let mut s = text.trim();
    for w in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(w).unwrap_or(s).trim_start();
    }
    for w in ["-->", "//]]>", "]]>"] {
        s = s.strip_suffix(w).unwrap_or(s).trim_end();
    }
    s = s.trim_end_matches(';');
    if let Ok(v) = serde_json::from_str(s) {
        return vec![v];
    }
    let repaired = repair(s);
    if let Ok(v) = serde_json::from_str(&repaired) {
        return vec![v];
    }
    serde_json::Deserializer::from_str(&repaired).into_iter::<Value>().map_while(Result::ok).collect()
}

/// Replaces control characters with spaces and drops commas before `}` or `]`.
fn repair(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in s.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            out.push(if c.is_control() { ' ' } else { c });
            continue;
        }
        match c {
            '"' => in_string = true,
            '}' | ']' => {
                let trimmed = out.trim_end().len();
                if out[..trimmed].ends_with(',') {
                    out.truncate(trimmed - 1);
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}
