//! `lede eval` on a tiny folder made by the test.

use crate::{ARTICLE, lede, paragraphs, stderr, stdout, write};

#[test]
fn scores_a_folder_and_shows_a_page() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.html"), ARTICLE.replace(" | Daily Bugle", ""));
    let truth = serde_json::json!({
        "url": "https://news.test/a",
        "title": "Rain returns",
        "body": paragraphs(ARTICLE),
        "with": ["welcomed the change"],
        "without": ["Home"],
        "page_type": "article"
    });
    write(&dir.path().join("a.json"), truth.to_string());
    write(&dir.path().join("a.expected.html"), "<p>ignored</p>");

    let out = lede().arg("eval").arg(dir.path()).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["pages"], 1);
    assert_eq!(report["summary"]["metadata"]["title"]["correct"], 1);
    assert_eq!(report["summary"]["snippets"]["tp"], 1);
    assert!(report["summary"]["recall"].as_f64().unwrap() > 0.9);
    assert!(report["by_page_type"]["article"].is_object());
    let calls = &report["summary"]["is_article"];
    assert_eq!(
        (calls["articles"].as_u64(), calls["articles_called"].as_u64()),
        (Some(1), Some(1)),
        "{calls}"
    );
    assert_eq!(calls["others"], 0);

    let out = lede().arg("eval").arg(dir.path()).output().unwrap();
    assert!(stdout(&out).contains("body (ScrapingHub)"), "{}", stdout(&out));
    assert!(stdout(&out).contains("is_article          accuracy 1.000"), "{}", stdout(&out));
    let out = lede().arg("eval").arg(dir.path()).args(["--show", "a"]).output().unwrap();
    assert!(stdout(&out).contains("identical to the truth"), "{}", stdout(&out));

    let out = lede().arg("eval").arg(dir.path().join("nope")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn scores_a_folder_of_pasted_texts() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lede-core/tests/fixtures/text");
    let out = lede().arg("eval").arg(&folder).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = &report["summary"];
    assert!(summary["texts"].as_u64().unwrap() >= 13);
    for field in ["title", "authors", "date", "dateline", "first_sentence", "quote_recall"] {
        assert!(summary[field].as_f64().unwrap() >= 0.9, "{field}: {summary}");
    }
    let out = lede().arg("eval").arg(&folder).output().unwrap();
    assert!(stdout(&out).contains("speaker accuracy"), "{}", stdout(&out));
}

#[test]
fn is_article_is_scored_against_readerable_too() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.html"), ARTICLE);
    write(&dir.path().join("a.json"), serde_json::json!({ "readerable": true }).to_string());
    write(&dir.path().join("b.html"), "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>");
    write(&dir.path().join("b.json"), serde_json::json!({ "readerable": false }).to_string());
    let out = lede().arg("eval").arg(dir.path()).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let calls = &report["summary"]["is_article"];
    for (key, want) in [("articles", 1), ("articles_called", 1), ("others", 1), ("others_not_called", 1)] {
        assert_eq!(calls[key], want, "{key}: {calls}");
    }
}
