//! `lede extract`: one input to stdout (batches arrive in a later step).

use std::io::{Read, Write};

use anyhow::{Context, Result, bail};
use lede_core::{Input, extract};

use crate::args::{ExtractArgs, Format};

/// Runs `lede extract` and returns the exit code.
pub(crate) fn run(args: &ExtractArgs) -> Result<u8> {
    let options = args.options.options();
    if args.inputs.len() > 1 {
        bail!("several inputs are not supported yet");
    }
    let name = args.inputs.first().map_or("-", String::as_str);
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).context("cannot read stdin")?;
        buf
    } else {
        std::fs::read(name).with_context(|| format!("cannot read {name}"))?
    };
    let mut input = Input::new(&bytes);
    if let Some(url) = &args.url {
        input = input.with_url(url);
    }
    let article = extract(input, &options).with_context(|| format!("cannot extract {name}"))?;
    let out = match args.format.unwrap_or(Format::Json) {
        Format::Json => serde_json::to_string_pretty(&article)?,
        Format::Jsonl => serde_json::to_string(&article)?,
        Format::Text => lede_core::to_text(&article),
        Format::Markdown => lede_core::to_markdown(&article),
        Format::Html => lede_core::to_html(&article),
    };
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{out}")?;
    stdout.flush()?;
    Ok(if article.is_article { crate::EXIT_OK } else { crate::EXIT_NO_ARTICLE })
}
