//! Single-thread time of whole-page extraction by Lede and by the other Rust extractors,
//! over the 20 pages of lede-core's benchmark (`crates/lede-core/benches/pages/`), with
//! scraper's tree build as the common baseline. Every iteration runs over the whole page
//! set. See `docs/BENCHMARKS.md`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The benchmark pages as UTF-8 text, in path order: the `*.html` of lede-core's
/// `benches/pages/` and the fixtures its `shared.txt` lists.
fn pages() -> Vec<String> {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/lede-core");
    let dir = core.join("benches/pages");
    let shared =
        std::fs::read_to_string(dir.join("shared.txt")).expect("lede-core's benches/pages/shared.txt");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("lede-core's benchmark pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.extend(shared.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| core.join(l)));
    paths.sort();
    paths
        .iter()
        .map(|p| String::from_utf8(std::fs::read(p).unwrap()).expect("benchmark pages are UTF-8"))
        .collect()
}

const URL: &str = "https://example.com/news/story.html";

fn peers(c: &mut Criterion) {
    let pages = pages();
    let total: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group(format!("peers_{}_pages", pages.len()));
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);

    let options = lede_core::Options::default();
    group.bench_function("lede", |b| {
        b.iter(|| {
            for page in &pages {
                let input = lede_core::Input::new(page.as_bytes()).with_url(URL);
                black_box(lede_core::extract(black_box(input), &options).ok());
            }
        })
    });
    group.bench_function("dom_smoothie", |b| {
        b.iter(|| {
            for page in &pages {
                let mut readability =
                    dom_smoothie::Readability::new(black_box(page.as_str()), Some(URL), None)
                        .expect("a valid URL");
                black_box(readability.parse().ok());
            }
        })
    });
    group.bench_function("rs_trafilatura", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(rs_trafilatura::extract(black_box(page)).ok());
            }
        })
    });
    group.bench_function("scraper_parse_document", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(scraper::Html::parse_document(black_box(page)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, peers);
criterion_main!(benches);
