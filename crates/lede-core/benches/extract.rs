//! Throughput of extraction on real pages (`benches/pages/`, see `PROVENANCE.md`), of its
//! DOM build alone (lexer, html5ever's tree builder, the arena), and of two baselines:
//! html5ever building a scraper tree (`scraper::Html::parse_document`), and html5ever
//! feeding a sink that keeps nothing. Single thread; every iteration runs over the
//! whole page set, so the reported bytes/s are corpus-wide. See `docs/BENCHMARKS.md`.
// A frontend of the core: it reads pages and times runs, which the crate itself may not (`clippy.toml`).
#![allow(clippy::disallowed_methods)]

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, ParseOpts, QualName, parse_document};
use lede_core::{Input, Options, extract};

/// The benchmark pages, as (name, bytes), in name order: the `*.html` of `benches/pages/`
/// and the fixtures `benches/pages/shared.txt` lists.
fn pages() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("benches/pages");
    let shared = std::fs::read_to_string(dir.join("shared.txt")).expect("benches/pages/shared.txt");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("benches/pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.extend(shared.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| root.join(l)));
    let mut pages: Vec<_> = paths
        .iter()
        .map(|p| {
            // A shared fixture is `<name>/source.html`.
            let named = if p.ends_with("source.html") { p.parent().unwrap() } else { p.as_path() };
            (named.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())
        })
        .collect();
    pages.sort();
    pages
}

fn corpus(c: &mut Criterion) {
    let pages = pages();
    let total: usize = pages.iter().map(|(_, bytes)| bytes.len()).sum();
    let options = Options::default();
    let mut group = c.benchmark_group(format!("corpus_{}_pages", pages.len()));
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);

    group.bench_function("extract", |b| {
        b.iter(|| {
            for (_, bytes) in &pages {
                let input = Input::new(bytes).with_url("https://example.com/news/story.html");
                black_box(extract(black_box(input), &options).ok());
            }
        })
    });
    group.bench_function("lede_parse_dom", |b| {
        b.iter(|| {
            for (_, bytes) in &pages {
                let text = std::str::from_utf8(bytes).expect("benchmark pages are UTF-8");
                black_box(lede_core::bench::parse_dom(black_box(text)).ok());
            }
        })
    });
    group.bench_function("scraper_parse_document", |b| {
        b.iter(|| {
            for (_, bytes) in &pages {
                // The pages are UTF-8; checking it is the decode step scraper needs.
                let text = std::str::from_utf8(bytes).expect("benchmark pages are UTF-8");
                black_box(scraper::Html::parse_document(black_box(text)));
            }
        })
    });
    group.bench_function("html5ever_noop_sink", |b| {
        b.iter(|| {
            for (_, bytes) in &pages {
                let text = std::str::from_utf8(bytes).expect("benchmark pages are UTF-8");
                let sink = parse_document(NoopSink::default(), ParseOpts::default())
                    .one(StrTendril::from_slice(black_box(text)));
                black_box(sink.names.borrow().len());
            }
        })
    });
    group.finish();
}

/// A tree sink that builds nothing: it hands out fresh handles and remembers only element
/// names (the tree builder asks for them). The floor for any html5ever-based parser.
#[derive(Default)]
struct NoopSink {
    /// Name of each handle; non-elements get a placeholder.
    names: RefCell<Vec<QualName>>,
}

impl NoopSink {
    fn new_handle(&self, name: QualName) -> usize {
        let mut names = self.names.borrow_mut();
        names.push(name);
        names.len() - 1
    }
}

fn placeholder() -> QualName {
    QualName::new(None, html5ever::ns!(), html5ever::local_name!(""))
}

impl TreeSink for NoopSink {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> usize {
        usize::MAX
    }
    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.names.borrow(), |names| &names[*target])
    }
    fn create_element(&self, name: QualName, _attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let id = self.new_handle(name);
        if flags.template {
            self.new_handle(placeholder());
        }
        id
    }
    fn create_comment(&self, _text: StrTendril) -> usize {
        self.new_handle(placeholder())
    }
    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.new_handle(placeholder())
    }
    fn append(&self, _parent: &usize, _child: NodeOrText<usize>) {}
    fn append_based_on_parent_node(&self, _element: &usize, _prev: &usize, _child: NodeOrText<usize>) {}
    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}
    fn get_template_contents(&self, target: &usize) -> usize {
        target + 1
    }
    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, _mode: QuirksMode) {}
    fn append_before_sibling(&self, _sibling: &usize, _child: NodeOrText<usize>) {}
    fn add_attrs_if_missing(&self, _target: &usize, _attrs: Vec<Attribute>) {}
    fn remove_from_parent(&self, _target: &usize) {}
    fn reparent_children(&self, _node: &usize, _new_parent: &usize) {}
}

criterion_group!(benches, corpus);
criterion_main!(benches);
