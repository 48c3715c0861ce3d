//! `lede-server`: the Lede HTTP API.

fn main() {}
