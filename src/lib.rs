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
    let base = meta.url.as_deref().or(opts.url.as_deref());
    let rendered = sanitize::render(dom, &body, opts.url.as_deref().or(base));
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

/// Clutter only (the in-page clean mode on a page that is not an article).
pub fn analyze_clutter(dom: &Dom) -> Vec<ClutterHit> {
    clutter::detect(dom)
}

/// Parses HTML natively (html5ever) and analyses it.
#[cfg(not(target_arch = "wasm32"))]
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Article, Error> {
    let dom = dom::html::parse(html);
    if dom.html().is_none() {
        return Err(Error::NotHtml("no <html> element".into()));
    }
    analyze(&dom, &Options { url: url.map(str::to_string) })
}

/// Decodes page bytes to text: BOM, then `<meta charset>` in the first 1024 bytes, else UTF-8
/// (invalid sequences replaced). Rejects input that is clearly not text (NUL bytes).
pub fn decode_html(bytes: &[u8]) -> Result<String, Error> {
    if bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0 && !bytes.starts_with(&[0xFF, 0xFE]) && !bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::NotHtml("binary data (NUL bytes)".into()));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    Ok(String::from_utf8_lossy(bytes).into_owned())
}
