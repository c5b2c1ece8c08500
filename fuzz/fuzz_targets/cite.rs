//! Citation formatter: every style and locale on articles whose fields are arbitrary strings
//! (fields split on NUL bytes: title, authors (separated by ';'), outlet, site, published,
//! url, source_url, lang, accessed).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
