//! What the fuzz targets run on one input (fuzz/fuzz_targets/*.rs), shared with the replay of their
//! findings (tests/fuzz_regressions.rs), so that a replayed finding runs exactly what found it.
//! Not part of the API.

/// The citation formatter on an article whose fields come from `data`, split on NUL bytes: title,
/// authors (separated by ';'), outlet, site, published, url, source_url, lang, accessed. Every style
/// and locale.
pub fn cite(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let mut f = s.split('\0');
    let mut next = || f.next().filter(|x| !x.is_empty()).map(str::to_string);
    let article = crate::Article {
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
    for style in crate::cite::styles() {
        for locale in [None, Some("en"), Some("fr"), Some("ar")] {
            let _ = crate::cite::format(&article, style.id, locale, accessed.as_deref());
        }
    }
}

/// The date parser on `data` with each language hint; panics if it returns anything but an ISO 8601
/// date (YYYY-MM-DD first).
pub fn dates(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for lang in [None, Some("fr"), Some("ar"), Some("en-US"), Some("en"), Some("de"), Some("es")] {
        if let Some(iso) = crate::metadata::dates::parse_date(s, lang) {
            let b = iso.as_bytes();
            assert!(b.len() >= 10 && b[4] == b'-' && b[7] == b'-', "not ISO: {iso:?} from {s:?}");
        }
    }
}
