//! Plain-text input: the labelled copies in `tests/fixtures/text/`, the render → parse
//! round trip of the pasted-text layout, and small inline copies (header line, captions,
//! bylines, hard-wrapped wire copy).

use std::path::PathBuf;

use lede_core::{Article, Author, Input, Options, extract};
use serde_json::Value;

use crate::util::extract_plain;

fn fixture(name: &str) -> (String, Value) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let label =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap()).unwrap();
    (text, label)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn opt_str(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// The body text after the dateline and its separator.
fn body_after_dateline(article: &Article) -> String {
    let text = article.text.as_str();
    let rest = match &article.dateline {
        Some(d) if text.starts_with(&d.text) => {
            text[d.text.len()..].trim_start_matches([' ', '-', '—', '–', '−', ':'])
        }
        _ => text,
    };
    squash(rest)
}

#[test]
fn example_00_yields_exactly_its_label() {
    let (text, label) = fixture("00");
    let a = extract(Input::text(&text), &Options::default()).unwrap();
    assert_eq!(a.published.map(|d| d.to_string()), opt_str(&label["date"]));
    assert_eq!(a.title, opt_str(&label["title"]));
    let authors: Vec<(String, Option<String>)> =
        a.authors.iter().map(|x| (x.name.clone(), x.role.clone())).collect();
    let want: Vec<(String, Option<String>)> = label["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["name"].as_str().unwrap().to_owned(), opt_str(&x["role"])))
        .collect();
    assert_eq!(authors, want);
    assert_eq!(Some(u64::from(a.reading_time_minutes)), label["reading_time_minutes"].as_u64());
    assert_eq!(a.dateline.as_ref().map(|d| d.text.clone()), opt_str(&label["dateline"]));
    let captions: Vec<(Option<String>, Option<String>)> =
        a.images.iter().map(|i| (i.caption.clone(), i.credit.clone())).collect();
    let want: Vec<(Option<String>, Option<String>)> = label["image_captions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (opt_str(&c["caption"]), opt_str(&c["credit"])))
        .collect();
    assert_eq!(captions, want);
    let first = squash(label["body_first_sentence"].as_str().unwrap());
    assert!(body_after_dateline(&a).starts_with(&first), "body starts {:?}", &a.text[..80.min(a.text.len())]);
    let outlets: Vec<&str> = a.cited_outlets.iter().map(|o| o.name.as_str()).collect();
    let want: Vec<&str> =
        label["cited_outlets"].as_array().unwrap().iter().map(|o| o.as_str().unwrap()).collect();
    assert_eq!(outlets, want);
    let quotes: Vec<(String, Option<String>)> =
        a.quotes.iter().map(|q| (q.text.clone(), q.speaker.clone())).collect();
    let want: Vec<(String, Option<String>)> = label["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["text"].as_str().unwrap().to_owned(), opt_str(&q["speaker"])))
        .collect();
    assert_eq!(quotes, want);
    for q in &a.quotes {
        assert_eq!(&a.text[q.start..q.end], q.text);
    }
}

/// Every labelled copy in the fixtures folder: the fields the eval scores, exactly.
#[test]
fn labelled_copies_yield_their_labels() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".txt").map(str::to_owned))
        .collect();
    ids.sort();
    assert!(ids.len() >= 8);
    for id in ids {
        let (text, label) = fixture(&id);
        let a = extract(Input::text(&text), &Options::default()).unwrap();
        assert_eq!(a.published.map(|d| d.to_string()), opt_str(&label["date"]), "{id} date");
        assert_eq!(
            a.title.as_deref().map(squash),
            opt_str(&label["title"]).map(|t| squash(&t)),
            "{id} title"
        );
        let mut names: Vec<String> = a.authors.iter().map(|x| squash(&x.name)).collect();
        let mut want: Vec<String> = label["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| squash(x["name"].as_str().unwrap()))
            .collect();
        names.sort();
        want.sort();
        assert_eq!(names, want, "{id} authors");
        assert_eq!(a.dateline.as_ref().map(|d| d.text.clone()), opt_str(&label["dateline"]), "{id} dateline");
        let first = squash(label["body_first_sentence"].as_str().unwrap());
        assert!(
            body_after_dateline(&a).starts_with(&first),
            "{id} body starts {:?}",
            &a.text[..80.min(a.text.len())]
        );
        for q in label["quotes"].as_array().unwrap() {
            let text = squash(q["text"].as_str().unwrap());
            assert!(a.quotes.iter().any(|p| squash(&p.text) == text), "{id} misses quote {text:?}");
        }
        for junk in label["junk_lines"].as_array().unwrap() {
            let junk = junk.as_str().unwrap();
            assert!(!a.text.contains(junk), "{id} keeps junk {junk:?}");
        }
    }
}

mod round_trip {
    use lede_core::{
        Article, Author, Block, DateTime, Format, Image, Inline, Input, Options, extract, render,
    };
    use proptest::prelude::*;

    const MARKS: [char; 16] =
        ['"', '“', '”', '‘', '’', '\'', '«', '»', '„', '(', ')', '—', ':', '.', '\n', ' '];

    const WORDS: &[&str] = &[
        "river", "city", "council", "plan", "green", "budget", "school", "road", "water", "market", "summer",
        "people", "local", "new", "report", "vote", "house", "team", "game", "price", "bridge", "harbour",
    ];
    const NAMES: &[&str] = &["Ann", "Lee", "Omar", "Diaz", "Keiko", "Sato", "Jon", "Berg", "Ruth", "Okafor"];
    const ROLES: &[&str] = &["Staff Writer", "Senior Correspondent", "Business Editor"];

    fn capitalise(s: &str) -> String {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }

    fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), min..max).prop_map(|w| capitalise(&w.join(" ")))
    }

    fn author() -> impl Strategy<Value = Author> {
        (
            prop::sample::select(NAMES),
            prop::sample::select(NAMES),
            prop::option::of(prop::sample::select(ROLES)),
        )
            .prop_map(|(a, b, role)| Author {
                name: format!("{a} {b}"),
                role: role.map(str::to_owned),
                url: None,
            })
    }

    fn image() -> impl Strategy<Value = Image> {
        (words(3, 8), prop::sample::select(NAMES)).prop_map(|(caption, who)| Image {
            caption: Some(format!("{caption}.")),
            credit: Some(format!("{who} Photo/Getty Images")),
            ..Image::default()
        })
    }

    fn article() -> impl Strategy<Value = Article> {
        (
            words(3, 10),
            (2000i16..2030, 1i8..=12, 1i8..=28),
            prop::collection::vec(author(), 0..3),
            prop::collection::vec(image(), 0..3),
            prop::collection::vec(words(8, 30).prop_map(|p| format!("{p}.")), 1..6),
        )
            .prop_filter("distinct captions and authors", |(_, _, authors, images, _)| {
                let mut c: Vec<_> = images.iter().map(|i| i.caption.clone()).collect();
                c.sort();
                c.dedup();
                let mut n: Vec<_> = authors.iter().map(|a| a.name.clone()).collect();
                n.sort();
                n.dedup();
                c.len() == images.len() && n.len() == authors.len()
            })
            .prop_map(|(title, (y, m, d), authors, images, paragraphs)| Article {
                title: Some(title),
                published: DateTime::parse_iso(&format!("{y:04}-{m:02}-{d:02}")),
                authors,
                images,
                body: paragraphs
                    .into_iter()
                    .map(|text| Block::Paragraph { content: vec![Inline::Text { text }] })
                    .collect(),
                ..Article::default()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn rendering_parses_back(article in article()) {
            let pasted = render(&article, Format::Pasted);
            let back = extract(Input::text(&pasted), &Options::default()).unwrap();
            prop_assert_eq!(&back.title, &article.title, "{}", pasted);
            prop_assert_eq!(&back.authors, &article.authors, "{}", pasted);
            prop_assert_eq!(back.published, article.published);
            let captions = |a: &Article| a.images.iter().map(|i| (i.caption.clone(), i.credit.clone())).collect::<Vec<_>>();
            prop_assert_eq!(captions(&back), captions(&article), "{}", pasted);
            prop_assert_eq!(&back.body, &article.body, "{}", pasted);
        }

        #[test]
        fn mangled_fixtures_extract_without_panicking(
            which in 0usize..13,
            cut in 0usize..4000,
            inserts in prop::collection::vec((0usize..4000, prop::sample::select(&MARKS[..])), 0..12),
        ) {
            let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
            let Ok(text) = std::fs::read_to_string(dir.join(format!("{which:02}.txt"))) else { return Ok(()) };
            let mut chars: Vec<char> = text.chars().collect();
            chars.truncate(cut.min(chars.len()));
            for (at, mark) in inserts {
                let at = at.min(chars.len());
                chars.insert(at, mark);
            }
            let text: String = chars.into_iter().collect();
            let article = extract(Input::text(&text), &Options::default()).unwrap();
            for q in &article.quotes {
                prop_assert_eq!(&article.text[q.start..q.end], q.text.as_str());
            }
        }

        #[test]
        fn any_text_extracts_without_panicking(text in "\\PC{0,400}") {
            let _ = extract(Input::text(&text), &Options::default());
        }
    }
}

/// Pathological copies finish quickly: one huge paragraph of unclosed or balanced marks.
#[test]
fn huge_paragraphs_of_quote_marks_stay_fast() {
    let start = std::time::Instant::now();
    for unit in ["“open ", "“a,” he said. ", "'x ", "Mr. A said “b.” "] {
        let text = unit.repeat(200_000 / unit.len());
        let a = extract(Input::text(&text), &Options::default()).unwrap();
        assert!(!a.text.is_empty());
    }
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "\"",
        "“",
        " date ",
        " date 2021-12-07",
        "\n\n\n",
        "’",
        "a",
        &"x".repeat(100_000),
        &"word \" ".repeat(5000),
    ] {
        let _ = extract_plain(text);
    }
}

#[test]
fn captions_with_their_own_credit() {
    let a = extract_plain(
        " date 2021-01-14 Milan shares rise\n\nFILE PHOTO: A view of the bourse in Milan, Italy. REUTERS/Jane Doe/File Photo\n\nMILAN, Jan 14 (Reuters) - Shares rose on Thursday as banks gained ground.\n",
    );
    let captions: Vec<_> = a.images.iter().map(|i| (i.caption.as_deref(), i.credit.as_deref())).collect();
    assert_eq!(
        captions,
        [(Some("FILE PHOTO: A view of the bourse in Milan, Italy."), Some("REUTERS/Jane Doe/File Photo"))]
    );
    assert!(a.text.starts_with("Shares rose"));
    assert_eq!(a.dateline.map(|d| d.text).as_deref(), Some("MILAN, Jan 14 (Reuters)"));
}

#[test]
fn caption_on_line_one_before_the_headline() {
    let a = extract_plain(
        " date 2024-01-01 A man walks past a damaged building in Kyiv on Monday.\nWorld Business Markets Sustainability Legal\nUkraine rebuilds as winter sets in\n\nThe city began repairs on Tuesday, officials said, as temperatures fell.\n",
    );
    assert_eq!(a.title.as_deref(), Some("Ukraine rebuilds as winter sets in"));
    assert!(a.text.starts_with("The city began repairs"), "{}", a.text);
}

#[test]
fn wrapped_copy_under_a_headline() {
    let a = extract_plain(
        " date 2024-01-01 Senate passes broadband bill\nWASHINGTON (AP) -- The Senate on Thursday passed a bill that\nwould spend $12 billion over five years to bring high-speed\ninternet to rural communities, sending the measure on.\n",
    );
    assert_eq!(a.title.as_deref(), Some("Senate passes broadband bill"));
    assert_eq!(a.dateline.map(|d| d.text).as_deref(), Some("WASHINGTON (AP)"));
    assert!(a.text.ends_with("sending the measure on."), "{}", a.text);
}

#[test]
fn text_without_header_line() {
    let a = extract_plain(
        "Storm hits the coast\n\nBy Jane Doe\n\nHeavy rain fell on the town on Tuesday, officials said.\n",
    );
    assert_eq!(a.title.as_deref(), Some("Storm hits the coast"));
    assert_eq!(a.authors, [Author::new("Jane Doe")]);
    assert!(a.text.starts_with("Heavy rain fell"));
    assert!(a.published.is_none());
}

#[test]
fn joins_hard_wrapped_wire_copy() {
    let text = " date 2024-01-23 GENEVA, Jan 23 (Reuters) - The World Health\nOrganization said on Tuesday that the outbreak was slowing in\nmost of the regions it monitors, but warned against any\ncomplacency as winter began.\n\n    Officials said more data would come next week from the\nregional offices and national ministries.\n";
    let a = extract_plain(text);
    assert_eq!(a.title, None);
    assert_eq!(a.body.len(), 2);
    assert!(a.text.starts_with("The World Health Organization said on Tuesday"));
    assert_eq!(a.dateline.as_ref().map(|d| d.text.as_str()), Some("GENEVA, Jan 23 (Reuters)"));
}

#[test]
fn dateline_leaves_the_body() {
    let a = extract_plain(
        "Storm hits the coast\n\nMIAMI (AP) — Heavy rain fell on the town on Tuesday, officials said.\n",
    );
    assert_eq!(a.dateline.map(|d| d.text).as_deref(), Some("MIAMI (AP)"));
    assert!(a.text.starts_with("Heavy rain fell"), "{}", a.text);
}

#[test]
fn date_in_words_without_header() {
    let a = extract_plain(
        "Storm hits the coast\nby: Jane Doe\nMarch 13, 2015 9:00PM\n\nHeavy rain fell on the town on Tuesday, officials said.\n",
    );
    assert_eq!(a.published.map(|d| d.date().to_string()).as_deref(), Some("2015-03-13"));
    assert_eq!(a.authors, [Author::new("Jane Doe")]);
    let a = extract_plain(
        "Storm hits the coast\n\nFeb. 23, 2015 -- Heavy rain fell on the town, officials said.\n",
    );
    assert_eq!(a.published.map(|d| d.date().to_string()).as_deref(), Some("2015-02-23"));
}

#[test]
fn name_above_a_date_line_is_a_byline() {
    let a = extract_plain(
        "Storm hits the coast\nJane Doe in Miami\nsite.com, Monday 29 October 2012 13.10 EDT\n\nHeavy rain fell on the town on Tuesday, officials said.\n",
    );
    assert_eq!(a.authors, [Author::new("Jane Doe")]);
    assert_eq!(a.published.map(|d| d.date().to_string()).as_deref(), Some("2012-10-29"));
}

#[test]
fn credits_lose_their_labels() {
    let caps = |a: &Article| -> Vec<(Option<String>, Option<String>)> {
        a.images.iter().map(|i| (i.caption.clone(), i.credit.clone())).collect()
    };
    let a = extract_plain(
        "Storm hits the coast\n\nA flooded street in Miami. Photograph: Jane Doe/Getty Images\nHeavy rain fell on the town on Tuesday, officials said.\n",
    );
    assert_eq!(
        caps(&a),
        [(Some("A flooded street in Miami.".to_owned()), Some("Jane Doe/Getty Images".to_owned()))]
    );
    let a = extract_plain(
        "Storm hits the coast\n\nA flooded street in Miami. (John Roe/AFP/Getty Images)\nHeavy rain fell on the town on Tuesday, officials said.\n",
    );
    assert_eq!(caps(&a)[0].1.as_deref(), Some("John Roe/AFP/Getty Images"));
    let a = extract_plain(
        "Storm hits the coast\n\nA flooded street in Miami.\n\nPhoto by Jane Doe/Daily Planet\nHeavy rain fell on the town on Tuesday, officials said.\n",
    );
    assert_eq!(
        caps(&a),
        [(Some("A flooded street in Miami.".to_owned()), Some("Jane Doe/Daily Planet".to_owned()))]
    );
    assert!(a.text.starts_with("Heavy rain fell"), "{}", a.text);
}

#[test]
fn one_photo_shown_twice_is_one_caption() {
    let a = extract_plain(
        "Storm hits the coast\n\nA flooded street. Photograph: Jane Doe/Getty Images\n\nMain image: A flooded street. Photograph: Jane Doe/Getty Images\nHeavy rain fell on the town on Tuesday, officials said.\n",
    );
    let caps: Vec<_> = a.images.iter().map(|i| (i.caption.as_deref(), i.credit.as_deref())).collect();
    assert_eq!(caps, [(Some("A flooded street."), Some("Jane Doe/Getty Images"))]);
}
