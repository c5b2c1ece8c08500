//! Bytes → text (charset sniffing) → article.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(html) = lisible::decode_html(data) {
        let _ = lisible::extract_html(&html, None);
    }
});
