//! Golden pages: real pages from `tests/fixtures/golden/<name>/source.html`, extracted with
//! the URL in `meta.json`, snapshotted with insta beside the page (`article.snap` for the
//! metadata fields, `text.snap` for the plain text). Update with `cargo insta test --review`;
//! see `docs/TESTING.md`.

use std::path::{Path, PathBuf};

use lede_core::{Input, Options, extract};
use serde_json::json;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden")
}

/// Extracts one golden page and checks its two snapshots.
fn golden(name: &str) {
    let dir = golden_dir().join(name);
    let html = std::fs::read(dir.join("source.html")).expect("source.html");
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("meta.json")).expect("meta.json"))
            .expect("valid meta.json");
    let url = meta["url"].as_str();
    let mut input = Input::new(&html);
    if let Some(url) = url {
        input = input.with_url(url);
    }
    let article = extract(input, &Options::default()).expect("a golden page extracts");

    // The fields people read first, not the whole block tree: small snapshots, readable diffs.
    let summary = json!({
        "title": article.title,
        "authors": article.authors.iter().map(|a| &a.name).collect::<Vec<_>>(),
        "published": article.published,
        "site_name": article.site_name,
        "language": article.language,
        "direction": article.direction,
        "is_article": article.is_article,
        "word_count": article.word_count,
        "blocks": article.body.len(),
        "images": article.images.len(),
    });
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_info(&meta);
    settings.bind(|| {
        insta::assert_json_snapshot!("article", summary);
        insta::assert_snapshot!("text", article.text);
    });
}

#[test]
fn every_golden_folder_has_a_test() {
    let mut names: Vec<String> = std::fs::read_dir(golden_dir())
        .expect("golden folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, GOLDEN, "add a test for each new golden folder (and to GOLDEN)");
}

const GOLDEN: &[&str] = &["001", "ars-1", "herald-sun-1", "hukumusume", "lemonde-1", "rtl-1"];

#[test]
fn golden_001() {
    golden("001");
}

#[test]
fn golden_ars_1() {
    golden("ars-1");
}

#[test]
fn golden_herald_sun_1() {
    golden("herald-sun-1");
}

#[test]
fn golden_hukumusume() {
    golden("hukumusume");
}

#[test]
fn golden_lemonde_1() {
    golden("lemonde-1");
}

#[test]
fn golden_rtl_1() {
    golden("rtl-1");
}
