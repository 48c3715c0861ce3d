//! `lede extract` on stdin, files and folders: formats, batches and exit codes.

use crate::{ARTICLE, json_lines, lede, stderr, stdout, write};

#[test]
fn stdin_to_json() {
    let out = lede().arg("extract").write_stdin(ARTICLE).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(article["title"].as_str().unwrap().starts_with("Rain returns"));
    assert!(article["text"].as_str().unwrap().contains("steady rain"));
    assert!(article.get("input").is_none(), "a single document is the bare article");
    assert!(stderr(&out).is_empty());
}

#[test]
fn dash_means_stdin_and_url_is_used() {
    let page = ARTICLE.replace("</article>", r#"<p><a href="/more">More on the weather</a> in the city, with maps and forecasts for every district.</p></article>"#);
    let out = lede()
        .args(["extract", "-", "--url", "https://example.com/news/rain"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(article["url"], "https://example.com/news/rain");
    assert!(stdout(&out).contains("https://example.com/more"), "links resolve against --url");
}

#[test]
fn every_format() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("rain.html");
    write(&page, ARTICLE);
    let run = |format: &str| {
        let out = lede().args(["extract", "-f", format]).arg(&page).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        stdout(&out)
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert!(json["title"].as_str().unwrap().starts_with("Rain returns"));
    let jsonl = run("jsonl");
    assert_eq!(jsonl.lines().count(), 1);
    let line: serde_json::Value = serde_json::from_str(&jsonl).unwrap();
    assert_eq!(line["input"], page.display().to_string());
    assert!(run("text").contains("After a dry month"));
    assert!(!run("text").contains("{"));
    assert!(run("markdown").contains("After a dry month"));
    assert!(run("html").contains("<p>"));
}

#[test]
fn folder_with_nested_subfolders_to_out_dir() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input.join("a.html"), ARTICLE);
    write(&input.join("deep/er/b.htm"), ARTICLE);
    write(&input.join("deep/c.xhtml"), ARTICLE);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, ARTICLE.as_bytes()).unwrap();
    write(&input.join("deep/d.html.gz"), gz.finish().unwrap());
    write(&input.join("notes.json"), "{}"); // not a page: ignored
    let out_dir = dir.path().join("out");
    let out =
        lede().args(["extract", "--format", "markdown", "--out"]).arg(&out_dir).arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    for file in ["a.md", "deep/er/b.md", "deep/c.md", "deep/d.md"] {
        let text = std::fs::read_to_string(out_dir.join(file)).unwrap();
        assert!(text.contains("After a dry month"), "{file}");
    }
    assert!(stderr(&out).contains("4 inputs: 4 ok, 0 no article, 0 failed"), "{}", stderr(&out));
}

#[test]
fn folder_streams_jsonl_by_default() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        write(&dir.path().join(format!("s{}/p{i}.html", i % 3)), ARTICLE);
    }
    let out = lede().args(["extract", "--jobs", "3"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 20);
    let mut inputs: Vec<String> = lines.iter().map(|l| l["input"].as_str().unwrap().to_owned()).collect();
    inputs.sort();
    inputs.dedup();
    assert_eq!(inputs.len(), 20, "each input exactly once");
}

#[test]
fn mixed_good_and_broken_inputs_are_all_reported() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.html");
    write(&good, ARTICLE);
    let binary = dir.path().join("image.html");
    write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0, 0]);
    let text = dir.path().join("pasted.txt");
    write(&text, "Just some pasted text.\n");
    let missing = dir.path().join("missing.html");
    let out =
        lede().args(["extract", "-f", "jsonl"]).args([&good, &binary, &text, &missing]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "nothing is dropped: {lines:?}");
    let by_input =
        |p: &std::path::Path| lines.iter().find(|l| l["input"] == p.display().to_string()).unwrap();
    assert!(by_input(&good).get("error").is_none());
    assert!(by_input(&binary)["error"].as_str().unwrap().contains("binary"));
    assert!(by_input(&text).get("error").is_none(), "plain text goes to the text path");
    assert!(by_input(&missing)["error"].as_str().unwrap().contains("cannot open"));
    let err = stderr(&out);
    assert!(err.contains("error: "), "{err}");
    assert!(err.contains("4 inputs: 2 ok, 0 no article, 2 failed"), "{err}");
}

#[test]
fn unreadable_single_input_exits_2_with_causes() {
    let out = lede().args(["extract", "/definitely/not/here.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("error: /definitely/not/here.html: cannot open"), "{err}");
    assert!(err.contains("caused by:"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn bad_arguments_exit_2() {
    let out = lede().args(["extract", "--format", "pdf"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let out = lede().args(["extract", "-f", "text"]).arg(dir.path()).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--out DIR"), "{}", stderr(&out));
    let out = lede().args(["extract", "--url", "https://x.test/", "a.html", "b.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn page_without_article_exits_1() {
    let out = lede().arg("extract").write_stdin("<html><body></body></html>").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!stdout(&out).is_empty(), "the reading of the page is still printed");
    assert!(stderr(&out).contains("no article found"), "{}", stderr(&out));
}

#[test]
fn an_empty_folder_is_nothing_to_do() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("notes.json"), "{}");
    let out = lede().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nothing to do"), "{}", stderr(&out));
}

#[test]
fn bad_jobs_urls_and_schemes_are_refused() {
    for args in [
        &["extract", "--jobs", "0", "-"][..],
        &["extract", "--url", "notaurl"],
        &["extract", "--url", "ftp://x.test/a"],
    ] {
        let out = lede().args(args).write_stdin(ARTICLE).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("invalid value"), "{args:?}: {}", stderr(&out));
    }
    let out = lede().args(["extract", "ftp://x.test/page"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unsupported scheme `ftp`"), "{}", stderr(&out));
}

#[test]
fn broken_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(&dir.path().join(format!("p{i}.html")), ARTICLE);
    }
    // `head -c 1` closes the pipe after one byte; lede must stop without an error.
    let bin = assert_cmd::cargo::cargo_bin!("lede");
    let script = format!(
        "{} extract -q {} | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
        bin.display(),
        dir.path().display()
    );
    let out = std::process::Command::new("bash").arg("-c").arg(script).output().unwrap();
    assert_eq!(stdout(&out).trim(), "0", "stderr: {}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn help_documents_exit_codes_and_completions_work() {
    let out = lede().args(["extract", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("Exit codes:"));
    let out = lede().args(["completions", "bash"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("_lede"));
}
