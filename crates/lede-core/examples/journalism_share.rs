//! Measures the journalism layer's share of extraction time on a folder of HTML pages:
//! `cargo run --release -p lede-core --example journalism_share -- FOLDER [ROUNDS]`.
//!
//! Each round extracts every page with `journalism` on and then off, alternating so that
//! machine noise falls on both; the share is (on − off) / on over all rounds.
// A frontend of the core: it reads pages and times runs, which the crate itself may not (`clippy.toml`).
#![allow(clippy::disallowed_methods)]

use std::time::{Duration, Instant};

use lede_core::{Input, Options, extract};

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(folder) = args.next() else {
        eprintln!("usage: journalism_share FOLDER [ROUNDS]");
        return std::process::ExitCode::from(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut pages: Vec<Vec<u8>> = Vec::new();
    let Ok(entries) = std::fs::read_dir(&folder) else {
        eprintln!("error: cannot list {folder}");
        return std::process::ExitCode::from(2);
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "html") {
            if let Ok(bytes) = std::fs::read(&path) {
                pages.push(bytes);
            }
        }
    }
    let on = Options::default();
    let mut off = Options::default();
    off.journalism = false;
    let (mut t_on, mut t_off) = (Duration::ZERO, Duration::ZERO);
    let (mut quotes, mut outlets) = (0usize, 0usize);
    for round in 0..rounds {
        for page in &pages {
            let start = Instant::now();
            let a = extract(Input::new(page), &on);
            t_on += start.elapsed();
            let start = Instant::now();
            let _ = extract(Input::new(page), &off);
            t_off += start.elapsed();
            if round == 0 {
                if let Ok(a) = a {
                    quotes += a.quotes.len();
                    outlets += a.cited_outlets.len();
                }
            }
        }
    }
    let share = (t_on.as_secs_f64() - t_off.as_secs_f64()) / t_on.as_secs_f64();
    println!(
        "{} pages x {rounds} rounds: journalism on {:.3} s, off {:.3} s, share {:.1}% ({quotes} quotes, {outlets} cited outlets)",
        pages.len(),
        t_on.as_secs_f64(),
        t_off.as_secs_f64(),
        share * 100.0
    );
    std::process::ExitCode::SUCCESS
}
