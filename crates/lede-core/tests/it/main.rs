//! The integration tests of `lede-core`: one binary, one module per area, every module going
//! through the helpers in `util.rs`. See `docs/TESTING.md` for what each module checks.

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
