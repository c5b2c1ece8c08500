//! Metadata: title, authors, outlet, dates, original source, language, direction.

use crate::dom::Dom;
use crate::model::Metadata;

/// Reads the page's metadata.
pub fn read(dom: &Dom, page_url: Option<&str>) -> Metadata {
    let mut m = Metadata::default();
    if let Some(t) = dom.head().and_then(|h| dom.find(h, "title")) {
        let t = crate::text::normalize_ws(&dom.text_content(t));
        if !t.is_empty() {
            m.title = Some(t);
        }
    }
    m.lang = dom.html().and_then(|h| dom.attr(h, "lang")).map(str::to_string);
    m.url = page_url.map(str::to_string);
    m
}
