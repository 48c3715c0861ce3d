//! Property tests: for any bytes and any tag soup, extraction returns (no panic), is
//! deterministic, yields clean text, and round-trips through JSON; the `images` option
//! never changes `text`.

use lede_core::{Article, Input, Options, extract};
use proptest::prelude::*;

/// Options with small limits so that generated inputs also exercise the limit errors.
fn small_limits() -> Options {
    let mut options = Options::default();
    options.max_nodes = 4000;
    options.max_depth = 64;
    options
}

/// Tag soup: a sequence drawn from a small alphabet of tags (open, close, misnested,
/// void, raw-text), attributes, entities and text in several scripts.
fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<svg>"),
        Just("<math>"),
        Just("<p>"),
        Just("</p>"),
        Just("<div>"),
        Just("</div>"),
        Just("<b>"),
        Just("</b>"),
        Just("<i>"),
        Just("</i>"),
        Just("<a href=\"/x\">"),
        Just("</a>"),
        Just("<table>"),
        Just("<tr>"),
        Just("<td>"),
        Just("</table>"),
        Just("<ul>"),
        Just("<li>"),
        Just("</ul>"),
        Just("<h1>"),
        Just("</h1>"),
        Just("<h2>"),
        Just("<blockquote>"),
        Just("</blockquote>"),
        Just("<br>"),
        Just("<img src=\"a.jpg\" alt=\"A\">"),
        Just("<figure>"),
        Just("<figcaption>"),
        Just("</figure>"),
        Just("<pre>"),
        Just("</pre>"),
        Just("<script>"),
        Just("</script>"),
        Just("<style>"),
        Just("</style>"),
        Just("<noscript>"),
        Just("</noscript>"),
        Just("<svg>"),
        Just("<math>"),
        Just("<template>"),
        Just("</template>"),
        Just("<select>"),
        Just("<option>"),
        Just("<textarea>"),
        Just("<title>"),
        Just("<nav>"),
        Just("</nav>"),
        Just("<article>"),
        Just("</article>"),
        Just("<!--"),
        Just("-->"),
        Just("<![CDATA["),
        Just("]]>"),
        Just("<!doctype html>"),
        Just("<meta charset=utf-8>"),
        Just("<meta property=\"og:title\" content=\"T\">"),
        Just(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"A\"}}</script>"
        ),
        Just("&amp;"),
        Just("&nbsp;"),
        Just("&#0;"),
        Just("&#x1F600;"),
        Just("\0"),
        Just("\u{FFFD}"),
        Just("\n\n"),
        Just(" "),
        Just("“Quoted,” said Jane Doe. "),
        Just("Words of a sentence in a paragraph. "),
        Just("مرحبا بالعالم "),
        Just("北京欢迎你。"),
        Just("By John Smith"),
        Just("2024-01-02"),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|pieces| pieces.concat())
}

fn json(article: &Article) -> String {
    serde_json::to_string(article).expect("an article always serializes")
}

/// The invariants every successful extraction keeps.
fn assert_clean(article: &Article) {
    assert!(std::str::from_utf8(article.text.as_bytes()).is_ok());
    assert!(!article.text.contains('\0'), "NUL in text: {:?}", article.text);
    assert!((0.0..=1.0).contains(&article.confidence), "confidence {}", article.confidence);
    if article.text.trim().is_empty() {
        assert_eq!(article.word_count, 0);
    }
    let back: Article = serde_json::from_str(&json(article)).expect("the JSON reads back");
    assert_eq!(json(&back), json(article), "JSON does not round-trip");
}

fn extract_twice(bytes: &[u8], options: &Options) {
    let first = extract(Input::new(bytes), options);
    let second = extract(Input::new(bytes), options);
    match (first, second) {
        (Ok(a), Ok(b)) => {
            assert_clean(&a);
            assert_eq!(json(&a), json(&b), "extraction is not deterministic");
        }
        (Err(a), Err(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}")),
        (a, b) => panic!("not deterministic: {:?} then {:?}", a.map(|a| a.text), b.map(|b| b.text)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_are_deterministic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        extract_twice(&bytes, &small_limits());
    }

    #[test]
    fn arbitrary_text_never_panics_and_is_deterministic(text in "\\PC{0,2000}") {
        extract_twice(text.as_bytes(), &small_limits());
    }

    #[test]
    fn tag_soup_never_panics_and_is_deterministic(html in tag_soup()) {
        extract_twice(html.as_bytes(), &Options::default());
        extract_twice(html.as_bytes(), &small_limits());
    }

    #[test]
    fn images_option_never_changes_text(html in tag_soup()) {
        images_on_off_same_text(&html)?;
    }
}

fn images_on_off_same_text(html: &str) -> Result<(), TestCaseError> {
    let mut without = Options::default();
    without.images = false;
    let with = extract(Input::new(html.as_bytes()).with_url("https://example.com/a/b"), &Options::default());
    let without = extract(Input::new(html.as_bytes()).with_url("https://example.com/a/b"), &without);
    match (with, without) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a.text, b.text),
        (a, b) => prop_assert_eq!(a.is_ok(), b.is_ok()),
    }
    Ok(())
}
