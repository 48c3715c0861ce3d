//! Human-readable output of `lede eval`: the summary table, the worst pages, and `--show`.

use std::io::Write;

use anyhow::Result;

use super::{Case, FIELDS, PageResult, Prediction, Report, Summary, metrics};

/// A score to three decimals, or `-` when there is none.
fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"))
}

/// Prints the summary, the page-type breakdown and the `worst` pages.
pub(super) fn human(report: &Report, worst: usize, out: &mut dyn Write) -> Result<()> {
    let s = &report.summary;
    writeln!(
        out,
        "{}: {} pages, {} with a body truth, {} extraction errors",
        report.folder, s.pages, s.body_pages, s.errors
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "body (ScrapingHub)  precision {}  recall {}  F1 {}  accuracy {}",
        num(s.precision),
        num(s.recall),
        num(s.f1),
        num(s.accuracy)
    )?;
    writeln!(out, "body (WCXB)         word F1 {}", num(s.word_f1))?;
    if let Some(sn) = &s.snippets {
        writeln!(
            out,
            "snippets            F1 {}  (found {}, missing {}, unwanted {})",
            num(sn.f1),
            sn.counts.tp,
            sn.counts.fn_,
            sn.counts.fp
        )?;
    }
    let fields: Vec<String> = s
        .metadata
        .iter()
        .map(|(name, f)| format!("{name} {:.3} ({}/{})", f.accuracy, f.correct, f.pages))
        .collect();
    writeln!(out, "metadata            {}", fields.join("  "))?;
    if let Some(c) = &s.is_article {
        writeln!(
            out,
            "is_article          accuracy {:.3}: articles called articles {}/{}, other pages called \
             not articles {}/{}",
            c.accuracy(),
            c.articles_called,
            c.articles,
            c.others_not_called,
            c.others
        )?;
    }
    let sp = &report.speed;
    writeln!(
        out,
        "speed               {:.1} pages/s, {:.1} MB/s of single-thread extract time \
         ({:.2} s for {:.1} MB); wall {:.2} s on {} jobs",
        sp.pages_per_second,
        sp.megabytes_per_second,
        sp.extract_seconds,
        sp.bytes as f64 / 1e6,
        sp.wall_seconds,
        sp.jobs
    )?;

    if !report.by_page_type.is_empty() {
        writeln!(out)?;
        write!(
            out,
            "page type      {:>5} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7}",
            "pages", "P", "R", "F1", "acc", "wordF1", "snipF1"
        )?;
        for field in FIELDS {
            write!(out, " {field:>9}")?;
        }
        writeln!(out)?;
        let total = ("all".to_owned(), s);
        for (name, t) in report.by_page_type.iter().map(|(n, t)| (n.clone(), t)).chain([total]) {
            type_row(&name, t, out)?;
        }
    }

    let mut ranked: Vec<&PageResult> = report.pages.iter().filter(|p| p.body.is_some()).collect();
    ranked.sort_by(|a, b| {
        let f = |p: &PageResult| p.body.map_or(0.0, |b| b.f1);
        f(a).total_cmp(&f(b)).then_with(|| a.id.cmp(&b.id))
    });
    if worst > 0 && !ranked.is_empty() {
        writeln!(out)?;
        writeln!(out, "worst {} pages by body F1:", worst.min(ranked.len()))?;
        writeln!(out, "{:<28} {:>6} {:>6} {:>6} {:>7}  metadata wrong", "id", "F1", "P", "R", "wordF1")?;
        for page in ranked.iter().take(worst) {
            let body = page.body.as_ref();
            let failed: Vec<&str> = page.metadata.iter().filter(|(_, ok)| !**ok).map(|(f, _)| *f).collect();
            let mut note = failed.join(",");
            if let Some(t) = &page.page_type {
                note = format!("{note} [{t}]");
            }
            if !page.is_article {
                note.push_str(" (not an article)");
            }
            if let Some(e) = &page.error {
                note = format!("{note} error: {e}");
            }
            writeln!(
                out,
                "{:<28} {:>6} {:>6} {:>6} {:>7}  {}",
                page.id,
                num(body.map(|b| b.f1)),
                num(body.and_then(|b| b.precision)),
                num(body.and_then(|b| b.recall)),
                num(page.word_f1),
                note.trim()
            )?;
        }
    }
    Ok(())
}

/// One row of the page-type table.
fn type_row(name: &str, t: &Summary, out: &mut dyn Write) -> Result<()> {
    write!(
        out,
        "{:<14} {:>5} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7}",
        name,
        t.pages,
        num(t.precision),
        num(t.recall),
        num(t.f1),
        num(t.accuracy),
        num(t.word_f1),
        num(t.snippets.as_ref().and_then(|s| s.f1))
    )?;
    for field in FIELDS {
        write!(out, " {:>9}", num(t.metadata.get(field).map(|f| f.accuracy)))?;
    }
    writeln!(out)?;
    Ok(())
}

/// Splits text into its non-empty lines, whitespace collapsed, for a line diff.
fn lines(text: &str) -> String {
    let mut s = String::new();
    for line in text.lines().map(metrics::collapse_whitespace).filter(|l| !l.is_empty()) {
        s.push_str(&line);
        s.push('\n');
    }
    s
}

/// `--show`: one page's scores, its metadata side by side, the snippets that failed, and a
/// unified diff of truth (`-`) against prediction (`+`), one line per text line.
pub(super) fn show(case: &Case, p: &Prediction, r: &PageResult, out: &mut dyn Write) -> Result<()> {
    let t = &case.truth;
    writeln!(out, "page {}  url {}", case.id, t.url.as_deref().unwrap_or("-"))?;
    if let Some(e) = &p.error {
        writeln!(out, "error: {e}")?;
    }
    let body = r.body.as_ref();
    writeln!(
        out,
        "body F1 {}  P {}  R {}  exact {}  word F1 {}  is_article {}  {:.1} ms",
        num(body.map(|b| b.f1)),
        num(body.and_then(|b| b.precision)),
        num(body.and_then(|b| b.recall)),
        body.is_some_and(|b| b.exact),
        num(r.word_f1),
        p.is_article,
        p.elapsed.as_secs_f64() * 1e3
    )?;
    let truth_authors = t.author_names().join(" | ");
    let rows = [
        ("title", p.title.clone(), t.title.clone()),
        ("authors", Some(p.authors.join(" | ")), Some(truth_authors)),
        ("date", p.date.clone(), t.date.clone()),
        ("site_name", p.site_name.clone(), t.site_name.clone()),
    ];
    for (field, predicted, truth) in rows {
        let mark = match r.metadata.get(field) {
            Some(true) => "ok  ",
            Some(false) => "FAIL",
            None => "    ",
        };
        writeln!(out, "{mark} {field:<9} predicted: {}", predicted.unwrap_or_default())?;
        writeln!(out, "     {:<9} truth:     {}", "", truth.unwrap_or_default())?;
    }
    let text = metrics::collapse_whitespace(&p.text);
    for s in t.with.iter().flatten() {
        if !text.contains(&metrics::collapse_whitespace(s)) {
            writeln!(out, "missing snippet: {s}")?;
        }
    }
    for s in t.without.iter().flatten() {
        let s2 = metrics::collapse_whitespace(s);
        if !s2.is_empty() && text.contains(&s2) {
            writeln!(out, "unwanted snippet: {s}")?;
        }
    }
    writeln!(out)?;
    let (truth_lines, pred_lines) = (lines(t.body.as_deref().unwrap_or("")), lines(&p.text));
    if truth_lines == pred_lines {
        writeln!(out, "(the predicted text is identical to the truth, line by line)")?;
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(&truth_lines, &pred_lines);
    write!(out, "{}", diff.unified_diff().context_radius(2).header("truth", "predicted"))?;
    Ok(())
}
