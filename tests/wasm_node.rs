//! wasm-bindgen tests in Node (no DOM): the exports the background and the reader page use.
//! `scripts/wasm-cargo test --target wasm32-unknown-unknown --test wasm_node`
#![cfg(target_arch = "wasm32")]

use lisible::model::PageAnalysis;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// A flat snapshot (src/dom/snapshot.rs format) of a small article page.
fn snapshot() -> JsValue {
    let p = "La réunion s'est tenue mardi à Rabat en présence des représentants des deux pays, qui ont \
             adopté une déclaration commune sur la coopération économique et culturelle.";
    let nodes = serde_json::json!([
        [-1, 9, "", []],
        [0, 10, "html", []],
        [0, 1, "html", ["lang", "fr"]],
        [2, 1, "head", []],
        [3, 1, "title", []],
        [4, 3, "Une déclaration commune", []],
        [2, 1, "body", []],
        [6, 1, "article", []],
        [7, 1, "h1", []],
        [8, 3, "Une déclaration commune", []],
        [7, 1, "p", []],
        [10, 3, p, []],
        [7, 8, " a comment ", []],
        [7, 1, "p", ["class", "second"]],
        [13, 3, p, []]
    ]);
    serde_wasm_bindgen::to_value(&nodes).expect("to js")
}

#[wasm_bindgen_test]
fn analyze_snapshot_returns_a_page_analysis() {
    let out = lisible::wasm::analyze_snapshot(snapshot(), Some("https://example.org/a/1".into())).map_err(JsValue::from).expect("analysis");
    let a: PageAnalysis = serde_wasm_bindgen::from_value(out).expect("PageAnalysis");
    match (&a.article, &a.error) {
        (Some(article), None) => {
            assert!(article.text.contains("La réunion s'est tenue mardi"), "{}", article.text);
            assert_eq!(article.lang.as_deref(), Some("fr"));
            assert_eq!(article.url.as_deref(), Some("https://example.org/a/1"));
        }
        other => panic!("expected an article, got {other:?}"),
    }
    // every hit to hide is an element of the snapshot
    for h in &a.hide {
        assert!(h.node.index() < 15);
    }
}

#[wasm_bindgen_test]
fn the_snapshot_as_a_json_string_gives_the_same_analysis() {
    let url = Some("https://example.org/a/1".to_string());
    let json = js_sys::JSON::stringify(&snapshot()).expect("stringify");
    let from_string: PageAnalysis =
        serde_wasm_bindgen::from_value(lisible::wasm::analyze_snapshot(json.into(), url.clone()).map_err(JsValue::from).expect("analysis")).expect("PageAnalysis");
    let from_array: PageAnalysis =
        serde_wasm_bindgen::from_value(lisible::wasm::analyze_snapshot(snapshot(), url).map_err(JsValue::from).expect("analysis")).expect("PageAnalysis");
    assert!(from_string.article.is_some());
    assert_eq!(serde_json::to_value(&from_string).unwrap(), serde_json::to_value(&from_array).unwrap());
    assert!(lisible::wasm::analyze_snapshot(JsValue::from_str("[[-1,9,\"\",[]],[0,1"), None).is_err());
}

#[wasm_bindgen_test]
fn analyze_snapshot_rejects_malformed_input_without_panicking() {
    for bad in [
        serde_json::json!("not a list"),
        serde_json::json!([[5, 1, "p", []]]),
        serde_json::json!([[-1, 9, "", []], [7, 1, "p", []]]),
        serde_json::json!([[-1, 9, "", []], [0, 42, "x", []]]),
        serde_json::json!([[-1, 9, "", []], [0, 1]]),
    ] {
        let v = serde_wasm_bindgen::to_value(&bad).expect("to js");
        assert!(lisible::wasm::analyze_snapshot(v, None).is_err(), "{bad}");
    }
    // a page without an article is an answer, not an error
    let empty = serde_wasm_bindgen::to_value(&serde_json::json!([[-1, 9, "", []], [0, 1, "html", []]])).expect("to js");
    let a: PageAnalysis =
        serde_wasm_bindgen::from_value(lisible::wasm::analyze_snapshot(empty, None).map_err(JsValue::from).expect("answer")).expect("PageAnalysis");
    assert!(a.article.is_none());
    assert_eq!(a.error.as_deref(), Some("No article found on this page"));
}

#[wasm_bindgen_test]
fn cite_round_trips_the_article_object() {
    let out = lisible::wasm::analyze_snapshot(snapshot(), Some("https://example.org/a/1".into())).map_err(JsValue::from).expect("analysis");
    let article = js_sys::Reflect::get(&out, &"article".into()).expect("article");
    let c = lisible::wasm::cite(article.clone(), "apa", Some("fr".into()), Some("2026-01-02".into())).map_err(JsValue::from).expect("cite");
    let text = js_sys::Reflect::get(&c, &"text".into()).expect("text").as_string().expect("string");
    assert!(!text.is_empty());
    let native: lisible::Article = serde_wasm_bindgen::from_value(article.clone()).expect("Article");
    let same = lisible::cite::format(&native, "apa", Some("fr"), Some("2026-01-02")).expect("native cite");
    assert_eq!(text, same.text);
    assert!(lisible::wasm::cite(article, "no-such-style", None, None).is_err());
    assert!(lisible::wasm::cite(JsValue::from_str("nope"), "apa", None, None).is_err());
}
