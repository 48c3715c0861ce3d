//! Fuzz target: the pasted-text input (`Input::text`) on arbitrary UTF-8 returns an article
//! (or an error) and never panics or hangs, and every format renders the result.
#![no_main]

use lede_core::{Format, Input, Options, extract, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Text input is already decoded: the fuzzer's bytes count only when they are UTF-8,
    // and lossy decoding would make most mutations land on the same U+FFFD-ridden text.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut options = Options::default();
    options.max_input_bytes = 256 * 1024;
    if let Some(&flags) = data.first() {
        options.journalism = flags & 1 != 0;
        options.images = flags & 2 != 0;
    }
    let input = Input::text(text).with_url("https://example.com/news/2024/01/02/story.html");
    if let Ok(article) = extract(input, &options) {
        for &format in Format::ALL {
            let _ = render(&article, format);
        }
    }
});
