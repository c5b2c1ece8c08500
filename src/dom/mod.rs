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

/// An element's local name (lowercase for HTML elements; SVG keeps its camelCase names, as
/// browsers do), borrowed from the arena's name table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Name<'a>(pub &'a str);

impl<'a> Name<'a> {
    /// The name, for the arena's lifetime.
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

impl std::ops::Deref for Name<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl PartialEq<str> for Name<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Name<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Where one attribute's name and value sit in the shared attribute text.
#[derive(Clone, Copy, Debug)]
struct AttrSlot {
    name: u32,
    name_len: u32,
    value: u32,
    value_len: u32,
}

/// An element's attributes in source order (names lowercase): a view into the arena's shared
/// attribute table (no string per attribute).
#[derive(Clone, Copy)]
pub struct Attrs<'a> {
    slots: &'a [AttrSlot],
    text: &'a str,
}

impl<'a> Attrs<'a> {
    const EMPTY: Attrs<'static> = Attrs { slots: &[], text: "" };

    fn pair(&self, s: &AttrSlot) -> (&'a str, &'a str) {
        let text: &'a str = self.text;
        let get = |at: u32, len: u32| text.get(at as usize..(at as usize).saturating_add(len as usize)).unwrap_or("");
        (get(s.name, s.name_len), get(s.value, s.value_len))
    }

    /// The (name, value) pairs.
    pub fn iter(&self) -> AttrIter<'a> {
        AttrIter { attrs: *self, i: 0 }
    }
    /// No attribute.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
    /// Number of attributes.
    pub fn len(&self) -> usize {
        self.slots.len()
    }
    /// The value of the first attribute named `name`.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.iter().find(|&(k, _)| k == name).map(|(_, v)| v)
    }
}

impl PartialEq for Attrs<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Attrs<'_> {}

impl std::fmt::Debug for Attrs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Iterator over an element's attributes.
#[derive(Clone)]
pub struct AttrIter<'a> {
    attrs: Attrs<'a>,
    i: usize,
}

impl<'a> Iterator for AttrIter<'a> {
    type Item = (&'a str, &'a str);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let s = self.attrs.slots.get(self.i)?;
        self.i += 1;
        Some(self.attrs.pair(s))
    }
}

impl<'a> IntoIterator for Attrs<'a> {
    type Item = (&'a str, &'a str);
    type IntoIter = AttrIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &Attrs<'a> {
    type Item = (&'a str, &'a str);
    type IntoIter = AttrIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// An element: its name and attributes (a view into the arena).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Element<'a> {
    /// Local name, lowercase for HTML elements.
    pub name: Name<'a>,
    /// Attributes in source order; names lowercase.
    pub attrs: Attrs<'a>,
}

/// What a node is (a view into the arena).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeData<'a> {
    /// The document (always node 0).
    Document,
    /// `<!DOCTYPE …>`.
    Doctype,
    /// An element.
    Element(Element<'a>),
    /// A text node.
    Text(&'a str),
    /// A comment (kept so that node ids match the browser's walk).
    Comment(&'a str),
}

/// A node and its tree links (a view into the arena).
#[derive(Clone, Copy, Debug)]
pub struct Node<'a> {
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
    pub data: NodeData<'a>,
}

/// No node (in the compact links).
const NIL: u32 = u32::MAX;
/// `Slot::kind` codes of the nodes that are not elements (elements hold their name id).
const K_DOCUMENT: u32 = u32::MAX;
const K_DOCTYPE: u32 = u32::MAX - 1;
const K_TEXT: u32 = u32::MAX - 2;
const K_COMMENT: u32 = u32::MAX - 3;
/// Text whose `a` has this bit lives in `Dom::owned[b]` (a text node that kept growing after
/// other text was stored: moving it to the end of the shared buffer each time would be quadratic).
const OWNED: u32 = 1 << 31;

/// One node, 28 bytes: `u32` links, the element's interned name (or the node kind), and a range
/// into the shared attribute table (elements) or text buffer (text, comments). Last children are
/// a building aid kept beside the nodes ([`Dom::lasts`]).
#[derive(Clone, Copy, Debug)]
struct Slot {
    parent: u32,
    first: u32,
    prev: u32,
    next: u32,
    kind: u32,
    a: u32,
    b: u32,
}

/// The arena: compact nodes, interned element names, one attribute table, one text buffer.
#[derive(Clone, Debug)]
pub struct Dom {
    nodes: Vec<Slot>,
    /// Last child per node while building (appends in O(1)); dropped by [`Dom::shrink_to_fit`],
    /// after which a last child is found from the first one.
    lasts: Vec<u32>,
    /// `lasts` is maintained.
    building: bool,
    names: Vec<Box<str>>,
    name_ids: std::collections::HashMap<Box<str>, u32, std::hash::BuildHasherDefault<NameHasher>>,
    attrs: Vec<AttrSlot>,
    /// Attribute names and values, one after the other.
    attr_text: String,
    text: String,
    owned: Vec<String>,
}

/// FNV-1a for the (short) element names.
#[derive(Default, Clone, Copy)]
struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

impl Default for Dom {
    fn default() -> Self {
        Self::new()
    }
}

/// Elements whose text is never reading text: script, style, noscript, template, svg, math,
/// iframe, object, embed, head, title, textarea, select, option.
pub const NON_TEXT_ELEMENTS: NonTextElements = NonTextElements;

/// The set [`NON_TEXT_ELEMENTS`]: a `match` instead of a slice scan (every walk asks it per element).
#[derive(Clone, Copy, Debug)]
pub struct NonTextElements;

impl NonTextElements {
    /// The names.
    pub const NAMES: &'static [&'static str] =
        &["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "head", "title", "textarea", "select", "option"];

    /// True for a name of the set (same call shape as `<[&str]>::contains`).
    #[inline]
    pub fn contains(&self, name: &&str) -> bool {
        is_non_text(name)
    }
}

/// True for the [`NON_TEXT_ELEMENTS`].
#[inline]
pub fn is_non_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "embed" | "head" | "title" | "textarea" | "select" | "option")
}

fn link(x: u32) -> Option<NodeId> {
    (x != NIL).then_some(NodeId(x))
}

impl Dom {
    /// A document with only its root (node 0).
    pub fn new() -> Self {
        Self::with_capacity(1)
    }

    /// A document with room for about `nodes` nodes and `text` bytes of text (hints: the arena
    /// grows as needed).
    pub fn with_capacity_and_text(nodes: usize, text: usize) -> Self {
        let mut d = Self::with_capacity(nodes);
        d.text.reserve(text);
        d
    }

    /// A document with room for about `nodes` nodes (a hint: the arena grows as needed).
    pub fn with_capacity(nodes: usize) -> Self {
        let mut d = Dom {
            nodes: Vec::with_capacity(nodes.max(1)),
            lasts: Vec::with_capacity(nodes.max(1)),
            building: true,
            names: Vec::new(),
            name_ids: Default::default(),
            attrs: Vec::new(),
            attr_text: String::new(),
            text: String::new(),
            owned: Vec::new(),
        };
        d.push(K_DOCUMENT, 0, 0);
        d
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

    fn push(&mut self, kind: u32, a: u32, b: u32) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Slot { parent: NIL, first: NIL, prev: NIL, next: NIL, kind, a, b });
        if self.building {
            self.lasts.push(NIL);
        }
        id
    }

    /// The id of an element name (interned; see [`Dom::name_id`]).
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.name_ids.insert(name.into(), id);
        id
    }

    fn store_text(&mut self, s: &str) -> (u32, u32) {
        let start = self.text.len();
        self.text.push_str(s);
        (start as u32, s.len() as u32)
    }

    /// Creates a detached node from a view (copies its strings).
    pub fn create(&mut self, data: NodeData<'_>) -> NodeId {
        match data {
            NodeData::Document => self.push(K_DOCUMENT, 0, 0),
            NodeData::Doctype => self.push(K_DOCTYPE, 0, 0),
            NodeData::Element(e) => {
                let kind = self.intern(e.name.as_str());
                let id = self.create_element_interned(kind, Vec::new());
                self.add_missing_attrs(id, e.attrs.iter());
                id
            }
            NodeData::Text(t) => self.create_text(t),
            NodeData::Comment(t) => self.create_comment(t),
        }
    }

    /// Creates a detached element.
    pub fn create_element(&mut self, name: &str, attrs: Vec<(String, String)>) -> NodeId {
        let kind = self.intern(name);
        self.create_element_interned(kind, attrs)
    }

    /// Creates a detached element whose name id comes from [`Dom::intern`] (an unknown id
    /// makes a nameless element).
    pub fn create_element_interned(&mut self, kind: u32, attrs: Vec<(String, String)>) -> NodeId {
        self.create_element_with(kind, attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Creates a detached element from its name id and (name, value) pairs (copied into the
    /// shared attribute text).
    pub fn create_element_with<'s>(&mut self, kind: u32, attrs: impl IntoIterator<Item = (&'s str, &'s str)>) -> NodeId {
        let kind = kind.min(K_COMMENT - 1);
        let start = self.attrs.len() as u32;
        for (k, v) in attrs {
            self.push_attr(k, v);
        }
        let n = self.attrs.len() as u32 - start;
        self.push(kind, start, n)
    }

    fn push_attr(&mut self, k: &str, v: &str) {
        let name = self.attr_text.len() as u32;
        self.attr_text.push_str(k);
        let value = self.attr_text.len() as u32;
        self.attr_text.push_str(v);
        self.attrs.push(AttrSlot { name, name_len: k.len() as u32, value, value_len: v.len() as u32 });
    }

    /// Appends an attribute with a prefixed name (`xlink:href`) without building the name first.
    pub fn push_attr_parts(&mut self, prefix: Option<&str>, local: &str, v: &str) {
        let name = self.attr_text.len() as u32;
        if let Some(p) = prefix {
            self.attr_text.push_str(p);
            self.attr_text.push(':');
        }
        self.attr_text.push_str(local);
        let name_len = self.attr_text.len() as u32 - name;
        let value = self.attr_text.len() as u32;
        self.attr_text.push_str(v);
        self.attrs.push(AttrSlot { name, name_len, value, value_len: v.len() as u32 });
    }

    /// The index the next attribute gets (with [`Dom::push_attr_parts`] and
    /// [`Dom::push_element`]: building an element attribute by attribute).
    pub fn attr_mark(&self) -> u32 {
        self.attrs.len() as u32
    }

    /// Creates an element whose attributes are the ones pushed since `mark`.
    pub fn push_element(&mut self, kind: u32, mark: u32) -> NodeId {
        let kind = kind.min(K_COMMENT - 1);
        let n = (self.attrs.len() as u32).saturating_sub(mark);
        self.push(kind, mark.min(self.attrs.len() as u32), n)
    }

    /// Creates a detached text node.
    pub fn create_text(&mut self, text: &str) -> NodeId {
        let (a, b) = self.store_text(text);
        self.push(K_TEXT, a, b)
    }

    /// Creates a detached comment.
    pub fn create_comment(&mut self, text: &str) -> NodeId {
        let (a, b) = self.store_text(text);
        self.push(K_COMMENT, a, b)
    }

    /// Creates a detached doctype.
    pub fn create_doctype(&mut self) -> NodeId {
        self.push(K_DOCTYPE, 0, 0)
    }

    /// Creates a detached document fragment (template contents).
    pub fn create_fragment(&mut self) -> NodeId {
        self.push(K_DOCUMENT, 0, 0)
    }

    /// Adds the attributes `id` lacks (the parser's `add_attrs_if_missing`).
    pub fn add_missing_attrs<'s>(&mut self, id: NodeId, attrs: impl IntoIterator<Item = (&'s str, &'s str)>) {
        let Some(slot) = self.nodes.get(id.index()).copied() else { return };
        if slot.kind >= K_COMMENT {
            return;
        }
        let (start, n) = (slot.a as usize, slot.b as usize);
        let mut added = 0usize;
        for (k, v) in attrs {
            let present = self.attrs(id).iter().any(|(x, _)| x == k);
            if present {
                continue;
            }
            let cur = self.nodes[id.index()];
            let (cs, cn) = (cur.a as usize, cur.b as usize);
            if cs + cn != self.attrs.len() {
                // Not at the end of the table: move the element's attributes there first.
                let moved: Vec<AttrSlot> = self.attrs.get(cs..cs + cn).map(<[AttrSlot]>::to_vec).unwrap_or_default();
                let new_start = self.attrs.len() as u32;
                self.attrs.extend(moved);
                self.nodes[id.index()].a = new_start;
            }
            self.push_attr(k, v);
            self.nodes[id.index()].b += 1;
            added += 1;
        }
        let _ = (start, n, added);
    }

    /// Detaches `id` from its parent (no-op when detached).
    pub fn detach(&mut self, id: NodeId) {
        let Slot { parent, prev, next, .. } = self.nodes[id.index()];
        if parent == NIL {
            return;
        }
        if prev != NIL {
            self.nodes[prev as usize].next = next;
        } else {
            self.nodes[parent as usize].first = next;
        }
        if next != NIL {
            self.nodes[next as usize].prev = prev;
        } else {
            self.set_last(parent, prev);
        }
        let n = &mut self.nodes[id.index()];
        n.parent = NIL;
        n.prev = NIL;
        n.next = NIL;
    }

    /// Appends `child` (detaching it first) as the last child of `parent`.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.last_of(parent.0);
        {
            let c = &mut self.nodes[child.index()];
            c.parent = parent.0;
            c.prev = last;
        }
        if last != NIL {
            self.nodes[last as usize].next = child.0;
        } else {
            self.nodes[parent.index()].first = child.0;
        }
        self.set_last(parent.0, child.0);
    }

    /// Inserts `child` (detaching it first) just before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let parent = self.nodes[sibling.index()].parent;
        if parent == NIL {
            return;
        }
        let prev = self.nodes[sibling.index()].prev;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = parent;
            c.prev = prev;
            c.next = sibling.0;
        }
        self.nodes[sibling.index()].prev = child.0;
        if prev != NIL {
            self.nodes[prev as usize].next = child.0;
        } else {
            self.nodes[parent as usize].first = child.0;
        }
    }

    /// Appends `text` to the text node `id`.
    fn grow_text(&mut self, id: NodeId, text: &str) {
        let s = self.nodes[id.index()];
        if s.a & OWNED != 0 {
            if let Some(o) = self.owned.get_mut(s.b as usize) {
                o.push_str(text);
            }
            return;
        }
        let (start, len) = (s.a as usize, s.b as usize);
        if start + len == self.text.len() {
            self.text.push_str(text);
            self.nodes[id.index()].b = (len + text.len()) as u32;
        } else {
            let mut o = String::with_capacity(len + text.len());
            o.push_str(self.text.get(start..start + len).unwrap_or(""));
            o.push_str(text);
            let k = self.owned.len() as u32;
            self.owned.push(o);
            let n = &mut self.nodes[id.index()];
            n.a = OWNED;
            n.b = k;
        }
    }

    /// Appends text to `parent`, merging with a trailing text node as the HTML parser does.
    pub fn append_text(&mut self, parent: NodeId, text: &str) -> NodeId {
        let last = self.last_of(parent.0);
        if last != NIL && self.nodes[last as usize].kind == K_TEXT {
            self.grow_text(NodeId(last), text);
            return NodeId(last);
        }
        let id = self.create_text(text);
        self.append(parent, id);
        id
    }

    /// Inserts text before `sibling`, merging with a text node just before it.
    pub fn insert_text_before(&mut self, sibling: NodeId, text: &str) {
        let prev = self.nodes[sibling.index()].prev;
        if prev != NIL && self.nodes[prev as usize].kind == K_TEXT {
            self.grow_text(NodeId(prev), text);
            return;
        }
        let id = self.create_text(text);
        self.insert_before(sibling, id);
    }

    /// The last child of `p`.
    fn last_of(&self, p: u32) -> u32 {
        if let Some(&l) = self.lasts.get(p as usize) {
            return l;
        }
        let mut c = self.nodes[p as usize].first;
        let mut last = NIL;
        while c != NIL {
            last = c;
            c = self.nodes[c as usize].next;
        }
        last
    }

    fn set_last(&mut self, p: u32, v: u32) {
        if let Some(l) = self.lasts.get_mut(p as usize) {
            *l = v;
        }
    }

    /// Frees what only building needs and the spare capacity (the arena is read-only afterwards;
    /// appending still works, finding last children from the first ones).
    pub fn shrink_to_fit(&mut self) {
        self.building = false;
        self.lasts = Vec::new();
        self.nodes.shrink_to_fit();
        self.attrs.shrink_to_fit();
        self.attr_text.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    // ----- reading --------------------------------------------------------------------------

    fn attrs_of(&self, s: &Slot) -> Attrs<'_> {
        match self.attrs.get(s.a as usize..(s.a as usize).saturating_add(s.b as usize)) {
            Some(slots) => Attrs { slots, text: &self.attr_text },
            None => Attrs::EMPTY,
        }
    }

    fn data(&self, s: &Slot) -> NodeData<'_> {
        match s.kind {
            K_DOCUMENT => NodeData::Document,
            K_DOCTYPE => NodeData::Doctype,
            K_TEXT => NodeData::Text(self.str_of(s)),
            K_COMMENT => NodeData::Comment(self.str_of(s)),
            k => NodeData::Element(Element {
                name: Name(self.names.get(k as usize).map_or("", |n| n)),
                attrs: self.attrs_of(s),
            }),
        }
    }

    fn str_of(&self, s: &Slot) -> &str {
        if s.a & OWNED != 0 {
            return self.owned.get(s.b as usize).map_or("", |o| o.as_str());
        }
        self.text.get(s.a as usize..(s.a as usize + s.b as usize)).unwrap_or("")
    }

    /// The node.
    pub fn node(&self, id: NodeId) -> Node<'_> {
        let s = &self.nodes[id.index()];
        Node {
            parent: link(s.parent),
            first_child: link(s.first),
            last_child: link(self.last_of(id.0)),
            prev_sibling: link(s.prev),
            next_sibling: link(s.next),
            data: self.data(s),
        }
    }

    /// What the node is (the payload of [`Dom::node`] without its links: no last-child search).
    pub fn node_data(&self, id: NodeId) -> NodeData<'_> {
        self.data(&self.nodes[id.index()])
    }

    /// Every node id, in creation order (document order for the live and snapshot builders).
    pub fn ids(&self) -> impl Iterator<Item = NodeId> {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// The element payload, if `id` is an element.
    pub fn element(&self, id: NodeId) -> Option<Element<'_>> {
        match self.data(&self.nodes[id.index()]) {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// True when `id` is an element.
    pub fn is_element(&self, id: NodeId) -> bool {
        self.nodes[id.index()].kind < K_COMMENT
    }

    /// The element's attributes (empty for other nodes).
    pub fn attrs(&self, id: NodeId) -> Attrs<'_> {
        let s = &self.nodes[id.index()];
        if s.kind >= K_COMMENT {
            return Attrs::EMPTY;
        }
        self.attrs_of(s)
    }

    /// First child.
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        link(self.nodes[id.index()].first)
    }

    /// Next sibling.
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        link(self.nodes[id.index()].next)
    }

    /// Previous sibling.
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        link(self.nodes[id.index()].prev)
    }

    /// The element's local name, if `id` is an element.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        let k = self.nodes[id.index()].kind;
        if k >= K_COMMENT {
            return None;
        }
        self.names.get(k as usize).map(|n| &**n)
    }

    /// The interned name id of an element (an index into [`Dom::names`]).
    pub fn name_id(&self, id: NodeId) -> Option<u32> {
        let k = self.nodes[id.index()].kind;
        (k < K_COMMENT).then_some(k)
    }

    /// The element names of the page, by name id.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|n| &**n)
    }

    /// True when `id` is an element named `name`.
    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.tag(id) == Some(name)
    }

    /// The text of a text node.
    pub fn text_of(&self, id: NodeId) -> Option<&str> {
        let s = &self.nodes[id.index()];
        (s.kind == K_TEXT).then(|| self.str_of(s))
    }

    /// An attribute value (name lowercase).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attrs(id).get(name)
    }

    /// The first `class` and the first `id` attribute values, as written (no allocation: the
    /// parts of [`Dom::class_and_id`]).
    pub fn class_id(&self, id: NodeId) -> (Option<&str>, Option<&str>) {
        let (mut class, mut ident) = (None, None);
        for (k, v) in self.attrs(id) {
            match k {
                "class" if class.is_none() => class = Some(v),
                "id" if ident.is_none() => ident = Some(v),
                _ => {}
            }
            if class.is_some() && ident.is_some() {
                break;
            }
        }
        (class, ident)
    }

    /// `class` and `id` joined, lowercase: what Readability's class/id heuristics read.
    pub fn class_and_id(&self, id: NodeId) -> String {
        let mut s = String::new();
        self.class_and_id_to(id, &mut s);
        s
    }

    /// [`Dom::class_and_id`] written into `out` (cleared first): a walk reuses one buffer.
    pub fn class_and_id_to(&self, id: NodeId, out: &mut String) {
        out.clear();
        let (class, ident) = self.class_id(id);
        if class.is_none() && ident.is_none() {
            return;
        }
        if let Some(c) = class {
            out.push_str(c);
        }
        if let Some(i) = ident {
            out.push(' ');
            out.push_str(i);
        }
        if out.is_ascii() {
            out.make_ascii_lowercase();
        } else {
            *out = out.to_lowercase();
        }
    }

    /// Parent.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        link(self.nodes[id.index()].parent)
    }

    /// Children, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.nodes[id.index()].first }
    }

    /// Element children, in order.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.is_element(c))
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
        Descendants { dom: self, root: id.0, next: id.0 }
    }

    /// Depth-first traversal that lets the caller skip subtrees: `f` returns `false` to not
    /// descend into a node. Iterative.
    pub fn walk(&self, root: NodeId, mut f: impl FnMut(NodeId) -> bool) {
        let mut cur = root.0;
        while cur != NIL {
            let descend = f(NodeId(cur));
            let first = self.nodes[cur as usize].first;
            if descend && first != NIL {
                cur = first;
                continue;
            }
            cur = self.next_after_subtree(cur, root.0);
        }
    }

    /// The next node in document order after the subtree of `id`, staying inside `root`.
    #[inline]
    fn next_after_subtree(&self, mut id: u32, root: u32) -> u32 {
        loop {
            if id == root {
                return NIL;
            }
            let n = &self.nodes[id as usize];
            if n.next != NIL {
                return n.next;
            }
            id = n.parent;
            if id == NIL {
                return NIL;
            }
        }
    }

    /// The first element named `name` under `root` (document order).
    pub fn find(&self, root: NodeId, name: &str) -> Option<NodeId> {
        let k = self.name_ids.get(name).copied()?;
        self.descendants(root).find(|&n| self.nodes[n.index()].kind == k)
    }

    /// All elements named `name` under `root`.
    pub fn find_all<'a>(&'a self, root: NodeId, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        let k = self.name_ids.get(name).copied();
        let root = if k.is_some() { root.0 } else { NIL };
        Descendants { dom: self, root, next: root }.filter(move |&n| Some(self.nodes[n.index()].kind) == k)
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
        self.walk(id, |n| {
            let slot = &self.nodes[n.index()];
            match slot.kind {
                K_TEXT => {
                    s.push_str(self.str_of(slot));
                    true
                }
                K_DOCUMENT | K_DOCTYPE | K_COMMENT => true,
                k => n == id || !self.names.get(k as usize).is_some_and(|name| is_non_text(name)),
            }
        });
        s
    }

    /// Number of nodes in the subtree of `id` (including it).
    pub fn subtree_len(&self, id: NodeId) -> usize {
        self.descendants(id).count()
    }
}

/// Iterator over children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next;
        if id == NIL {
            return None;
        }
        self.next = self.dom.nodes[id as usize].next;
        Some(NodeId(id))
    }
}

/// Iterator over ancestors.
pub struct Ancestors<'a> {
    dom: &'a Dom,
    next: u32,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next;
        if id == NIL {
            return None;
        }
        self.next = self.dom.nodes[id as usize].parent;
        Some(NodeId(id))
    }
}

/// Pre-order iterator over a subtree.
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: u32,
    next: u32,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next;
        if id == NIL {
            return None;
        }
        let first = self.dom.nodes[id as usize].first;
        self.next = if first != NIL { first } else { self.dom.next_after_subtree(id, self.root) };
        Some(NodeId(id))
    }
}

impl Dom {
    /// A short CSS-like label of an element: `div#main.article.body` (tests, debugging).
    pub fn describe(&self, id: NodeId) -> String {
        let Some(e) = self.element(id) else { return "#text".into() };
        let mut s = e.name.as_str().to_string();
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
    fn non_text_set_matches_its_names() {
        for n in NonTextElements::NAMES {
            assert!(NON_TEXT_ELEMENTS.contains(n));
        }
        assert!(!NON_TEXT_ELEMENTS.contains(&"p") && !NON_TEXT_ELEMENTS.contains(&"Script"));
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
