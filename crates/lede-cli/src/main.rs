//! `lede`: extract articles from web pages on the command line.

use std::process::ExitCode;

use anyhow::Context;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> anyhow::Result<()> {
    let path = args.get(1).context("usage: lede extract FILE [json|text|markdown|html]")?;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
    let article = lede_core::extract(lede_core::Input::new(&bytes), &lede_core::Options::default())?;
    let out = match args.get(2).map(String::as_str) {
        Some("text") => lede_core::to_text(&article),
        Some("markdown") => lede_core::to_markdown(&article),
        Some("html") => lede_core::to_html(&article),
        _ => serde_json::to_string_pretty(&article)?,
    };
    println!("{out}");
    Ok(())
}
