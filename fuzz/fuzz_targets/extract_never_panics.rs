//! Fuzz target: `extract` on arbitrary bytes returns (an article or an error) and never
//! panics, overflows the stack or hangs. Small limits keep each run fast; they still let the
//! fuzzer reach every stage, and the limits themselves are under test. The work budget is
//! per input and linear in its size: an input that exhausts it found a path whose cost grows
//! faster than the page (which the node cap alone would hide under the timeout), and is
//! reported as a crash.
#![no_main]

use lede_core::{Error, Format, Input, Options, extract, render};
use libfuzzer_sys::fuzz_target;

/// Units of work allowed per input byte, on top of [`WORK_BASE`].
const WORK_PER_BYTE: u64 = 128;
/// Units of work any input may take, however short.
const WORK_BASE: u64 = 200_000;

fuzz_target!(|data: &[u8]| {
    let mut options = Options::default();
    options.max_input_bytes = 256 * 1024;
    options.max_nodes = 20_000;
    options.max_depth = 256;
    // Real pages take under 10 units of work per byte, a depth-256 page a few dozen; a
    // quadratic path on a few kilobytes takes far more.
    options.max_work = WORK_PER_BYTE * data.len() as u64 + WORK_BASE;
    // The first byte picks a few options, so the fuzzer explores them too.
    if let Some(&flags) = data.first() {
        options.images = flags & 1 != 0;
        options.links = flags & 2 != 0;
        options.tables = flags & 4 != 0;
        options.comments = flags & 8 != 0;
        options.journalism = flags & 16 != 0;
    }
    let input = Input::new(data).with_url("https://example.com/news/2024/01/02/story.html");
    match extract(input, &options) {
        Ok(article) => {
            // Rendering walks the whole model: no format may fail or panic either.
            for &format in Format::ALL {
                let _ = render(&article, format);
            }
        }
        Err(Error::WorkBudget { limit }) => {
            panic!("{} bytes took more than {limit} units of work: a superlinear path", data.len())
        }
        Err(_) => {}
    }
});
