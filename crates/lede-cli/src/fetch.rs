//! Fetching pages over HTTP(S) for `lede extract`.

/// The User-Agent sent unless `--user-agent` says otherwise.
pub(crate) const DEFAULT_USER_AGENT: &str =
    concat!("Mozilla/5.0 (compatible; lede/", env!("CARGO_PKG_VERSION"), "; +https://example.invalid/lede)");
