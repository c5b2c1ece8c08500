//! The multilingual date parser on arbitrary text, with each language hint; whatever it returns
//! must be an ISO 8601 date (`lisible::fuzzing::dates`, shared with tests/fuzz_regressions.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lisible::fuzzing::dates(data));
