//! The web page in a real browser: headless Chromium (Debian's), driven by playwright-core
//! from `tests/browser/e2e.mjs`, against a server on 127.0.0.1. Skips with a message when
//! the browser or the driver is not installed (`scripts/install-browser.sh` installs both).

use std::path::{Path, PathBuf};
use std::time::Duration;

use lede_server::Config;

use crate::util::Server;

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Why the test cannot run here, if it cannot.
fn missing_prerequisite() -> Option<String> {
    let chromium = std::env::var("LEDE_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("no browser at {chromium}"));
    }
    if std::process::Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    if !browser_dir().join("node_modules/playwright-core").exists() {
        return Some("playwright-core is not installed in tests/browser".into());
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_extracts_pasted_html_in_a_real_browser() {
    if let Some(reason) = missing_prerequisite() {
        eprintln!("SKIPPED browser e2e test: {reason}; run scripts/install-browser.sh to install it");
        return;
    }
    let server = Server::start(Config::default()).await;
    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lede-server-e2e.png");
    let run = tokio::process::Command::new("node")
        .arg("e2e.mjs")
        .arg(server.url(""))
        .arg(&screenshot)
        .current_dir(browser_dir())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(120), run)
        .await
        .expect("the browser test took more than 120 s")
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "browser test failed\nstdout:\n{stdout}\nstderr:\n{stderr}");
    eprintln!("{stdout}");
    assert!(screenshot.exists(), "no screenshot at {}", screenshot.display());
}
