//! Integration tests of the `lede` binary: each test runs the built executable.

mod eval;
mod extract;
mod fetch;
mod server;
mod warc;

use std::path::Path;
use std::process::Output;

/// A short but real article page.
pub(crate) const ARTICLE: &str = r#"<!doctype html><html><head><title>Rain returns | Daily Bugle</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Rain returns</h1>
<p>After a dry month, the city woke to steady rain on Tuesday, and forecasters expect more of it.</p>
<p>Farmers, who had warned of failing crops for weeks, welcomed the change in the weather.</p>
</article></body></html>"#;

/// The `lede` binary, ready to take arguments.
pub(crate) fn lede() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("lede");
    cmd.env_remove("NO_COLOR").env("NO_COLOR", "1");
    cmd
}

/// Writes `text` to `path`, creating parent folders.
pub(crate) fn write(path: &Path, text: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// stdout as a string.
pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// stderr as a string.
pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The JSON lines of stdout.
pub(crate) fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}
