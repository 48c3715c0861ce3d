//! Fuzz target: `extract` on arbitrary bytes returns (an article or an error) and never
//! panics, overflows the stack or hangs. Small limits keep each run fast; they still let the
//! fuzzer reach every stage, and the limits themselves are under test.
#![no_main]

use lede_core::{Format, Input, Options, extract, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = Options::default();
    options.max_input_bytes = 256 * 1024;
    options.max_nodes = 20_000;
    options.max_depth = 256;
    // The first byte picks a few options, so the fuzzer explores them too.
    if let Some(&flags) = data.first() {
        options.images = flags & 1 != 0;
        options.links = flags & 2 != 0;
        options.tables = flags & 4 != 0;
        options.comments = flags & 8 != 0;
        options.journalism = flags & 16 != 0;
    }
    let input = Input::new(data).with_url("https://example.com/news/2024/01/02/story.html");
    if let Ok(article) = extract(input, &options) {
        // Rendering walks the whole model: no format may fail or panic either.
        for &format in Format::ALL {
            let _ = render(&article, format);
        }
    }
});
