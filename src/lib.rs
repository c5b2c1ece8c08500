//! Lisible's core: finds the article, its metadata and the clutter on a news page, and formats
//! citations. Pure Rust over an arena DOM ([`dom::Dom`]); the browser binding is [`wasm`] (the
//! only file that touches wasm-bindgen / web-sys besides the live-DOM builder).
//!
//! Pipeline (one module per phase):
//! `dom` (build the model) → [`clutter`] (what is not the article) → [`metadata`] (title, authors,
//! outlet, dates, source) → [`extract`] (the article body) → [`sanitize`] (allow-list HTML + text)
//! → [`cite`] (citations).
//!
//! ```
//! let html = "<html><head><title>Hi</title></head><body><article><p>Some text.</p></article></body></html>";
//! let result = lisible::extract_html(html, None);
//! assert!(result.is_err() || result.is_ok()); // never panics
//! ```
#![deny(unsafe_code)]

pub mod cite;
pub mod clutter;
pub mod dom;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod metadata;
pub mod model;
pub mod sanitize;
pub mod text;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{Article, ClutterHit, ClutterKind, Error, Metadata};

use dom::Dom;

/// What the caller knows about the page besides its DOM.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page URL (base for relative links; last-resort date source).
    pub url: Option<String>,
}

/// Runs the whole analysis on a document model.
///
/// Returns [`Error::NoArticle`] when the page has no article (the clutter is still reported
/// through [`analyze_clutter`]).
pub fn analyze(dom: &Dom, opts: &Options) -> Result<Article, Error> {
    let clutter = clutter::detect(dom);
    let meta = metadata::read(dom, opts.url.as_deref());
    let body = extract::grab(dom, &clutter, &meta).ok_or(Error::NoArticle)?;
    let base = document_base(dom, opts.url.as_deref().or(meta.url.as_deref()));
    let rendered = sanitize::render(dom, &body, base.as_deref());
    if rendered.text.trim().is_empty() {
        return Err(Error::NoArticle);
    }
    let word_count = text::word_count(&rendered.text);
    let lang = meta.lang.clone();
    let excerpt = meta.excerpt.clone().or_else(|| text::first_paragraph(&rendered.text));
    Ok(Article {
        title: meta.title,
        authors: meta.authors,
        outlet: meta.outlet,
        site_name: meta.site_name,
        published: meta.published,
        modified: meta.modified,
        dir: meta.dir.or_else(|| Some(text::direction_of(&rendered.text).to_string())),
        lang,
        url: meta.url.or_else(|| opts.url.clone()),
        source_url: meta.source_url,
        excerpt,
        reading_minutes: text::reading_minutes(&rendered.text, meta.lang.as_deref()),
        content_html: rendered.html,
        text: rendered.text,
        word_count,
        readerable: body.readerable,
        clutter: clutter.into_iter().filter(|h| !dom.contains(h.node, body.root)).collect(),
        provenance: meta.provenance,
    })
}

/// The URL relative links resolve against, as in a browser: the first `<base href>` resolved
/// against the page URL, else the page URL. A base that is not http(s) is ignored (the serializer
/// would drop every link resolved against it anyway).
fn document_base(dom: &Dom, page: Option<&str>) -> Option<String> {
    let href = dom.find_all(Dom::ROOT, "base").find_map(|n| dom.attr(n, "href"));
    if let Some(href) = href {
        let resolved = url::resolve(page, href);
        if matches!(url::scheme(&resolved).as_deref(), Some("http" | "https")) {
            return Some(resolved);
        }
    }
    page.map(str::to_string)
}

/// Clutter only (the in-page clean mode on a page that is not an article).
pub fn analyze_clutter(dom: &Dom) -> Vec<ClutterHit> {
    clutter::detect(dom)
}

/// Largest page (bytes of HTML) the core analyses: real article pages stay under a few MB; a
/// 50 MB page gets a clear error instead of seconds of parsing.
pub const MAX_PAGE_BYTES: usize = 24 * 1024 * 1024;

/// Parses HTML natively (html5ever) and analyses it.
#[cfg(not(target_arch = "wasm32"))]
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Article, Error> {
    let dom = parse_checked(html)?;
    analyze(&dom, &Options { url: url.map(str::to_string) })
}

/// [`extract_html`] for a page the caller hands over: its text is freed as soon as it is parsed
/// (the arena keeps what the analysis reads), which lowers the memory peak of a huge page by the
/// page's size (issue 7: a 1,000,000-element page within 10× its size).
#[cfg(not(target_arch = "wasm32"))]
pub fn extract_html_owned(html: String, url: Option<&str>) -> Result<Article, Error> {
    let dom = parse_checked(&html)?;
    drop(html);
    analyze(&dom, &Options { url: url.map(str::to_string) })
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_checked(html: &str) -> Result<Dom, Error> {
    if html.len() > MAX_PAGE_BYTES {
        return Err(Error::TooLarge(format!(
            "{:.1} MB of HTML (the limit is {} MB)",
            html.len() as f64 / 1_048_576.0,
            MAX_PAGE_BYTES / 1_048_576
        )));
    }
    let dom = dom::html::parse(html);
    if dom.html().is_none() {
        return Err(Error::NotHtml("no <html> element".into()));
    }
    Ok(dom)
}

/// Decodes page bytes to text as a browser would: byte-order mark, then a `<meta charset>` or
/// `http-equiv="content-type"` declaration in the first 1024 bytes, then UTF-8 when the bytes are
/// valid UTF-8, else windows-1252. Rejects input that is clearly not text (NUL bytes).
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_html(bytes: &[u8]) -> Result<String, Error> {
    use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
    let head = &bytes[..bytes.len().min(8192)];
    let bom = Encoding::for_bom(bytes);
    if bom.is_none() && head.contains(&0) {
        return Err(Error::NotHtml("binary data (NUL bytes)".into()));
    }
    // Bytes that are valid UTF-8 with multi-byte sequences are UTF-8 whatever a meta tag says: legacy
    // text is almost never valid UTF-8 by accident, while pages re-saved as UTF-8 keep their old
    // declaration (Readability's qq page declares gb2312).
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let encoding = match bom {
        Some((enc, _)) => enc,
        None if utf8 && !bytes.is_ascii() => UTF_8,
        None => match prescan_charset(&bytes[..bytes.len().min(1024)]) {
            // A page declaring UTF-16 in a meta tag is read as UTF-8, as the HTML standard says.
            Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => UTF_8,
            Some(enc) => enc,
            None if utf8 => UTF_8,
            None => WINDOWS_1252,
        },
    };
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

/// Finds a charset declared by a `<meta>` tag in `head` (the HTML standard's prescan, simplified:
/// `charset=` inside a `<meta` tag, quoted or not).
#[cfg(not(target_arch = "wasm32"))]
fn prescan_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            while let Some((&b, r)) = rest.split_first() {
                if b == b'=' || b == b' ' || b == b'"' || b == b'\'' {
                    rest = r;
                } else {
                    break;
                }
            }
            let label_end = rest.iter().position(|b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>')).unwrap_or(rest.len());
            if let Some(enc) = encoding_rs::Encoding::for_label(&rest[..label_end]) {
                return Some(enc);
            }
        }
        from = end.max(start + 1);
    }
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_legacy_charsets() {
        // "مرحبا" in windows-1256, declared by a meta tag
        let mut page = b"<html><head><meta charset=\"windows-1256\"></head><body><p>".to_vec();
        page.extend_from_slice(&[0xE3, 0xD1, 0xCD, 0xC8, 0xC7]);
        page.extend_from_slice(b"</p></body></html>");
        assert!(decode_html(&page).unwrap().contains("مرحبا"));
        // "été" in ISO-8859-1 via http-equiv
        let mut page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>".to_vec();
        page.extend_from_slice(&[0xE9, 0x74, 0xE9]);
        assert!(decode_html(&page).unwrap().contains("été"));
    }

    #[test]
    fn base_href_is_the_base_of_relative_urls() {
        let dom = dom::html::parse("<html><head><base href='/static/'><base href='https://other.example/'></head><body></body></html>");
        assert_eq!(document_base(&dom, Some("https://news.example/a/b.html")).as_deref(), Some("https://news.example/static/"));
        let dom = dom::html::parse("<html><head><base href='javascript:alert(1)//'></head><body></body></html>");
        assert_eq!(document_base(&dom, Some("https://news.example/a")).as_deref(), Some("https://news.example/a"));
        let dom = dom::html::parse("<p>x</p>");
        assert_eq!(document_base(&dom, None), None);
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_declaration() {
        let page = "<html><head><meta charset=\"gb2312\"></head><body><p>人工智能</p></body></html>";
        assert!(decode_html(page.as_bytes()).unwrap().contains("人工智能"));
    }

    #[test]
    fn utf8_by_default_and_windows_1252_for_invalid_bytes() {
        assert_eq!(decode_html("<p>مرحبا</p>".as_bytes()).unwrap(), "<p>مرحبا</p>");
        assert_eq!(decode_html(&[b'<', b'p', b'>', 0xE9]).unwrap(), "<p>é");
        assert!(matches!(decode_html(&[0, 1, 2, 3]), Err(Error::NotHtml(_))));
    }
}
