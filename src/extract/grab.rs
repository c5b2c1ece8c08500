//! Finding the article: Readability's `_grabArticle` over the working [`Tree`] (prep, paragraph
//! scoring with class/id weights and link density, candidate choice, sibling merging), with the
//! flags it loosens step by step.

use super::clean;
use super::patterns::*;
use super::tree::{Run, Tree, NONE};

/// Readability's flags, turned off one by one when an attempt finds too little text.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    /// Remove blocks whose class/id look like clutter before scoring.
    pub strip_unlikely: bool,
    /// Use class/id weights.
    pub weight_classes: bool,
    /// Post-clean blocks that look like clutter.
    pub clean_conditionally: bool,
}

/// Most candidates kept while choosing the top one.
const N_TOP_CANDIDATES: usize = 5;
/// Alternative candidates that must share an ancestor for it to win.
const MIN_TOP_CANDIDATES: usize = 3;

/// One attempt's result: the article subtree (a phantom `div`) in its tree.
pub struct Attempt<'d> {
    /// The working tree.
    pub tree: Tree<'d>,
    /// The phantom node holding the selected blocks.
    pub article: u32,
    /// The virtual parent the selected blocks came from.
    pub parent: u32,
    /// Article text length (Readability's `textLength`).
    pub text_len: usize,
}

/// A per-node table holding few entries (absent ones read as the default).
#[derive(Default)]
struct Sparse<T> {
    map: crate::clutter::FnvMap<u32, T>,
    zero: T,
}

impl<T> Sparse<T> {
    fn get(&self, i: usize) -> Option<&T> {
        Some(self.map.get(&(i as u32)).unwrap_or(&self.zero))
    }
}

impl<T> std::ops::Index<usize> for Sparse<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        self.map.get(&(i as u32)).unwrap_or(&self.zero)
    }
}

impl<T: Clone> std::ops::IndexMut<usize> for Sparse<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        let zero = self.zero.clone();
        self.map.entry(i as u32).or_insert(zero)
    }
}

/// Side tables of one measuring pass: collapsed text runs, comma counts and link text. Zeroed
/// tables of plain numbers: the memory of the nodes a pass never reaches stays untouched.
pub struct Measure {
    /// Text run per node ([`Run::pack`]).
    pub run: Vec<u32>,
    /// Commas per node.
    pub commas: Vec<u32>,
    /// Link text length (hash links weighted 0.3) per node.
    pub link: Vec<f32>,
}

impl Measure {
    /// Trimmed text length.
    pub fn len(&self, v: u32) -> usize {
        self.run.get(v as usize).map(|&r| Run::unpack(r).trimmed()).unwrap_or(0)
    }

    /// Link density.
    pub fn link_density(&self, v: u32) -> f32 {
        let l = self.len(v);
        if l == 0 {
            0.0
        } else {
            self.link.get(v as usize).copied().unwrap_or(0.0) / l as f32
        }
    }
}

/// Measures every node of `root`'s subtree bottom-up (one pass, no quadratic walks).
pub fn measure(t: &Tree, root: u32) -> Measure {
    let n = t.n.len();
    measure_with(t, root, vec![0; n], vec![0; n])
}

/// [`measure`] writing the runs into the tree's own run table (its text entries already hold
/// the text runs; element entries are free): no second page-sized table. The tree's text runs
/// are unavailable until [`restore`] gives the table back.
pub fn measure_in_place(t: &mut Tree, root: u32) -> Measure {
    let mut runs = std::mem::take(&mut t.runs);
    runs.resize(t.n.len(), 0);
    let mut commas = std::mem::take(&mut t.commas);
    commas.resize(t.n.len(), 0);
    measure_with(t, root, runs, commas)
}

/// Gives a [`measure_in_place`] table back to the tree.
pub fn restore(t: &mut Tree, m: Measure) {
    t.runs = m.run;
    t.commas = m.commas;
}

fn measure_with(t: &Tree, root: u32, run: Vec<u32>, commas: Vec<u32>) -> Measure {
    let n = t.n.len();
    let mut m = Measure { run, commas, link: vec![0.0; n] };
    let text_runs = |v: u32, m: &Measure| -> (Run, u32) {
        // The text runs live in `m` when measuring in place.
        if t.runs.is_empty() {
            (Run::unpack(m.run.get(v as usize).copied().unwrap_or(0)), m.commas.get(v as usize).copied().unwrap_or(0))
        } else {
            t.text_run(v)
        }
    };
    t.post_walk(root, |v| {
        let vi = v as usize;
        if t.is_text(v) {
            let (r, c) = text_runs(v, &m);
            m.run[vi] = r.pack();
            if c != 0 {
                m.commas[vi] = c;
            }
        } else {
            let (mut run, mut commas, mut link) = (Run::default(), 0, 0.0);
            let mut c = t.v(v).first;
            while c != NONE {
                let ci = c as usize;
                run = run.join(Run::unpack(m.run[ci]));
                commas += m.commas[ci];
                link += m.link[ci];
                c = t.v(c).next;
            }
            if t.tag(v) == "a" {
                let hash = t.attr(v, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1);
                link = run.trimmed() as f32 * if hash { 0.3 } else { 1.0 };
            }
            // Zeros are not written: on a huge page most of these zeroed tables stay untouched
            // (and cost no memory).
            m.run[vi] = run.pack();
            // In place, an element's entry may hold an older pass's count: always write then.
            if commas != 0 || m.commas.get(vi).is_some_and(|&c| c != 0) {
                m.commas[vi] = commas;
            }
            if link != 0.0 {
                m.link[vi] = link;
            }
        }
    });
    m
}

/// `s` lowercase, copied only when it has to change.
fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Class weight of a node (0 when the flag is off).
pub fn class_weight(t: &Tree, v: u32, flags: Flags) -> i32 {
    if !flags.weight_classes {
        return 0;
    }
    let c = lower(t.attr(v, "class").unwrap_or(""));
    let i = lower(t.attr(v, "id").unwrap_or(""));
    weight_of(&c) + weight_of(&i)
}

fn is_whitespace(t: &Tree, v: u32) -> bool {
    if t.is_text(v) {
        return t.text_run(v).0.trimmed() == 0;
    }
    t.tag(v) == "br"
}

/// Readability's `_isPhrasingContent`.
pub fn is_phrasing(t: &Tree, v: u32) -> bool {
    let tag = t.tag(v);
    if t.is_text(v) || is_phrasing_tag(tag) {
        return true;
    }
    if matches!(tag, "a" | "del" | "ins") {
        // Iterative check of the whole subtree: every descendant must be phrasing.
        let mut all = true;
        t.walk(v, |d| {
            let g = t.tag(d);
            all = d == v || t.is_text(d) || is_phrasing_tag(g) || matches!(g, "a" | "del" | "ins");
            all
        });
        return all;
    }
    false
}

/// Next element in document order (Readability walks elements only).
fn next_el(t: &Tree, v: u32, skip_kids: bool) -> u32 {
    let mut n = t.next_node(v, skip_kids);
    while n != NONE && !t.is_el(n) {
        n = t.next_node(n, true);
    }
    n
}

/// Readability's `_replaceBrs`: two or more `<br>` in a row start a new paragraph.
fn replace_brs(t: &mut Tree) {
    let mut brs: Vec<u32> = Vec::new();
    t.walk(t.root, |v| {
        if t.tag(v) == "br" {
            brs.push(v);
        }
        true
    });
    let skip_ws = |t: &Tree, mut n: u32| {
        while n != NONE && !t.is_el(n) && is_whitespace(t, n) {
            n = t.v(n).next;
        }
        n
    };
    for br in brs {
        if t.parent(br) == NONE {
            continue;
        }
        let mut next = t.v(br).next;
        let mut replaced = false;
        loop {
            next = skip_ws(t, next);
            if next == NONE || t.tag(next) != "br" {
                break;
            }
            replaced = true;
            let after = t.v(next).next;
            t.detach(next);
            next = after;
        }
        if !replaced {
            continue;
        }
        let p = t.phantom("p");
        t.replace(br, p);
        let mut next = t.v(p).next;
        while next != NONE {
            if t.tag(next) == "br" {
                let ne = skip_ws(t, t.v(next).next);
                if ne != NONE && t.tag(ne) == "br" {
                    break;
                }
            }
            if !is_phrasing(t, next) {
                break;
            }
            let sib = t.v(next).next;
            t.append(p, next);
            next = sib;
        }
        while t.v(p).last != NONE && is_whitespace(t, t.v(p).last) {
            let l = t.v(p).last;
            t.detach(l);
        }
        let pp = t.parent(p);
        if pp != NONE && t.tag(pp) == "p" {
            t.set_tag(pp, "div");
        }
    }
}

/// Words of a title: '_' separates too (titles use it before the site name: "Titre_科技_网").
fn tokens(s: &str) -> Vec<String> {
    s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Readability's `_textSimilarity`: share of `b`'s text made of tokens found in `a`.
pub fn text_similarity(a: &str, b: &str) -> f32 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&str> = tb.iter().filter(|w| !ta.contains(w)).map(String::as_str).collect();
    let total = tb.join(" ").chars().count().max(1);
    1.0 - uniq.join(" ").chars().count() as f32 / total as f32
}

fn initial_score(t: &Tree, v: u32, flags: Flags) -> f32 {
    let base = match t.tag(v) {
        "div" => 5,
        "pre" | "td" | "blockquote" => 3,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5,
        _ => 0,
    };
    (base + class_weight(t, v, flags)) as f32
}

/// One extraction attempt under `flags`. `title` is the page title (to drop a heading that repeats it).
pub fn attempt<'d>(mut t: Tree<'d>, title: Option<&str>, flags: Flags) -> Attempt<'d> {
    replace_brs(&mut t);
    let root = t.root;
    // Readability's `_hasChildBlockElement`, precomputed bottom-up (the walk below only removes
    // nodes it has already passed, so the table stays valid for the nodes still ahead).
    let mut block_desc = vec![false; t.n.len()];
    // Whether a subtree holds any non-blank text (for `_isElementWithoutContent`), same pass.
    let mut has_text = vec![false; t.n.len()];
    t.post_walk(root, |v| {
        if t.is_text(v) && !is_whitespace(&t, v) {
            has_text[v as usize] = true;
        }
        if let Some(p) = Some(t.parent(v)).filter(|&p| p != NONE) {
            if is_div_to_p(t.tag(v)) || block_desc[v as usize] {
                block_desc[p as usize] = true;
            }
            if has_text[v as usize] {
                has_text[p as usize] = true;
            }
        }
    });
    let mut to_score: Vec<u32> = Vec::new();
    let mut remove_title = title.is_some();
    let mut byline_seen = false;
    let mut node = root;
    while node != NONE {
        if node == root {
            node = next_el(&t, node, false);
            continue;
        }
        if t.is_clutter(node) {
            node = next_el(&t, node, true);
            continue;
        }
        let tag = t.tag(node);
        let ms = t.match_string(node);
        // Byline (already read as metadata): dropped from the body, as Readability does.
        if !byline_seen
            && (t.attr(node, "rel") == Some("author")
                || t.attr(node, "itemprop").is_some_and(|i| i.contains("author"))
                || sets().byline.in_exact(&ms))
        {
            let l = t.inner_len(node);
            if l > 0 && l < 100 {
                byline_seen = true;
                let next = next_el(&t, node, true);
                t.detach(node);
                node = next;
                continue;
            }
        }
        if remove_title && matches!(tag, "h1" | "h2") {
            if let Some(title) = title {
                if text_similarity(title, &t.text(node)) > 0.75 {
                    remove_title = false;
                    let next = next_el(&t, node, true);
                    t.detach(node);
                    node = next;
                    continue;
                }
            }
        }
        if flags.strip_unlikely {
            let unlikely = sets().unlikely.in_exact(&ms)
                && !sets().maybe.in_exact(&ms)
                && !t.has_ancestor(node, "table", 3)
                && !t.has_ancestor(node, "code", 3)
                && tag != "body"
                && tag != "a";
            let role = t.attr(node, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r));
            if unlikely || role {
                let next = next_el(&t, node, true);
                t.detach(node);
                node = next;
                continue;
            }
        }
        if matches!(tag, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") && !has_text.get(node as usize).copied().unwrap_or(true)
            && t.element_children(node).iter().all(|&c| matches!(t.tag(c), "br" | "hr"))
        {
            let next = next_el(&t, node, true);
            t.detach(node);
            node = next;
            continue;
        }
        if is_tag_to_score(tag) {
            to_score.push(node);
        }
        if tag == "div" {
            // Loose phrasing content becomes (phantom) paragraphs.
            let mut p = NONE;
            let mut child = t.v(node).first;
            let mut wrapped = false;
            while child != NONE {
                let next = t.v(child).next;
                if is_phrasing(&t, child) {
                    if p != NONE {
                        t.append(p, child);
                    } else if !is_whitespace(&t, child) {
                        p = t.phantom("p");
                        t.replace(child, p);
                        t.append(p, child);
                        wrapped = true;
                    }
                } else if p != NONE {
                    while t.v(p).last != NONE && is_whitespace(&t, t.v(p).last) {
                        let l = t.v(p).last;
                        t.detach(l);
                    }
                    p = NONE;
                }
                child = next;
            }
            if p != NONE {
                while t.v(p).last != NONE && is_whitespace(&t, t.v(p).last) {
                    let l = t.v(p).last;
                    t.detach(l);
                }
            }
            let kids = t.element_children(node);
            if kids.len() == 1 && t.tag(kids[0]) == "p" && t.children(node).iter().all(|&c| t.is_el(c) || is_whitespace(&t, c)) && {
                let m = t.text(node);
                let len = Run::of(&m).trimmed();
                let link = link_len(&t, node);
                len == 0 || link / (len as f32) < 0.25
            } {
                let p = kids[0];
                t.replace(node, p);
                to_score.push(p);
                node = p;
            } else if !(wrapped || kids.iter().any(|&c| is_div_to_p(t.tag(c)) || block_desc.get(c as usize).copied().unwrap_or(false))) {
                t.set_tag(node, "p");
                to_score.push(node);
            }
        }
        node = next_el(&t, node, false);
    }

    drop((block_desc, has_text));
    let m = measure_in_place(&mut t, root);
    // Scores exist for candidates only (a few hundred nodes): sparse tables, not page-sized ones.
    let mut score: Sparse<f32> = Sparse::default();
    let mut scored: Sparse<bool> = Sparse::default();
    let mut candidates = Vec::new();
    for &e in &to_score {
        if t.parent(e) == NONE || !attached(&t, e) {
            continue;
        }
        let len = m.len(e);
        if len < 25 {
            continue;
        }
        let content = 1.0 + (m.commas[e as usize] + 1) as f32 + (len / 100).min(3) as f32;
        let mut a = t.parent(e);
        let mut level = 0;
        while a != NONE && level < 5 {
            if !scored[a as usize] {
                scored[a as usize] = true;
                score[a as usize] = initial_score(&t, a, flags);
                candidates.push(a);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a as usize] += content / div;
            a = t.parent(a);
            level += 1;
        }
    }
    let mut top: Vec<u32> = Vec::new();
    for &c in &candidates {
        score[c as usize] *= 1.0 - m.link_density(c);
        let s = score[c as usize];
        let pos = top.iter().position(|&x| s > score[x as usize]).unwrap_or(top.len());
        if pos < N_TOP_CANDIDATES {
            top.insert(pos, c);
            top.truncate(N_TOP_CANDIDATES);
        }
    }
    let mut top_candidate = top.first().copied().unwrap_or(NONE);
    if top_candidate == NONE || top_candidate == root {
        // No candidate: the whole body is the article.
        let div = t.phantom("div");
        for c in t.children(root) {
            t.append(div, c);
        }
        t.append(root, div);
        score[div as usize] = initial_score(&t, div, flags);
        scored[div as usize] = true;
        top_candidate = div;
    } else {
        let best = score[top_candidate as usize];
        let alternatives: Vec<Vec<u32>> = top
            .iter()
            .skip(1)
            .filter(|&&c| best > 0.0 && score[c as usize] / best >= 0.75)
            .map(|&c| ancestors(&t, c))
            .collect();
        if alternatives.len() >= MIN_TOP_CANDIDATES {
            let mut p = t.parent(top_candidate);
            while p != NONE && p != root {
                let n = alternatives.iter().filter(|a| a.contains(&p)).count();
                if n >= MIN_TOP_CANDIDATES {
                    top_candidate = p;
                    break;
                }
                p = t.parent(p);
            }
        }
        if !scored[top_candidate as usize] {
            scored[top_candidate as usize] = true;
            score[top_candidate as usize] = initial_score(&t, top_candidate, flags);
        }
        // Climb while the parent scores better (the article is often split in several blocks).
        let mut p = t.parent(top_candidate);
        let mut last = score[top_candidate as usize];
        let threshold = last / 3.0;
        while p != NONE && p != root {
            if !scored[p as usize] {
                p = t.parent(p);
                continue;
            }
            let ps = score[p as usize];
            if ps < threshold {
                break;
            }
            if ps > last {
                top_candidate = p;
                break;
            }
            last = ps;
            p = t.parent(p);
        }
        let mut p = t.parent(top_candidate);
        while p != NONE && p != root && t.element_children(p).len() == 1 {
            top_candidate = p;
            p = t.parent(p);
        }
        if !scored[top_candidate as usize] {
            scored[top_candidate as usize] = true;
            score[top_candidate as usize] = initial_score(&t, top_candidate, flags);
        }
    }

    // Siblings of the top candidate that look like more of the article join it.
    let top_score = score.get(top_candidate as usize).copied().unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let parent = t.parent(top_candidate);
    let article = t.phantom("div");
    let top_class = t.attr(top_candidate, "class").unwrap_or("");
    let siblings = if parent == NONE { vec![top_candidate] } else { t.element_children(parent) };
    for s in siblings {
        let mut append = s == top_candidate;
        if !append && !t.is_clutter(s) {
            let bonus = if !top_class.is_empty() && t.attr(s, "class") == Some(top_class) { top_score * 0.2 } else { 0.0 };
            if scored.get(s as usize).copied().unwrap_or(false) && score[s as usize] + bonus >= threshold {
                append = true;
            } else if t.tag(s) == "p" {
                let ld = m.link_density(s);
                let len = m.len(s);
                if len > 80 && ld < 0.25 {
                    append = true;
                } else if len < 80 && len > 0 && ld == 0.0 {
                    let text = crate::text::normalize_ws(&t.text(s));
                    append = text.contains(". ") || text.ends_with('.');
                }
            }
        }
        if append {
            t.append(article, s);
        }
    }
    // The page-wide tables are done with: free them before the post-clean builds its own.
    restore(&mut t, m);
    drop((score, scored));
    clean::prep_article(&mut t, article, flags);
    let text_len = measure(&t, article).len(article);
    Attempt { tree: t, article, parent, text_len }
}

fn attached(t: &Tree, v: u32) -> bool {
    let mut a = v;
    let mut steps = 0usize;
    while a != NONE {
        if a == t.root {
            return true;
        }
        a = t.parent(a);
        steps += 1;
        if steps > 64 {
            // Deep nodes: the walk only detaches nodes it has passed, so a deep node that still
            // has a parent was reached through attached ancestors.
            return true;
        }
    }
    false
}

fn ancestors(t: &Tree, v: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut a = t.parent(v);
    while a != NONE {
        out.push(a);
        a = t.parent(a);
    }
    out
}

fn link_len(t: &Tree, v: u32) -> f32 {
    let mut total = 0.0;
    for d in t.preorder(v) {
        if t.tag(d) == "a" {
            let hash = t.attr(d, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1);
            total += t.inner_len(d) as f32 * if hash { 0.3 } else { 1.0 };
        }
    }
    total
}
