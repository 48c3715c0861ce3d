//! [`Format`]: the ways an [`Article`](crate::Article) can be rendered, with the name,
//! media type and file extension of each, so the binaries list, parse and label formats
//! from this one table.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An output format for [`render`](crate::render). Its name (`json`, `text`, …) is what
/// `Display`, `FromStr` and serde read and write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// The full article model as pretty-printed JSON (`docs/MODEL.md`).
    #[default]
    Json,
    /// The title and the body as plain text, blocks separated by a blank line.
    Text,
    /// The article as Markdown, with its title and metadata.
    Markdown,
    /// The article as a clean, self-contained HTML document.
    Html,
    /// The article laid out as a reader's pasted copy (` date YYYY-MM-DD title`, bylines,
    /// captions, body), which [`Input::text`](crate::Input::text) reads back.
    Pasted,
}

impl Format {
    /// Every format, in the order the binaries list them.
    pub const ALL: &'static [Format] =
        &[Format::Json, Format::Text, Format::Markdown, Format::Html, Format::Pasted];

    /// The format's name, as written on a command line or in a request.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pasted => "pasted",
        }
    }

    /// A one-line description for help texts (no final period, as clap writes them).
    pub fn description(self) -> &'static str {
        match self {
            Format::Json => "The full article model as pretty-printed JSON",
            Format::Text => "The body as plain text, blocks separated by a blank line",
            Format::Markdown => "The article as Markdown, with its title and metadata",
            Format::Html => "The article as clean HTML",
            Format::Pasted => "The article laid out as a pasted copy, which text input reads back",
        }
    }

    /// The `Content-Type` of the rendered output (always UTF-8).
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Text | Format::Pasted => "text/plain; charset=utf-8",
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text | Format::Pasted => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Reads a format's name, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// A name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown format {:?}: expected one of", self.0)?;
        for (i, format) in Format::ALL.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            f.write_str(format.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownFormat {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_display_fromstr_and_serde() {
        for &format in Format::ALL {
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
            let json = serde_json::to_string(&format).unwrap();
            assert_eq!(json, format!("\"{}\"", format.name()));
            assert_eq!(serde_json::from_str::<Format>(&json).unwrap(), format);
        }
        let err = "docx".parse::<Format>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown format \"docx\": expected one of json, text, markdown, html, pasted"
        );
    }
}
