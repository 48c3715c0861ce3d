//! Integration tests of the `lede` binary: each test runs the built executable.

mod batch;
mod eval;
mod extract;
mod fetch;
mod server;
mod warc;

use std::path::Path;
use std::process::Output;

/// A short but real article page (long enough for the core to call it an article).
pub(crate) const ARTICLE: &str = r#"<!doctype html><html><head><title>Rain returns | Daily Bugle</title><meta name="author" content="Jane Doe"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Rain returns</h1>
<p>After a dry month, the city woke to steady rain on Tuesday, and forecasters expect more of it through the rest of the week, with heavier showers likely on Thursday evening.</p>
<p>Farmers, who had warned of failing crops for weeks, welcomed the change in the weather. "We had almost given up on the barley," said Tom Fields, who grows grain on the edge of town.</p>
<p>The reservoir that supplies most of the city's water had fallen to its lowest level in a decade, and the council had asked residents to stop watering gardens and washing cars.</p>
<p>Officials said the restrictions would stay in place for now. "One wet week does not refill a reservoir," a spokeswoman for the water board said, adding that levels would be reviewed next month.</p>
<p>Commuters were less pleased. Several roads in the low-lying east of the city flooded briefly during the morning rush, and two bus routes were diverted while drains were cleared.</p>
<p>The weather service said the rain marked the end of the longest dry spell on record for the region, which began in early spring and brought the driest summer since measurements started.</p>
</article><footer>Copyright Daily Bugle</footer></body></html>"#;

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

/// The text of the `<p>` elements of a page, blocks separated by a blank line.
pub(crate) fn paragraphs(html: &str) -> String {
    let parts: Vec<&str> =
        html.split("<p>").skip(1).filter_map(|p| p.split_once("</p>").map(|(text, _)| text)).collect();
    parts.join("\n\n")
}

/// The JSON lines of stdout.
pub(crate) fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}
