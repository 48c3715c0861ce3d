//! The integration tests of `lede-core`: one binary, one module per area, every module going
//! through the helpers in `util.rs`. See `docs/TESTING.md` for what each module checks.
// Tests read fixtures and time runs; the crate itself may not (`clippy.toml`).
#![allow(clippy::disallowed_methods)]

mod bad_input;
mod golden;
mod kind;
mod listing;
mod metadata;
mod products;
mod props;
mod selection;
mod text;
mod util;
