//! The multilingual date parser on arbitrary text, with each language hint.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for lang in [None, Some("fr"), Some("ar"), Some("en-US"), Some("en"), Some("de"), Some("es")] {
        if let Some(iso) = lisible::metadata::dates::parse_date(s, lang) {
            // whatever it returns must be an ISO 8601 date: YYYY-MM-DD first
            let b = iso.as_bytes();
            assert!(b.len() >= 10 && b[4] == b'-' && b[7] == b'-', "not ISO: {iso:?} from {s:?}");
        }
    }
});
