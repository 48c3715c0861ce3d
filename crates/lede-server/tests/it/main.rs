//! Integration tests of `lede-server`: the router through `oneshot`, and over real sockets.

mod browser;
mod hardening;
mod routes;
mod schema;
mod socket;
mod ssrf;
mod util;
