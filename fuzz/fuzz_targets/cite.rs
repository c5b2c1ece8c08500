//! Citation formatter: every style and locale on articles whose fields are arbitrary strings
//! (fields split on NUL bytes: title, authors (separated by ';'), outlet, site, published,
//! url, source_url, lang, accessed). The decoding is `lisible::fuzzing::cite`, shared with the
//! replay of findings (tests/fuzz_regressions.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lisible::fuzzing::cite(data));
