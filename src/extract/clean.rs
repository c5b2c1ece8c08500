//! Post-clean of the chosen content (Readability's `_prepArticle`): forms, share bars, asides,
//! headers with negative weights, and "conditional" removal of blocks that look like clutter
//! (many links or images, few commas, ad labels). All on the working tree, bottom-up in one pass
//! per tag so that nested blocks cost no more than one walk.

use super::grab::{class_weight, Flags};
use super::patterns::*;
use super::tree::{Run, Tree, NONE};

/// Runs the post-clean on `article`.
pub fn prep_article(t: &mut Tree, article: u32, flags: Flags) {
    for v in t.preorder(article) {
        if t.is_clutter(v) {
            t.detach(v);
        }
    }
    let data = mark_data_tables(t, article);
    let mut scratch = Scratch::new(t, article, &data);
    clean_conditionally(t, article, "form", flags, &data, &mut scratch);
    clean_conditionally(t, article, "fieldset", flags, &data, &mut scratch);
    remove_tags(t, article, &["object", "embed", "footer", "link", "aside"]);
    // Share bars: small blocks whose class/id names "share" (social-buttons fixture).
    for top in t.element_children(article) {
        let mut v = next_in(t, top, top, false);
        while v != NONE {
            if t.is_el(v) && is_share(&t.match_string(v)) && Run::of(&t.text(v)).len < 500 {
                let next = next_in(t, v, top, true);
                t.detach(v);
                v = next;
            } else {
                v = next_in(t, v, top, false);
            }
        }
    }
    remove_tags(t, article, &["iframe", "input", "textarea", "select", "button"]);
    // Headers with negative class weight (h1/h2 in a "meta" or "sidebar" box).
    for v in t.preorder(article) {
        if matches!(t.tag(v), "h1" | "h2") && class_weight(t, v, flags) < 0 {
            t.detach(v);
        }
    }
    clean_conditionally(t, article, "table", flags, &data, &mut scratch);
    clean_conditionally(t, article, "ul", flags, &data, &mut scratch);
    clean_conditionally(t, article, "div", flags, &data, &mut scratch);
    // News boilerplate the metadata already holds or that points elsewhere: source links,
    // datelines, aggregator notices (short blocks only).
    let m = super::grab::measure(t, article);
    for v in t.preorder(article) {
        if v != article
            && matches!(t.tag(v), "p" | "div" | "li" | "span" | "section" | "small" | "em" | "footer" | "address")
            && m.len(v) <= 220
            && t.parent(v) != NONE
            && t.text_capped(v, 64).is_some_and(|s| is_news_boilerplate(&s))
        {
            t.detach(v);
        }
    }
    // Paragraphs left empty (no text, no media).
    for v in t.preorder(article) {
        if t.tag(v) == "p"
            && t.is_blank(v)
            && !t.preorder(v).iter().any(|&d| matches!(t.tag(d), "img" | "embed" | "object" | "iframe" | "picture" | "video"))
        {
            t.detach(v);
        }
    }
}

fn next_in(t: &Tree, v: u32, within: u32, skip_kids: bool) -> u32 {
    let n = t.v(v);
    if !skip_kids && n.first != NONE {
        return n.first;
    }
    let mut cur = v;
    loop {
        if cur == within {
            return NONE;
        }
        let c = t.v(cur);
        if c.next != NONE {
            return c.next;
        }
        cur = c.parent;
        if cur == NONE {
            return NONE;
        }
    }
}

fn remove_tags(t: &mut Tree, root: u32, tags: &[&str]) {
    for v in t.preorder(root) {
        if v != root && tags.contains(&t.tag(v)) {
            t.detach(v);
        }
    }
}

/// Readability's `_markDataTables`: which tables hold data (kept) rather than layout.
fn mark_data_tables(t: &Tree, root: u32) -> Vec<bool> {
    let mut data = vec![false; t.n.len()];
    for v in t.preorder(root) {
        if t.tag(v) != "table" {
            continue;
        }
        data[v as usize] = is_data_table(t, v);
    }
    data
}

fn is_data_table(t: &Tree, table: u32) -> bool {
    if t.attr(table, "role") == Some("presentation") || t.attr(table, "datatable") == Some("0") {
        return false;
    }
    if t.attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    let (mut rows, mut cols, mut nested, mut header) = (0usize, 0usize, false, false);
    let mut v = next_in(t, table, table, false);
    while v != NONE {
        let tag = t.tag(v);
        match tag {
            "table" => {
                nested = true;
                v = next_in(t, v, table, true);
                continue;
            }
            "caption" if t.v(v).first != NONE => return true,
            "col" | "colgroup" | "tfoot" | "thead" | "th" => header = true,
            "tr" => {
                rows += 1;
                let mut c = 0;
                for cell in t.element_children(v) {
                    if matches!(t.tag(cell), "td" | "th") {
                        c += t.attr(cell, "colspan").and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(1).min(1000);
                    }
                }
                cols = cols.max(c);
            }
            _ => {}
        }
        v = next_in(t, v, table, false);
    }
    if header {
        return true;
    }
    if nested {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}

#[derive(Clone, Copy, Default)]
struct Agg {
    run: Run,
    commas: u32,
    link: f32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embeds: u32,
    video: bool,
    heading: u32,
    textish: u32,
    list: u32,
    data_table: bool,
}

/// Bits of [`tag_kind`].
const K_P: u16 = 1;
const K_IMG: u16 = 2;
const K_LI: u16 = 4;
const K_INPUT: u16 = 8;
const K_EMBED: u16 = 16;
const K_HEADING: u16 = 32;
const K_TEXTISH: u16 = 64;
const K_LIST: u16 = 128;
const K_TABLE: u16 = 256;

/// The tag tests of the conditional clean's aggregation, as bits.
fn tag_kind(tag: &str) -> u16 {
    let mut k = 0;
    for (yes, bit) in [
        (tag == "p", K_P),
        (tag == "img", K_IMG),
        (tag == "li", K_LI),
        (tag == "input", K_INPUT),
        (matches!(tag, "object" | "embed" | "iframe"), K_EMBED),
        (matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"), K_HEADING),
        (TEXTISH.contains(&tag), K_TEXTISH),
        (matches!(tag, "ul" | "ol"), K_LIST),
        (tag == "table", K_TABLE),
    ] {
        if yes {
            k |= bit;
        }
    }
    k
}

const TEXTISH: &[&str] = &["span", "font", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

/// Tables shared by the conditional-clean passes (allocated once per article).
struct Scratch {
    /// Inside a data table.
    in_data: Vec<bool>,
    /// Per-node aggregates of the current pass, by position in the article's pre-order (the
    /// article is often a small part of a big page: no aggregate per page node).
    agg: Vec<Agg>,
    /// Position of each node in the current pass's pre-order.
    pos: Vec<u32>,
}

impl Scratch {
    fn new(t: &Tree, article: u32, data: &[bool]) -> Scratch {
        let n = t.n.len();
        let mut in_data = vec![false; n];
        for v in t.preorder(article) {
            let p = t.parent(v);
            if p != NONE && (p as usize) < n && (v as usize) < n {
                in_data[v as usize] = in_data[p as usize] || (t.tag(p) == "table" && data.get(p as usize).copied().unwrap_or(false));
            }
        }
        Scratch { in_data, agg: Vec::new(), pos: vec![0; n] }
    }
}

/// Readability's `_cleanConditionally` for `tag`, bottom-up with removals applied as it goes
/// (as Readability's backwards `_removeNodes` does).
fn clean_conditionally(t: &mut Tree, article: u32, tag: &str, flags: Flags, data: &[bool], scratch: &mut Scratch) {
    if !flags.clean_conditionally {
        return;
    }
    let order = t.preorder(article);
    let in_data = &scratch.in_data;
    let pos = &mut scratch.pos;
    for (i, &v) in order.iter().enumerate() {
        if let Some(p) = pos.get_mut(v as usize) {
            *p = i as u32;
        }
    }
    let agg = &mut scratch.agg;
    agg.clear();
    agg.resize(order.len(), Agg::default());
    // What each tag name is, by tag id, read once per pass (not a string comparison per child).
    let kinds: Vec<u16> = t.names.iter().map(|n| tag_kind(n)).collect();
    let kind_of = |t: &Tree, v: u32| t.n.get(v as usize).and_then(|n| kinds.get(n.tag as usize)).copied().unwrap_or(0);
    for (vi, &v) in order.iter().enumerate().rev() {
        if t.is_text(v) {
            let (r, c) = t.text_run(v);
            agg[vi].run = r;
            agg[vi].commas = c;
            continue;
        }
        let mut a = Agg::default();
        let mut c = t.v(v).first;
        while c != NONE {
            let ca = pos.get(c as usize).and_then(|&p| agg.get(p as usize)).copied().unwrap_or_default();
            let k = kind_of(t, c);
            let is = |bit: u16| k & bit != 0;
            a.run = a.run.join(ca.run);
            a.commas += ca.commas;
            a.link += ca.link;
            a.p += ca.p + is(K_P) as u32;
            a.img += ca.img + is(K_IMG) as u32;
            a.li += ca.li + is(K_LI) as u32;
            a.input += ca.input + is(K_INPUT) as u32;
            let is_embed = is(K_EMBED);
            a.embeds += ca.embeds + is_embed as u32;
            a.video |= ca.video
                || (is_embed && t.orig(c).and_then(|o| t.dom.element(o)).is_some_and(|e| e.attrs.iter().any(|(_, val)| is_video_url(val))));
            let clen = ca.run.trimmed() as u32;
            a.heading += if is(K_HEADING) { clen } else { ca.heading };
            a.textish += if is(K_TEXTISH) { clen } else { ca.textish };
            a.list += if is(K_LIST) { clen } else { ca.list };
            a.data_table |= ca.data_table || (is(K_TABLE) && data.get(c as usize).copied().unwrap_or(false));
            c = t.v(c).next;
        }
        if t.tag(v) == "a" {
            let hash = t.attr(v, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1);
            a.link = a.run.trimmed() as f32 * if hash { 0.3 } else { 1.0 };
        }
        agg[vi] = a;
        if v != article && t.tag(v) == tag && should_remove(t, v, tag, &a, flags, data, in_data) {
            t.detach(v);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn should_remove(t: &Tree, v: u32, tag: &str, a: &Agg, flags: Flags, data: &[bool], in_data: &[bool]) -> bool {
    let len = a.run.trimmed();
    let mut is_list = matches!(tag, "ul" | "ol");
    if !is_list && len > 0 {
        is_list = a.list as f32 / len as f32 > 0.9;
    }
    if tag == "table" && data.get(v as usize).copied().unwrap_or(false) {
        return false;
    }
    if in_data.get(v as usize).copied().unwrap_or(false) || t.has_ancestor(v, "code", 3) || a.data_table {
        return false;
    }
    let weight = class_weight(t, v, flags);
    if weight < 0 {
        return true;
    }
    if a.commas >= 10 {
        return false;
    }
    let p = a.p as i64;
    let img = a.img as i64;
    let li = a.li as i64 - 100;
    let input = a.input as i64;
    let heading_density = if len == 0 { 0.0 } else { a.heading as f32 / len as f32 };
    if a.video {
        return false;
    }
    if len < 40 {
        if let Some(text) = t.text_capped(v, 64) {
            if is_ad_words(&text) || is_loading_words(&text) {
                return true;
            }
        }
    }
    let link_density = if len == 0 { 0.0 } else { a.link / len as f32 };
    let text_density = if len == 0 { 0.0 } else { a.textish as f32 / len as f32 };
    let figure_child = t.has_ancestor(v, "figure", 3);
    let embeds = a.embeds;
    let remove = (!figure_child && img > 1 && (p as f32 / img as f32) < 0.5)
        || (!is_list && li > p)
        || (input > p / 3)
        || (!is_list && !figure_child && heading_density < 0.9 && len < 25 && (img == 0 || img > 2) && link_density > 0.0)
        || (!is_list && weight < 25 && link_density > 0.2)
        || (weight >= 25 && link_density > 0.5)
        || ((embeds == 1 && len < 75) || embeds > 1)
        || (img == 0 && text_density == 0.0);
    if is_list && remove {
        // Simple lists of images stay.
        for c in t.element_children(v) {
            if t.element_children(c).len() > 1 {
                return remove;
            }
        }
        if img == a.li as i64 {
            return false;
        }
    }
    remove
}
