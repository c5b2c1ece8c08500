//! The document model every phase reads: an arena of nodes indexed by [`NodeId`].
//!
//! One model, three builders, so that one analysis runs everywhere:
//! - [`html::parse`] (native): html5ever, used by the CLI and the tests;
//! - `live` (wasm): the browser's live DOM, walked through web-sys in the content script;
//! - [`snapshot`]: a flat node list serialized by the content script, for pages whose CSP forbids
//!   WebAssembly there (the analysis then runs in the extension's background).
//!
//! The arena is append-only while building and read-only afterwards: no phase mutates the page.
//! All traversals are iterative (sibling/parent links), so a 100,000-deep page cannot overflow the stack.

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(target_arch = "wasm32")]
pub mod live;
pub mod snapshot;

/// Index of a node in its [`Dom`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The index as usize.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// An element: lowercase local name (SVG keeps its camelCase names, as browsers do) and attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// Local name, lowercase for HTML elements.
    pub name: String,
    /// Attributes in source order; names lowercase.
    pub attrs: Vec<(String, String)>,
}

/// What a node is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeData {
    /// The document (always node 0).
    Document,
    /// `<!DOCTYPE …>`.
    Doctype,
    /// An element.
    Element(Element),
    /// A text node.
    Text(String),
    /// A comment (kept so that node ids match the browser's walk).
    Comment(String),
}

/// A node and its tree links.
#[derive(Clone, Debug)]
pub struct Node {
    /// Parent node.
    pub parent: Option<NodeId>,
    /// First child.
    pub first_child: Option<NodeId>,
    /// Last child.
    pub last_child: Option<NodeId>,
    /// Previous sibling.
    pub prev_sibling: Option<NodeId>,
    /// Next sibling.
    pub next_sibling: Option<NodeId>,
    /// Payload.
    pub data: NodeData,
}

/// The arena.
#[derive(Clone, Debug)]
pub struct Dom {
    nodes: Vec<Node>,
}

impl Default for Dom {
    fn default() -> Self {
        Self::new()
    }
}

/// Elements whose text is never reading text.
pub const NON_TEXT_ELEMENTS: &[&str] =
    &["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "head", "title", "textarea", "select", "option"];

impl Dom {
    /// A document with only its root (node 0).
    pub fn new() -> Self {
        Dom { nodes: vec![Node::new(NodeData::Document)] }
    }

    /// The document node.
    pub const ROOT: NodeId = NodeId(0);

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the document holds only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    // ----- building -------------------------------------------------------------------------

    /// Creates a detached node.
    pub fn create(&mut self, data: NodeData) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node::new(data));
        id
    }

    /// Creates a detached element.
    pub fn create_element(&mut self, name: &str, attrs: Vec<(String, String)>) -> NodeId {
        self.create(NodeData::Element(Element { name: name.to_string(), attrs }))
    }

    /// Detaches `id` from its parent (no-op when detached).
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id.index()];
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = next,
            None => self.nodes[parent.index()].first_child = next,
        }
        match next {
            Some(nx) => self.nodes[nx.index()].prev_sibling = prev,
            None => self.nodes[parent.index()].last_child = prev,
        }
        let n = &mut self.nodes[id.index()];
        n.parent = None;
        n.prev_sibling = None;
        n.next_sibling = None;
    }

    /// Appends `child` (detaching it first) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent.index()].last_child;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => self.nodes[l.index()].next_sibling = Some(child),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
        self.nodes[parent.index()].last_child = Some(child);
    }

    /// Inserts `child` (detaching it first) just before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling.index()].parent else { return };
        let prev = self.nodes[sibling.index()].prev_sibling;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
        }
        self.nodes[sibling.index()].prev_sibling = Some(child);
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = Some(child),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
    }

    /// Appends text to `parent`, merging with a trailing text node as the HTML parser does.
    pub fn append_text(&mut self, parent: NodeId, text: &str) -> NodeId {
        if let Some(last) = self.nodes[parent.index()].last_child {
            if let NodeData::Text(t) = &mut self.nodes[last.index()].data {
                t.push_str(text);
                return last;
            }
        }
        let id = self.create(NodeData::Text(text.to_string()));
        self.append(parent, id);
        id
    }

    /// Inserts text before `sibling`, merging with a text node just before it.
    pub fn insert_text_before(&mut self, sibling: NodeId, text: &str) {
        if let Some(prev) = self.nodes[sibling.index()].prev_sibling {
            if let NodeData::Text(t) = &mut self.nodes[prev.index()].data {
                t.push_str(text);
                return;
            }
        }
        let id = self.create(NodeData::Text(text.to_string()));
        self.insert_before(sibling, id);
    }

    /// Mutable element payload (building only).
    pub fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    // ----- reading --------------------------------------------------------------------------

    /// The node.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// Every node id, in creation order (document order for the live and snapshot builders).
    pub fn ids(&self) -> impl Iterator<Item = NodeId> {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// The element payload, if `id` is an element.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The element's local name, if `id` is an element.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        self.element(id).map(|e| e.name.as_str())
    }

    /// True when `id` is an element named `name`.
    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.tag(id) == Some(name)
    }

    /// The text of a text node.
    pub fn text_of(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.index()].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// An attribute value (name lowercase).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id)?.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// `class` and `id` joined, lowercase: what Readability's class/id heuristics read.
    pub fn class_and_id(&self, id: NodeId) -> String {
        let mut s = String::new();
        if let Some(c) = self.attr(id, "class") {
            s.push_str(c);
        }
        if let Some(i) = self.attr(id, "id") {
            s.push(' ');
            s.push_str(i);
        }
        s.to_lowercase()
    }

    /// Parent.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent
    }

    /// Children, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.nodes[id.index()].first_child }
    }

    /// Element children, in order.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.element(c).is_some())
    }

    /// Ancestors, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors { dom: self, next: self.nodes[id.index()].parent }
    }

    /// True when `a` is `b` or an ancestor of `b`.
    pub fn contains(&self, a: NodeId, b: NodeId) -> bool {
        a == b || self.ancestors(b).any(|x| x == a)
    }

    /// `id` and its descendants in document order (pre-order), without recursion.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { dom: self, root: id, next: Some(id) }
    }

    /// Depth-first traversal that lets the caller skip subtrees: `f` returns `false` to not
    /// descend into a node. Iterative.
    pub fn walk(&self, root: NodeId, mut f: impl FnMut(NodeId) -> bool) {
        let mut cur = Some(root);
        while let Some(id) = cur {
            let descend = f(id);
            let n = &self.nodes[id.index()];
            if descend {
                if let Some(c) = n.first_child {
                    cur = Some(c);
                    continue;
                }
            }
            cur = self.next_after_subtree(id, root);
        }
    }

    /// The next node in document order after the subtree of `id`, staying inside `root`.
    fn next_after_subtree(&self, mut id: NodeId, root: NodeId) -> Option<NodeId> {
        loop {
            if id == root {
                return None;
            }
            let n = &self.nodes[id.index()];
            if let Some(s) = n.next_sibling {
                return Some(s);
            }
            id = n.parent?;
        }
    }

    /// The first element named `name` under `root` (document order).
    pub fn find(&self, root: NodeId, name: &str) -> Option<NodeId> {
        self.descendants(root).find(|&n| self.is(n, name))
    }

    /// All elements named `name` under `root`.
    pub fn find_all<'a>(&'a self, root: NodeId, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(root).filter(move |&n| self.is(n, name))
    }

    /// `<html>`.
    pub fn html(&self) -> Option<NodeId> {
        self.element_children(Self::ROOT).find(|&c| self.is(c, "html"))
    }

    /// `<head>`.
    pub fn head(&self) -> Option<NodeId> {
        self.html().and_then(|h| self.element_children(h).find(|&c| self.is(c, "head")))
    }

    /// `<body>`.
    pub fn body(&self) -> Option<NodeId> {
        self.html().and_then(|h| self.element_children(h).find(|&c| self.is(c, "body")))
    }

    /// Concatenated text of the subtree as `textContent` gives it (scripts included).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text_of(n) {
                s.push_str(t);
            }
        }
        s
    }

    /// Concatenated reading text of the subtree: skips script, style, template and other
    /// [`NON_TEXT_ELEMENTS`].
    pub fn text(&self, id: NodeId) -> String {
        let mut s = String::new();
        self.walk(id, |n| match &self.nodes[n.index()].data {
            NodeData::Text(t) => {
                s.push_str(t);
                true
            }
            NodeData::Element(e) => n == id || !NON_TEXT_ELEMENTS.contains(&e.name.as_str()),
            _ => true,
        });
        s
    }

    /// Number of nodes in the subtree of `id` (including it).
    pub fn subtree_len(&self, id: NodeId) -> usize {
        self.descendants(id).count()
    }
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node { parent: None, first_child: None, last_child: None, prev_sibling: None, next_sibling: None, data }
    }
}

/// Iterator over children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.nodes[id.index()].next_sibling;
        Some(id)
    }
}

/// Iterator over ancestors.
pub struct Ancestors<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.nodes[id.index()].parent;
        Some(id)
    }
}

/// Pre-order iterator over a subtree.
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        let n = &self.dom.nodes[id.index()];
        self.next = match n.first_child {
            Some(c) => Some(c),
            None => self.dom.next_after_subtree(id, self.root),
        };
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Dom, NodeId, NodeId, NodeId) {
        let mut d = Dom::new();
        let html = d.create_element("html", vec![]);
        d.append(Dom::ROOT, html);
        let body = d.create_element("body", vec![("class".into(), "Main".into())]);
        d.append(html, body);
        let p = d.create_element("p", vec![]);
        d.append(body, p);
        d.append_text(p, "Hello ");
        d.append_text(p, "world");
        let s = d.create_element("script", vec![]);
        d.append(body, s);
        d.append_text(s, "var x;");
        (d, html, body, p)
    }

    #[test]
    fn builds_and_reads_a_tree() {
        let (d, html, body, p) = sample();
        assert_eq!(d.html(), Some(html));
        assert_eq!(d.body(), Some(body));
        assert_eq!(d.children(p).count(), 1, "adjacent text merges");
        assert_eq!(d.text(body), "Hello world");
        assert_eq!(d.text_content(body), "Hello worldvar x;");
        assert_eq!(d.class_and_id(body), "main");
        assert!(d.contains(html, p) && !d.contains(p, html));
        let order: Vec<_> = d.descendants(Dom::ROOT).filter_map(|n| d.tag(n).map(str::to_string)).collect();
        assert_eq!(order, ["html", "body", "p", "script"]);
    }

    #[test]
    fn detach_and_insert_before_keep_links_consistent() {
        let (mut d, _, body, p) = sample();
        let h = d.create_element("h1", vec![]);
        d.insert_before(p, h);
        let names: Vec<_> = d.children(body).filter_map(|n| d.tag(n).map(str::to_string)).collect();
        assert_eq!(names, ["h1", "p", "script"]);
        d.detach(p);
        let names: Vec<_> = d.children(body).filter_map(|n| d.tag(n).map(str::to_string)).collect();
        assert_eq!(names, ["h1", "script"]);
        assert_eq!(d.parent(p), None);
    }

    #[test]
    fn deep_trees_do_not_overflow_the_stack() {
        let mut d = Dom::new();
        let mut parent = Dom::ROOT;
        for _ in 0..200_000 {
            let e = d.create_element("div", vec![]);
            d.append(parent, e);
            parent = e;
        }
        d.append_text(parent, "deep");
        assert_eq!(d.text(Dom::ROOT), "deep");
        assert_eq!(d.descendants(Dom::ROOT).count(), 200_002);
    }
}

impl Dom {
    /// A short CSS-like label of an element: `div#main.article.body` (tests, debugging).
    pub fn describe(&self, id: NodeId) -> String {
        let Some(e) = self.element(id) else { return "#text".into() };
        let mut s = e.name.clone();
        if let Some(i) = self.attr(id, "id").filter(|i| !i.is_empty()) {
            s.push('#');
            s.push_str(i);
        }
        for c in self.attr(id, "class").unwrap_or("").split_whitespace() {
            s.push('.');
            s.push_str(c);
        }
        s
    }

    /// True when the element matches a simple selector: `tag`, `#id`, `.class`, or a compound
    /// of them (`div.ad-slot#top`).
    pub fn matches(&self, id: NodeId, selector: &str) -> bool {
        let Some(e) = self.element(id) else { return false };
        let mut rest = selector;
        let tag_end = rest.find(['#', '.']).unwrap_or(rest.len());
        if tag_end > 0 && !rest[..tag_end].eq_ignore_ascii_case(&e.name) {
            return false;
        }
        rest = &rest[tag_end..];
        while !rest.is_empty() {
            let kind = rest.as_bytes()[0];
            let end = rest[1..].find(['#', '.']).map(|i| i + 1).unwrap_or(rest.len());
            let name = &rest[1..end];
            let ok = match kind {
                b'#' => self.attr(id, "id") == Some(name),
                _ => self.attr(id, "class").is_some_and(|c| c.split_whitespace().any(|x| x == name)),
            };
            if !ok {
                return false;
            }
            rest = &rest[end..];
        }
        true
    }
}
