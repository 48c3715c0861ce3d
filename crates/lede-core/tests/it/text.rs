//! Plain-text input: the labelled copies in `tests/fixtures/text/` and the render → parse
//! round trip of the pasted-text layout.

use std::path::PathBuf;

use lede_core::{Article, Options, extract_text};
use serde_json::Value;

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
    let a = extract_text(&text, &Options::default()).unwrap();
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
