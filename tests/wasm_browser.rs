//! wasm-bindgen tests in a real browser (headless Chromium or Firefox, see build.sh):
//! `CHROMEDRIVER=/usr/bin/chromedriver scripts/wasm-cargo test --target wasm32-unknown-unknown --test wasm_browser`
//! The live-DOM walker and the content script's snapshot walker (extension/snapshot.js) must give
//! the same model and so the same analysis; hiding marks exactly the hide list; deep pages are fine.
#![cfg(target_arch = "wasm32")]

use lisible::dom::{live, snapshot, Dom, NodeId};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MAGHRESS: &str = include_str!("fixtures/pages/maghress-fr/source.html");
const SNAPSHOT_JS: &str = include_str!("../extension/snapshot.js");

#[wasm_bindgen(inline_js = "
export function parse_html(s) { return new DOMParser().parseFromString(s, 'text/html'); }
export function load_script(src) { (0, eval)(src); }
export function snapshot_of(doc) { return globalThis.lisibleSnapshot(doc).flat; }
export function max_buildable_depth() {
  // Building a deep tree is quadratic in Gecko (5,000 levels took 8 s here, 100,000 never
  // finished); Chromium builds 100,000 levels top-down in about 150 ms.
  return navigator.userAgent.includes('Firefox') ? 2000 : 100000;
}
export function nested_document(depth) {
  // A document that is not rendered: layout of a 100,000-deep tree would stall the page.
  const doc = document.implementation.createHTMLDocument('deep');
  // Top-down (appending a deep subtree instead is quadratic in Chromium).
  let cur = doc.body;
  for (let i = 0; i < depth; i++) { const d = doc.createElement('div'); cur.appendChild(d); cur = d; }
  cur.textContent = 'deep';
  return doc;
}
")]
extern "C" {
    fn parse_html(s: &str) -> web_sys::Document;
    fn load_script(src: &str);
    fn snapshot_of(doc: &web_sys::Document) -> JsValue;
    fn max_buildable_depth() -> u32;
    fn nested_document(depth: u32) -> web_sys::Document;
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

fn body_of(doc: &web_sys::Document) -> web_sys::Element {
    doc.query_selector("body").ok().flatten().expect("body")
}

fn snapshot_dom(doc: &web_sys::Document) -> Dom {
    load_script(SNAPSHOT_JS);
    let flat: Vec<snapshot::FlatNode> = serde_wasm_bindgen::from_value(snapshot_of(doc)).expect("snapshot format");
    snapshot::build(flat).expect("valid snapshot")
}

/// Node-by-node equality: same ids, same data, same parents.
fn assert_same_model(a: &Dom, b: &Dom) {
    assert_eq!(a.len(), b.len(), "node counts differ");
    for i in 0..a.len() as u32 {
        let (na, nb) = (a.node(NodeId(i)), b.node(NodeId(i)));
        assert_eq!(na.data, nb.data, "node {i}");
        assert_eq!(na.parent, nb.parent, "parent of node {i}");
    }
}

fn analysis_json(dom: &Dom, url: &str) -> serde_json::Value {
    let opts = lisible::Options { url: Some(url.to_string()) };
    match lisible::analyze(dom, &opts) {
        Ok(a) => serde_json::to_value(&a).expect("json"),
        Err(e) => serde_json::Value::String(e.to_string()),
    }
}

#[wasm_bindgen_test]
fn live_walker_and_snapshot_walker_build_the_same_model() {
    let doc = parse_html(MAGHRESS);
    let live = live::build(&doc);
    let snap = snapshot_dom(&doc);
    assert_eq!(live.nodes.len(), live.dom.len());
    assert!(live.dom.len() > 300, "the fixture has hundreds of nodes, got {}", live.dom.len());
    assert_same_model(&live.dom, &snap);
    let url = "https://www.maghress.com/fr/albayane/5012345";
    assert_eq!(analysis_json(&live.dom, url), analysis_json(&snap, url));
}

#[wasm_bindgen_test]
fn both_walkers_skip_lisible_ui_and_keep_svg_names() {
    let doc = parse_html(
        "<!DOCTYPE html><html><body><p>a<!--c--></p><iframe data-lisible-ui><p>ui</p></iframe>\
         <div data-lisible-ui><p>reader</p></div><svg viewBox='0 0 1 1'><linearGradient/></svg></body></html>",
    );
    let live = live::build(&doc);
    let snap = snapshot_dom(&doc);
    assert_same_model(&live.dom, &snap);
    let text = live.dom.text(Dom::ROOT);
    assert!(!text.contains("reader") && !text.contains("ui"), "{text:?}");
    let names: Vec<String> = live.dom.ids().filter_map(|n| live.dom.tag(n).map(str::to_string)).collect();
    assert!(names.contains(&"linearGradient".to_string()), "{names:?}");
    let svg = live.dom.ids().find(|&n| live.dom.is(n, "svg")).expect("svg");
    assert_eq!(live.dom.attr(svg, "viewBox"), Some("0 0 1 1"));
}

#[wasm_bindgen_test]
fn analyze_live_and_hide_clutter_mark_exactly_the_hide_list() {
    let doc = document();
    let body = body_of(&doc);
    // Append, never replace: the runner keeps its output in <body>.
    let host = doc.create_element("div").expect("div");
    host.set_inner_html(
        &body_of(&parse_html(MAGHRESS)).inner_html(),
    );
    body.append_child(&host).expect("append");
    let value = lisible::wasm::analyze_live(Some("https://www.maghress.com/fr/albayane/5012345".into())).map_err(JsValue::from).expect("analysis");
    let analysis: lisible::model::PageAnalysis = serde_wasm_bindgen::from_value(value).expect("PageAnalysis");
    let marked = lisible::wasm::hide_clutter();
    assert_eq!(marked as usize, analysis.hide.len());
    let hidden = doc.query_selector_all("[data-lisible-hidden]").expect("query");
    assert_eq!(hidden.length() as usize, analysis.hide.len());
    for i in 0..hidden.length() {
        let el: web_sys::Element = hidden.item(i).expect("item").dyn_into().expect("element");
        el.remove_attribute("data-lisible-hidden").expect("remove");
    }
    host.remove();
}

#[wasm_bindgen_test]
fn the_live_walker_handles_100000_levels() {
    let depth = max_buildable_depth();
    let doc = nested_document(depth);
    let live = live::build(&doc);
    assert!(live.dom.len() > depth as usize);
    assert!(live.dom.text(Dom::ROOT).contains("deep"));
    let _ = lisible::analyze(&live.dom, &lisible::Options::default()); // must not panic or overflow
    let snap = snapshot_dom(&doc);
    assert_same_model(&live.dom, &snap);
}
