//! The integration tests of `lede-core`: one binary, one module per area (bad input,
//! golden pages, listings, property tests, plain-text input).
// Tests read fixtures and time runs; the crate itself may not (`clippy.toml`).
#![allow(clippy::disallowed_methods)]

mod bad_input;
mod golden;
mod listing;
mod metadata;
mod props;
mod text;

use std::time::{Duration, Instant};

use lede_core::{Article, Input, Options, extract};

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

/// Longest a single extraction in these tests may take: a guard against hangs and quadratic
/// paths (which take minutes to hours on these inputs), not a speed goal. Generous for a
/// shared, loaded machine: the largest inputs here (20 MiB) take a few hundred milliseconds
/// in release when the core is healthy.
pub(crate) fn time_budget() -> Duration {
    if cfg!(debug_assertions) { Duration::from_secs(20) } else { Duration::from_secs(5) }
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
    let start = Instant::now();
    let result = extract(input, options);
    let took = start.elapsed();
    eprintln!("extraction took {took:?}");
    assert!(took < time_budget(), "extraction took {took:?}, over the budget of {:?}", time_budget());
    match (result, expect) {
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
