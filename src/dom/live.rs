//! wasm builder: walks the browser's live DOM through web-sys into the arena, keeping the live
//! node of every arena node so that clutter hits can be applied to the page.
//!
//! Node order and skipping rules match the content script's snapshot walker
//! (`extension/snapshot.js`), so both give the same ids. Names are taken as the browser gives
//! them (HTML lowercase, SVG camelCase), as html5ever does natively.

use super::{Dom, NodeId};
use wasm_bindgen::JsCast;

/// Attribute that marks Lisible's own UI in the page (never analysed).
pub const UI_MARKER: &str = "data-lisible-ui";

/// The arena plus the live node behind every arena node (same index).
pub struct LiveDom {
    /// The model.
    pub dom: Dom,
    /// `nodes[i]` is the live node of `NodeId(i)`.
    pub nodes: Vec<web_sys::Node>,
}

/// A live node's payload, read before it enters the arena.
enum Data {
    Element(String, Vec<(String, String)>),
    Text(String),
    Comment(String),
    Doctype,
}

/// Walks `document` (iteratively: deep pages cannot overflow the stack).
pub fn build(document: &web_sys::Document) -> LiveDom {
    let mut dom = Dom::new();
    let root: web_sys::Node = document.clone().unchecked_into();
    let mut nodes = vec![root.clone()];
    // (live node, its arena id); descend via first_child, move via next_sibling.
    let mut stack: Vec<(web_sys::Node, NodeId)> = Vec::new();
    let mut cur = root.first_child().map(|c| (c, Dom::ROOT));
    while let Some((node, parent)) = cur.take() {
        let data = match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let el: &web_sys::Element = node.unchecked_ref();
                if el.has_attribute(UI_MARKER) {
                    None
                } else {
                    let attrs = el.attributes();
                    let mut pairs = Vec::with_capacity(attrs.length() as usize);
                    for i in 0..attrs.length() {
                        if let Some(a) = attrs.item(i) {
                            pairs.push((a.name(), a.value()));
                        }
                    }
                    Some(Data::Element(el.local_name(), pairs))
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                Some(Data::Text(node.node_value().unwrap_or_default()))
            }
            web_sys::Node::COMMENT_NODE => Some(Data::Comment(node.node_value().unwrap_or_default())),
            web_sys::Node::DOCUMENT_TYPE_NODE => Some(Data::Doctype),
            _ => None,
        };
        let mut descend = None;
        if let Some(data) = data {
            let id = match data {
                Data::Element(name, attrs) => dom.create_element(&name, attrs),
                Data::Text(t) => dom.create_text(&t),
                Data::Comment(t) => dom.create_comment(&t),
                Data::Doctype => dom.create_doctype(),
            };
            dom.append(parent, id);
            nodes.push(node.clone());
            if let Some(c) = node.first_child() {
                descend = Some((c, id));
            }
        }
        match descend {
            Some(child) => {
                stack.push((node, parent));
                cur = Some(child);
            }
            None => {
                // next sibling, or climb until an ancestor has one
                let mut n = node;
                let mut p = parent;
                loop {
                    if let Some(s) = n.next_sibling() {
                        cur = Some((s, p));
                        break;
                    }
                    match stack.pop() {
                        Some((an, ap)) => {
                            n = an;
                            p = ap;
                        }
                        None => break,
                    }
                }
            }
        }
    }
    LiveDom { dom, nodes }
}
