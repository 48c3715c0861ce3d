//! Golden pages: every folder under `tests/fixtures/golden/` is one real page
//! (`source.html`), extracted with the URL and options in its `meta.json` and snapshotted with
//! insta beside the page (`article.snap` for the metadata fields, `text.snap` for the plain
//! text). A new page is a new folder, no code; see `docs/TESTING.md`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use lede_core::{Input, Options, extract};
use serde::Deserialize;
use serde_json::json;

/// A golden page's `meta.json`. Provenance and licence are free-form: they go into the
/// snapshots' header as the whole file does, so a reviewer sees where a page comes from.
#[derive(Deserialize)]
struct Meta {
    /// The address the page is extracted with (relative links resolve against it).
    url: Option<String>,
    /// Options differing from the defaults, as the server takes them in JSON.
    #[serde(default)]
    options: Options,
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden")
}

/// The golden page folders, sorted by name.
fn pages() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .expect("the golden folder is readable")
        .map(|e| e.expect("a golden folder entry is readable").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Extracts one golden page and checks its two snapshots.
fn golden(dir: &Path) {
    let html = std::fs::read(dir.join("source.html")).expect("the folder has a source.html");
    let raw = std::fs::read(dir.join("meta.json")).expect("the folder has a meta.json");
    let info: serde_json::Value = serde_json::from_slice(&raw).expect("meta.json is JSON");
    let meta: Meta = serde_json::from_slice(&raw).expect("meta.json has a url and valid options");
    let mut input = Input::new(&html);
    if let Some(url) = &meta.url {
        input = input.with_url(url);
    }
    let article = extract(input, &meta.options).expect("a golden page extracts");

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
    settings.set_info(&info);
    settings.bind(|| {
        insta::assert_json_snapshot!("article", summary);
        insta::assert_snapshot!("text", article.text);
    });
}

/// Every page is checked even when an earlier one fails, so one run shows all the changes
/// (insta prints each diff); the failure names the pages.
#[test]
fn golden_pages() {
    let pages = pages();
    assert!(!pages.is_empty(), "no golden pages found in {}", golden_dir().display());
    let failed: Vec<String> = pages
        .iter()
        .filter(|dir| catch_unwind(AssertUnwindSafe(|| golden(dir))).is_err())
        .map(|dir| dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    assert!(failed.is_empty(), "golden pages whose output changed: {failed:?} (see docs/TESTING.md)");
}

/// The CI check for unreferenced snapshots, without cargo-insta: a folder's only snapshots
/// are the two `golden_pages` writes, and a folder is a page (a page deleted without its
/// snapshots, or snapshots under another name, would otherwise be kept unchecked).
#[test]
fn every_golden_snapshot_belongs_to_a_page() {
    let mut stray = Vec::new();
    for dir in pages() {
        for needed in ["source.html", "meta.json"] {
            if !dir.join(needed).is_file() {
                stray.push(dir.join(needed).display().to_string() + " (missing)");
            }
        }
        for entry in std::fs::read_dir(&dir).expect("a golden page folder is readable") {
            let path = entry.expect("a golden page folder entry is readable").path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.ends_with(".snap") && name != "article.snap" && name != "text.snap" {
                stray.push(path.display().to_string());
            }
        }
    }
    assert!(stray.is_empty(), "snapshots no test checks, or pages without their files: {stray:#?}");
}
