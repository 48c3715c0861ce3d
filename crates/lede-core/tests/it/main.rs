//! The integration tests of `lede-core`: one binary, one module per area.

mod text;
