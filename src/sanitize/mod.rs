//! Allow-list serializer: the only way page content reaches the reader view.
//!
//! Safe by construction: only the elements in [`policy`] are written, each with only its allowed
//! attributes; URLs pass [`policy::safe_url`] (http/https/mailto links, http/https images, small
//! raster `data:image` only for images) and are made absolute against the page URL; links get
//! `rel="noopener noreferrer"`. Everything else is either dropped with its content (scripts,
//! styles, embeds, forms' controls, SVG/MathML) or unwrapped (its text kept, its tag not).
//!
//! It also does Readability's presentational fixes on the fly: a container holding only inline
//! content becomes a `<p>`, loose inline runs in a container are wrapped in `<p>`, `<h1>` becomes
//! `<h2>`, lazy images get their real source, `<noscript>` image fallbacks replace placeholders,
//! and a block whose script direction differs from the article's gets its own `dir`.

pub mod policy;

use crate::dom::{Dom, NodeData, NodeId};
use crate::extract::Body;
use policy::*;

/// Sanitized HTML and plain text of the article.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Allow-listed HTML.
    pub html: String,
    /// Plain text, blocks separated by a blank line.
    pub text: String,
}

fn escape(s: &str, out: &mut String) {
    // Runs between the five special (ASCII) characters are copied whole.
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(s.get(from..i).unwrap_or(""));
        out.push_str(rep);
        from = i + 1;
    }
    out.push_str(s.get(from..).unwrap_or(""));
}

/// Calls `f` on each run of `s` in order: `Some(run)` for a run of non-whitespace characters,
/// `None` for a run of whitespace (a no-break space is whitespace only when `nbsp`). Byte by
/// byte for ASCII text (the serializer reads the whole article twice).
fn for_runs<'s>(s: &'s str, nbsp: bool, mut f: impl FnMut(Option<&'s str>)) {
    let ws = |c: char| c.is_whitespace() && (nbsp || c != '\u{a0}');
    let (mut from, mut in_ws) = (0usize, false);
    let flush = |from: usize, to: usize, in_ws: bool, f: &mut dyn FnMut(Option<&'s str>)| {
        if to > from {
            f(if in_ws { None } else { s.get(from..to) });
        }
    };
    if s.is_ascii() {
        for (i, &b) in s.as_bytes().iter().enumerate() {
            let w = (b == b' ') | (b.wrapping_sub(9) < 5);
            if w != in_ws {
                flush(from, i, in_ws, &mut f);
                from = i;
                in_ws = w;
            }
        }
    } else {
        for (i, c) in s.char_indices() {
            let w = ws(c);
            if w != in_ws {
                flush(from, i, in_ws, &mut f);
                from = i;
                in_ws = w;
            }
        }
    }
    flush(from, s.len(), in_ws, &mut f);
}

/// Plain-text builder: inline text joins with collapsed spaces, blocks are separated by a blank line.
#[derive(Default)]
struct TextOut {
    blocks: Vec<String>,
    cur: String,
    space: bool,
}

impl TextOut {
    fn push(&mut self, s: &str, pre: bool) {
        if pre {
            self.cur.push_str(s);
            return;
        }
        // Runs of non-space characters are copied whole; a space goes before a run only.
        for_runs(s, true, |run| match run {
            Some(w) => self.word(w),
            None => self.space = true,
        });
    }
    fn word(&mut self, w: &str) {
        if self.space && !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push(' ');
        }
        self.space = false;
        self.cur.push_str(w);
    }
    fn line_break(&mut self) {
        let t = self.cur.trim_end_matches([' ', '\t']).len();
        self.cur.truncate(t);
        if !self.cur.is_empty() {
            self.cur.push('\n');
        }
        self.space = false;
    }
    fn flush(&mut self) {
        let lines: Vec<&str> = self.cur.lines().map(str::trim_end).collect();
        let b = lines.join("\n");
        let b = b.trim_matches(|c: char| c == '\n' || c == ' ');
        if !b.is_empty() {
            self.blocks.push(b.to_string());
        }
        self.cur.clear();
        self.space = false;
    }
}

/// How an element is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Written with this (allowed) tag.
    Tag(&'static str),
    /// Tag dropped, children kept.
    Unwrap,
    /// A generic container written as `<div>`, its loose inline runs wrapped in `<p>`.
    Container,
}

struct Frame {
    node: NodeId,
    next: Option<NodeId>,
    close: Option<&'static str>,
    /// Text block boundary at both ends.
    block: bool,
    /// Wraps loose inline runs in `<p>`.
    autop: bool,
    autop_open: bool,
    /// Inside a paragraph-like element: block children are unwrapped.
    phrasing: bool,
    pre: bool,
    dir: &'static str,
}

struct Ctx<'a> {
    dom: &'a Dom,
    base: Option<&'a str>,
    html: String,
    text: TextOut,
    /// (rtl, ltr) letters per node of the article subtree.
    letters: Vec<(u32, u32)>,
    /// Whether a subtree holds a block-level element (a container with only inline content is a `<p>`).
    has_block: Vec<bool>,
}

/// Renders the article body.
pub fn render(dom: &Dom, body: &Body, base: Option<&str>) -> Rendered {
    let mut cx = Ctx { dom, base, html: String::new(), text: TextOut::default(), letters: Vec::new(), has_block: Vec::new() };
    cx.measure(body);
    let (r, l) = cx.letters.get(body.root.index()).copied().unwrap_or((0, 0));
    let article_dir = if r > l { "rtl" } else { "ltr" };
    let root_frame = Frame {
        node: body.root,
        next: dom.first_child(body.root),
        close: None,
        block: true,
        autop: true,
        autop_open: false,
        phrasing: false,
        pre: false,
        dir: article_dir,
    };
    let mut stack = vec![root_frame];
    // A root that is itself a paragraph-like element is written with its tag.
    if let Some(Mode::Tag(t)) = dom.tag(body.root).map(|_| cx.mode(body.root, false)) {
        if is_block_tag(t) || t == "pre" {
            let f = cx.open(body.root, t, article_dir, false);
            stack[0] = f;
        }
    }
    while let Some(top) = stack.last_mut() {
        let Some(child) = top.next else {
            let f = stack.pop().expect("stack is not empty");
            cx.close(&f);
            continue;
        };
        top.next = dom.next_sibling(child);
        if body.skip.contains(&child) {
            continue;
        }
        let (parent_autop, parent_phrasing, parent_pre, parent_dir) = (top.autop, top.phrasing, top.pre, top.dir);
        match &dom.node_data(child) {
            NodeData::Text(t) => {
                let blank = t.trim().is_empty();
                if parent_autop && !blank {
                    cx.ensure_autop(stack.last_mut().expect("stack is not empty"));
                }
                let f = stack.last().expect("stack is not empty");
                if !(f.autop && !f.autop_open && blank) {
                    cx.write_text(t, parent_pre);
                }
            }
            NodeData::Element(e) => {
                let name = e.name.as_str();
                if is_dropped(name) {
                    continue;
                }
                if name == "noscript" {
                    if let Some(img) = noscript_img(dom, child) {
                        if !prev_img_has_src(dom, child) {
                            if parent_autop {
                                cx.ensure_autop(stack.last_mut().expect("stack is not empty"));
                            }
                            cx.write_img_attrs(&img);
                        }
                    }
                    continue;
                }
                let mode = cx.mode(child, parent_phrasing);
                let inline = match mode {
                    Mode::Tag(t) => !is_block_tag(t),
                    Mode::Unwrap => !cx.has_block.get(child.index()).copied().unwrap_or(false),
                    Mode::Container => false,
                };
                if name == "img" {
                    if next_noscript_img(dom, child) && img_src(dom, child, base).is_none() {
                        continue; // placeholder; the <noscript> fallback follows
                    }
                    if parent_autop {
                        cx.ensure_autop(stack.last_mut().expect("stack is not empty"));
                    }
                    cx.write_img(child);
                    continue;
                }
                {
                    let top = stack.last_mut().expect("stack is not empty");
                    if top.autop {
                        if inline {
                            if !cx.blank(child) || name == "br" {
                                if name == "br" && !top.autop_open {
                                    continue;
                                }
                                cx.ensure_autop(top);
                            }
                        } else {
                            cx.end_autop(top);
                        }
                    }
                }
                match mode {
                    Mode::Tag("br") => {
                        cx.html.push_str("<br>");
                        cx.text.line_break();
                    }
                    Mode::Tag("hr") => {
                        cx.text.flush();
                        cx.html.push_str("<hr>");
                    }
                    Mode::Tag(t) => {
                        let f = cx.open(child, t, parent_dir, parent_pre);
                        stack.push(f);
                    }
                    Mode::Container => {
                        cx.text.flush();
                        let dir = cx.dir_attr_for(child, parent_dir);
                        cx.html.push_str("<div");
                        if dir != parent_dir {
                            cx.html.push_str(" dir=\"");
                            cx.html.push_str(dir);
                            cx.html.push('"');
                        }
                        cx.html.push('>');
                        stack.push(Frame {
                            node: child,
                            next: dom.first_child(child),
                            close: Some("div"),
                            block: true,
                            autop: true,
                            autop_open: false,
                            phrasing: false,
                            pre: false,
                            dir,
                        });
                    }
                    Mode::Unwrap => {
                        let block = !inline;
                        if block || (parent_phrasing && !is_phrasing_name(name)) {
                            cx.text.flush_or_space(block);
                        }
                        stack.push(Frame {
                            node: child,
                            next: dom.first_child(child),
                            close: None,
                            block,
                            autop: false,
                            autop_open: false,
                            phrasing: parent_phrasing,
                            pre: parent_pre,
                            dir: parent_dir,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    cx.text.flush();
    Rendered { html: cx.html, text: cx.text.blocks.join("\n\n") }
}

impl TextOut {
    fn flush_or_space(&mut self, block: bool) {
        if block {
            self.flush();
        } else {
            self.space = true;
        }
    }
}

impl Ctx<'_> {
    /// Bottom-up tables over the article subtree: letters by direction, block descendants.
    fn measure(&mut self, body: &Body) {
        let dom = self.dom;
        let mut order = Vec::new();
        dom.walk(body.root, |n| {
            if n != body.root && body.skip.contains(&n) {
                return false;
            }
            if let Some(t) = dom.tag(n) {
                if n != body.root && is_dropped(t) {
                    return false;
                }
            }
            order.push(n);
            true
        });
        self.letters = vec![(0, 0); dom.len()];
        self.has_block = vec![false; dom.len()];
        for &n in order.iter().rev() {
            if let Some(t) = dom.text_of(n) {
                let (mut r, mut l) = (0u32, 0u32);
                if t.is_ascii() {
                    // ASCII letters are all left-to-right.
                    l = t.bytes().filter(u8::is_ascii_alphabetic).count() as u32;
                } else {
                    for c in t.chars().filter(|c| c.is_alphabetic()) {
                        if crate::text::is_rtl_char(c) {
                            r += 1;
                        } else {
                            l += 1;
                        }
                    }
                }
                self.letters[n.index()] = (r, l);
            }
            if n == body.root {
                continue;
            }
            if let Some(p) = dom.parent(n) {
                let (r, l) = self.letters[n.index()];
                let pl = &mut self.letters[p.index()];
                pl.0 += r;
                pl.1 += l;
                let block = dom.tag(n).is_some_and(is_block_tag) || self.has_block[n.index()];
                if block {
                    self.has_block[p.index()] = true;
                }
            }
        }
    }

    fn blank(&self, n: NodeId) -> bool {
        let (r, l) = self.letters.get(n.index()).copied().unwrap_or((0, 0));
        if r + l > 0 {
            return false;
        }
        // No letters: digits or punctuation still count as content.
        self.dom.text(n).trim().is_empty() && !self.dom.descendants(n).any(|d| self.dom.is(d, "img"))
    }

    fn mode(&self, n: NodeId, in_phrasing: bool) -> Mode {
        let Some(name) = self.dom.tag(n) else { return Mode::Unwrap };
        if let Some(t) = allowed_tag(name) {
            if in_phrasing && is_block_tag(t) {
                return Mode::Unwrap;
            }
            return Mode::Tag(t);
        }
        if in_phrasing || is_phrasing_name(name) {
            return Mode::Unwrap;
        }
        if CONTAINERS.contains(&name) || !name.contains('-') {
            if self.has_block.get(n.index()).copied().unwrap_or(false) {
                return Mode::Container;
            }
            if self.blank(n) {
                return Mode::Unwrap;
            }
            return Mode::Tag("p");
        }
        Mode::Unwrap
    }

    fn dir_attr_for(&self, n: NodeId, inherited: &'static str) -> &'static str {
        let (r, l) = self.letters.get(n.index()).copied().unwrap_or((0, 0));
        if r > l {
            "rtl"
        } else if l > r {
            "ltr"
        } else {
            inherited
        }
    }

    fn ensure_autop(&mut self, f: &mut Frame) {
        if f.autop && !f.autop_open {
            self.text.flush();
            self.html.push_str("<p>");
            f.autop_open = true;
        }
    }

    fn end_autop(&mut self, f: &mut Frame) {
        if f.autop_open {
            self.html.push_str("</p>");
            self.text.flush();
            f.autop_open = false;
        }
    }

    fn open(&mut self, n: NodeId, tag: &'static str, parent_dir: &'static str, parent_pre: bool) -> Frame {
        let block = is_block_tag(tag);
        if block {
            self.text.flush();
        }
        self.html.push('<');
        self.html.push_str(tag);
        let mut dir = parent_dir;
        if DIR_BLOCKS.contains(&tag) {
            dir = self.dir_attr_for(n, parent_dir);
            if dir != parent_dir {
                self.html.push_str(" dir=\"");
                self.html.push_str(dir);
                self.html.push('"');
            }
        }
        self.write_attrs(n, tag);
        self.html.push('>');
        Frame {
            node: n,
            next: self.dom.first_child(n),
            close: (!VOID.contains(&tag)).then_some(tag),
            block,
            autop: false,
            autop_open: false,
            phrasing: PARAGRAPH_LIKE.contains(&tag) || !block,
            pre: parent_pre || tag == "pre",
            dir,
        }
    }

    fn close(&mut self, f: &Frame) {
        let _ = f.node;
        if f.autop_open {
            self.html.push_str("</p>");
        }
        if let Some(t) = f.close {
            self.html.push_str("</");
            self.html.push_str(t);
            self.html.push('>');
        }
        if f.block {
            self.text.flush();
        } else if matches!(f.close, Some("td" | "th")) {
            self.text.space = true;
        }
    }

    fn write_text(&mut self, t: &str, pre: bool) {
        if pre {
            escape(t, &mut self.html);
        } else {
            // Whitespace runs (not no-break spaces) become one space, escaped as it goes
            // (a space needs no escape): runs of other characters are escaped whole.
            let html = &mut self.html;
            for_runs(t, false, |run| match run {
                Some(w) => escape(w, html),
                None => html.push(' '),
            });
        }
        self.text.push(t, pre);
    }

    fn write_attr(&mut self, k: &str, v: &str) {
        self.html.push(' ');
        self.html.push_str(k);
        self.html.push_str("=\"");
        escape(v, &mut self.html);
        self.html.push('"');
    }

    fn write_attrs(&mut self, n: NodeId, tag: &str) {
        let dom = self.dom;
        let Some(e) = dom.element(n) else { return };
        match tag {
            "a" => {
                if let Some(h) = e.attrs.iter().find(|&(k, _)| k == "href").and_then(|(_, v)| safe_url(v, self.base, UrlUse::Link)) {
                    self.write_attr("href", &h);
                    self.html.push_str(" rel=\"noopener noreferrer\"");
                }
            }
            "blockquote" | "q" | "del" | "ins" => {
                if let Some(h) = e.attrs.iter().find(|&(k, _)| k == "cite").and_then(|(_, v)| safe_url(v, self.base, UrlUse::Link)) {
                    self.write_attr("cite", &h);
                }
            }
            "source" => {
                if let Some(s) = lazy_srcset(dom, n, self.base) {
                    self.write_attr("srcset", &s);
                }
            }
            _ => {}
        }
        for (k, v) in &e.attrs {
            if attr_allowed(tag, k, v) {
                self.write_attr(k, v);
            }
        }
    }

    fn write_img(&mut self, n: NodeId) {
        let dom = self.dom;
        let Some(src) = img_src(dom, n, self.base) else {
            // No usable source: an empty <img> helps nobody.
            return;
        };
        self.html.push_str("<img");
        self.write_attr("src", &src);
        if let Some(s) = lazy_srcset(dom, n, self.base) {
            self.write_attr("srcset", &s);
        }
        for k in ["alt", "title", "width", "height"] {
            if let Some(v) = dom.attr(n, k) {
                if attr_allowed("img", k, v) {
                    self.write_attr(k, v);
                }
            }
        }
        self.html.push('>');
    }

    fn write_img_attrs(&mut self, attrs: &[(String, String)]) {
        let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
        let src = ["src", "data-src", "data-lazy-src", "data-original"]
            .iter()
            .filter_map(|k| get(k))
            .find_map(|v| safe_url(v, self.base, UrlUse::Image));
        let Some(src) = src else { return };
        self.html.push_str("<img");
        self.write_attr("src", &src);
        if let Some(s) = get("srcset").and_then(|s| safe_srcset(s, self.base)) {
            self.write_attr("srcset", &s);
        }
        for k in ["alt", "title", "width", "height"] {
            if let Some(v) = get(k) {
                if attr_allowed("img", k, v) {
                    self.write_attr(k, v);
                }
            }
        }
        self.html.push('>');
    }
}

/// The image's real source: `src` unless it is a placeholder, else the lazy-loading attributes.
pub fn img_src(dom: &Dom, n: NodeId, base: Option<&str>) -> Option<String> {
    let src = dom.attr(n, "src").map(str::trim).filter(|s| !s.is_empty());
    let placeholder = src.is_none_or(is_placeholder_src);
    if !placeholder {
        if let Some(u) = src.and_then(|s| safe_url(s, base, UrlUse::Image)) {
            return Some(u);
        }
    }
    for k in LAZY_SRC {
        if let Some(u) = dom.attr(n, k).and_then(|v| safe_url(v, base, UrlUse::Image)) {
            return Some(u);
        }
    }
    // A srcset alone: its first candidate.
    if let Some(s) = lazy_srcset(dom, n, base) {
        if let Some(first) = s.split(',').next().and_then(|c| c.split_whitespace().next()) {
            return Some(first.to_string());
        }
    }
    src.and_then(|s| safe_url(s, base, UrlUse::Image))
}

fn lazy_srcset(dom: &Dom, n: NodeId, base: Option<&str>) -> Option<String> {
    ["data-srcset", "data-lazy-srcset", "srcset"].iter().find_map(|k| dom.attr(n, k).and_then(|s| safe_srcset(s, base)))
}

fn prev_img_has_src(dom: &Dom, n: NodeId) -> bool {
    let mut p = dom.prev_sibling(n);
    while let Some(x) = p {
        match &dom.node_data(x) {
            NodeData::Text(t) if t.trim().is_empty() => p = dom.prev_sibling(x),
            NodeData::Element(e) if e.name == "img" => return img_src(dom, x, None).is_some(),
            _ => return false,
        }
    }
    false
}

fn next_noscript_img(dom: &Dom, n: NodeId) -> bool {
    let mut p = dom.next_sibling(n);
    while let Some(x) = p {
        match &dom.node_data(x) {
            NodeData::Text(t) if t.trim().is_empty() => p = dom.next_sibling(x),
            NodeData::Element(e) if e.name == "noscript" => return noscript_img(dom, x).is_some(),
            _ => return false,
        }
    }
    false
}

/// The `<img>` inside a `<noscript>` (its content is raw text when scripting is on), attributes
/// read by a small scanner.
pub fn noscript_img(dom: &Dom, n: NodeId) -> Option<Vec<(String, String)>> {
    let raw = dom.text_content(n);
    let lower = raw.to_ascii_lowercase();
    let at = lower.find("<img")?;
    let rest = raw.get(at + 4..)?;
    let attrs = scan_attrs(rest);
    attrs.iter().any(|(k, _)| k == "src" || k == "data-src").then_some(attrs)
}

/// Reads `name="value"` / `name='value'` / `name=value` / `name` pairs up to the closing `>`.
pub fn scan_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    loop {
        while it.peek().is_some_and(|&(_, c)| c.is_whitespace() || c == '/') {
            it.next();
        }
        let Some(&(_, c)) = it.peek() else { break };
        if c == '>' {
            break;
        }
        let mut name = String::new();
        while let Some(&(_, c)) = it.peek() {
            if c.is_whitespace() || c == '=' || c == '>' || c == '/' {
                break;
            }
            name.push(c.to_ascii_lowercase());
            it.next();
        }
        while it.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
            it.next();
        }
        let mut value = String::new();
        if it.peek().is_some_and(|&(_, c)| c == '=') {
            it.next();
            while it.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                it.next();
            }
            match it.peek().map(|&(_, c)| c) {
                Some(q @ ('"' | '\'')) => {
                    it.next();
                    for (_, c) in it.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some(&(_, c)) = it.peek() {
                        if c.is_whitespace() || c == '>' {
                            break;
                        }
                        value.push(c);
                        it.next();
                    }
                }
            }
        }
        if name.is_empty() {
            it.next();
            continue;
        }
        out.push((name, crate::text::decode_entities(&value)));
        if out.len() > 64 {
            break;
        }
    }
    out
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_noscript_attributes() {
        let a = scan_attrs(r#" src="/a.jpg?x=1&amp;y=2" alt='Un "chat"' width=300 loading>"#);
        assert_eq!(a[0], ("src".into(), "/a.jpg?x=1&y=2".into()));
        assert_eq!(a[1], ("alt".into(), "Un \"chat\"".into()));
        assert_eq!(a[2], ("width".into(), "300".into()));
        assert_eq!(a[3], ("loading".into(), "".into()));
    }
}

#[cfg(test)]
mod run_tests {
    #[test]
    fn runs_alternate_and_cover_the_text() {
        for (s, nbsp) in [("", true), (" a  b\t", true), ("x\u{a0}y", false), ("x\u{a0}y", true), ("\u{3000}é è\n", true), ("a\x0bb", false)] {
            let mut got: Vec<Option<String>> = Vec::new();
            super::for_runs(s, nbsp, |r| got.push(r.map(str::to_string)));
            let mut want: Vec<Option<String>> = Vec::new();
            for c in s.chars() {
                let ws = c.is_whitespace() && (nbsp || c != '\u{a0}');
                match (want.last_mut(), ws) {
                    (Some(None), true) => {}
                    (Some(Some(w)), false) => w.push(c),
                    (_, true) => want.push(None),
                    (_, false) => want.push(Some(c.to_string())),
                }
            }
            assert_eq!(got, want, "{s:?}");
        }
    }
}
