//! `lede extract` on URLs, against the local test server.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crate::{json_lines, lede, server, stderr, stdout, write};

#[test]
fn fetches_a_page_and_follows_redirects() {
    let server = server::start();
    let out = lede().args(["extract", "-f", "text", &format!("{}/article", server.base)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("After a dry month"));

    let out = lede().args(["extract", &format!("{}/redirect", server.base)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(article["url"], format!("{}/article", server.base), "the URL after redirects");
}

#[test]
fn sends_a_user_agent() {
    let server = server::start();
    let out = lede().args(["extract", "-f", "text", &format!("{}/ua", server.base)]).output().unwrap();
    assert!(stdout(&out).contains("(agent Mozilla/5.0 (compatible; lede/"), "{}", stdout(&out));
}

#[test]
fn slow_server_times_out() {
    let server = server::start();
    let start = Instant::now();
    let out =
        lede().args(["extract", "--timeout", "0.5", &format!("{}/slow", server.base)]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("timed out"), "{}", stderr(&out));
    assert!(start.elapsed() < Duration::from_secs(4));
}

#[test]
fn huge_body_is_refused() {
    let server = server::start();
    for path in ["/huge", "/huge-unannounced"] {
        let out = lede()
            .args(["extract", "--max-bytes", "100000", &format!("{}{path}", server.base)])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(stderr(&out).contains("more than the limit"), "{path}: {}", stderr(&out));
    }
}

#[test]
fn redirect_loop_is_an_error() {
    let server = server::start();
    let out = lede().args(["extract", &format!("{}/loop", server.base)]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("redirect"), "{}", stderr(&out));
}

#[test]
fn http_error_status_is_an_error() {
    let server = server::start();
    let out = lede().args(["extract", &format!("{}/missing", server.base)]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("404"), "{}", stderr(&out));
}

#[test]
fn charset_header_outranks_a_wrong_meta_tag() {
    let server = server::start();
    let out = lede().args(["extract", "-f", "text", &format!("{}/charset", server.base)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("steady rain at the café"), "{}", stdout(&out));
}

#[test]
fn url_list_batch_reports_every_url() {
    let server = server::start();
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("urls.txt");
    let b = &server.base;
    write(&list, format!("# test list\n{b}/article\n\n{b}/missing\n{b}/loop\n{b}/redirect\n"));
    let out = lede().args(["extract", "--host-delay", "0.05", "--urls"]).arg(&list).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines.iter().filter(|l| l.get("error").is_some()).count(), 2);
    assert!(stderr(&out).contains("4 inputs: 2 ok, 0 no article, 2 failed"), "{}", stderr(&out));
    assert!(server.hits.load(Ordering::SeqCst) >= 4);
}

#[test]
fn per_host_delay_spaces_requests() {
    let server = server::start();
    let urls: Vec<String> = (0..4).map(|_| format!("{}/article", server.base)).collect();
    let start = Instant::now();
    let out = lede()
        .args(["extract", "-j", "4", "--per-host", "4", "--host-delay", "0.3"])
        .args(&urls)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(start.elapsed() >= Duration::from_millis(900), "4 requests 0.3 s apart take at least 0.9 s");
}
