//! Builder from a flat snapshot of a live DOM, made by the content script (`extension/snapshot.js`):
//! the browser's model of the page, analysed in the content script, or in the background when the
//! page's CSP forbids WebAssembly in the content script (Chromium).
//!
//! Format: a list of nodes in document order, node 0 being the document:
//! `[parent_index, kind, name_or_text, [attr_name, attr_value, ...]]`, kind as DOM `nodeType`
//! (1 element, 3 text, 8 comment, 9 document, 10 doctype). Node ids equal list indices, so the
//! content script maps clutter hits back to its own node list by index. Names are kept as the
//! browser gives them (`localName`: HTML lowercase, SVG camelCase), as `live` and html5ever do.

use super::{Dom, NodeId};
use serde::Deserialize;

/// One node of the snapshot.
#[derive(Deserialize, Debug, Clone)]
pub struct FlatNode(pub i64, pub u8, pub String, #[serde(default)] pub Vec<String>);

/// Builds the arena from the snapshot as one JSON string (`JSON.stringify` of the list). This is
/// the browser's fast path: one string crosses from JavaScript into wasm and serde_json reads it,
/// where a walk through web-sys (or serde-wasm-bindgen over nested arrays) crosses the boundary
/// several times per node (1.9 s for a 100,000-element page in Chromium).
pub fn build_json(json: &str) -> Result<Dom, String> {
    let nodes: Vec<FlatNode> = serde_json::from_str(json).map_err(|e| format!("bad snapshot: {e}"))?;
    build(nodes)
}

/// Builds the arena. Errors on a malformed snapshot (a parent that does not come before its
/// child, or an unknown kind) instead of guessing.
pub fn build(nodes: Vec<FlatNode>) -> Result<Dom, String> {
    let mut dom = Dom::with_capacity(nodes.len());
    for (i, FlatNode(parent, kind, name, attrs)) in nodes.into_iter().enumerate() {
        if i == 0 {
            if kind != 9 {
                return Err("snapshot must start with the document node".into());
            }
            continue;
        }
        if parent < 0 || parent as usize >= i {
            return Err(format!("snapshot node {i} has an invalid parent {parent}"));
        }
        let id = match kind {
            1 => {
                let mut pairs = Vec::with_capacity(attrs.len() / 2);
                let mut it = attrs.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    pairs.push((k, v));
                }
                dom.create_element(&name, pairs)
            }
            3 => dom.create_text(&name),
            8 => dom.create_comment(&name),
            10 => dom.create_doctype(),
            k => return Err(format!("snapshot node {i} has an unknown kind {k}")),
        };
        debug_assert_eq!(id.index(), i);
        dom.append(NodeId(parent as u32), id);
    }
    Ok(dom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_in_document_order() {
        let nodes = vec![
            FlatNode(-1, 9, String::new(), vec![]),
            FlatNode(0, 1, "html".into(), vec![]),
            FlatNode(1, 1, "body".into(), vec!["id".into(), "x".into()]),
            FlatNode(2, 3, "hi".into(), vec![]),
            FlatNode(2, 1, "svg".into(), vec!["viewBox".into(), "0 0 1 1".into()]),
            FlatNode(4, 1, "linearGradient".into(), vec![]),
        ];
        let d = build(nodes).unwrap();
        assert_eq!(d.body(), Some(NodeId(2)));
        assert_eq!(d.attr(NodeId(2), "id"), Some("x"));
        assert_eq!(d.text(Dom::ROOT), "hi");
        // names as the browser gives them, as html5ever does natively (SVG keeps its camelCase)
        assert_eq!(d.attr(NodeId(4), "viewBox"), Some("0 0 1 1"));
        assert_eq!(d.tag(NodeId(5)), Some("linearGradient"));
    }

    #[test]
    fn json_string_builds_the_same_arena() {
        let d = build_json(r#"[[-1,9,"",[]],[0,1,"html",[]],[1,1,"body",["id","x"]],[2,3,"h\u00e9 \"<b>\"",[]],[2,8,"c",[]]]"#).unwrap();
        assert_eq!(d.body(), Some(NodeId(2)));
        assert_eq!(d.attr(NodeId(2), "id"), Some("x"));
        assert_eq!(d.text(Dom::ROOT), "hé \"<b>\"");
        for bad in ["", "{}", "[[0,9,\"\",[]]", "[[-1,9,\"\",[]],[0,7,\"x\",[]]]", "[[-1,9,\"\",[]],[3,1,\"p\",[]]]", "[[-1,9]"] {
            assert!(build_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_forward_parents() {
        let nodes = vec![FlatNode(-1, 9, String::new(), vec![]), FlatNode(5, 1, "p".into(), vec![])];
        assert!(build(nodes).is_err());
    }
}
