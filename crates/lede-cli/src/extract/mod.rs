//! `lede extract`: pages from files, folders, URLs, WARC files or stdin, extracted in parallel
//! and streamed out.
//!
//! One producer thread expands the inputs into jobs ([`inputs`]) and names their `--out`
//! files ([`output`]); `--jobs` workers load, extract and render each job; the calling thread
//! writes the outputs in input order and keeps the counts ([`collect`]). The queues and the
//! reorder window are bounded, so memory stays flat however many inputs there are.

mod collect;
mod inputs;
mod output;
mod signals;
mod warc;

use std::io::{IsTerminal, Read};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::civil;
use lede_core::{Article, Format, Input, Options};
use serde::Serialize;

use crate::args::{ExtractArgs, OutputFormat};
use crate::fetch::Fetcher;
use crate::{EXIT_ERROR, EXIT_NO_ARTICLE, EXIT_OK};
use collect::{Counts, Outcome, Sink, Status};
use inputs::{Arg, Job};
use output::{Guard, Names};
use signals::{EXIT_INTERRUPTED, Interrupt};

/// Everything a worker needs, shared read-only.
struct Shared {
    /// Core options.
    options: Options,
    /// Output format.
    format: OutputFormat,
    /// The date of the run, the latest plausible date of an article.
    today: civil::Date,
    /// Whether outputs go to files under `--out`.
    to_files: bool,
    /// `--url`, for a single input.
    url: Option<String>,
    /// The HTTP client, when some input is a URL.
    fetcher: Option<Fetcher>,
}

/// One input to extract, numbered in input order.
struct Task {
    /// Its position in the run, from 0.
    seq: usize,
    /// What to read.
    job: Job,
    /// Its `--out` file.
    file: Option<PathBuf>,
}

/// Inputs in flight per worker: how far workers may run ahead of the slowest unwritten
/// input before they wait for it to be written.
const WINDOW_PER_JOB: usize = 16;

/// Runs `lede extract` and returns the exit code.
pub(crate) fn run(args: &ExtractArgs) -> Result<u8> {
    let mut list: Vec<Arg> = args.inputs.iter().map(|i| Arg::parse(i)).collect();
    if let Some(urls) = &args.urls {
        list.push(Arg::UrlList(urls.clone()));
    }
    if list.is_empty() {
        list.push(Arg::Stdin);
    }
    let stdin_uses = list.iter().filter(|a| matches!(a, Arg::Stdin)).count()
        + usize::from(args.urls.as_deref() == Some(Path::new("-")));
    if stdin_uses > 1 {
        bail!("stdin (`-`) can be read only once");
    }
    let batch = list.len() > 1 || list.iter().any(Arg::is_many);
    if batch && args.url.is_some() {
        bail!("--url gives the address of a single input; several inputs were given");
    }
    let format = match (args.format, batch, &args.out) {
        (Some(f), true, None) if f != OutputFormat::Jsonl => {
            bail!("several inputs need --out DIR, or --format jsonl to stream them to stdout")
        }
        (Some(f), _, _) => f,
        (None, true, None) => OutputFormat::Jsonl,
        (None, _, _) => OutputFormat::Core(Format::Json),
    };
    let needs_fetcher = list.iter().any(|a| matches!(a, Arg::Url(_) | Arg::UrlList(_)));
    let fetcher = if needs_fetcher { Some(Fetcher::new(&args.fetch)?) } else { None };
    let (guard, mut names) = match &args.out {
        Some(dir) => {
            let guard = Guard::new(dir, &list)?;
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            let absolute = output::absolute(dir)?;
            (Some(guard), Some(Names::new(&absolute, format.extension(), &list)))
        }
        None => (None, None),
    };
    let interrupt = Interrupt::install()?;
    if list.iter().any(|a| matches!(a, Arg::Stdin)) && std::io::stdin().is_terminal() && !args.quiet {
        // A bare `lede extract` otherwise looks hung.
        eprintln!(
            "lede: reading a page from stdin; paste it and end with Ctrl-D, or pass files, folders or URLs (see lede extract --help)"
        );
    }
    let ctx = Shared {
        options: args.options.options(),
        format,
        today: crate::today(),
        to_files: args.out.is_some(),
        url: args.url.clone(),
        fetcher,
    };
    let jobs = args.jobs.map_or_else(crate::default_jobs, NonZeroUsize::get);
    let show_progress = batch && !args.quiet && !args.no_progress && std::io::stderr().is_terminal();
    let progress = if show_progress { spinner() } else { ProgressBar::hidden() };

    let max_bytes = args.fetch.max_bytes;
    let window = jobs * WINDOW_PER_JOB;
    let (job_tx, job_rx) = sync_channel::<Task>(jobs * 2);
    let (out_tx, out_rx) = sync_channel::<Outcome>(jobs * 2);
    let (ticket_tx, ticket_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = ticket_tx.try_send(());
    }
    let job_rx = Arc::new(Mutex::new(job_rx));
    let sink =
        Sink { ordered: !args.unordered, files: guard.as_ref(), progress: &progress, interrupt: &interrupt };
    let counts = std::thread::scope(|scope| {
        let producer_interrupt = interrupt.clone();
        let list = &list;
        scope.spawn(move || {
            let mut seq = 0;
            inputs::produce(list, max_bytes, &mut |job| {
                if producer_interrupt.is_set() || ticket_rx.recv().is_err() {
                    return false;
                }
                let file = names.as_mut().map(|names| names.assign(&job.out_path()));
                seq += 1;
                job_tx.send(Task { seq: seq - 1, job, file }).is_ok()
            });
        });
        if show_progress {
            // Counting walks the folders a second time, beside the work, so the bar can show
            // a total and an ETA without delaying the first output.
            let progress = &progress;
            scope.spawn(move || {
                if let Some(total) = inputs::count(list) {
                    show_total(progress, total);
                }
            });
        }
        for _ in 0..jobs {
            let (job_rx, out_tx, ctx) = (Arc::clone(&job_rx), out_tx.clone(), &ctx);
            scope.spawn(move || worker(&job_rx, &out_tx, ctx));
        }
        drop(job_rx);
        drop(out_tx);
        let counts = collect::collect(out_rx, ticket_tx, &sink);
        if counts.as_ref().is_ok_and(|c| c.interrupted) {
            progress.finish_and_clear();
            report_interrupt(counts.as_ref().map_or(0, Counts::total), !args.unordered);
            // Workers may be deep in a fetch or a read of stdin: every output written so far
            // is whole, and nothing else needs waiting for.
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
        counts
    });
    progress.finish_and_clear();
    let counts = counts?;
    if counts.total() == 0 {
        bail!("nothing to do: the inputs hold no pages (folders are searched for {})", inputs::PAGE_FILES);
    }
    if !batch && counts.no_article > 0 && !args.quiet {
        eprintln!(
            "lede: no article found: the page reads as something else (a listing, a home page, a form, too little prose); its reading is printed with \"is_article\": false"
        );
    }
    if batch && !args.quiet {
        eprintln!(
            "lede: {} inputs: {} ok, {} no article, {} failed",
            counts.ok + counts.no_article + counts.failed,
            counts.ok,
            counts.no_article,
            counts.failed
        );
    }
    Ok(if counts.failed > 0 {
        EXIT_ERROR
    } else if counts.no_article > 0 {
        EXIT_NO_ARTICLE
    } else {
        EXIT_OK
    })
}

/// A progress spinner counting inputs (their number is not known in advance: inputs stream).
fn spinner() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    if let Some(style) = style("{spinner} {pos} inputs [{elapsed}, {rate}] {msg}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Turns the spinner into a bar once the number of inputs is known.
fn show_total(bar: &ProgressBar, total: u64) {
    if let Some(style) = style("{bar:30} {pos}/{len} inputs [{elapsed}, {rate}, ETA {eta}] {msg}") {
        bar.set_length(total);
        bar.set_style(style);
    }
}

/// A progress style from `template`, with `{rate}` as inputs per second to one decimal.
fn style(template: &str) -> Option<ProgressStyle> {
    let rate = |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.1}/s", state.per_sec());
    };
    ProgressStyle::with_template(template).ok().map(|style| style.with_key("rate", rate))
}

/// Says on stderr how far an interrupted run got.
fn report_interrupt(written: usize, ordered: bool) {
    let which = if ordered { format!(": the first {written} in input order") } else { String::new() };
    eprintln!(
        "lede: interrupted; {written} inputs were written whole{which}; the inputs after them were not written"
    );
}

/// Takes jobs until the queue is empty or the output side is gone.
fn worker(jobs: &Mutex<Receiver<Task>>, out: &SyncSender<Outcome>, ctx: &Shared) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(task) = job else { return };
        if out.send(process(task, ctx)).is_err() {
            return;
        }
    }
}

/// A page ready for the core.
struct Page {
    /// The bytes.
    bytes: Vec<u8>,
    /// Its address.
    url: Option<String>,
    /// HTTP `Content-Type`.
    content_type: Option<String>,
    /// `WARC-Target-URI` and `WARC-Date` for records.
    warc: Option<(Option<String>, Option<String>)>,
    /// Whether the page is a pasted plain-text copy rather than HTML.
    text: bool,
}

/// Loads, extracts and renders one job; the collector writes it.
fn process(task: Task, ctx: &Shared) -> Outcome {
    let Task { seq, job, file } = task;
    let input = job.label();
    let result = load(job, ctx).and_then(|page| {
        let text = page.text.then(|| String::from_utf8_lossy(&page.bytes));
        let mut core_input = match &text {
            Some(text) => Input::text(text),
            None => Input::new(&page.bytes),
        };
        core_input = core_input.with_today(ctx.today);
        if let Some(url) = page.url.as_deref() {
            core_input = core_input.with_url(url);
        }
        if let Some(ct) = page.content_type.as_deref() {
            core_input = core_input.with_content_type(ct);
        }
        let article = lede_core::extract(core_input, &ctx.options).context("cannot extract the article")?;
        Ok((article, page.warc))
    });
    let result = result.and_then(|(article, warc)| {
        let rendered = render(&article, &input, warc.as_ref(), ctx)?;
        Ok((article.is_article, rendered))
    });
    match result {
        Ok((is_article, text)) => {
            let status = if is_article { Status::Ok } else { Status::NoArticle };
            Outcome { seq, input, status, text: Some(text), file, error: None }
        }
        Err(e) => {
            let text = (ctx.format == OutputFormat::Jsonl && !ctx.to_files).then(|| error_record(&input, &e));
            Outcome {
                seq,
                input: input.clone(),
                status: Status::Failed,
                text,
                file: None,
                error: Some((input, e)),
            }
        }
    }
}

/// Reads or fetches a job's bytes.
fn load(job: Job, ctx: &Shared) -> Result<Page> {
    let limit = ctx.options.max_input_bytes as u64;
    let page = |bytes, text| Page { bytes, url: ctx.url.clone(), content_type: None, warc: None, text };
    match job {
        Job::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes).context("cannot read stdin")?;
            let text = is_plain_text(&bytes, None);
            Ok(page(bytes, text))
        }
        Job::File { path, .. } => {
            let file =
                std::fs::File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
            let mut bytes =
                warc::read_limited(file, limit).with_context(|| format!("cannot read {}", path.display()))?;
            let mut name =
                path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
            if let Some(inner) = name.strip_suffix(".gz") {
                bytes = warc::read_limited(flate2::read::MultiGzDecoder::new(&bytes[..]), limit)
                    .with_context(|| format!("cannot gunzip {}", path.display()))?;
                name = inner.to_owned();
            }
            let text = is_plain_text(&bytes, Some(&name));
            Ok(page(bytes, text))
        }
        Job::Url(url) => {
            let fetcher = ctx.fetcher.as_ref().context("internal: no HTTP client for a URL input")?;
            let fetched = fetcher.fetch(&url).with_context(|| format!("cannot fetch {url}"))?;
            Ok(Page {
                bytes: fetched.body,
                url: Some(fetched.url),
                text: fetched.content_type.as_deref().is_some_and(|ct| ct.starts_with("text/plain")),
                content_type: fetched.content_type,
                warc: None,
            })
        }
        Job::Record { target_uri, date, content_type, body, .. } => {
            let text = content_type.as_deref().is_some_and(|ct| ct.starts_with("text/plain"));
            Ok(Page {
                bytes: body,
                url: target_uri.clone(),
                content_type,
                warc: Some((target_uri, date)),
                text,
            })
        }
        Job::Failed { error, .. } => Err(error),
    }
}

/// Whether an input is a pasted plain-text copy, for the core's text path. A file is text by
/// its `.txt` extension; a file of another kind, or stdin, when it does not look like markup.
fn is_plain_text(bytes: &[u8], name: Option<&str>) -> bool {
    let known_html = name.is_some_and(|n| [".html", ".htm", ".xhtml"].iter().any(|e| n.ends_with(e)));
    name.is_some_and(|n| n.ends_with(".txt"))
        || (!known_html && !looks_like_markup(bytes) && !bytes.contains(&0))
}

/// Whether the start of a document looks like HTML or XML.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match head.iter().position(|b| !b.is_ascii_whitespace()) {
        None => true, // empty: let the core say there is no article
        Some(i) if head[i] == b'<' => true,
        Some(_) => {
            let lower = head.to_ascii_lowercase();
            [&b"<html"[..], b"<body", b"<p>", b"<div", b"<!doctype"]
                .iter()
                .any(|tag| lower.windows(tag.len()).any(|w| w == *tag))
        }
    }
}

/// One JSONL line for an extracted article.
#[derive(Serialize)]
struct ArticleRecord<'a> {
    /// The input it came from.
    input: &'a str,
    /// `WARC-Target-URI`, for WARC records.
    #[serde(skip_serializing_if = "Option::is_none")]
    warc_target_uri: Option<&'a str>,
    /// `WARC-Date`, for WARC records.
    #[serde(skip_serializing_if = "Option::is_none")]
    warc_date: Option<&'a str>,
    /// The article's own fields.
    #[serde(flatten)]
    article: &'a Article,
}

/// One JSONL line for an input that failed.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    /// The input.
    input: &'a str,
    /// The error and its causes, joined by `: `.
    error: String,
}

/// The JSONL error line for a failed input.
fn error_record(input: &str, e: &anyhow::Error) -> String {
    let record = ErrorRecord { input, error: format!("{e:#}") };
    // An object of two strings always serialises.
    let mut line = serde_json::to_string(&record).unwrap_or_else(|_| String::from("{}"));
    line.push('\n');
    line
}

/// Renders an article in the chosen format, ending in a newline.
fn render(
    article: &Article,
    input: &str,
    warc: Option<&(Option<String>, Option<String>)>,
    ctx: &Shared,
) -> Result<String> {
    let mut out = match ctx.format {
        // One document (a single input, or a file under --out): the bare article.
        OutputFormat::Core(format) => lede_core::render(article, format),
        OutputFormat::Jsonl => serde_json::to_string(&ArticleRecord {
            input,
            warc_target_uri: warc.and_then(|w| w.0.as_deref()),
            warc_date: warc.and_then(|w| w.1.as_deref()),
            article,
        })?,
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_sniffing() {
        assert!(looks_like_markup(b"  <!doctype html><p>x"));
        assert!(looks_like_markup(b"\xEF\xBB\xBF<html>"));
        assert!(looks_like_markup(b"junk before <div>x</div>"));
        assert!(!looks_like_markup(b" date 2021-12-07 Title\n\nBody text."));
        assert!(looks_like_markup(b""));
    }
}
