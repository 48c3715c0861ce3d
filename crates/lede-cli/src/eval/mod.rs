//! `lede eval`: scores the extractor on a folder of pages with known-good output.
//!
//! A folder is a set of [`Case`]s; each layout (see `corpus/README.md`) has a module that
//! finds its cases ([`html`] for `<id>.html` + `<id>.json`). To score another layout, add a
//! module that returns cases with a new [`Source`] variant, handle that variant in
//! [`predict`], and list the module in [`discover`].

mod html;
mod metrics;
mod report;
mod text;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use jiff::civil;
use lede_core::{Input, Options};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::args::EvalArgs;
use metrics::{BodyScore, SnippetCounts};

/// One page to score: where its input is and what the right answer is.
#[derive(Debug)]
pub(crate) struct Case {
    /// The file stem shared by the input and its truth.
    pub(crate) id: String,
    /// The input to extract from.
    pub(crate) source: Source,
    /// The known-good output.
    pub(crate) truth: Truth,
}

/// What kind of input a case holds.
#[derive(Debug)]
pub(crate) enum Source {
    /// An HTML page (bytes in any charset).
    Html(PathBuf),
}

/// The ground truth of one page; a field is `None` when the source has no value.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Truth {
    /// The page's address, handed to the extractor as the input URL.
    pub(crate) url: Option<String>,
    /// The headline.
    pub(crate) title: Option<String>,
    /// Author names (or, in `readability/`, the byline verbatim).
    pub(crate) authors: Option<Vec<TruthAuthor>>,
    /// Publication date, ISO 8601.
    pub(crate) date: Option<String>,
    /// The publication's name.
    pub(crate) site_name: Option<String>,
    /// The main content as plain text.
    pub(crate) body: Option<String>,
    /// Snippets the output must contain.
    pub(crate) with: Option<Vec<String>>,
    /// Snippets the output must not contain.
    pub(crate) without: Option<Vec<String>>,
    /// WCXB's page type.
    pub(crate) page_type: Option<String>,
    /// Readability's verdict on whether the page reads as an article (`readability/`).
    pub(crate) readerable: Option<bool>,
}

/// An author in a truth file: a bare name, or an object with a `name` (text labels).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum TruthAuthor {
    /// `"Jane Doe"`.
    Name(String),
    /// `{"name": "Jane Doe", ...}`.
    Full {
        /// The name.
        name: String,
    },
}

impl Truth {
    /// Reads a truth JSON file.
    pub(crate) fn read(path: &Path) -> Result<Truth> {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_slice(&bytes).with_context(|| format!("cannot parse {}", path.display()))
    }

    /// The author names, empty when the truth has none.
    fn author_names(&self) -> Vec<String> {
        let names = self.authors.iter().flatten().map(|a| match a {
            TruthAuthor::Name(name) | TruthAuthor::Full { name } => name.clone(),
        });
        names.filter(|n| !n.trim().is_empty()).collect()
    }
}

/// What the extractor produced for a case, reduced to the scored fields.
#[derive(Debug, Default)]
pub(crate) struct Prediction {
    /// Body text; empty on error.
    pub(crate) text: String,
    /// Title.
    pub(crate) title: Option<String>,
    /// Author names.
    pub(crate) authors: Vec<String>,
    /// Publication day, `YYYY-MM-DD`.
    pub(crate) date: Option<String>,
    /// Site name.
    pub(crate) site_name: Option<String>,
    /// Whether the core judged the page an article.
    pub(crate) is_article: bool,
    /// Why extraction failed, if it did.
    pub(crate) error: Option<String>,
    /// Time spent inside `lede_core::extract` (reading the file excluded).
    pub(crate) elapsed: Duration,
    /// Size of the input.
    pub(crate) bytes: usize,
}

/// Extracts a case. Failures become an empty prediction with the error recorded, as the
/// benchmarks count them.
pub(crate) fn predict(case: &Case, options: &Options, today: civil::Date) -> Prediction {
    match &case.source {
        Source::Html(path) => {
            let bytes = match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(e) => {
                    let error = format!("cannot read {}: {e}", path.display());
                    return Prediction { error: Some(error), ..Prediction::default() };
                }
            };
            let mut input = Input::new(&bytes).with_today(today);
            if let Some(url) = &case.truth.url {
                input = input.with_url(url);
            }
            let start = Instant::now();
            let result = lede_core::extract(input, options);
            let elapsed = start.elapsed();
            let mut prediction = match result {
                Ok(article) => Prediction {
                    date: article.published.as_ref().map(|d| d.date().to_string()),
                    authors: article.authors.into_iter().map(|a| a.name).collect(),
                    text: article.text,
                    title: article.title,
                    site_name: article.site_name,
                    is_article: article.is_article,
                    ..Prediction::default()
                },
                Err(e) => Prediction { error: Some(e.to_string()), ..Prediction::default() },
            };
            prediction.elapsed = elapsed;
            prediction.bytes = bytes.len();
            prediction
        }
    }
}

/// The metadata fields scored, in report order.
pub(crate) const FIELDS: [&str; 4] = ["title", "authors", "date", "site_name"];

/// One page's scores.
#[derive(Debug, Serialize)]
pub(crate) struct PageResult {
    /// Case id.
    pub(crate) id: String,
    /// WCXB page type, when the truth gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) page_type: Option<String>,
    /// ScrapingHub body score; `None` when the truth has no body.
    pub(crate) body: Option<BodyScore>,
    /// WCXB word F1; `None` when the truth has no body.
    pub(crate) word_f1: Option<f64>,
    /// Snippet counts; `None` when the truth has no snippets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) snippets: Option<SnippetCounts>,
    /// For each metadata field the truth has, whether the prediction matched.
    pub(crate) metadata: BTreeMap<&'static str, bool>,
    /// Whether the core judged the page an article.
    pub(crate) is_article: bool,
    /// Whether the truth says the page is an article: its page type is `article`, or
    /// Readability finds it readerable; `None` when the truth does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) article_truth: Option<bool>,
    /// Extraction error, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) error: Option<String>,
    /// Seconds inside `extract`.
    pub(crate) seconds: f64,
    /// Input size in bytes.
    pub(crate) bytes: usize,
}

/// Scores a prediction against its truth.
pub(crate) fn score(case: &Case, p: &Prediction) -> PageResult {
    let t = &case.truth;
    let mut metadata = BTreeMap::new();
    if let Some(title) = t.title.as_deref().filter(|s| !s.trim().is_empty()) {
        metadata.insert("title", metrics::field_matches(p.title.as_deref(), title));
    }
    let authors = t.author_names();
    if !authors.is_empty() {
        metadata.insert("authors", metrics::authors_match(&p.authors, &authors));
    }
    if let Some(date) = t.date.as_deref().filter(|s| !s.trim().is_empty()) {
        let day = metrics::calendar_day(date);
        metadata.insert("date", day.is_some() && day == p.date.as_deref());
    }
    if let Some(site) = t.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
        metadata.insert("site_name", metrics::field_matches(p.site_name.as_deref(), site));
    }
    let snippets = (t.with.is_some() || t.without.is_some()).then(|| {
        let none = Vec::new();
        let with = t.with.as_ref().unwrap_or(&none);
        let without = t.without.as_ref().unwrap_or(&none);
        SnippetCounts::of_page(&p.text, with, without)
    });
    PageResult {
        id: case.id.clone(),
        page_type: t.page_type.clone(),
        body: t.body.as_deref().map(|body| metrics::body_score(&p.text, body)),
        word_f1: t.body.as_deref().map(|body| metrics::word_f1(&p.text, body)),
        snippets,
        metadata,
        is_article: p.is_article,
        article_truth: t.page_type.as_deref().map(|t| t == "article").or(t.readerable),
        error: p.error.clone(),
        seconds: p.elapsed.as_secs_f64(),
        bytes: p.bytes,
    }
}

/// Aggregate scores over a set of pages.
#[derive(Debug, Serialize)]
pub(crate) struct Summary {
    /// Pages in the set.
    pub(crate) pages: usize,
    /// Pages whose extraction failed.
    pub(crate) errors: usize,
    /// Pages whose truth has a body (the body metrics are over these).
    pub(crate) body_pages: usize,
    /// Mean shingle precision.
    pub(crate) precision: Option<f64>,
    /// Mean shingle recall.
    pub(crate) recall: Option<f64>,
    /// F1 of the two means.
    pub(crate) f1: Option<f64>,
    /// Share of pages whose token sequence equals the truth's.
    pub(crate) accuracy: Option<f64>,
    /// Mean WCXB word F1.
    pub(crate) word_f1: Option<f64>,
    /// Snippet counts over all pages, with their F1.
    pub(crate) snippets: Option<SnippetSummary>,
    /// Accuracy of each metadata field, over the pages whose truth has it.
    pub(crate) metadata: BTreeMap<&'static str, FieldSummary>,
    /// How well `is_article` tells articles from other pages, over pages whose truth says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) is_article: Option<ArticleCalls>,
}

/// `is_article` against the truth: an `article` page (or, in `readability/`, a page
/// Readability finds readerable) should be called an article, any other page type
/// (listing, product, forum, ...) or unreadable page should not.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub(crate) struct ArticleCalls {
    /// Pages of type `article`.
    pub(crate) articles: usize,
    /// Of those, pages called articles.
    pub(crate) articles_called: usize,
    /// Pages of any other type.
    pub(crate) others: usize,
    /// Of those, pages not called articles.
    pub(crate) others_not_called: usize,
}

impl ArticleCalls {
    /// Share of pages called right.
    pub(crate) fn accuracy(&self) -> f64 {
        (self.articles_called + self.others_not_called) as f64 / (self.articles + self.others).max(1) as f64
    }
}

/// Snippet counts and F1.
#[derive(Debug, Serialize)]
pub(crate) struct SnippetSummary {
    /// Summed counts.
    #[serde(flatten)]
    pub(crate) counts: SnippetCounts,
    /// 2TP / (2TP + FP + FN).
    pub(crate) f1: Option<f64>,
}

/// One metadata field's score.
#[derive(Debug, Serialize)]
pub(crate) struct FieldSummary {
    /// Pages whose truth has the field.
    pub(crate) pages: usize,
    /// Pages where the prediction matched.
    pub(crate) correct: usize,
    /// `correct / pages`.
    pub(crate) accuracy: f64,
}

/// The mean of the values present, `None` when there are none.
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Aggregates page results as the README defines.
pub(crate) fn summarize(pages: &[&PageResult]) -> Summary {
    let bodies: Vec<&BodyScore> = pages.iter().filter_map(|p| p.body.as_ref()).collect();
    let precision = mean(bodies.iter().filter_map(|b| b.precision));
    let recall = mean(bodies.iter().filter_map(|b| b.recall));
    let accuracy = mean(bodies.iter().map(|b| if b.exact { 1.0 } else { 0.0 }));
    let snippets = pages.iter().filter_map(|p| p.snippets).reduce(|mut a, b| {
        a.add(b);
        a
    });
    let mut metadata = BTreeMap::new();
    for field in FIELDS {
        let results: Vec<bool> = pages.iter().filter_map(|p| p.metadata.get(field).copied()).collect();
        if !results.is_empty() {
            let correct = results.iter().filter(|ok| **ok).count();
            let accuracy = correct as f64 / results.len() as f64;
            metadata.insert(field, FieldSummary { pages: results.len(), correct, accuracy });
        }
    }
    let mut calls = ArticleCalls::default();
    for p in pages.iter().filter(|p| p.error.is_none()) {
        match p.article_truth {
            Some(true) => {
                calls.articles += 1;
                calls.articles_called += usize::from(p.is_article);
            }
            Some(false) => {
                calls.others += 1;
                calls.others_not_called += usize::from(!p.is_article);
            }
            None => {}
        }
    }
    Summary {
        is_article: (calls.articles + calls.others > 0).then_some(calls),
        pages: pages.len(),
        errors: pages.iter().filter(|p| p.error.is_some()).count(),
        body_pages: bodies.len(),
        precision,
        recall,
        f1: precision.zip(recall).map(|(p, r)| metrics::f1(p, r)),
        accuracy,
        word_f1: mean(pages.iter().filter_map(|p| p.word_f1)),
        snippets: snippets.map(|counts| SnippetSummary { counts, f1: counts.f1() }),
        metadata,
    }
}

/// Extraction speed.
#[derive(Debug, Serialize)]
pub(crate) struct Speed {
    /// Worker threads used.
    pub(crate) jobs: usize,
    /// Sum of the time spent inside each `extract` call.
    pub(crate) extract_seconds: f64,
    /// Elapsed time of the whole run, reading files included.
    pub(crate) wall_seconds: f64,
    /// Sum of input sizes.
    pub(crate) bytes: usize,
    /// Pages per second of extraction time (one thread's rate).
    pub(crate) pages_per_second: f64,
    /// Megabytes (10^6 bytes) per second of extraction time.
    pub(crate) megabytes_per_second: f64,
}

/// The full result of an evaluation, as `--json` prints it.
#[derive(Debug, Serialize)]
pub(crate) struct Report {
    /// The folder scored.
    pub(crate) folder: String,
    /// Scores over all pages.
    pub(crate) summary: Summary,
    /// Scores per WCXB page type (empty when the truth has none).
    pub(crate) by_page_type: BTreeMap<String, Summary>,
    /// Speed.
    pub(crate) speed: Speed,
    /// Every page's scores.
    pub(crate) pages: Vec<PageResult>,
}

/// Finds the cases of a folder, whatever its layout.
pub(crate) fn discover(dir: &Path) -> Result<Vec<Case>> {
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    let cases = html::cases(dir)?;
    if cases.is_empty() {
        let has_text = std::fs::read_dir(dir)
            .with_context(|| format!("cannot list {}", dir.display()))?
            .filter_map(|e| e.ok())
            .any(|e| e.path().extension().is_some_and(|x| x == "txt"));
        if has_text {
            bail!("{} holds plain-text pages, which `lede eval` does not score yet", dir.display());
        }
        bail!("{} holds no <id>.html page with an <id>.json truth beside it", dir.display());
    }
    Ok(cases)
}

/// Runs `lede eval`.
pub(crate) fn run(args: &EvalArgs, options: &Options, out: &mut dyn Write) -> Result<()> {
    let today = crate::today();
    if text::is_text_folder(&args.folder) {
        return text::run(args, options, today, out);
    }
    let mut cases = discover(&args.folder)?;
    if let Some(wanted) = &args.page_type {
        cases.retain(|c| c.truth.page_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(wanted)));
        if cases.is_empty() {
            bail!("no page of type {wanted:?} in {}", args.folder.display());
        }
    }
    if let Some(id) = &args.show {
        let case = cases
            .iter()
            .find(|c| &c.id == id)
            .with_context(|| format!("no page {id} in {}", args.folder.display()))?;
        let prediction = predict(case, options, today);
        return report::show(case, &prediction, &score(case, &prediction), out);
    }
    let jobs = args.jobs.map_or_else(crate::default_jobs, std::num::NonZeroUsize::get);
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start worker threads")?;
    let start = Instant::now();
    let pages: Vec<PageResult> =
        pool.install(|| cases.par_iter().map(|case| score(case, &predict(case, options, today))).collect());
    let wall_seconds = start.elapsed().as_secs_f64();

    let extract_seconds: f64 = pages.iter().map(|p| p.seconds).sum();
    let bytes: usize = pages.iter().map(|p| p.bytes).sum();
    let rate = |x: f64| if extract_seconds > 0.0 { x / extract_seconds } else { 0.0 };
    let speed = Speed {
        jobs,
        extract_seconds,
        wall_seconds,
        bytes,
        pages_per_second: rate(pages.len() as f64),
        megabytes_per_second: rate(bytes as f64 / 1e6),
    };
    let all: Vec<&PageResult> = pages.iter().collect();
    let mut types: BTreeMap<String, Vec<&PageResult>> = BTreeMap::new();
    for page in &pages {
        if let Some(t) = &page.page_type {
            types.entry(t.clone()).or_default().push(page);
        }
    }
    let report = Report {
        folder: args.folder.display().to_string(),
        summary: summarize(&all),
        by_page_type: types.iter().map(|(t, p)| (t.clone(), summarize(p))).collect(),
        speed,
        pages,
    };
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report).context("cannot write the report")?;
        writeln!(out)?;
        Ok(())
    } else {
        report::human(&report, args.worst, out)
    }
}
