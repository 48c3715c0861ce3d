//! Text folders: `<id>.txt` pasted copies with `<id>.json` labels (the `corpus/text` layout).
//!
//! Scores per copy whether title, authors, date, dateline, the first body sentence and the
//! image captions with their credits are right, and over all copies outlet precision and recall, quote recall and speaker accuracy.
//! Strings are compared with whitespace collapsed, since hard-wrapped copy is joined into
//! paragraphs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use jiff::civil;
use lede_core::{Article, Input, Options};
use serde::{Deserialize, Serialize};

use crate::args::{EvalArgs, Split};

/// Whether `dir` holds `<id>.txt` files with a `<id>.json` label beside them.
pub(crate) fn is_text_folder(dir: &Path) -> bool {
    list(dir).is_ok_and(|cases| !cases.is_empty())
}

/// The `(id, txt, json)` triples of a folder, sorted by id.
fn list(dir: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry.with_context(|| format!("cannot list {}", dir.display()))?.path();
        let Some(id) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".txt")) else {
            continue;
        };
        let label = dir.join(format!("{id}.json"));
        if label.is_file() {
            cases.push((id.to_owned(), path.clone(), label));
        }
    }
    cases.sort();
    Ok(cases)
}

/// A label in the `corpus/text` format (the fields scored).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Label {
    date: Option<String>,
    title: Option<String>,
    authors: Vec<LabelAuthor>,
    dateline: Option<String>,
    body_first_sentence: Option<String>,
    cited_outlets: Vec<String>,
    quotes: Vec<LabelQuote>,
    image_captions: Vec<LabelCaption>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LabelCaption {
    caption: Option<String>,
    credit: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LabelAuthor {
    name: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LabelQuote {
    text: String,
    speaker: Option<String>,
}

/// One copy's scores.
#[derive(Debug, Default, Serialize)]
struct CopyResult {
    id: String,
    title: bool,
    authors: bool,
    date: bool,
    dateline: bool,
    first_sentence: bool,
    captions: bool,
    outlets_found: usize,
    outlets_right: usize,
    outlets_labelled: usize,
    quotes_labelled: usize,
    quotes_found: usize,
    quotes_matched: usize,
    speakers_right: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    misses: Vec<String>,
    seconds: f64,
}

/// Aggregate scores.
#[derive(Debug, Serialize)]
struct TextSummary {
    texts: usize,
    title: f64,
    authors: f64,
    date: f64,
    dateline: f64,
    first_sentence: f64,
    captions: f64,
    outlet_precision: f64,
    outlet_recall: f64,
    quote_recall: f64,
    quote_precision: f64,
    speaker_accuracy: f64,
    extract_seconds: f64,
}

/// Scores a text folder and prints the report.
pub(crate) fn run(args: &EvalArgs, options: &Options, today: civil::Date, out: &mut dyn Write) -> Result<()> {
    let cases = list(&args.folder)?;
    let mut results = Vec::with_capacity(cases.len());
    for (id, txt, json) in &cases {
        if args.show.as_ref().is_some_and(|s| s != id) || args.split.is_some_and(|s| !in_split(id, s)) {
            continue;
        }
        let text = std::fs::read_to_string(txt).with_context(|| format!("cannot read {}", txt.display()))?;
        let label: Label = serde_json::from_slice(
            &std::fs::read(json).with_context(|| format!("cannot read {}", json.display()))?,
        )
        .with_context(|| format!("cannot parse {}", json.display()))?;
        let start = Instant::now();
        let article = lede_core::extract(Input::text(&text).with_today(today), options)?;
        let seconds = start.elapsed().as_secs_f64();
        let mut result = score(&article, &label);
        result.id = id.clone();
        result.seconds = seconds;
        if args.show.is_some() {
            serde_json::to_writer_pretty(&mut *out, &article).context("cannot write the article")?;
            writeln!(out)?;
        }
        results.push(result);
    }
    let summary = summarize(&results);
    if args.json {
        let report = serde_json::json!({ "folder": args.folder.display().to_string(), "summary": summary, "texts": results });
        serde_json::to_writer_pretty(&mut *out, &report).context("cannot write the report")?;
        writeln!(out)?;
        return Ok(());
    }
    let s = &summary;
    let half = match args.split {
        Some(Split::Even) => " (even half)",
        Some(Split::Odd) => " (odd half)",
        None => "",
    };
    writeln!(out, "{}: {} texts{half}", args.folder.display(), s.texts)?;
    writeln!(
        out,
        "fields    title {:.3}  authors {:.3}  date {:.3}  dateline {:.3}  first sentence {:.3}  captions {:.3}",
        s.title, s.authors, s.date, s.dateline, s.first_sentence, s.captions
    )?;
    writeln!(out, "outlets   precision {:.3}  recall {:.3}", s.outlet_precision, s.outlet_recall)?;
    writeln!(
        out,
        "quotes    recall {:.3}  precision {:.3}  speaker accuracy {:.3}",
        s.quote_recall, s.quote_precision, s.speaker_accuracy
    )?;
    writeln!(out, "speed     {:.4} s of extract time", s.extract_seconds)?;
    for r in results.iter().filter(|r| !r.misses.is_empty()) {
        writeln!(out, "  {}: {}", r.id, r.misses.join("; "))?;
    }
    Ok(())
}

/// Whether a copy belongs to a half: the parity of the digits in its id (`00` is even, an
/// id without digits is in neither).
fn in_split(id: &str, split: Split) -> bool {
    let digits: String = id.chars().filter(char::is_ascii_digit).collect();
    match digits.parse::<u64>() {
        Ok(n) => (n % 2 == 0) == (split == Split::Even),
        Err(_) => false,
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An outlet or speaker name for comparison: lower case, no leading article.
fn norm_name(s: &str) -> String {
    let s = squash(s).to_lowercase();
    s.strip_prefix("the ").map(str::to_owned).unwrap_or(s)
}

/// Speakers agree when equal, when one contains the other, or on the last name.
fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let (a, b) = (norm_name(a), norm_name(b));
            a == b || a.contains(&b) || b.contains(&a) || a.split(' ').next_back() == b.split(' ').next_back()
        }
        _ => false,
    }
}

/// The body after the dateline and its separator, whitespace collapsed.
fn body_after_dateline(article: &Article) -> String {
    let text = article.text.as_str();
    let rest = match &article.dateline {
        Some(d) if text.starts_with(&d.text) => {
            text[d.text.len()..].trim_start_matches([' ', '-', '—', '–', '−', ':', '\n'])
        }
        _ => text,
    };
    squash(rest)
}

fn score(article: &Article, label: &Label) -> CopyResult {
    let mut r = CopyResult::default();
    let mut misses = Vec::new();
    r.title = article.title.as_deref().map(squash) == label.title.as_deref().map(squash);
    if !r.title {
        misses.push(format!("title {:?} vs {:?}", article.title, label.title));
    }
    let mut got: Vec<String> = article.authors.iter().map(|a| squash(&a.name)).collect();
    let mut want: Vec<String> = label.authors.iter().map(|a| squash(&a.name)).collect();
    got.sort();
    want.sort();
    r.authors = got == want;
    if !r.authors {
        misses.push(format!("authors {got:?} vs {want:?}"));
    }
    r.date = article.published.map(|d| d.to_string()) == label.date;
    if !r.date {
        misses.push(format!("date {:?} vs {:?}", article.published.map(|d| d.to_string()), label.date));
    }
    let dateline = article.dateline.as_ref().map(|d| squash(&d.text));
    r.dateline = dateline == label.dateline.as_deref().map(squash);
    if !r.dateline {
        misses.push(format!("dateline {dateline:?} vs {:?}", label.dateline));
    }
    r.first_sentence = match &label.body_first_sentence {
        Some(s) => body_after_dateline(article).starts_with(&squash(s)),
        None => article.text.is_empty(),
    };
    if !r.first_sentence {
        let start: String = body_after_dateline(article).chars().take(80).collect();
        misses.push(format!("body starts {start:?}"));
    }
    let pair = |caption: Option<&str>, credit: Option<&str>| (caption.map(squash), credit.map(squash));
    let mut got: Vec<_> =
        article.images.iter().map(|i| pair(i.caption.as_deref(), i.credit.as_deref())).collect();
    let mut want: Vec<_> =
        label.image_captions.iter().map(|c| pair(c.caption.as_deref(), c.credit.as_deref())).collect();
    got.sort();
    want.sort();
    r.captions = got == want;
    if !r.captions {
        misses.push(format!("captions {got:?} vs {want:?}"));
    }
    r.outlets_labelled = label.cited_outlets.len();
    r.outlets_found = article.cited_outlets.len();
    for o in &article.cited_outlets {
        let forms = std::iter::once(&o.name).chain(&o.mentions).map(|f| norm_name(f)).collect::<Vec<_>>();
        if label.cited_outlets.iter().any(|l| forms.contains(&norm_name(l))) {
            r.outlets_right += 1;
        } else {
            misses.push(format!("outlet {} not labelled", o.name));
        }
    }
    r.quotes_labelled = label.quotes.len();
    r.quotes_found = article.quotes.len();
    for q in &label.quotes {
        let text = squash(&q.text);
        match article.quotes.iter().find(|p| squash(&p.text) == text) {
            Some(p) => {
                r.quotes_matched += 1;
                if same_speaker(p.speaker.as_deref(), q.speaker.as_deref()) {
                    r.speakers_right += 1;
                } else {
                    misses.push(format!("speaker of {:?}: {:?} vs {:?}", short(&text), p.speaker, q.speaker));
                }
            }
            None => misses.push(format!("quote missed {:?}", short(&text))),
        }
    }
    r.misses = misses;
    r
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

fn summarize(results: &[CopyResult]) -> TextSummary {
    let n = results.len().max(1) as f64;
    let share = |f: fn(&CopyResult) -> bool| results.iter().filter(|r| f(r)).count() as f64 / n;
    let sum = |f: fn(&CopyResult) -> usize| results.iter().map(f).sum::<usize>();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    TextSummary {
        texts: results.len(),
        title: share(|r| r.title),
        authors: share(|r| r.authors),
        date: share(|r| r.date),
        dateline: share(|r| r.dateline),
        first_sentence: share(|r| r.first_sentence),
        captions: share(|r| r.captions),
        outlet_precision: ratio(sum(|r| r.outlets_right), sum(|r| r.outlets_found)),
        outlet_recall: ratio(sum(|r| r.outlets_right), sum(|r| r.outlets_labelled)),
        quote_recall: ratio(sum(|r| r.quotes_matched), sum(|r| r.quotes_labelled)),
        quote_precision: ratio(sum(|r| r.quotes_matched), sum(|r| r.quotes_found)),
        speaker_accuracy: ratio(sum(|r| r.speakers_right), sum(|r| r.quotes_matched)),
        extract_seconds: results.iter().map(|r| r.seconds).sum(),
    }
}
