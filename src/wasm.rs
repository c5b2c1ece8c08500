//! The browser binding: the one file that exports to JavaScript. Thin by design: it builds the
//! model (live DOM or snapshot), calls the pure core and converts results with serde.
//!
//! Two modules are built from it (Cargo features, see build.sh): `wasm-analyze` exports the analysis
//! (the content script's and the background's module), `wasm-cite` the citation formatter (the
//! reader page's, loaded on first use). With LTO, a module only holds the code its exports reach.

#[cfg(feature = "wasm-live")]
use crate::dom::live;
#[cfg(feature = "wasm-analyze")]
use crate::dom::{snapshot, Dom};
#[cfg(feature = "wasm-live")]
use crate::model::ClutterHit;
#[cfg(feature = "wasm-analyze")]
use crate::model::PageAnalysis;
#[cfg(feature = "wasm-live")]
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
#[cfg(feature = "wasm-live")]
use wasm_bindgen::JsCast;

/// Attribute carried by hidden clutter; the extension's stylesheet hides `[data-lisible-hidden]`.
pub const HIDDEN_ATTR: &str = "data-lisible-hidden";

#[cfg(feature = "wasm-live")]
thread_local! {
    /// Live nodes of the last analysis, to apply its hits.
    static LAST: RefCell<Option<(Vec<web_sys::Node>, Vec<ClutterHit>)>> = const { RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("lisible: panic: {info}")));
    }));
}

fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

#[cfg(feature = "wasm-analyze")]
fn run(dom: &Dom, url: Option<String>) -> PageAnalysis {
    let opts = crate::Options { url };
    match crate::analyze(dom, &opts) {
        Ok(article) => {
            let hide = article.clutter.iter().filter(|h| h.kind.hide_on_page()).cloned().collect();
            PageAnalysis { article: Some(article), error: None, hide }
        }
        Err(e) => PageAnalysis { article: None, error: Some(e.to_string()), hide: Vec::new() },
    }
}

/// Analyses the live document through web-sys (the `wasm-live` feature: the tests' oracle for the
/// snapshot walker; the extension sends snapshots, see [`analyze_snapshot`]). Remembers the live
/// nodes so that [`hide_clutter`] can apply the result.
#[cfg(feature = "wasm-live")]
#[wasm_bindgen(js_name = analyzeLive)]
pub fn analyze_live(url: Option<String>) -> Result<JsValue, JsError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsError::new("no document"))?;
    let live::LiveDom { dom, nodes } = live::build(&document);
    let analysis = run(&dom, url);
    LAST.with(|l| *l.borrow_mut() = Some((nodes, analysis.hide.clone())));
    to_js(&analysis)
}

/// Analyses a flat snapshot of a page (`extension/snapshot.js`), given as its JSON string (the
/// fast path: one crossing into wasm) or as the array itself. The content script runs this on
/// every page (and the background on big pages and when the page's CSP blocks wasm in the content
/// script); it applies `hide` by index itself.
#[cfg(feature = "wasm-analyze")]
#[wasm_bindgen(js_name = analyzeSnapshot)]
pub fn analyze_snapshot(nodes: JsValue, url: Option<String>) -> Result<JsValue, JsError> {
    let dom = match nodes.as_string() {
        Some(json) => snapshot::build_json(&json),
        None => serde_wasm_bindgen::from_value(nodes)
            .map_err(|e| format!("bad snapshot: {e}"))
            .and_then(snapshot::build),
    }
    .map_err(|e| JsError::new(&e))?;
    to_js(&run(&dom, url))
}

/// Marks the hits of the last [`analyze_live`] with [`HIDDEN_ATTR`]; returns how many.
#[cfg(feature = "wasm-live")]
#[wasm_bindgen(js_name = hideClutter)]
pub fn hide_clutter() -> u32 {
    LAST.with(|l| {
        let last = l.borrow();
        let Some((nodes, hits)) = last.as_ref() else { return 0 };
        let mut n = 0;
        for h in hits {
            if let Some(el) = nodes.get(h.node.index()).and_then(|n| n.dyn_ref::<web_sys::Element>()) {
                if el.set_attribute(HIDDEN_ATTR, h.kind.as_str()).is_ok() {
                    n += 1;
                }
            }
        }
        n
    })
}

/// Formats a citation for an article object (as returned by the analysis).
#[cfg(feature = "wasm-cite")]
#[wasm_bindgen]
pub fn cite(article: JsValue, style: &str, locale: Option<String>, accessed: Option<String>) -> Result<JsValue, JsError> {
    let article: crate::Article =
        serde_wasm_bindgen::from_value(article).map_err(|e| JsError::new(&format!("bad article: {e}")))?;
    let c = crate::cite::format(&article, style, locale.as_deref(), accessed.as_deref())
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&c)
}

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
