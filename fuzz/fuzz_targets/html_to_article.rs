//! HTML → article: the whole native pipeline on arbitrary text. Any panic is a bug.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(html) = std::str::from_utf8(data) {
        let _ = lisible::extract_html(html, Some("https://example.org/news/2020/10/04/article.html"));
    }
});
