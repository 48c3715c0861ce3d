//! What `lede extract` reads: the command-line inputs classified, then expanded lazily into a
//! stream of [`Job`]s (folders walked, URL lists and WARC files read as they are consumed).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::warc::{self, WarcReader};

/// Page files a folder walk picks up, optionally followed by `.gz`.
const PAGE_EXTENSIONS: [&str; 4] = ["html", "htm", "xhtml", "txt"];

/// What a folder walk picks up, in words for messages.
pub(crate) const PAGE_FILES: &str =
    ".html, .htm, .xhtml, .txt (each optionally .gz), .warc and .warc.gz files";

/// One command-line input, classified.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    /// `-` or no input at all.
    Stdin,
    /// An `http(s)://` address.
    Url(String),
    /// A folder, walked recursively.
    Folder(PathBuf),
    /// A `.warc` or `.warc.gz` file.
    Warc(PathBuf),
    /// Any other path: a page file.
    File(PathBuf),
    /// A `--urls` list (`-` for stdin).
    UrlList(PathBuf),
    /// An address with a scheme Lede does not fetch (`ftp://…`).
    Unsupported {
        /// The input.
        input: String,
        /// Its scheme.
        scheme: String,
    },
}

impl Arg {
    /// Classifies a command-line input.
    pub(crate) fn parse(input: &str) -> Arg {
        if input == "-" {
            return Arg::Stdin;
        }
        let lower = input.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Arg::Url(input.to_owned());
        }
        let path = PathBuf::from(input);
        if let Some((scheme, _)) = input.split_once("://")
            && !scheme.is_empty()
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            && !path.exists()
        {
            return Arg::Unsupported { input: input.to_owned(), scheme: scheme.to_owned() };
        }
        if path.is_dir() {
            Arg::Folder(path)
        } else if is_warc(&path) {
            Arg::Warc(path)
        } else {
            Arg::File(path)
        }
    }

    /// Whether this input may expand into more than one page.
    pub(crate) fn is_many(&self) -> bool {
        matches!(self, Arg::Folder(_) | Arg::Warc(_) | Arg::UrlList(_))
    }
}

/// How many pages the inputs hold, when that is cheap to know: files and URLs count one,
/// folders are walked for their page files; `None` when a WARC file or a URL list is among
/// them (their records and lines are known only once read).
pub(crate) fn count(args: &[Arg]) -> Option<u64> {
    let mut total = 0;
    for arg in args {
        total += match arg {
            Arg::Stdin | Arg::Url(_) | Arg::File(_) | Arg::Unsupported { .. } => 1,
            Arg::Warc(_) | Arg::UrlList(_) => return None,
            Arg::Folder(root) => {
                let mut pages = 0;
                for entry in walkdir::WalkDir::new(root).follow_links(true).into_iter().flatten() {
                    let path = entry.path();
                    if is_warc(path) {
                        return None;
                    }
                    if entry.file_type().is_file() && is_page_file(path) {
                        pages += 1;
                    }
                }
                pages
            }
        };
    }
    Some(total)
}

/// Whether a path names a WARC file.
fn is_warc(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Whether a folder walk should pick up this file.
fn is_page_file(path: &Path) -> bool {
    if is_warc(path) {
        return true;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    PAGE_EXTENSIONS.iter().any(|ext| name.rsplit_once('.').is_some_and(|(_, e)| e == *ext))
}

/// A file name without its page extensions (`a.html.gz` → `a`).
pub(crate) fn stem(path: &Path) -> String {
    let name =
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "page".to_owned());
    let mut stem = name.as_str();
    for ext in [".gz", ".warc", ".html", ".htm", ".xhtml", ".txt"] {
        if stem.len() > ext.len() && stem.to_ascii_lowercase().ends_with(ext) {
            stem = &stem[..stem.len() - ext.len()];
        }
    }
    stem.to_owned()
}

/// A file-system-safe name for a URL (for `--out`).
fn url_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let name: String = rest
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' })
        .take(150)
        .collect();
    name.trim_matches(['_', '.']).to_owned()
}

/// One unit of work for a worker.
#[derive(Debug)]
pub(crate) enum Job {
    /// Read a page from stdin.
    Stdin,
    /// Read a page file.
    File {
        /// The file.
        path: PathBuf,
        /// Output path under `--out`, without extension.
        out: PathBuf,
    },
    /// Fetch a URL.
    Url(String),
    /// A page taken from a WARC response record.
    Record {
        /// The WARC file.
        warc: PathBuf,
        /// The record's position in the file (0-based, counting every record).
        index: usize,
        /// `WARC-Target-URI`.
        target_uri: Option<String>,
        /// `WARC-Date`.
        date: Option<String>,
        /// The HTTP `Content-Type`.
        content_type: Option<String>,
        /// The HTTP body.
        body: Vec<u8>,
    },
    /// An input that could not even be turned into a page.
    Failed {
        /// The input as the user would recognise it.
        input: String,
        /// Why.
        error: anyhow::Error,
    },
}

/// Expands the inputs into jobs, calling `send` for each in order; stops early when `send`
/// returns `false` (the consumers are gone). Runs on its own thread, so it never holds more
/// than the one job being sent.
pub(crate) fn produce(args: &[Arg], max_bytes: u64, send: &mut dyn FnMut(Job) -> bool) {
    for arg in args {
        let go_on = match arg {
            Arg::Stdin => send(Job::Stdin),
            Arg::Url(url) => send(Job::Url(url.clone())),
            Arg::File(path) => send(Job::File { path: path.clone(), out: PathBuf::from(stem(path)) }),
            Arg::Warc(path) => warc_jobs(path, max_bytes, send),
            Arg::Folder(root) => folder_jobs(root, max_bytes, send),
            Arg::UrlList(path) => url_list_jobs(path, send),
            Arg::Unsupported { input, scheme } => send(Job::Failed {
                input: input.clone(),
                error: anyhow::anyhow!(
                    "unsupported scheme `{scheme}`: only http:// and https:// URLs are fetched"
                ),
            }),
        };
        if !go_on {
            return;
        }
    }
}

/// Walks a folder in a stable (sorted) order.
fn folder_jobs(root: &Path, max_bytes: u64, send: &mut dyn FnMut(Job) -> bool) -> bool {
    for entry in walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let input = e.path().unwrap_or(root).display().to_string();
                if !send(Job::Failed {
                    input,
                    error: anyhow::Error::new(e).context("cannot read the folder"),
                }) {
                    return false;
                }
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || !is_page_file(path) {
            continue;
        }
        let go_on = if is_warc(path) {
            warc_jobs(path, max_bytes, send)
        } else {
            let relative = path.strip_prefix(root).unwrap_or(path);
            let out = relative.with_file_name(stem(path));
            send(Job::File { path: path.to_owned(), out })
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// Reads a `--urls` list line by line.
fn url_list_jobs(path: &Path, send: &mut dyn FnMut(Job) -> bool) -> bool {
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        match File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                let error =
                    anyhow::Error::new(e).context(format!("cannot open the URL list {}", path.display()));
                return send(Job::Failed { input: path.display().to_string(), error });
            }
        }
    };
    for line in reader.lines() {
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                let error =
                    anyhow::Error::new(e).context(format!("cannot read the URL list {}", path.display()));
                return send(Job::Failed { input: path.display().to_string(), error });
            }
        };
        let url = line.trim();
        if url.is_empty() || url.starts_with('#') {
            continue;
        }
        if !send(Job::Url(url.to_owned())) {
            return false;
        }
    }
    true
}

/// Opens a WARC file, gunzipping `.warc.gz`.
fn open_warc(path: &Path) -> Result<WarcReader<Box<dyn BufRead>>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let gz = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(BufReader::new(file))))
    } else {
        Box::new(BufReader::new(file))
    };
    Ok(WarcReader::new(reader))
}

/// Sends a job for each successful HTML response record of a WARC file. Other records
/// (requests, metadata, redirects, images) are not pages and are passed over.
fn warc_jobs(path: &Path, max_bytes: u64, send: &mut dyn FnMut(Job) -> bool) -> bool {
    let fail = |index: Option<usize>, error: anyhow::Error| {
        let input = match index {
            Some(i) => format!("{}#{i}", path.display()),
            None => path.display().to_string(),
        };
        Job::Failed { input, error }
    };
    let mut reader = match open_warc(path) {
        Ok(r) => r,
        Err(e) => return send(fail(None, e)),
    };
    for index in 0.. {
        let record = match reader.next_record(max_bytes) {
            Ok(Some(record)) => record,
            Ok(None) => return true,
            Err(e) => return send(fail(Some(index), e.context("cannot read the WARC file"))),
        };
        if !record.kind.eq_ignore_ascii_case("response") {
            continue;
        }
        if let Some(len) = record.too_large {
            let e = anyhow::anyhow!(
                "the record is {len} bytes, more than the limit of {max_bytes} (--max-bytes)"
            );
            if !send(fail(Some(index), e)) {
                return false;
            }
            continue;
        }
        let payload = match warc::http_payload(&record.block, max_bytes) {
            Ok(p) => p,
            Err(e) => {
                if !send(fail(Some(index), e)) {
                    return false;
                }
                continue;
            }
        };
        let html = payload.content_type.as_deref().is_none_or(|ct| {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html") || ct.starts_with("text/plain")
        });
        if !(200..300).contains(&payload.status) || !html {
            continue;
        }
        let job = Job::Record {
            warc: path.to_owned(),
            index,
            target_uri: record.target_uri,
            date: record.date,
            content_type: payload.content_type,
            body: payload.body,
        };
        if !send(job) {
            return false;
        }
    }
    true
}

impl Job {
    /// The input as reported in outputs and errors.
    pub(crate) fn label(&self) -> String {
        match self {
            Job::Stdin => "-".to_owned(),
            Job::File { path, .. } => path.display().to_string(),
            Job::Url(url) => url.clone(),
            Job::Record { warc, index, .. } => format!("{}#{index}", warc.display()),
            Job::Failed { input, .. } => input.clone(),
        }
    }

    /// Output path under `--out`, without extension.
    pub(crate) fn out_path(&self) -> PathBuf {
        match self {
            Job::Stdin => PathBuf::from("stdin"),
            Job::File { out, .. } => out.clone(),
            Job::Url(url) => PathBuf::from(url_name(url)),
            Job::Record { warc, index, .. } => PathBuf::from(stem(warc)).join(index.to_string()),
            Job::Failed { input, .. } => PathBuf::from(url_name(input)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_page_extensions() {
        assert_eq!(stem(Path::new("a/b.html.gz")), "b");
        assert_eq!(stem(Path::new("x.warc.gz")), "x");
        assert_eq!(stem(Path::new("notes.v2.txt")), "notes.v2");
        assert_eq!(stem(Path::new(".html")), ".html");
    }

    #[test]
    fn page_files() {
        for yes in ["a.html", "a.HTM", "a.xhtml.gz", "a.txt", "a.warc", "a.warc.gz"] {
            assert!(is_page_file(Path::new(yes)), "{yes}");
        }
        for no in ["a.json", "a.gz", "html", "a.png"] {
            assert!(!is_page_file(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn url_names_are_safe() {
        assert_eq!(url_name("https://example.com/a/b?c=d"), "example.com_a_b_c_d");
    }
}
