//! Native builder: html5ever parses straight into the arena (no intermediate RcDom, whose
//! recursive drop overflows the stack on deeply nested pages).

use super::{Dom, NodeId};
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
    parse_input(input)
}

/// Bytes of input handed to the parser at a time: the parser never holds a second copy of a big page.
const CHUNK: usize = 64 * 1024;

fn parse_input(input: &str) -> Dom {
    // At most about an element and a text node per '<': reserving that up front avoids growing
    // (copying) the big tables, and reserved memory that is never written costs nothing.
    let tags = count_byte(input.as_bytes(), b'<');
    let hint = tags.saturating_mul(2).saturating_add(16);
    let sink = Sink {
        dom: RefCell::new(Dom::with_capacity_and_text(hint, input.len())),
        quals: (0..QUAL_SLOTS).map(|_| std::cell::OnceCell::new()).collect(),
        n_quals: std::cell::Cell::new(1),
        overflow: RefCell::new(Vec::new()),
        qual_of: (0..hint).map(|_| std::cell::Cell::new(0)).collect(),
        qual_over: RefCell::new(Vec::new()),
        qual_ids: RefCell::new(QualMap::default()),
        templates: RefCell::new(HashMap::new()),
    };
    if let Some(q) = sink.quals.first() {
        let _ = q.set(QualName::new(None, html5ever::ns!(html), LocalName::from("")));
    }
    let mut parser = parse_document(sink, ParseOpts::default());
    let mut rest = input;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from(chunk));
        rest = tail;
    }
    let mut dom = parser.finish();
    dom.shrink_to_fit();
    dom
}

/// Occurrences of `b` in `s`, counted in blocks of 255 bytes with byte counters (vectorizes:
/// the plain `filter().count()` costs about 3% of the parse).
fn count_byte(s: &[u8], b: u8) -> usize {
    s.chunks(255).map(|c| c.iter().fold(0u8, |n, &x| n.wrapping_add(u8::from(x == b))) as usize).sum()
}

/// Deepest element nesting kept when flattening (Chromium's parser limit).
pub const MAX_DEPTH: usize = 512;

/// Elements that never nest (void), close implicitly, or are formatting elements that html5ever
/// handles in linear time: the fast depth estimate ignores them (a `match`: it runs per tag).
fn not_counted(name: &[u8]) -> bool {
    matches!(
        name,
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta" | b"param" | b"source" | b"track" | b"wbr"
            | b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th" | b"tbody" | b"thead" | b"tfoot" | b"rb" | b"rt" | b"rp"
            | b"a" | b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small" | b"strike" | b"strong" | b"tt" | b"u"
    )
}

/// A linear byte scan estimating the element nesting depth (comments, scripts and styles skipped).
fn max_depth_estimate(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    // Every `i` is just after an ASCII byte (a char boundary).
    while let Some(at) = next_lt(b, i) {
        i = at + 1;
        let rest = &b[i..];
        if rest.starts_with(b"!--") {
            i += html.get(i..).and_then(|r| r.find("-->")).map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        // Lowercase name in a small buffer (no allocation per tag); longer names count as "other".
        let raw_name = &rest[name_start..name_start + name_len];
        let mut buf = [0u8; 16];
        let name: &[u8] = if raw_name.len() <= buf.len() {
            for (d, s) in buf.iter_mut().zip(raw_name) {
                *d = s.to_ascii_lowercase();
            }
            &buf[..raw_name.len()]
        } else {
            b"-"
        };
        if closing {
            if !not_counted(name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if name == b"script" || name == b"style" {
            let end: &[u8] = if name == b"script" { b"</script" } else { b"</style" };
            let from = i + name_len;
            i = from + html.get(from..).map_or(0, |r| find_ascii_ci(r, end));
            continue;
        }
        if !not_counted(name) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The first '<' in `b` at or after `from`: 32 bytes at a time through a bit mask (vectorizes;
/// the tags of a page are a few dozen bytes apart, too close for `memchr`'s set-up to pay).
#[inline]
fn next_lt(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 32) {
        let mut m = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            m |= u32::from(c == b'<') << k;
        }
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 32;
    }
    b.get(i..)?.iter().position(|&c| c == b'<').map(|p| i + p)
}

/// Offset of `needle` (ASCII, starting with '<') in `hay`, ASCII case-insensitively; `hay.len()`
/// when absent.
fn find_ascii_ci(hay: &str, needle: &[u8]) -> usize {
    let b = hay.as_bytes();
    let mut at = 0;
    while let Some(k) = next_lt(b, at) {
        if b.get(k..k + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle)) {
            return k;
        }
        at = k + 1;
    }
    b.len()
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
    /// The distinct qualified names seen, for the tree builder's questions (`elem_name`).
    /// Set once each, so that `elem_name` lends them out without a copy (html5ever asks for
    /// the names of the open elements on every tag); names past [`QUAL_SLOTS`] go to `overflow`.
    quals: Box<[std::cell::OnceCell<QualName>]>,
    /// Slots of `quals` in use.
    n_quals: std::cell::Cell<u32>,
    /// Distinct names past the first [`QUAL_SLOTS`] (index `q - QUAL_SLOTS`; lent as copies).
    overflow: RefCell<Vec<QualName>>,
    /// Index into `quals` by node id (0: no name), for the ids the parse's size hint covers:
    /// `elem_name` reads it without a `RefCell` borrow (html5ever asks it constantly).
    qual_of: Box<[std::cell::Cell<u32>]>,
    /// The same for the ids past `qual_of` (index `id - qual_of.len()`).
    qual_over: RefCell<Vec<u32>>,
    /// `quals` lookup: (index into `quals`, the arena's name id).
    qual_ids: RefCell<QualMap>,
    /// (template element, its detached contents fragment).
    templates: RefCell<HashMap<NodeId, NodeId>>,
}

/// Qualified names hash by their atoms' precomputed hashes: a word-at-a-time hasher over them
/// (the map is only looked up, never iterated).
type QualMap = HashMap<QualName, (u32, u32), std::hash::BuildHasherDefault<crate::clutter::WordHasher>>;

impl Sink {
    /// The (qualified name index, arena name id) of an element name.
    fn qual(&self, name: &QualName) -> (u32, u32) {
        let mut ids = self.qual_ids.borrow_mut();
        if let Some(&q) = ids.get(name) {
            return q;
        }
        let k = self.dom.borrow_mut().intern(&name.local);
        let n = self.n_quals.get();
        let q = match self.quals.get(n as usize) {
            Some(slot) => {
                let _ = slot.set(name.clone());
                self.n_quals.set(n + 1);
                (n, k)
            }
            None => {
                let mut over = self.overflow.borrow_mut();
                over.push(name.clone());
                ((QUAL_SLOTS + over.len() - 1) as u32, k)
            }
        };
        ids.insert(name.clone(), q);
        q
    }

    fn named(&self, id: NodeId, q: u32) -> NodeId {
        match self.qual_of.get(id.index()) {
            Some(c) => c.set(q),
            None => {
                let i = id.index() - self.qual_of.len();
                let mut over = self.qual_over.borrow_mut();
                if over.len() <= i {
                    over.resize(i + 1, 0);
                }
                if let Some(x) = over.get_mut(i) {
                    *x = q;
                }
            }
        }
        id
    }

    /// The `quals` index of a node.
    #[inline]
    fn qual_index(&self, id: NodeId) -> usize {
        match self.qual_of.get(id.index()) {
            Some(c) => c.get() as usize,
            None => self.qual_over.borrow().get(id.index() - self.qual_of.len()).copied().unwrap_or(0) as usize,
        }
    }
}

/// Distinct element names lent to the tree builder without a copy.
const QUAL_SLOTS: usize = 512;

/// The name handed back to the tree builder: lent from the sink, or a copy for the rare page
/// with more than [`QUAL_SLOTS`] distinct element names.
#[derive(Debug)]
pub enum Name<'a> {
    /// One of the sink's names.
    Lent(&'a QualName),
    /// A copy.
    Copy(QualName),
}

impl Name<'_> {
    fn qual(&self) -> &QualName {
        match self {
            Name::Lent(q) => q,
            Name::Copy(q) => q,
        }
    }
}

#[cfg(test)]
fn parse_plain(html: &str) -> Dom {
    parse_input(html)
}

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        &self.qual().ns
    }
    fn local_name(&self) -> &LocalName {
        &self.qual().local
    }
}

fn convert_attrs(attrs: Vec<Attribute>) -> Vec<(String, String)> {
    attrs
        .into_iter()
        .map(|a| {
            let name = match a.name.prefix {
                Some(p) => format!("{}:{}", p, a.name.local),
                None => String::from(&*a.name.local),
            };
            (name, String::from(&*a.value))
        })
        .collect()
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        Dom::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        let q = self.qual_index(*target);
        if let Some(name) = self.quals.get(q).and_then(std::cell::OnceCell::get) {
            return Name::Lent(name);
        }
        let copy = q.checked_sub(QUAL_SLOTS).and_then(|i| self.overflow.borrow().get(i).cloned());
        match (copy, self.quals.first().and_then(std::cell::OnceCell::get)) {
            (Some(c), _) => Name::Copy(c),
            (None, Some(empty)) => Name::Lent(empty),
            (None, None) => Name::Copy(QualName::new(None, html5ever::ns!(html), LocalName::from(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let (q, k) = self.qual(&name);
        let id = {
            let mut dom = self.dom.borrow_mut();
            let mark = dom.attr_mark();
            for a in &attrs {
                dom.push_attr_parts(a.name.prefix.as_deref(), &a.name.local, &a.value);
            }
            dom.push_element(k, mark)
        };
        self.named(id, q);
        if flags.template {
            // Template contents live in a detached fragment, as in the browser DOM: never walked.
            let frag = self.dom.borrow_mut().create_fragment();
            self.named(frag, 0);
            self.templates.borrow_mut().insert(id, frag);
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        let id = self.dom.borrow_mut().create_comment(&text);
        self.named(id, 0)
    }

    fn create_pi(&self, _target: StrTendril, data: StrTendril) -> NodeId {
        let id = self.dom.borrow_mut().create_comment(&data);
        self.named(id, 0)
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
        let id = self.dom.borrow_mut().create_doctype();
        self.named(id, 0);
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
        let attrs = convert_attrs(attrs);
        self.dom.borrow_mut().add_missing_attrs(*target, attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        while let Some(k) = dom.first_child(*node) {
            dom.append(*new_parent, k);
        }
    }

}

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
    fn pages_with_many_distinct_element_names_parse_alike() {
        // Past QUAL_SLOTS names the tree builder gets copies: the tree must not change.
        let n = QUAL_SLOTS + 100;
        let html: String = (0..n).map(|i| format!("<x-{i}><p>t{i}</p><span>c</span></x-{i}>")).collect();
        let dom = parse(&format!("<html><body>{html}</body></html>"));
        let body = dom.body().unwrap();
        let tops: Vec<_> = dom.element_children(body).collect();
        assert_eq!(tops.len(), n);
        for (i, &e) in tops.iter().enumerate() {
            assert_eq!(dom.tag(e), Some(format!("x-{i}").as_str()));
            let kids: Vec<_> = dom.element_children(e).filter_map(|c| dom.tag(c)).collect();
            assert_eq!(kids, ["p", "span"], "x-{i}");
            assert_eq!(dom.text(e), format!("t{i}c"));
        }
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
