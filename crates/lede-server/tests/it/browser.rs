//! Browser test placeholder.
