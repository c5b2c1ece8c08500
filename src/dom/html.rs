//! Native builder: html5ever parses straight into the arena (no intermediate RcDom, whose
//! recursive drop overflows the stack on deeply nested pages).

use super::{Dom, NodeData, NodeId};
use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, LocalName, Namespace, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

/// Parses an HTML document (scripting enabled, as in a browser: `<noscript>` holds text).
pub fn parse(html: &str) -> Dom {
    let sink = Sink { dom: RefCell::new(Dom::new()), names: RefCell::new(vec![None]), templates: RefCell::new(HashMap::new()) };
    parse_document(sink, ParseOpts::default()).one(StrTendril::from(html))
}

struct Sink {
    dom: RefCell<Dom>,
    /// Qualified names by node id, for the tree builder's questions (`elem_name`).
    names: RefCell<Vec<Option<QualName>>>,
    /// (template element, its detached contents fragment).
    templates: RefCell<HashMap<NodeId, NodeId>>,
}

impl Sink {
    fn new_node(&self, data: NodeData, name: Option<QualName>) -> NodeId {
        let id = self.dom.borrow_mut().create(data);
        let mut names = self.names.borrow_mut();
        names.resize(id.index() + 1, None);
        names[id.index()] = name;
        id
    }
}

/// The name handed back to the tree builder.
#[derive(Debug)]
pub struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

fn convert_attrs(attrs: Vec<Attribute>) -> Vec<(String, String)> {
    attrs
        .into_iter()
        .map(|a| {
            let name = match a.name.prefix {
                Some(p) => format!("{}:{}", p, a.name.local),
                None => a.name.local.to_string(),
            };
            (name, a.value.to_string())
        })
        .collect()
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        Dom::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        let names = self.names.borrow();
        Name(names.get(target.index()).cloned().flatten().unwrap_or_else(|| {
            QualName::new(None, html5ever::ns!(html), LocalName::from(""))
        }))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let el = super::Element { name: name.local.to_string(), attrs: convert_attrs(attrs) };
        let id = self.new_node(NodeData::Element(el), Some(name));
        if flags.template {
            // Template contents live in a detached fragment, as in the browser DOM: never walked.
            let frag = self.new_node(NodeData::Document, None);
            self.templates.borrow_mut().insert(id, frag);
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.new_node(NodeData::Comment(text.to_string()), None)
    }

    fn create_pi(&self, _target: StrTendril, data: StrTendril) -> NodeId {
        self.new_node(NodeData::Comment(data.to_string()), None)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(n) => dom.append(*parent, n),
            NodeOrText::AppendText(t) => {
                dom.append_text(*parent, &t);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        if self.dom.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let id = self.new_node(NodeData::Doctype, None);
        self.dom.borrow_mut().append(Dom::ROOT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.templates.borrow().get(target).copied().unwrap_or(*target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(n) => dom.insert_before(*sibling, n),
            NodeOrText::AppendText(t) => dom.insert_text_before(*sibling, &t),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        if let Some(el) = dom.element_mut(*target) {
            for (k, v) in convert_attrs(attrs) {
                if !el.attrs.iter().any(|(n, _)| *n == k) {
                    el.attrs.push((k, v));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        let kids: Vec<NodeId> = dom.children(*node).collect();
        for k in kids {
            dom.append(*new_parent, k);
        }
    }

}
