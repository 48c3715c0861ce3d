//! The article model: what extraction produces and every renderer consumes.
//!
//! The JSON form is part of the public contract (see `docs/MODEL.md`): field names are
//! snake_case, absent values are omitted, and the names other tools read (`title`,
//! `authors[].name`, `published`, `site_name`, `text`) never change.

use serde::{Deserialize, Serialize};

use crate::date::DateTime;

/// One extracted article (or the best reading of a page that is not one; see [`Article::is_article`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// The address the page was fetched from, as given by the caller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page's canonical address (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The headline, without a trailing " | Site" suffix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The summary the page gives of itself (meta description, OpenGraph, JSON-LD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The people (or agencies) credited with the article, one entry each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// When the article was first published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
    /// When the article was last modified, if the page says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<DateTime>,
    /// The publication's name ("The Guardian").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// BCP 47 language tag: declared by the page, or detected from the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Text direction of the body: `rtl` for right-to-left scripts, omitted for left-to-right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// Keywords and tags the page declares.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The section of the publication ("Politics").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The main image the page offers for the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_image: Option<Image>,
    /// Every image kept in the body, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
    /// The article body as typed blocks. When the page's HTML carries (almost) no text, as
    /// script-rendered shells do, the body is the `description` as one paragraph and
    /// `confidence` is 0.
    pub body: Vec<Block>,
    /// The body as plain text: blocks separated by a blank line.
    pub text: String,
    /// Number of words in `text` (each CJK character counts as one word).
    pub word_count: usize,
    /// Minutes needed to read the article.
    pub reading_time_minutes: u32,
    /// Where `reading_time_minutes` comes from.
    pub reading_time_source: ReadingTimeSource,
    /// The dateline opening the body ("GENEVA, Jan 23 (Reuters)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Quoted passages with their speakers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// News outlets the body cites as a source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited_outlets: Vec<CitedOutlet>,
    /// Whether the page reads as one article rather than an index, listing, a shop's product
    /// page or an empty page.
    pub is_article: bool,
    /// How sure the extractor is that `body` is the page's main content, from 0 to 1.
    pub confidence: f32,
}

/// A person or organisation credited with an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Author {
    /// The name as the page gives it, without a leading "By".
    pub name: String,
    /// The role the page gives ("Staff Writer", "Editing").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A profile page for the author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Author {
    /// An author with a name only.
    pub fn new(name: impl Into<String>) -> Self {
        Author { name: name.into(), role: None, url: None }
    }
}

/// An image with what the page says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Image {
    /// Absolute address of the image.
    pub url: String,
    /// The `alt` text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// The caption shown with the image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The photo credit ("Peter Klaunzer - Pool/Keystone via Getty Images").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Width in pixels, when declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Height in pixels, when declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// A block of the article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Block {
    /// A heading; `level` 1 to 6.
    Heading {
        /// Heading level, 1 (largest) to 6.
        level: u8,
        /// The heading's inline content.
        content: Vec<Inline>,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The paragraph's inline content.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list.
    List {
        /// Whether the items are numbered.
        ordered: bool,
        /// The items, each a sequence of blocks (usually one paragraph).
        items: Vec<Vec<Block>>,
    },
    /// A block quotation.
    Quote {
        /// The quoted blocks.
        content: Vec<Block>,
    },
    /// Preformatted text or code, whitespace kept.
    Code {
        /// The language, when the markup names it (`class="language-rust"`).
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        /// The text exactly as shown.
        text: String,
    },
    /// An image with its caption and credit.
    Figure {
        /// The image; its `caption` and `credit` are the figure's.
        image: Image,
    },
    /// A table.
    Table {
        /// The table's caption.
        #[serde(skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        /// Rows of cells; header rows first.
        rows: Vec<TableRow>,
    },
}

/// One row of a [`Block::Table`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableRow {
    /// Whether this row is a header row (`<th>` cells or `<thead>`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub header: bool,
    /// The cells' inline content.
    pub cells: Vec<Vec<Inline>>,
}

/// Inline content of a paragraph, heading, list item or table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text, whitespace collapsed.
        text: String,
    },
    /// Emphasised text (`<em>`, `<i>`).
    Emphasis {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// Strongly emphasised text (`<strong>`, `<b>`).
    Strong {
        /// The strong content.
        content: Vec<Inline>,
    },
    /// A hyperlink.
    Link {
        /// Absolute target address.
        href: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// Inline code.
    Code {
        /// The code text.
        text: String,
    },
    /// A line break (`<br>`).
    Break,
}

/// Where a reading time comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReadingTimeSource {
    /// Computed from the word count (see [`crate::READING_WORDS_PER_MINUTE`]; Chinese and
    /// Japanese characters, counted one word each, are read at 500 a minute).
    #[default]
    Computed,
    /// Stated by the page ("4 min read").
    Stated,
}

/// The place-and-agency line that opens a news story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dateline {
    /// The dateline as written, without its trailing dash or colon.
    pub text: String,
    /// The place ("GENEVA", "SANTA FE, N.M.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The wire agency, if named ("Reuters", "AP").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// A quoted passage in the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    /// The words between the quote marks.
    pub text: String,
    /// Who said or wrote them, as named in the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The attribution cue ("said", "according to", "per").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Index of the body block holding the quote (in [`Article::body`]).
    pub block: usize,
    /// Byte offsets of the quoted text within [`Article::text`].
    pub start: usize,
    /// End byte offset (exclusive) within [`Article::text`].
    pub end: usize,
}

/// A news outlet cited as a source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CitedOutlet {
    /// The outlet's normalised name ("The New York Times").
    pub name: String,
    /// Every form in which the body cites it ("The New York Times", "the Times").
    pub mentions: Vec<String>,
}
