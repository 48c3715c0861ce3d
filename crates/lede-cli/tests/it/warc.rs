//! `lede extract` on WARC files made by the test.

use crate::{ARTICLE, json_lines, lede, stderr, write};

/// One WARC record.
pub(crate) fn record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:x>\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// An HTTP response with an HTML body.
pub(crate) fn response(content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
        .into_bytes()
}

/// A small crawl: info, a request, two pages, an image and a redirect.
fn warc() -> Vec<u8> {
    let mut data = record("warcinfo", "", "2024-05-01T00:00:00Z", b"software: lede-test\r\n");
    data.extend(record("request", "https://news.test/a", "2024-05-01T00:00:01Z", b"GET /a HTTP/1.1\r\n\r\n"));
    data.extend(record(
        "response",
        "https://news.test/a",
        "2024-05-01T00:00:02Z",
        &response("text/html; charset=utf-8", ARTICLE),
    ));
    data.extend(record(
        "response",
        "https://news.test/logo.png",
        "2024-05-01T00:00:03Z",
        &response("image/png", "PNG"),
    ));
    data.extend(record(
        "response",
        "https://news.test/old",
        "2024-05-01T00:00:04Z",
        b"HTTP/1.1 301 Moved\r\nLocation: /a\r\n\r\n",
    ));
    data.extend(record(
        "response",
        "https://news.test/b",
        "2024-05-01T00:00:05Z",
        &response("text/html", ARTICLE),
    ));
    data
}

#[test]
fn warc_records_become_jsonl_with_uri_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    write(&path, warc());
    let out = lede().arg("extract").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "only HTML 2xx responses are pages");
    let a = lines.iter().find(|l| l["warc_target_uri"] == "https://news.test/a").unwrap();
    assert_eq!(a["warc_date"], "2024-05-01T00:00:02Z");
    assert_eq!(a["url"], "https://news.test/a");
    assert!(a["title"].as_str().unwrap().starts_with("Rain returns"));
}

#[test]
fn gzipped_warc_of_gzip_members() {
    let dir = tempfile::tempdir().unwrap();
    // Each record its own gzip member, as in Common Crawl.
    let mut data = Vec::new();
    for uri in ["https://news.test/1", "https://news.test/2", "https://news.test/3"] {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let rec = record("response", uri, "2024-05-01T00:00:00Z", &response("text/html", ARTICLE));
        std::io::Write::write_all(&mut gz, &rec).unwrap();
        data.extend(gz.finish().unwrap());
    }
    let path = dir.path().join("shard.warc.gz");
    write(&path, data);
    let out = lede().arg("extract").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 3);
}

#[test]
fn corrupt_warc_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.warc");
    let mut data = warc();
    data.truncate(data.len() - 40);
    write(&path, data);
    let out = lede().arg("extract").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out);
    assert!(lines.iter().any(|l| l.get("error").is_some()), "{lines:?}");
    assert!(
        lines.iter().any(|l| l["warc_target_uri"] == "https://news.test/a"),
        "records before the damage survive"
    );
}
