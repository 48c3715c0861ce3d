//! [`Error`]: why extraction could not produce an article at all.

/// Why extraction failed. A page with no article is not an error: it yields an
/// [`Article`](crate::Article) with `is_article == false`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    #[error("input is {size} bytes, more than the limit of {limit}")]
    InputTooLarge {
        /// Size of the input.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The document nests elements deeper than [`Options::max_depth`](crate::Options::max_depth).
    #[error("document nests elements deeper than the limit of {limit}")]
    TooDeep {
        /// The limit in force.
        limit: usize,
    },
    /// The document has more nodes than [`Options::max_nodes`](crate::Options::max_nodes).
    #[error("document has more than {limit} nodes")]
    TooManyNodes {
        /// The limit in force.
        limit: usize,
    },
    /// Extraction did more work than [`Options::max_work`](crate::Options::max_work)
    /// allows: a page shaped so that some stage would take far longer than its size
    /// warrants. Counted, not timed, so the same page always fails the same way.
    #[error("extraction needed more than {limit} units of work")]
    WorkBudget {
        /// The limit in force.
        limit: u64,
    },
    /// The input is not text (an image, an archive, random bytes).
    #[error("input is binary data, not an HTML or text document")]
    Binary,
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
