//! The extractor's working tree: a side structure over the page (the [`Dom`] is never mutated).
//!
//! Readability rewrites the page while it works (wraps loose text in `<p>`, turns `<div>`s into
//! paragraphs, removes unlikely blocks, merges siblings). Here those edits happen on this light
//! tree of `u32` links: node `v` below the page's node count IS page node `v` (no mapping table),
//! and "phantom" nodes (the paragraphs Readability would create) come after them, with no page
//! node. Page nodes the build leaves out (hidden, non-text) stay detached and unreachable. Every virtual parent is a page ancestor
//! of its children, so the final selection maps back to a page subtree plus a skip set.

use crate::dom::{Dom, NodeId};

/// No node.
pub const NONE: u32 = u32::MAX;
/// Tag of text nodes.
pub const TEXT: &str = "#text";

/// One node of the working tree.
#[derive(Clone, Debug)]
pub struct VNode {
    /// Current tag (lowercase; Readability's tag changes are applied here), [`TEXT`] for text:
    /// an index into [`Tree::names`].
    pub tag: u32,
    /// Links.
    pub parent: u32,
    /// First child.
    pub first: u32,
    /// Last child.
    pub last: u32,
    /// Previous sibling.
    pub prev: u32,
    /// Next sibling.
    pub next: u32,
}

/// The working tree.
pub struct Tree<'d> {
    /// The page.
    pub dom: &'d Dom,
    /// Nodes; index = virtual id.
    pub n: Vec<VNode>,
    /// Tag names by id: the page's element names (same ids), then [`TEXT`] and the tags the
    /// heuristics give phantom and renamed nodes.
    pub names: Vec<&'d str>,
    /// The root (the page's `<body>`).
    pub root: u32,
    /// Clutter hits: kept in the tree so that Readability's structural decisions and link
    /// densities see the page as it is (msn page: dropping a related block's links changed the
    /// chosen container), but they never score and never enter the article.
    pub clutter: Vec<bool>,
    /// Per text node: its collapsed run (packed, see [`Run::pack`]) and comma count, measured
    /// once at build time (every measuring pass reuses them).
    pub runs: Vec<u32>,
    /// Comma counts of text nodes.
    pub commas: Vec<u32>,
    /// The tag id of text nodes ([`NONE`] when a page element bears the name [`TEXT`], which
    /// no parser gives: tags are then compared as strings).
    text_tag: u32,
}

/// Inline-style and attribute tests of Readability's `_isProbablyVisible`.
pub fn probably_visible(dom: &Dom, id: NodeId) -> bool {
    // One pass over the attributes (the build asks this of every element).
    let (mut hidden, mut style, mut aria, mut class) = (false, None, None, None);
    for (k, v) in dom.attrs(id) {
        match k {
            "hidden" => hidden = true,
            "style" if style.is_none() => style = Some(v),
            "aria-hidden" if aria.is_none() => aria = Some(v),
            "class" if class.is_none() => class = Some(v),
            _ => {}
        }
    }
    if hidden {
        return false;
    }
    if let Some(s) = style {
        if crate::text::squeezed_contains(s, "display:none") || crate::text::squeezed_contains(s, "visibility:hidden") {
            return false;
        }
    }
    if aria == Some("true") && !class.unwrap_or("").contains("fallback-image") {
        return false;
    }
    true
}

impl<'d> Tree<'d> {
    /// Builds the tree of `root`'s subtree, leaving out non-text elements, hidden elements and
    /// `excluded` subtrees (clutter hits).
    pub fn build(dom: &'d Dom, root: NodeId, excluded: &[NodeId]) -> Tree<'d> {
        let names: Vec<&'d str> = dom.names().collect();
        let text_id = names.len() as u32;
        let mut t = Tree {
            dom,
            n: vec![VNode { tag: text_id, parent: NONE, first: NONE, last: NONE, prev: NONE, next: NONE }; dom.len()],
            names,
            root: root.0,
            clutter: Vec::new(),
            runs: vec![0; dom.len()],
            commas: vec![0; dom.len()],
            text_tag: if dom.names().any(|n| n == TEXT) { NONE } else { text_id },
        };
        // The heuristics' own tags last: `tag_id` finds them at once.
        t.names.extend([TEXT, "div", "p"]);
        dom.walk(root, |id| {
            let tag = if let Some(k) = dom.name_id(id) {
                if id != root {
                    let name = t.names[k as usize];
                    if super::patterns::is_drop(name) || !probably_visible(dom, id) {
                        return false;
                    }
                }
                k
            } else if dom.text_of(id).is_some() {
                text_id
            } else {
                return false;
            };
            let v = id.0;
            t.n[v as usize].tag = tag;
            if tag == text_id {
                // Zeroed tables: only the entries written (text nodes; commas only when non-zero)
                // cost memory on a huge page.
                if let (Some(s), Some(r)) = (dom.text_of(id), t.runs.get_mut(v as usize)) {
                    let (run, commas) = Run::with_commas(s);
                    *r = run.pack();
                    if commas != 0 {
                        if let Some(c) = t.commas.get_mut(v as usize) {
                            *c = commas;
                        }
                    }
                }
            }
            if id != root {
                // The walk only enters built nodes: the parent is in the tree.
                if let Some(p) = dom.parent(id) {
                    t.append(p.0, v);
                }
            }
            tag != text_id
        });
        // Clutter hits the build reached (attached to the tree).
        for &h in excluded {
            let v = h.0;
            if h != root && t.n.get(v as usize).is_some_and(|n| n.parent != NONE) {
                if t.clutter.len() <= v as usize {
                    t.clutter.resize(v as usize + 1, false);
                }
                t.clutter[v as usize] = true;
            }
        }
        t
    }

    /// The id of a tag name (the heuristics' phantom and renamed tags).
    fn tag_id(&mut self, tag: &'d str) -> u32 {
        match self.names.iter().rposition(|&n| n == tag) {
            Some(k) => k as u32,
            None => {
                self.names.push(tag);
                (self.names.len() - 1) as u32
            }
        }
    }

    /// Renames `v` (Readability's tag changes: `div` → `p`, `p` → `div`).
    pub fn set_tag(&mut self, v: u32, tag: &'d str) {
        let k = self.tag_id(tag);
        self.n[v as usize].tag = k;
    }

    /// The run and comma count of a text node.
    pub fn text_run(&self, v: u32) -> (Run, u32) {
        (Run::unpack(self.runs.get(v as usize).copied().unwrap_or(0)), self.commas.get(v as usize).copied().unwrap_or(0))
    }

    /// True for a clutter leaf.
    pub fn is_clutter(&self, v: u32) -> bool {
        self.clutter.get(v as usize).copied().unwrap_or(false)
    }

    /// A detached phantom element.
    pub fn phantom(&mut self, tag: &'d str) -> u32 {
        let tag = self.tag_id(tag);
        let v = self.n.len() as u32;
        self.n.push(VNode { tag, parent: NONE, first: NONE, last: NONE, prev: NONE, next: NONE });
        v
    }

    /// Node.
    pub fn v(&self, v: u32) -> &VNode {
        &self.n[v as usize]
    }

    /// Tag.
    pub fn tag(&self, v: u32) -> &'d str {
        self.names.get(self.n[v as usize].tag as usize).copied().unwrap_or("")
    }

    /// True for elements.
    pub fn is_el(&self, v: u32) -> bool {
        !self.is_text(v)
    }

    /// True for text nodes (`tag(v) == TEXT`, compared by tag id).
    #[inline]
    pub fn is_text(&self, v: u32) -> bool {
        if self.text_tag == NONE {
            return self.tag(v) == TEXT;
        }
        self.n[v as usize].tag == self.text_tag
    }

    /// Page node, if any.
    pub fn orig(&self, v: u32) -> Option<NodeId> {
        ((v as usize) < self.dom.len()).then_some(NodeId(v))
    }

    /// The page node that stands for `v` (itself, or its nearest virtual ancestor with one).
    pub fn anchor(&self, mut v: u32) -> Option<NodeId> {
        loop {
            if let Some(o) = self.orig(v) {
                return Some(o);
            }
            v = self.parent(v);
            if v == NONE {
                return None;
            }
        }
    }

    /// Attribute of the page node.
    pub fn attr(&self, v: u32, name: &str) -> Option<&'d str> {
        self.orig(v).and_then(|o| self.dom.attr(o, name))
    }

    /// Parent.
    pub fn parent(&self, v: u32) -> u32 {
        self.n[v as usize].parent
    }

    /// Children.
    pub fn children(&self, v: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut c = self.n[v as usize].first;
        while c != NONE {
            out.push(c);
            c = self.n[c as usize].next;
        }
        out
    }

    /// Element children.
    pub fn element_children(&self, v: u32) -> Vec<u32> {
        self.children(v).into_iter().filter(|&c| self.is_el(c)).collect()
    }

    /// Detaches `v`.
    pub fn detach(&mut self, v: u32) {
        let VNode { parent, prev, next, .. } = self.n[v as usize];
        if parent == NONE {
            return;
        }
        if prev != NONE {
            self.n[prev as usize].next = next;
        } else {
            self.n[parent as usize].first = next;
        }
        if next != NONE {
            self.n[next as usize].prev = prev;
        } else {
            self.n[parent as usize].last = prev;
        }
        let n = &mut self.n[v as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    /// Appends `c` to `p`.
    pub fn append(&mut self, p: u32, c: u32) {
        self.detach(c);
        let last = self.n[p as usize].last;
        self.n[c as usize].parent = p;
        self.n[c as usize].prev = last;
        if last != NONE {
            self.n[last as usize].next = c;
        } else {
            self.n[p as usize].first = c;
        }
        self.n[p as usize].last = c;
    }

    /// Puts `c` where `old` is, detaching `old`.
    pub fn replace(&mut self, old: u32, c: u32) {
        self.detach(c);
        let VNode { parent, prev, next, .. } = self.n[old as usize];
        if parent == NONE {
            return;
        }
        self.n[c as usize].parent = parent;
        self.n[c as usize].prev = prev;
        self.n[c as usize].next = next;
        if prev != NONE {
            self.n[prev as usize].next = c;
        } else {
            self.n[parent as usize].first = c;
        }
        if next != NONE {
            self.n[next as usize].prev = c;
        } else {
            self.n[parent as usize].last = c;
        }
        let o = &mut self.n[old as usize];
        o.parent = NONE;
        o.prev = NONE;
        o.next = NONE;
    }

    /// Next node in document order (`skip_kids`: after `v`'s subtree), Readability's `_getNextNode`.
    pub fn next_node(&self, v: u32, skip_kids: bool) -> u32 {
        let n = &self.n[v as usize];
        if !skip_kids && n.first != NONE {
            return n.first;
        }
        let mut cur = v;
        loop {
            if cur == self.root {
                return NONE;
            }
            let c = &self.n[cur as usize];
            if c.next != NONE {
                return c.next;
            }
            cur = c.parent;
            if cur == NONE {
                return NONE;
            }
        }
    }

    /// `v`'s subtree in pre-order.
    pub fn preorder(&self, v: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut cur = v;
        loop {
            out.push(cur);
            let n = &self.n[cur as usize];
            if n.first != NONE {
                cur = n.first;
                continue;
            }
            loop {
                if cur == v {
                    return out;
                }
                let c = &self.n[cur as usize];
                if c.next != NONE {
                    cur = c.next;
                    break;
                }
                cur = c.parent;
                if cur == NONE {
                    return out;
                }
            }
        }
    }

    /// The raw text of `v`'s subtree.
    pub fn text(&self, v: u32) -> String {
        let mut s = String::new();
        for x in self.preorder(v) {
            if self.is_text(x) {
                if let Some(t) = self.orig(x).and_then(|o| self.dom.text_of(o)) {
                    s.push_str(t);
                }
            }
        }
        s
    }

    /// True when `v`'s text is empty or whitespace (`text(v).trim().is_empty()`, without building it).
    pub fn is_blank(&self, v: u32) -> bool {
        let mut blank = true;
        self.walk(v, |x| {
            if blank && self.is_text(x) {
                if let Some(t) = self.orig(x).and_then(|o| self.dom.text_of(o)) {
                    blank = t.trim().is_empty();
                }
            }
            blank
        });
        blank
    }

    /// Post-order walk of `v`'s subtree (children before their parent, `v` last), without
    /// allocating: what the bottom-up measures need.
    pub fn post_walk(&self, v: u32, mut f: impl FnMut(u32)) {
        let deepest_first = |mut x: u32| {
            while self.n[x as usize].first != NONE {
                x = self.n[x as usize].first;
            }
            x
        };
        let mut cur = deepest_first(v);
        loop {
            f(cur);
            if cur == v {
                return;
            }
            let c = &self.n[cur as usize];
            if c.next != NONE {
                cur = deepest_first(c.next);
            } else {
                cur = c.parent;
                if cur == NONE {
                    return;
                }
            }
        }
    }

    /// Pre-order walk of `v`'s subtree without allocating; `f` returns `false` to stop.
    pub fn walk(&self, v: u32, mut f: impl FnMut(u32) -> bool) {
        let mut cur = v;
        loop {
            if !f(cur) {
                return;
            }
            let n = &self.n[cur as usize];
            if n.first != NONE {
                cur = n.first;
                continue;
            }
            loop {
                if cur == v {
                    return;
                }
                let c = &self.n[cur as usize];
                if c.next != NONE {
                    cur = c.next;
                    break;
                }
                cur = c.parent;
                if cur == NONE {
                    return;
                }
            }
        }
    }

    /// The text of `v`'s subtree if it has at most `max_nodes` nodes (small blocks only: keeps
    /// checks on chains of wrappers linear).
    pub fn text_capped(&self, v: u32, max_nodes: usize) -> Option<String> {
        let mut s = String::new();
        let mut cur = v;
        let mut seen = 0usize;
        loop {
            seen += 1;
            if seen > max_nodes {
                return None;
            }
            let n = &self.n[cur as usize];
            if self.is_text(cur) {
                if let Some(t) = self.orig(cur).and_then(|o| self.dom.text_of(o)) {
                    s.push_str(t);
                }
            }
            if n.first != NONE {
                cur = n.first;
                continue;
            }
            loop {
                if cur == v {
                    return Some(s);
                }
                let c = &self.n[cur as usize];
                if c.next != NONE {
                    cur = c.next;
                    break;
                }
                cur = c.parent;
                if cur == NONE {
                    return Some(s);
                }
            }
        }
    }

    /// Readability's `_getInnerText`: trimmed, whitespace runs collapsed (length in chars).
    pub fn inner_len(&self, v: u32) -> usize {
        Run::of(&self.text(v)).trimmed()
    }

    /// `class id`, lowercase.
    pub fn match_string(&self, v: u32) -> String {
        match self.orig(v).and_then(|o| self.dom.element(o)) {
            Some(e) if e.attrs.iter().any(|(k, _)| k == "class" || k == "id") => self.dom.class_and_id(NodeId(v)),
            _ => String::new(),
        }
    }

    /// True when `v` has an ancestor named `tag` within `max_depth` levels (0 = unlimited).
    pub fn has_ancestor(&self, v: u32, tag: &str, max_depth: usize) -> bool {
        let mut p = self.parent(v);
        let mut depth = 0;
        while p != NONE {
            if max_depth > 0 && depth == max_depth {
                return false;
            }
            if self.tag(p) == tag {
                return true;
            }
            p = self.parent(p);
            depth += 1;
        }
        false
    }
}

/// The length of a text under Readability's whitespace collapsing, composable across nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Run {
    /// Characters after collapsing whitespace runs to one.
    pub len: u32,
    /// Starts with whitespace.
    pub lead: bool,
    /// Ends with whitespace.
    pub trail: bool,
}

impl Run {
    /// Measures a string.
    pub fn of(s: &str) -> Run {
        Run::with_commas(s).0
    }

    /// Measures a string and counts its commas ([`is_comma`](super::patterns::is_comma)) in
    /// the same pass, byte by byte for ASCII (the build measures every text node of the page).
    pub fn with_commas(s: &str) -> (Run, u32) {
        let b = s.as_bytes();
        if s.is_ascii() {
            return ascii_run_with_commas(b);
        }
        let mut r = Run::default();
        let (mut ws, mut i, mut commas) = (false, 0usize, 0u32);
        while let Some(&x) = b.get(i) {
            let (w, step) = if x < 0x80 {
                commas += u32::from(x == b',');
                (matches!(x, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '), 1)
            } else {
                match s.get(i..).and_then(|t| t.chars().next()) {
                    Some(c) => {
                        commas += u32::from(super::patterns::is_comma(c));
                        (c.is_whitespace(), c.len_utf8())
                    }
                    None => (false, 1),
                }
            };
            if i == 0 {
                r.lead = w;
            }
            if !(w && ws) {
                r.len += 1;
            }
            ws = w;
            i += step;
        }
        r.trail = ws;
        (r, commas)
    }

    /// Concatenation.
    #[inline]
    pub fn join(self, b: Run) -> Run {
        if self.len == 0 {
            return b;
        }
        if b.len == 0 {
            return self;
        }
        let merged = (self.trail && b.lead) as u32;
        Run { len: self.len + b.len - merged, lead: self.lead, trail: b.trail }
    }

    /// The run in one `u32` (length in the high 30 bits; 0 is the empty run), for dense tables.
    pub fn pack(self) -> u32 {
        (self.len.min(u32::MAX >> 2) << 2) | (self.lead as u32) << 1 | self.trail as u32
    }

    /// Inverse of [`Run::pack`].
    pub fn unpack(x: u32) -> Run {
        Run { len: x >> 2, lead: x & 2 != 0, trail: x & 1 != 0 }
    }

    /// Length once trimmed.
    pub fn trimmed(self) -> usize {
        if self.len == 0 || (self.len == 1 && self.lead) {
            return 0;
        }
        (self.len - self.lead as u32 - self.trail as u32) as usize
    }
}

/// [`Run::with_commas`] of ASCII text: a byte counts unless it and the byte before are both
/// whitespace, so each pair of neighbours is tested on its own (the loop vectorizes).
fn ascii_run_with_commas(b: &[u8]) -> (Run, u32) {
    let Some((len, lead, trail)) = crate::text::ascii_collapsed(b) else { return (Run::default(), 0) };
    let commas = b.iter().map(|&x| u32::from(x == b',')).sum::<u32>();
    (Run { len: len as u32, lead, trail }, commas)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Run`]'s definition, char by char: the reference both fast paths are checked against.
    fn reference_run(s: &str) -> Run {
        let mut want = Run::default();
        let mut ws = false;
        for (i, c) in s.chars().enumerate() {
            let w = c.is_whitespace();
            if i == 0 {
                want.lead = w;
            }
            if !(w && ws) {
                want.len += 1;
            }
            ws = w;
        }
        want.trail = ws;
        want
    }

    #[test]
    fn ascii_runs_match_the_general_loop() {
        for s in ["", " ", "  ", "a", " a ", "a,  b,\t\n c ,", "\x0b\x0cx\r\n", "no,commas here", "   lead", "trail   "] {
            // ASCII text takes the byte-pair fast path; the reference is the char definition.
            let (r, c) = Run::with_commas(s);
            assert_eq!((r, c), (reference_run(s), s.matches(',').count() as u32), "{s:?}");
        }
    }

    #[test]
    fn runs_and_commas_match_the_char_definitions() {
        let all: String = (0u32..0x3100).chain(0xFE00..0xFF10).filter_map(char::from_u32).collect();
        for s in [all.as_str(), "", " ", "a", " a, b ,c ", "x\u{a0}\u{3000}y", "،,\u{FF0C}"] {
            let want = reference_run(s);
            let commas = s.chars().filter(|&c| super::super::patterns::is_comma(c)).count() as u32;
            let (run, n) = Run::with_commas(s);
            assert_eq!((run.len, run.lead, run.trail, n), (want.len, want.lead, want.trail, commas), "{s:?}");
        }
    }

    #[test]
    fn runs_compose_like_collapsed_text() {
        let a = Run::of("  Hello   ");
        let b = Run::of("  world ");
        assert_eq!(a.join(b).trimmed(), "Hello world".len());
        assert_eq!(Run::of("   ").trimmed(), 0);
        assert_eq!(Run::of("abc").join(Run::of("def")).trimmed(), 6);
    }
}
