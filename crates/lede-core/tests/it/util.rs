//! The helpers every test module goes through: one place calls the core, so a change to the
//! public API or to the default test address is an edit here, not at a hundred call sites.

use std::time::{Duration, Instant};

use lede_core::{Article, Input, Options, Result, extract};

/// The address inline pages are extracted at unless a test says otherwise: an article's
/// path, since a site's home page is never an article.
pub(crate) const PAGE_URL: &str = "https://example.com/a/b";

/// What a test input must get from [`extract`].
#[derive(Debug)]
pub(crate) enum Expect<'a> {
    /// This error, written as its `Debug` form (`"TooDeep { limit: 1024 }"`).
    Error(&'a str),
    /// An article with no text, not called an article.
    Empty,
    /// An article whose text contains each of these strings.
    Text(&'a [&'a str]),
}

/// Longest a single extraction in these tests may take: a hang catcher (quadratic paths take
/// minutes to hours on these inputs), not a speed goal. The tests of linear cost count work
/// instead (`bad_input.rs`), so this can be generous for a shared, loaded machine: the
/// largest inputs here (20 MiB) take a few hundred milliseconds in release when the core is
/// healthy.
pub(crate) fn time_budget() -> Duration {
    if cfg!(debug_assertions) { Duration::from_secs(60) } else { Duration::from_secs(15) }
}

/// [`extract`] held to [`time_budget`].
#[track_caller]
pub(crate) fn timed_extract(input: Input<'_>, options: &Options) -> Result<Article> {
    let start = Instant::now();
    let result = extract(input, options);
    let took = start.elapsed();
    eprintln!("extraction took {took:?}");
    assert!(took < time_budget(), "extraction took {took:?}, over the budget of {:?}", time_budget());
    result
}

/// Extracts `html` with default options and checks the outcome against `expect`.
#[track_caller]
pub(crate) fn check(html: impl AsRef<[u8]>, expect: Expect<'_>) -> Option<Article> {
    check_with(Input::new(html.as_ref()), &Options::default(), expect)
}

/// [`check`] with a chosen input (URL, header) and options. Returns the article, if any,
/// for further assertions.
#[track_caller]
pub(crate) fn check_with(input: Input<'_>, options: &Options, expect: Expect<'_>) -> Option<Article> {
    match (timed_extract(input, options), expect) {
        (Err(err), Expect::Error(want)) => {
            assert_eq!(format!("{err:?}"), want);
            None
        }
        (Ok(article), Expect::Empty) => {
            assert_eq!(article.text, "", "expected no text");
            assert!(!article.is_article, "an empty page is not an article");
            assert_eq!(article.word_count, 0);
            Some(article)
        }
        (Ok(article), Expect::Text(parts)) => {
            for part in parts {
                assert!(article.text.contains(part), "text lacks {part:?}; text is:\n{}", article.text);
            }
            Some(article)
        }
        (got, want) => panic!("expected {want:?}, got {:?}", got.map(|a| a.text)),
    }
}

/// The article of an inline page given without an address, with default options.
#[track_caller]
pub(crate) fn extract_html(html: &str) -> Article {
    timed_extract(Input::new(html.as_bytes()), &Options::default()).expect("inline test pages extract")
}

/// The article of an inline page at `url`, with default options.
#[track_caller]
pub(crate) fn extract_at(html: &str, url: &str) -> Article {
    extract_with(html, url, &Options::default())
}

/// The article of an inline page at `url`, with `options`.
#[track_caller]
pub(crate) fn extract_with(html: &str, url: &str, options: &Options) -> Article {
    timed_extract(Input::new(html.as_bytes()).with_url(url), options).expect("inline test pages extract")
}

/// The body text of an inline page at [`PAGE_URL`], with default options.
#[track_caller]
pub(crate) fn text_of(html: &str) -> String {
    text_with(html, &Options::default())
}

/// The body text of an inline page at [`PAGE_URL`], with `options`.
#[track_caller]
pub(crate) fn text_with(html: &str, options: &Options) -> String {
    extract_with(html, PAGE_URL, options).text
}

/// The article of a pasted plain-text copy, with default options.
#[track_caller]
pub(crate) fn extract_plain(text: &str) -> Article {
    extract(Input::text(text), &Options::default()).expect("plain text extracts")
}

/// A paragraph of running prose, distinct per `n`.
pub(crate) fn prose(n: usize) -> String {
    format!(
        "<p>Paragraph {n} tells the story at length, with commas, clauses, and detail, so that \
         it reads as running prose written by a reporter, not as a label or a link in a menu.</p>"
    )
}

/// An article page around `paragraphs`, long enough for the core to take it as an article.
pub(crate) fn article_page(head: &str, paragraphs: &[&str]) -> String {
    let mut html =
        format!("<!doctype html><html{head}><head><meta charset=utf-8><title>Story</title></head><body>");
    html.push_str("<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Story</h1>");
    for p in paragraphs {
        html.push_str("<p>");
        html.push_str(p);
        html.push_str("</p>");
    }
    html.push_str("</article><footer>© Example</footer></body></html>");
    html
}
