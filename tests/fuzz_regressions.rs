//! Inputs the fuzzers found (crashes, timeouts, slow units) replayed through the same entry
//! points. Each file in tests/fuzz_regressions/ is one case; its name says which target found it.

use std::path::Path;

#[test]
fn replay_fuzz_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let data = std::fs::read(&path).unwrap_or_default();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let started = std::time::Instant::now();
        if name.starts_with("cite-") {
            lisible::fuzzing::cite(&data);
        } else if name.starts_with("dates-") {
            lisible::fuzzing::dates(&data);
        } else {
            if let Ok(html) = std::str::from_utf8(&data) {
                let _ = lisible::extract_html(html, Some("https://example.org/news/2020/10/04/article.html"));
            }
            if let Ok(html) = lisible::decode_html(&data) {
                let _ = lisible::extract_html(&html, None);
            }
        }
        let took = started.elapsed();
        eprintln!("{name}: {took:?}");
        // The fuzzers' timeout is 10 s; a replayed finding must be far from it (debug build).
        assert!(took.as_secs() < 5, "{name} took {took:?}");
        n += 1;
    }
    assert!(n > 0, "no regression inputs found in {}", dir.display());
}
