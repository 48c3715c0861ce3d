//! `lede`: extract articles from web pages on the command line.
//!
//! This file only parses the arguments, runs the subcommand and turns its outcome into an
//! exit code; each subcommand lives in its own module.

mod args;
mod eval;
mod extract;
mod fetch;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use args::{Cli, Command};

/// Every input was extracted.
const EXIT_OK: u8 = 0;
/// Some inputs held no article.
const EXIT_NO_ARTICLE: u8 = 1;
/// Something failed.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Eval(args) => {
            let mut out = io::stdout().lock();
            eval::run(&args, &args.options.options(), &mut out)
                .and_then(|()| out.flush().map_err(Into::into))
                .map(|()| EXIT_OK)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "lede", &mut io::stdout());
            Ok(EXIT_OK)
        }
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            print_error(&e, None);
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Prints `error: …` (after the input it concerns, if any) and then each cause on its own line.
pub(crate) fn print_error(e: &anyhow::Error, input: Option<&str>) {
    let mut err = io::stderr().lock();
    let _ = match input {
        Some(input) => writeln!(err, "error: {input}: {e}"),
        None => writeln!(err, "error: {e}"),
    };
    for cause in e.chain().skip(1) {
        let _ = writeln!(err, "  caused by: {cause}");
    }
}

/// Whether the error comes from writing to a closed pipe (`lede … | head`), which is a
/// normal way for a reader to stop and not an error.
pub(crate) fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

/// Today's date in UTC: the latest date an article can plausibly carry, which the core
/// takes from its caller since it never reads the clock itself.
pub(crate) fn today() -> jiff::civil::Date {
    jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date()
}

/// Worker threads when `--jobs` is not given: one per core.
pub(crate) fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
