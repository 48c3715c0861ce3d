//! The documented JSON model against the code: every key a fully populated `Article`
//! serialises must be in the server's OpenAPI document (where it sits) and in
//! `docs/MODEL.md`, and the OpenAPI `Format` enum must be the core's formats.

use std::collections::BTreeSet;
use std::path::Path;

use lede_core::{
    Article, Author, Block, CitedOutlet, DateTime, Dateline, Format, Image, Inline, Quote, ReadingTimeSource,
    TableRow,
};
use serde_json::Value;

/// An article with every optional field set and one block and inline of each kind. Struct
/// literals without `..Default::default()`: a new field does not compile until it is here.
fn full_article() -> Article {
    let image = Image {
        url: "https://example.com/a.jpg".into(),
        alt: Some("alt".into()),
        caption: Some("A caption".into()),
        credit: Some("Photo: Agency".into()),
        width: Some(640),
        height: Some(480),
    };
    let text = |s: &str| Inline::Text { text: s.into() };
    let inlines = vec![
        text("plain"),
        Inline::Emphasis { content: vec![text("emphasis")] },
        Inline::Strong { content: vec![text("strong")] },
        Inline::Link { href: "https://example.com/".into(), content: vec![text("link")] },
        Inline::Code { text: "code".into() },
        Inline::Break,
    ];
    let body = vec![
        Block::Heading { level: 2, content: vec![text("Heading")] },
        Block::Paragraph { content: inlines },
        Block::List { ordered: true, items: vec![vec![Block::Paragraph { content: vec![text("item")] }]] },
        Block::Quote { content: vec![Block::Paragraph { content: vec![text("quoted")] }] },
        Block::Code { language: Some("rust".into()), text: "fn main() {}".into() },
        Block::Figure { image: image.clone() },
        Block::Table {
            caption: Some("Table".into()),
            rows: vec![TableRow { header: true, cells: vec![vec![text("cell")]] }],
        },
    ];
    Article {
        url: Some("https://example.com/story".into()),
        canonical_url: Some("https://example.com/story".into()),
        title: Some("Title".into()),
        description: Some("Description".into()),
        authors: vec![Author {
            name: "Jane Doe".into(),
            role: Some("Reporter".into()),
            url: Some("https://example.com/jane".into()),
        }],
        published: DateTime::parse_iso("2021-12-07T10:00:00+01:00"),
        modified: DateTime::parse_iso("2021-12-08"),
        site_name: Some("Daily Bugle".into()),
        language: Some("en".into()),
        direction: Some("rtl".into()),
        tags: vec!["weather".into()],
        section: Some("News".into()),
        lead_image: Some(image.clone()),
        images: vec![image],
        body,
        text: "text".into(),
        word_count: 1,
        reading_time_minutes: 1,
        reading_time_source: ReadingTimeSource::Stated,
        dateline: Some(Dateline {
            text: "GENEVA (Reuters)".into(),
            place: Some("GENEVA".into()),
            agency: Some("Reuters".into()),
        }),
        quotes: vec![Quote {
            text: "quoted".into(),
            speaker: Some("Jane Doe".into()),
            cue: Some("said".into()),
            block: 3,
            start: 0,
            end: 6,
        }],
        cited_outlets: vec![CitedOutlet { name: "Reuters".into(), mentions: vec!["Reuters".into()] }],
        is_article: true,
        confidence: 0.5,
    }
}

/// Checks `value` against `schema` (resolving `$ref`s in `doc`, choosing `oneOf` branches by
/// their `type` constant), naming in `problems` every key the schema does not declare.
fn check_schema(value: &Value, schema: &Value, doc: &Value, path: &str, problems: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let pointer = reference.trim_start_matches('#');
        let target = doc.pointer(pointer).unwrap_or_else(|| panic!("{path}: dangling $ref {reference}"));
        return check_schema(value, target, doc, path, problems);
    }
    if let Some(branches) = schema.get("oneOf").and_then(Value::as_array) {
        let kind = &value["type"];
        match branches.iter().find(|b| &b["properties"]["type"]["const"] == kind) {
            Some(branch) => check_schema(value, branch, doc, path, problems),
            None => problems.push(format!("{path}: no schema for type {kind}")),
        }
        return;
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            problems.push(format!("{path}: {value} is not in the enum"));
        }
    }
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match schema["properties"].get(key) {
                    Some(s) => check_schema(v, s, doc, &format!("{path}.{key}"), problems),
                    None => problems.push(format!("{path}.{key}")),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_schema(v, &schema["items"], doc, &format!("{path}[{i}]"), problems);
            }
        }
        _ => {}
    }
}

/// Every object key in `value`, and every `type` tag (block and inline kinds).
fn keys(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                out.insert(key.clone());
                if key == "type" {
                    out.extend(v.as_str().map(str::to_owned));
                }
                keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn every_article_key_is_in_the_openapi_document() {
    let doc: Value = serde_json::from_str(lede_server::OPENAPI).expect("openapi.json is JSON");
    let article = serde_json::to_value(full_article()).expect("an article serialises");
    let mut problems = Vec::new();
    check_schema(&article, &doc["components"]["schemas"]["Article"], &doc, "Article", &mut problems);
    assert!(problems.is_empty(), "not in openapi.json's Article schema: {problems:#?}");
}

#[test]
fn every_article_key_is_in_model_md() {
    let model = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/MODEL.md"))
        .expect("docs/MODEL.md");
    // The names MODEL.md gives in code spans (`body`, `{name, role?, url?}`, `heading`).
    let documented: BTreeSet<&str> = model
        .split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|span| span.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = BTreeSet::new();
    keys(&serde_json::to_value(full_article()).expect("an article serialises"), &mut found);
    let missing: Vec<&String> = found.iter().filter(|k| !documented.contains(k.as_str())).collect();
    assert!(missing.is_empty(), "not in docs/MODEL.md: {missing:?}");
}

#[test]
fn openapi_formats_are_the_cores() {
    let doc: Value = serde_json::from_str(lede_server::OPENAPI).expect("openapi.json is JSON");
    let listed: Vec<&str> = doc["components"]["schemas"]["Format"]["enum"]
        .as_array()
        .expect("Format is an enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let core: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(listed, core);
}
