//! What an element's markup says about it: class/id words, ARIA roles, visibility.
//!
//! Class and id values are matched case-insensitively against small keyword sets with one
//! Aho-Corasick automaton each, built once, so no string is copied or lowercased per node.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use html5ever::local_name;

use crate::dom::Element;

fn automaton(words: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(words)
        .expect("a few short static keywords always build an automaton")
}

/// Comment and advertising furniture as CMSs outside English name it: comments (German and
/// Scandinavian, Slavic, Spanish and Portuguese) and advertising (German, French, Spanish,
/// Italian, Slavic and Scandinavian, Dutch). Both [`UNLIKELY`] and [`NEGATIVE`] hold them.
const FURNITURE_ABROAD: &[&str] = &[
    "kommentar",
    "komentar",
    "comentario",
    "werbung",
    "publicit",
    "publicidad",
    "pubblicit",
    "reklam",
    "reclame",
];

/// Markers of page furniture that is almost never the article (Readability's "unlikely
/// candidates", widened with cookie and newsletter boxes).
static UNLIKELY: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(&[UNLIKELY_WORDS, FURNITURE_ABROAD].concat()));

/// The words of [`UNLIKELY`] besides [`FURNITURE_ABROAD`].
const UNLIKELY_WORDS: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "cookie",
    "consent",
    "newsletter",
    "signature",
    "disclaimer",
];

/// Words that rescue an unlikely-looking element ("main-header-content"). A category page's
/// own prose often sits in an SEO text block named after where it is placed
/// ("seo-footer-copy"): that is the page's text, not its footer.
static MAYBE_CANDIDATE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "and",
        "article",
        "body",
        "column",
        "content",
        "main",
        "mathjax",
        "seo",
        "shadow",
        // "article" and "content" as German, Dutch, Scandinavian, French, Spanish, Italian
        // and Portuguese CMSs write them.
        "artikel",
        "articulo",
        "articolo",
        "inhalt",
        "contenu",
        "contenido",
        "contenuto",
        "conteudo",
    ])
});

/// Words that raise an element's score.
static POSITIVE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "article",
        "body",
        "content",
        "entry",
        "hentry",
        "h-entry",
        "main",
        "page",
        "pagination",
        "post",
        "text",
        "blog",
        "story",
        // Their translations in the CMSs of other languages (see `MAYBE_CANDIDATE`), and
        // the German post and the Spanish and Portuguese news item.
        "artikel",
        "articulo",
        "articolo",
        "inhalt",
        "contenu",
        "contenido",
        "contenuto",
        "conteudo",
        "beitrag",
        "noticia",
    ])
});

/// Words that lower an element's score.
static NEGATIVE: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(&[NEGATIVE_WORDS, FURNITURE_ABROAD].concat()));

/// The words of [`NEGATIVE`] besides [`FURNITURE_ABROAD`].
const NEGATIVE_WORDS: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Trails, sort controls and page links around a listing: furniture whatever else the page
/// holds.
static TRAIL: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&["breadcrumb", "pagination", "pager", "sorting", "sort-by", "sortby", "sort_by"])
});

/// Byline containers.
static BYLINE: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(&["byline", "author", "dateline", "writtenby", "p-author"]));

/// Comment sections.
static COMMENTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "comments",
        "commentlist",
        "comment-list",
        "disqus",
        "discussion",
        "kommentar",
        "komentar",
        "comentario",
        "commentaire",
    ])
});

/// Share bars and social buttons.
static SHARE: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&["share", "sharedaddy"]));

fn matches(ac: &AhoCorasick, e: &Element) -> bool {
    ac.is_match(e.class()) || ac.is_match(e.id())
}

/// Whether `hid` stands as a whole word in a class or id ("hid", "foo hid").
fn has_hid_word(e: &Element) -> bool {
    e.class().split_whitespace().any(|w| w.eq_ignore_ascii_case("hid")) || e.id().eq_ignore_ascii_case("hid")
}

/// Readability's class weight: +25 for a positive class or id, −25 for a negative one.
pub(crate) fn class_weight(e: &Element) -> f32 {
    let mut weight = 0.0;
    for value in [e.class(), e.id()] {
        if value.is_empty() {
            continue;
        }
        if NEGATIVE.is_match(value) {
            weight -= 25.0;
        }
        if POSITIVE.is_match(value) {
            weight += 25.0;
        }
    }
    if has_hid_word(e) && !NEGATIVE.is_match(e.class()) {
        weight -= 25.0;
    }
    weight
}

/// Whether class/id mark page furniture (and nothing rescues it).
pub(crate) fn is_unlikely(e: &Element) -> bool {
    let class = e.class();
    let id = e.id();
    if class.is_empty() && id.is_empty() {
        return false;
    }
    (names_unlikely(class) || names_unlikely(id)) && !matches(&MAYBE_CANDIDATE, e)
}

/// Whether a class or id value holds an unlikely word outside a layout modifier: a token
/// such as `has-sidebar`, `with-header` or `no-comments` says what the element's layout
/// makes room for (it is the page's wrapper, not the sidebar), so its word does not count.
fn names_unlikely(value: &str) -> bool {
    UNLIKELY.find_iter(value).any(|m| {
        let start = value[..m.start()].rfind(|c: char| c.is_ascii_whitespace()).map_or(0, |i| i + 1);
        !is_layout_modifier(&value[start..m.start()])
    })
}

/// Whether the part of a class token before an unlikely word opens with a layout modifier's
/// prefix (`has-`, `with_`, `no-`, `without-`: `has-side-banner`).
fn is_layout_modifier(prefix: &str) -> bool {
    ["has", "with", "no", "without"].iter().any(|p| {
        prefix.len() > p.len()
            && prefix.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            && matches!(prefix.as_bytes()[p.len()], b'-' | b'_')
    })
}

/// Whether the ARIA role marks navigation, asides or dialogs (but not an open sheet).
pub(crate) fn has_unlikely_role(e: &Element) -> bool {
    matches!(
        e.attr(&local_name!("role")).map(str::trim),
        Some("menu" | "menubar" | "complementary" | "navigation" | "alert" | "alertdialog" | "dialog")
    ) && !is_sheet(e)
}

/// Whether the element is a sheet: a dialog declared not modal (`aria-modal=false`), a
/// panel that slides open in place from its toggle (a product's "Description" drawer). Its
/// content is the page's, shown on demand like a tab panel, not a pop-up over the page.
pub(crate) fn is_sheet(e: &Element) -> bool {
    e.attr(&local_name!("role")).map(str::trim) == Some("dialog") && e.attr_str("aria-modal") == Some("false")
}

/// Whether the element is a breadcrumb trail, a sort control or a pagination bar, by class,
/// id or schema.org type (`BreadcrumbList`).
pub(crate) fn names_trail(e: &Element) -> bool {
    matches(&TRAIL, e) || e.attr(&local_name!("itemtype")).is_some_and(|t| t.ends_with("/BreadcrumbList"))
}

/// Whether class/id name a byline, or the element is marked as the author.
pub(crate) fn looks_like_byline(e: &Element) -> bool {
    e.attr(&local_name!("rel")) == Some("author")
        || e.attr(&local_name!("itemprop")).is_some_and(|v| v.contains("author"))
        || matches(&BYLINE, e)
}

/// Whether class/id name a comment section.
pub(crate) fn names_comments(e: &Element) -> bool {
    matches(&COMMENTS, e)
}

/// Whether class/id name a share bar (as a whole word: "share", "post_share", not "shared").
pub(crate) fn looks_like_share(e: &Element) -> bool {
    [e.class(), e.id()].iter().any(|v| {
        SHARE.find_iter(*v).any(|m| {
            let before = v[..m.start()].chars().next_back();
            let after = v[m.end()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            boundary(before) && boundary(after)
        })
    })
}

/// Whether a class list names a modal pop-up that is closed: the `modal` (or `modal-dialog`)
/// token CSS frameworks give a pop-up hidden until script opens it (a sign-up, a store
/// locator, a video player), with no state token (`show`, `in`, `open`, `active`) opening
/// it. The page reads the same without it.
pub(crate) fn is_closed_modal(e: &Element) -> bool {
    let mut modal = false;
    for token in e.class().split_ascii_whitespace() {
        if ["show", "in", "open", "is-open", "active"].iter().any(|w| token.eq_ignore_ascii_case(w)) {
            return false;
        }
        modal |= token.eq_ignore_ascii_case("modal") || token.eq_ignore_ascii_case("modal-dialog");
    }
    modal
}

/// Whether the element is hidden from readers (`hidden`, `aria-hidden`, inline
/// `display:none` / `visibility:hidden`).
pub(crate) fn is_hidden(e: &Element) -> bool {
    if e.attr(&local_name!("hidden")).is_some() {
        // React streaming SSR renders late content into `<div hidden id="S:0">` and moves it
        // into place with script: it is visible to every reader of the page.
        return !is_react_streamed(e.id());
    }
    if e.attr_str("aria-hidden") == Some("true") && !e.class().contains("fallback-image") {
        return true;
    }
    if hides_by_class(e.class()) {
        return true;
    }
    e.attr(&local_name!("style")).is_some_and(|style| {
        let compact: String =
            style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// Whether a class list hides its element with a CSS framework's utility class (`hide`,
/// `hidden`, `d-none`) and shows it at no breakpoint (`hidden md:block`, `d-none d-lg-flex`).
fn hides_by_class(class: &str) -> bool {
    let mut hides = false;
    for token in class.split_ascii_whitespace() {
        if token.contains(':') || token.starts_with("d-") && token != "d-none" {
            return false;
        }
        hides |= matches!(token, "hide" | "hidden" | "d-none" | "is-hidden");
    }
    hides
}

/// Whether an id names a React streaming-SSR segment (`S:0`, `S:1f`).
fn is_react_streamed(id: &str) -> bool {
    id.strip_prefix("S:").is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether a class token names an icon ("icon", "icons", "fa-icon", "icon-chevron") or a
/// ligature icon font.
pub(crate) fn names_icon(e: &Element) -> bool {
    let class = e.class();
    class.len() >= 4
        && class.split_ascii_whitespace().any(|token| {
            is_ligature_font(token)
                || token
                    .split(['-', '_'])
                    .any(|p| p.eq_ignore_ascii_case("icon") || p.eq_ignore_ascii_case("icons"))
        })
}

/// Whether a class token names a font that draws every icon from a ligature word
/// (Material Icons, Material Symbols), so that any lowercase word in it is a glyph.
pub(crate) fn names_ligature_font(e: &Element) -> bool {
    e.class().split_ascii_whitespace().any(is_ligature_font)
}

fn is_ligature_font(token: &str) -> bool {
    let t = token.as_bytes();
    ["material-icons", "material-symbols"]
        .iter()
        .any(|p| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}
