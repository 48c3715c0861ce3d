//! [`Options`]: what a caller can tune, with documented defaults.

use serde::{Deserialize, Serialize};

/// How to trade precision (no boilerplate) against recall (no lost content).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Focus {
    /// The default: tuned for the best F1. Pages that present themselves as articles get
    /// the article tuning; other pages (listings, products, forums) the recall tuning.
    #[default]
    Balanced,
    /// Drop anything doubtful: fewer stray lines, some lost content.
    Precision,
    /// Keep anything plausible: nothing lost, some boilerplate.
    Recall,
}

/// Extraction options. Every field has a default; JSON input may give any subset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Options {
    /// Precision/recall balance. Default: [`Focus::Balanced`].
    pub focus: Focus,
    /// Keep images as figure blocks and list them in `images`. Default: `true`.
    /// Captions belong to figures, never to `text`, so this never changes `text`.
    pub images: bool,
    /// Keep hyperlinks as link inlines (their text stays either way). Default: `true`.
    pub links: bool,
    /// Keep tables as table blocks. Default: `true`. When `false`, tables are dropped.
    pub tables: bool,
    /// Keep the comment section after the body. Default: `false`.
    pub comments: bool,
    /// Find quotes, speakers, cited outlets and the dateline. Default: `true`.
    pub journalism: bool,
    /// Largest input accepted, in bytes. Default: 32 MiB.
    pub max_input_bytes: usize,
    /// Most DOM nodes built before giving up. Default: 2,000,000.
    pub max_nodes: usize,
    /// Deepest element nesting accepted. Default: 1,024.
    pub max_depth: usize,
    /// Most units of work (steps of the walks over the page's tree) one extraction may
    /// take before it stops with [`Error::WorkBudget`](crate::Error::WorkBudget): the bound
    /// on time that no page shape can escape (pasted text walks no tree and counts none).
    /// Real pages take under 10 units per input byte and under 200 per node, so the
    /// default, 1,000,000,000 (seconds, not minutes, of an optimised build), admits any
    /// page the size limits admit, while a quadratic shape hits it long before a worker's
    /// deadline.
    pub max_work: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            focus: Focus::Balanced,
            images: true,
            links: true,
            tables: true,
            comments: false,
            journalism: true,
            max_input_bytes: 32 * 1024 * 1024,
            max_nodes: 2_000_000,
            max_depth: 1024,
            max_work: 1_000_000_000,
        }
    }
}
