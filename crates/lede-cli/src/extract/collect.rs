//! The writing side of `lede extract`: outcomes put back in input order (within a bounded
//! window), written to stdout or to their `--out` files, errors reported, inputs counted.
//!
//! Only this thread writes, one whole output at a time, so a stop between two outputs
//! (a signal, a closed pipe) leaves every file and JSON line complete.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::ProgressBar;

use super::output::Guard;
use super::signals::Interrupt;

/// How one input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// An article was extracted.
    Ok,
    /// Extraction ran, but the page holds no article.
    NoArticle,
    /// The input could not be read, fetched or extracted.
    Failed,
}

/// A worker's result for one input.
pub(crate) struct Outcome {
    /// The input's position in the run, from 0.
    pub(crate) seq: usize,
    /// The input as reported in outputs and errors.
    pub(crate) input: String,
    /// How it ended.
    pub(crate) status: Status,
    /// The rendered output (ending in a newline), or the JSONL error line.
    pub(crate) text: Option<String>,
    /// Its `--out` file, when there is one.
    pub(crate) file: Option<PathBuf>,
    /// The input and its error, for stderr.
    pub(crate) error: Option<(String, anyhow::Error)>,
}

/// Outcome counts.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    /// Inputs extracted.
    pub(crate) ok: usize,
    /// Inputs without an article.
    pub(crate) no_article: usize,
    /// Inputs that failed.
    pub(crate) failed: usize,
    /// Whether a signal stopped the run before every input was written.
    pub(crate) interrupted: bool,
}

impl Counts {
    /// Inputs written or reported.
    pub(crate) fn total(&self) -> usize {
        self.ok + self.no_article + self.failed
    }
}

/// How the collector writes.
pub(crate) struct Sink<'a> {
    /// Write in input order (else as inputs finish).
    pub(crate) ordered: bool,
    /// The `--out` guard, when outputs go to files.
    pub(crate) files: Option<&'a Guard>,
    /// Progress display.
    pub(crate) progress: &'a ProgressBar,
    /// The stop flag.
    pub(crate) interrupt: &'a Interrupt,
}

/// How often a wait for the next outcome looks at the stop flag.
const POLL: Duration = Duration::from_millis(100);

/// Writes outcomes as they come (or, when ordered, as soon as all earlier inputs are
/// written) and counts them. Each written outcome returns a ticket to the producer, which
/// takes one per input: at most as many inputs as there are tickets are in flight, so the
/// reorder buffer stays bounded behind a slow input. Returns early on a signal, and on a
/// stdout error (a closed pipe), which drops the queue and so stops the workers.
pub(crate) fn collect(outcomes: Receiver<Outcome>, tickets: SyncSender<()>, sink: &Sink) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut stdout = std::io::stdout().lock();
    let mut pending = BTreeMap::new();
    let mut next = 0;
    loop {
        if sink.interrupt.is_set() {
            counts.interrupted = true;
            break;
        }
        let outcome = match outcomes.recv_timeout(POLL) {
            Ok(outcome) => outcome,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        sink.progress.inc(1);
        if !sink.ordered {
            emit(outcome, sink, &mut counts, &mut stdout)?;
            let _ = tickets.try_send(());
            continue;
        }
        pending.insert(outcome.seq, outcome);
        while let Some(outcome) = pending.remove(&next) {
            emit(outcome, sink, &mut counts, &mut stdout)?;
            next += 1;
            // The producer may be done and gone: then no one needs the ticket.
            let _ = tickets.try_send(());
        }
    }
    stdout.flush().context("cannot write to stdout")?;
    Ok(counts)
}

/// Writes one outcome and counts it.
fn emit(mut outcome: Outcome, sink: &Sink, counts: &mut Counts, stdout: &mut impl Write) -> Result<()> {
    match (sink.files, &outcome.file, &outcome.text) {
        (Some(guard), Some(path), Some(text)) if outcome.status != Status::Failed => {
            if let Err(e) = guard.write(path, text) {
                outcome.status = Status::Failed;
                outcome.error = Some((outcome.input.clone(), e));
            }
        }
        (None, _, Some(text)) => stdout.write_all(text.as_bytes()).context("cannot write to stdout")?,
        _ => {}
    }
    match outcome.status {
        Status::Ok => counts.ok += 1,
        Status::NoArticle => counts.no_article += 1,
        Status::Failed => counts.failed += 1,
    }
    if let Some((input, error)) = &outcome.error {
        sink.progress.suspend(|| crate::print_error(error, Some(input)));
    }
    if counts.failed > 0 {
        sink.progress.set_message(format!("{} failed", counts.failed));
    }
    Ok(())
}
