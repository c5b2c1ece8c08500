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
            replay_cite(&data);
        } else if name.starts_with("dates-") {
            replay_dates(&data);
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

/// As fuzz/fuzz_targets/cite.rs: fields split on NUL (title, authors separated by ';', outlet,
/// site, published, url, source_url, lang, accessed), every style and locale.
fn replay_cite(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let mut f = s.split('\0');
    let mut next = || f.next().filter(|x| !x.is_empty()).map(str::to_string);
    let article = lisible::Article {
        title: next(),
        authors: next().map(|a| a.split(';').map(str::to_string).collect()).unwrap_or_default(),
        outlet: next(),
        site_name: next(),
        published: next(),
        url: next(),
        source_url: next(),
        lang: next(),
        ..Default::default()
    };
    let accessed = next();
    for style in lisible::cite::styles() {
        for locale in [None, Some("en"), Some("fr"), Some("ar")] {
            let _ = lisible::cite::format(&article, style.id, locale, accessed.as_deref());
        }
    }
}

/// As fuzz/fuzz_targets/dates.rs.
fn replay_dates(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for lang in [None, Some("fr"), Some("ar"), Some("en-US"), Some("en"), Some("de"), Some("es")] {
        if let Some(iso) = lisible::metadata::dates::parse_date(s, lang) {
            let b = iso.as_bytes();
            assert!(b.len() >= 10 && b[4] == b'-' && b[7] == b'-', "not ISO: {iso:?} from {s:?}");
        }
    }
}
