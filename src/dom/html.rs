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
///
/// Pages nested deeper than [`MAX_DEPTH`] are flattened first (see [`flatten_deep`]): html5ever's
/// tree builder rescans its open-element stack for every block start tag, which is quadratic on a
/// 100,000-deep page; browsers cap the depth too (Chromium at 512).
pub fn parse(html: &str) -> Dom {
    let flattened;
    let input = if max_depth_estimate(html) > MAX_DEPTH * 2 {
        flattened = flatten_deep(html);
        flattened.as_str()
    } else {
        html
    };
    let sink = Sink { dom: RefCell::new(Dom::new()), names: RefCell::new(vec![None]), templates: RefCell::new(HashMap::new()) };
    parse_document(sink, ParseOpts::default()).one(StrTendril::from(input))
}

/// Deepest element nesting kept when flattening (Chromium's parser limit).
pub const MAX_DEPTH: usize = 512;

/// Elements that never nest (void), close implicitly, or are formatting elements that html5ever
/// handles in linear time: the fast depth estimate ignores them.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rp",
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// A linear byte scan estimating the element nesting depth (comments, scripts and styles skipped).
fn max_depth_estimate(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        i += off + 1;
        let rest = &b[i..];
        if rest.starts_with(b"!--") {
            i += find_bytes(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[name_start..name_start + name_len]).to_ascii_lowercase();
        if closing {
            if !NOT_COUNTED.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if name == "script" || name == "style" {
            let end = format!("</{name}");
            let lower_rest = &rest[name_len..];
            i += name_len + find_ascii_ci(lower_rest, end.as_bytes()).unwrap_or(lower_rest.len());
            continue;
        }
        if !NOT_COUNTED.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// Rewrites `html` without the start and end tags of elements nested deeper than [`MAX_DEPTH`]
/// (their text and children stay), using html5ever's tokenizer and an approximate open-element
/// stack. Only used on pages the fast estimate flags.
pub fn flatten_deep(html: &str) -> String {
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let sink = Flattener::default();
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.out.into_inner()
}

#[derive(Default)]
struct Flattener {
    out: RefCell<String>,
    /// (element name, emitted?)
    stack: RefCell<Vec<(LocalName, bool)>>,
    raw: std::cell::Cell<bool>,
}

const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

fn escape_into(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' if attr => out.push_str("&quot;"),
            '<' if !attr => out.push_str("&lt;"),
            '>' if !attr => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            _ => out.push(c),
        }
    }
}

impl html5ever::tokenizer::TokenSink for Flattener {
    type Handle = ();

    fn process_token(&self, token: html5ever::tokenizer::Token, _line: u64) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{TagKind, Token, TokenSinkResult};
        let mut out = self.out.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let mut stack = self.stack.borrow_mut();
                match tag.kind {
                    TagKind::StartTag => {
                        // implicit closes that keep the approximate stack shallow on ordinary markup
                        if let Some((top, _)) = stack.last() {
                            let top: &str = top;
                            let closes = match name {
                                "li" | "dt" | "dd" | "option" | "td" | "th" | "tr" => top == name || top == "p",
                                _ => top == "p" && !matches!(name, "a" | "b" | "i" | "em" | "strong" | "span" | "br" | "img" | "small" | "code" | "font" | "u" | "s" | "sup" | "sub"),
                            };
                            if closes {
                                stack.pop();
                            }
                        }
                        let void = VOID.contains(&name) || tag.self_closing;
                        let keep = stack.len() < MAX_DEPTH;
                        if keep || void {
                            out.push('<');
                            out.push_str(name);
                            for a in &tag.attrs {
                                out.push(' ');
                                if let Some(p) = &a.name.prefix {
                                    out.push_str(p);
                                    out.push(':');
                                }
                                out.push_str(&a.name.local);
                                out.push_str("=\"");
                                escape_into(&mut out, &a.value, true);
                                out.push('"');
                            }
                            out.push('>');
                        }
                        if !void {
                            stack.push((tag.name.clone(), keep));
                        }
                        let raw = match name {
                            "script" => Some(RawKind::ScriptData),
                            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
                            "textarea" | "title" => Some(RawKind::Rcdata),
                            _ => None,
                        };
                        if let Some(kind) = raw {
                            self.raw.set(true);
                            return TokenSinkResult::RawData(kind);
                        }
                        if name == "plaintext" {
                            self.raw.set(true);
                            return TokenSinkResult::Plaintext;
                        }
                    }
                    TagKind::EndTag => {
                        self.raw.set(false);
                        // look for the element near the top only (bounded work per tag)
                        let lo = stack.len().saturating_sub(64);
                        let found = stack[lo..].iter().rposition(|(n, _)| &**n == name).map(|k| k + lo);
                        let emit = match found {
                            Some(k) => {
                                let kept = stack[k].1;
                                stack.truncate(k);
                                kept
                            }
                            None => stack.len() < MAX_DEPTH,
                        };
                        if emit {
                            out.push_str("</");
                            out.push_str(name);
                            out.push('>');
                        }
                    }
                }
            }
            Token::CharacterTokens(t) => {
                if self.raw.get() {
                    out.push_str(&t);
                } else {
                    escape_into(&mut out, &t, false);
                }
            }
            Token::CommentToken(c) => {
                out.push_str("<!--");
                out.push_str(&c.replace("--", "- -"));
                out.push_str("-->");
            }
            Token::DoctypeToken(_) => out.push_str("<!DOCTYPE html>"),
            Token::NullCharacterToken | Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_pages_are_flattened_to_the_depth_limit() {
        let n = 20_000;
        let html = format!("<html><body>{}deep{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        assert!(max_depth_estimate(&html) >= n);
        let dom = parse(&html);
        let depth = dom.ids().filter(|&i| dom.text_of(i) == Some("deep")).map(|i| dom.ancestors(i).count()).next();
        assert!(depth.is_some_and(|d| d <= MAX_DEPTH + 4), "{depth:?}");
    }

    #[test]
    fn ordinary_pages_are_not_rewritten() {
        let html = "<html><body><ul><li>a<li>b</ul><p>x<p>y<script>if (a<b) { document.write('<div>') }</script></body></html>";
        assert!(max_depth_estimate(html) < MAX_DEPTH);
        let flat = flatten_deep(html);
        let a = parse(html);
        let b = super::parse_plain(&flat);
        assert_eq!(a.text(Dom::ROOT), b.text(Dom::ROOT));
        assert_eq!(a.len(), b.len());
    }
}

#[cfg(test)]
fn parse_plain(html: &str) -> Dom {
    let sink = Sink { dom: RefCell::new(Dom::new()), names: RefCell::new(vec![None]), templates: RefCell::new(HashMap::new()) };
    parse_document(sink, ParseOpts::default()).one(StrTendril::from(html))
}

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
