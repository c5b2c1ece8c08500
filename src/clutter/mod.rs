//! Clutter detection: everything on the page that is not the article, with a kind and a reason.
//! Never mutates the page.
//!
//! Two sources of candidates, then one filter:
//! - [`rules`]: per element, tag / class / id / attribute / inline-style rules (one function per
//!   family: ticker, ad, share bar, related, comments, consent, newsletter, paywall, sticky,
//!   navigation), in one pre-order walk;
//! - [`phrases`]: short text nodes that are a widget's label or phrase ("Signaler cette image",
//!   "Publicité", "Les plus lus", "عاجل"...), climbed to the block they label.
//!
//! Each candidate is widened to the OUTERMOST wrapper that adds nothing of its own (no text
//! beyond a label, no media, no other links), candidates inside other candidates are dropped, and
//! no candidate may contain the main text block or be one of its paragraphs.

pub mod phrases;
pub mod rules;
pub mod words;

use crate::dom::{Dom, NodeId};
use crate::model::{ClutterHit, ClutterKind};

/// Finds the clutter on the page.
pub fn detect(dom: &Dom) -> Vec<ClutterHit> {
    let Some(body) = dom.body() else { return Vec::new() };
    let ctx = Ctx::new(dom, body);
    let mut cands: Vec<(NodeId, ClutterKind, String)> = Vec::new();
    rules::scan(&ctx, &mut cands);
    phrases::scan(&ctx, &mut cands);
    // Widen, protect the article, keep the outermost of nested candidates.
    cands.truncate(MAX_CANDIDATES);
    let mut is_cand = vec![false; dom.len()];
    for c in &cands {
        is_cand[c.0.index()] = true;
    }
    let mut widened: Vec<(NodeId, ClutterKind, String)> = Vec::new();
    for (n, kind, reason) in cands {
        let n = ctx.widen(n, kind, &is_cand);
        if !ctx.allowed(n) {
            continue;
        }
        widened.push((n, kind, reason));
    }
    // Document order = arena order for every builder (pre-order creation).
    widened.sort_by_key(|c| c.0);
    let mut hits: Vec<ClutterHit> = Vec::new();
    let mut kept: Vec<bool> = vec![false; dom.len()];
    for (n, kind, reason) in widened {
        if kept[n.index()] || dom.ancestors(n).take(200).any(|a| kept[a.index()]) {
            continue;
        }
        kept[n.index()] = true;
        hits.push(ClutterHit { kind, reason, node: n });
    }
    hits
}

/// Most candidates considered (bounds the work on pathological pages).
const MAX_CANDIDATES: usize = 400;

/// What the rules share: the page, its body and the main text block to protect.
pub struct Ctx<'a> {
    /// The page.
    pub dom: &'a Dom,
    /// `<body>`.
    pub body: NodeId,
    /// The element whose child paragraphs hold the most text (the likely article body).
    pub main: Option<NodeId>,
    /// Long paragraphs of the main block (never hit).
    pub main_paras: Vec<NodeId>,
    /// Class names the page's CSS animates (`.ticker { animation: … }`).
    pub animated: Vec<String>,
    /// `<html>` (asked for every candidate: found once).
    html: Option<NodeId>,
}

impl<'a> Ctx<'a> {
    fn new(dom: &'a Dom, body: NodeId) -> Ctx<'a> {
        let mut by_parent: FnvMap<NodeId, usize> = FnvMap::default();
        for n in dom.descendants(body) {
            if dom.is(n, "p") {
                let len = text_chars(dom, n);
                if len >= 40 {
                    if let Some(p) = dom.parent(n) {
                        *by_parent.entry(p).or_default() += len;
                    }
                }
            }
        }
        let main = by_parent.iter().max_by_key(|(n, l)| (**l, std::cmp::Reverse(**n))).map(|(n, _)| *n);
        let main_paras = main
            .map(|m| dom.element_children(m).filter(|&c| dom.is(c, "p") && text_chars(dom, c) >= 80).collect())
            .unwrap_or_default();
        let animated = animated_classes(dom);
        Ctx { dom, body, main, main_paras, animated, html: dom.html() }
    }

    /// Whether `n` may be a hit: not the body, not the main block or one of its ancestors, not a
    /// main paragraph.
    pub fn allowed(&self, n: NodeId) -> bool {
        if n == self.body || self.html == Some(n) || self.dom.element(n).is_none() {
            return false;
        }
        if let Some(m) = self.main {
            if self.dom.contains(n, m) {
                return false;
            }
        }
        !self.main_paras.contains(&n)
    }

    /// Normalized text length of a subtree, counted up to `cap` (then `cap + 1`).
    pub fn text_len(&self, n: NodeId, cap: usize) -> usize {
        let mut total = 0usize;
        let mut space = true;
        for d in self.dom.descendants(n) {
            if self.dom.tag(d).is_some_and(|t| crate::dom::NON_TEXT_ELEMENTS.contains(&t)) {
                continue;
            }
            if let Some(t) = self.dom.text_of(d) {
                if self.dom.parent(d).and_then(|p| self.dom.tag(p)).is_some_and(|t| crate::dom::NON_TEXT_ELEMENTS.contains(&t)) {
                    continue;
                }
                count_collapsed(t, &mut total, &mut space);
                if total > cap {
                    return cap + 1;
                }
            }
        }
        total
    }

    /// The outermost wrapper of `n` that adds nothing of its own: at most a short label of text,
    /// no media, no links and no form controls outside `n`.
    pub fn widen(&self, mut n: NodeId, kind: ClutterKind, is_cand: &[bool]) -> NodeId {
        let dom = self.dom;
        // An ad's wrapper may hold the creative (link, image, iframe); other blocks' may not.
        let extras: &[&str] = if kind == ClutterKind::Ad {
            &["input", "button", "select", "textarea", "figure", "p"]
        } else {
            &["img", "picture", "video", "iframe", "a", "input", "button", "select", "textarea", "figure", "p"]
        };
        for _ in 0..8 {
            let Some(p) = dom.parent(n) else { break };
            if p == self.body || dom.element(p).is_none() || matches!(dom.tag(p), Some("html" | "main" | "article")) {
                break;
            }
            if !self.allowed(p) {
                break;
            }
            let inner = self.text_len(n, 5000);
            if inner > 5000 {
                break;
            }
            let outer = self.text_len(p, inner + 41);
            if outer > inner + 40 {
                break;
            }
            let mut extra = false;
            dom.walk(p, |d| {
                if extra || d == n {
                    return false;
                }
                if d != p && (is_cand.get(d.index()).copied().unwrap_or(false) || dom.tag(d).is_some_and(|t| extras.contains(&t))) {
                    extra = true;
                }
                !extra
            });
            if extra {
                break;
            }
            n = p;
        }
        n
    }
}

/// Splits `class id` into tokens and finds a word occurring as a whole token or as a contiguous
/// run of its '-'/'_' parts (`div-gpt-ad-top` has the word "ad", `header` has not).
pub fn word_in(ms: &str, words: &'static [&'static str]) -> Option<&'static str> {
    if ms.is_empty() {
        return None;
    }
    let sep = |c: Option<char>| c.is_none_or(|c| c == '-' || c == '_');
    for tok in ms.split_whitespace() {
        for &w in words {
            if !w.contains(['-', '_']) {
                if tok.split(['-', '_']).any(|p| p == w) {
                    return Some(w);
                }
                continue;
            }
            // An occurrence of `w` bounded by the token's ends or by '-' / '_' (no allocation).
            let mut from = 0;
            while let Some(i) = tok.get(from..).and_then(|t| t.find(w)) {
                let at = from + i;
                let end = at + w.len();
                if sep(tok[..at].chars().next_back()) && sep(tok[end..].chars().next()) {
                    return Some(w);
                }
                from = at + w.len().max(1);
            }
        }
    }
    None
}

/// Characters of a subtree's text, whitespace runs counted once (no allocation).
fn text_chars(dom: &Dom, n: NodeId) -> usize {
    let mut total = 0;
    let mut space = true;
    for d in dom.descendants(n) {
        if let Some(t) = dom.text_of(d) {
            count_collapsed(t, &mut total, &mut space);
        }
    }
    total
}

/// Adds the characters of `t` to `total`, a run of whitespace counting once (`space`: the last
/// character counted was whitespace). Byte by byte for ASCII (the clutter context measures
/// every paragraph of the page).
fn count_collapsed(t: &str, total: &mut usize, space: &mut bool) {
    let b = t.as_bytes();
    if t.is_ascii() {
        if let Some((len, lead, trail)) = crate::text::ascii_collapsed(b) {
            *total += len - usize::from(lead && *space);
            *space = trail;
        }
        return;
    }
    let mut i = 0usize;
    while let Some(&x) = b.get(i) {
        let (ws, step) = if x < 0x80 {
            (matches!(x, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '), 1)
        } else {
            match t.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            }
        };
        if !(ws && *space) {
            *total += 1;
        }
        *space = ws;
        i += step;
    }
}

/// Families of class/id words (indices into [`Families`]).
pub mod fam {
    /// Tickers.
    pub const TICKER: usize = 0;
    /// Ads.
    pub const AD: usize = 1;
    /// Share bars.
    pub const SHARE: usize = 2;
    /// Related lists.
    pub const RELATED: usize = 3;
    /// Comments.
    pub const COMMENTS: usize = 4;
    /// Consent banners.
    pub const CONSENT: usize = 5;
    /// Newsletter boxes.
    pub const NEWSLETTER: usize = 6;
    /// Paywalls.
    pub const PAYWALL: usize = 7;
    /// Sticky bars.
    pub const STICKY: usize = 8;
    /// Navigation.
    pub const NAV: usize = 9;
    /// Count.
    pub const N: usize = 10;
}

/// FNV-1a: the tables are small and keyed by short strings; SipHash costs more than the lookup.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
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

/// A map with the [`Fnv`] hasher.
pub type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Word-at-a-time multiplicative hashing (FxHash's step) for the lookup-only tables keyed by
/// words and interned names: FNV's byte loop was ~1.5% of the analysis. Only for maps that are
/// never iterated (their order would follow the hash).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            self.add(u64::from_le_bytes(v));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut v = [0u8; 8];
            v[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(v) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A lookup-only map with the [`WordHasher`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

fn word_table() -> &'static WordMap<&'static str, Vec<usize>> {
    static TABLE: std::sync::OnceLock<WordMap<&'static str, Vec<usize>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        use words::*;
        let lists: [&[&str]; fam::N] =
            [TICKER_WORDS, AD_WORDS, SHARE_WORDS, RELATED_WORDS, COMMENT_WORDS, CONSENT_WORDS, NEWSLETTER_WORDS, PAYWALL_WORDS, STICKY_WORDS, NAV_WORDS];
        let mut m: WordMap<&'static str, Vec<usize>> = WordMap::default();
        for (f, list) in lists.iter().enumerate() {
            for w in list.iter() {
                m.entry(*w).or_default().push(f);
            }
        }
        m
    })
}

/// The class/id words of one element, by family: one hash lookup per run of up to three
/// '-'/'_'-separated parts of each token (the same matching as [`word_in`], in one pass).
#[derive(Default)]
pub struct Families {
    found: [Option<&'static str>; fam::N],
}

impl Families {
    /// Reads `class id` (lowercase).
    pub fn of(ms: &str) -> Families {
        let mut f = Families::default();
        if ms.is_empty() {
            return f;
        }
        let table = word_table();
        for tok in ms.split_whitespace() {
            // Byte offsets of the parts of the token (the first 12; no allocation).
            let mut bounds = [(0usize, 0usize); 12];
            let mut nb = 0usize;
            let mut start = 0;
            for (i, c) in tok.char_indices() {
                if c == '-' || c == '_' {
                    if i > start && nb < bounds.len() {
                        bounds[nb] = (start, i);
                        nb += 1;
                    }
                    start = i + 1;
                }
            }
            if tok.len() > start && nb < bounds.len() {
                bounds[nb] = (start, tok.len());
                nb += 1;
            }
            let bounds = &bounds[..nb];
            let mut look = |s: &str| {
                if let Some((k, fams)) = table.get_key_value(s) {
                    for &x in fams {
                        if f.found[x].is_none() {
                            f.found[x] = Some(*k);
                        }
                    }
                }
            };
            look(tok);
            for i in 0..bounds.len() {
                for j in i..bounds.len().min(i + 3) {
                    look(&tok[bounds[i].0..bounds[j].1]);
                }
            }
        }
        f
    }

    /// The word found for a family.
    pub fn get(&self, family: usize) -> Option<&'static str> {
        self.found.get(family).copied().flatten()
    }
}

/// Class names whose CSS rule (in the page's `<style>` elements) sets an animation or a marquee.
fn animated_classes(dom: &Dom) -> Vec<String> {
    let mut out = Vec::new();
    for s in dom.descendants(Dom::ROOT).filter(|&n| dom.is(n, "style")) {
        let css = dom.text_content(s);
        let mut rest = css.as_str();
        while let Some(open) = rest.find('{') {
            let selector = &rest[..open];
            let Some(close) = rest[open..].find('}') else { break };
            let body = &rest[open + 1..open + close];
            if selector.trim_start().starts_with('@') {
                // @keyframes / @media: skip the at-rule's header and continue inside it.
                rest = &rest[open + 1..];
                continue;
            }
            if crate::text::contains_ascii_ci(body, "animation") || crate::text::contains_ascii_ci(body, "marquee") {
                for part in selector.split([',', ' ', '>', '+', '~', ':']) {
                    for cls in part.split('.').skip(1) {
                        let c = cls.trim().to_ascii_lowercase();
                        if !c.is_empty() && !out.contains(&c) {
                            out.push(c);
                        }
                    }
                }
            }
            rest = &rest[open + close + 1..];
        }
    }
    out
}

#[cfg(test)]
mod count_tests {
    #[test]
    fn collapsed_count_matches_the_char_definition() {
        let all: String = (0u32..0x3100).filter_map(char::from_u32).collect();
        for s in [all.as_str(), "", " a  b ", "\u{a0}\u{200b}x\u{3000} y\n", " a \t\n b\x0b", "x", " "] {
            for start in [false, true] {
                let (mut want, mut sp) = (0usize, start);
                for c in s.chars() {
                    let ws = c.is_whitespace();
                    if !(ws && sp) {
                        want += 1;
                    }
                    sp = ws;
                }
                let (mut got, mut sp2) = (0usize, start);
                super::count_collapsed(s, &mut got, &mut sp2);
                assert_eq!((got, sp2), (want, sp), "{s:?}");
            }
        }
    }
}
