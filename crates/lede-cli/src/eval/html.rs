//! HTML folders: `<id>.html` pages with `<id>.json` truth (the corpus layout).

use std::path::Path;

use anyhow::{Context, Result};

use super::{Case, Source, Truth};

/// Every `<id>.html` in `dir` that has an `<id>.json` beside it, sorted by id.
/// Readability's `<id>.expected.html` files are reference output, not pages, and are skipped.
pub(crate) fn cases(dir: &Path) -> Result<Vec<Case>> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry.with_context(|| format!("cannot list {}", dir.display()))?.path();
        let Some(id) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".html")) else {
            continue;
        };
        if id.ends_with(".expected") {
            continue;
        }
        let truth_path = dir.join(format!("{id}.json"));
        if !truth_path.is_file() {
            continue;
        }
        let truth = Truth::read(&truth_path)?;
        cases.push(Case { id: id.to_owned(), source: Source::Html(path.clone()), truth });
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(cases)
}
