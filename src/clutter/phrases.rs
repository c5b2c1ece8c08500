//! Text rules: short text nodes that name a widget ("Signaler cette image", "Publicité", "Les plus
//! lus", "عاجل", "Nous utilisons des cookies"...) and share links, climbed to the block they belong to.

use super::words::*;
use super::Ctx;
use crate::dom::{Dom, NodeData, NodeId};
use crate::model::ClutterKind;

/// Longest text node read as a label or phrase.
const MAX_PHRASE_NODE: usize = 300;

/// Records the blocks named by labels and phrases.
pub fn scan(ctx: &Ctx, out: &mut Vec<(NodeId, ClutterKind, String)>) {
    let dom = ctx.dom;
    let mut share_links: Vec<NodeId> = Vec::new();
    dom.walk(ctx.body, |n| {
        match &dom.node_data(n) {
            NodeData::Element(e) => {
                if matches!(e.name.as_str(), "script" | "style" | "template" | "noscript") {
                    return false;
                }
                if e.name == "a" && dom.attr(n, "href").is_some_and(|h| sets().share_hosts.in_ascii_ci(h)) {
                    share_links.push(n);
                }
                true
            }
            NodeData::Text(t) => {
                let t = t.trim();
                if t.is_empty() || t.len() > MAX_PHRASE_NODE * 4 || !t.chars().any(char::is_alphabetic) {
                    return false;
                }
                // Too long once collapsed (lowercasing never shortens it): no copy to make.
                if collapsed_chars(t) > MAX_PHRASE_NODE {
                    return false;
                }
                // Text that can be no label, no comment count and holds no anchor is no
                // phrase: skipped before copying it (most of the page's text).
                if !may_classify(t) {
                    return false;
                }
                let norm = if t.is_ascii() {
                    // ASCII: one copy, collapsed and lowercased at once (same result).
                    let mut n = crate::text::normalize_ws(t);
                    n.make_ascii_lowercase();
                    n
                } else if t.contains(char::is_whitespace) {
                    crate::text::normalize_ws(t).to_lowercase()
                } else {
                    t.to_lowercase()
                };
                if norm.chars().count() > MAX_PHRASE_NODE {
                    return false;
                }
                let label = norm.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '…' | '.' | '!' | '|' | '-' | '»' | '«' | '›'));
                if let Some(el) = dom.parent(n) {
                    if let Some(hit) = classify(ctx, el, &norm, label) {
                        out.push(hit);
                    }
                }
                false
            }
            _ => false,
        }
    });
    // Share links: the nearest block holding two or more of them.
    let mut seen: Vec<NodeId> = Vec::new();
    for l in share_links {
        if let Some(b) = dom.ancestors(l).take(5).find(|&a| count_share_links(dom, a) >= 2) {
            if !seen.contains(&b) {
                seen.push(b);
                out.push((b, ClutterKind::ShareBar, "block of share links (facebook/x/whatsapp/…)".into()));
            }
        }
    }
}

/// False when the text `t` certainly gives [`classify`] nothing, decided on `t` in place (most
/// of the page's text is checked without the lowercase copy). `scan`'s label is `t` with
/// whitespace runs (and U+200B) collapsed, lowercased, trimmed of whitespace and
/// `:…!|-»«›.`: its words are those of `t` trimmed of the same characters (lowercasing adds no
/// space and never lowers a character count), so a label of more characters than every label
/// and of three words or more is no label and no comment count. An anchor is found in the
/// lowercase copy only where its spaceless key ([`anchor_keys`]) is in `t`, ASCII letters
/// compared case-insensitively: only two characters lowercase to ASCII letters (the Kelvin
/// sign, dotted capital I), and text holding them takes the exact path.
fn may_classify(t: &str) -> bool {
    let trim = |c: char| c.is_whitespace() || c == '\u{200b}' || matches!(c, ':' | '…' | '.' | '!' | '|' | '-' | '»' | '«' | '›');
    let core = t.trim_matches(trim);
    let (mut chars, mut words, mut space, mut special) = (0usize, 0usize, true, false);
    for c in core.chars() {
        let ws = c.is_whitespace() || c == '\u{200b}';
        if !ws {
            if space {
                words += 1;
                chars += usize::from(words > 1);
            }
            chars += 1;
            special |= matches!(c, '\u{212a}' | '\u{130}');
        }
        space = ws;
    }
    special || chars <= label_max_chars() || words <= 2 || anchor_keys().in_ascii_ci(t)
}

/// Most characters of a label of [`labels`].
fn label_max_chars() -> usize {
    static M: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *M.get_or_init(|| labels().keys().map(|k| k.chars().count()).max().unwrap_or(0))
}

/// The [`crate::text::spaceless_key`] of each of the [`ANCHORS`].
fn anchor_keys() -> &'static crate::text::Needles {
    static N: std::sync::OnceLock<crate::text::Needles> = std::sync::OnceLock::new();
    N.get_or_init(|| {
        let keys: Vec<&'static str> = ANCHORS.iter().map(|a| crate::text::spaceless_key(a)).collect();
        crate::text::Needles::new(&keys)
    })
}

/// Characters of `t` with whitespace runs counted once (as `normalize_ws` leaves them).
fn collapsed_chars(t: &str) -> usize {
    let (mut n, mut space) = (0usize, false);
    for c in t.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
            space = true;
        } else {
            n += 1 + (space && n > 0) as usize;
            space = false;
        }
    }
    n
}

fn count_share_links(dom: &Dom, n: NodeId) -> usize {
    dom.descendants(n)
        .filter(|&d| dom.is(d, "a") && dom.attr(d, "href").is_some_and(|h| sets().share_hosts.in_ascii_ci(h)))
        .take(2)
        .count()
}

fn count(dom: &Dom, n: NodeId, tag: &str) -> usize {
    dom.descendants(n).filter(|&d| dom.is(d, tag)).count()
}

/// `normalize_ws(&dom.text(n)).chars().count()`, counted on the text nodes in place (the same
/// walk as [`Dom::text`], whitespace runs across nodes counted once, ends trimmed).
fn len(dom: &Dom, n: NodeId) -> usize {
    let (mut count, mut space) = (0usize, false);
    dom.walk(n, |d| {
        if let Some(t) = dom.text_of(d) {
            for c in t.chars() {
                if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
                    space = true;
                } else {
                    count += 1 + usize::from(space && count > 0);
                    space = false;
                }
            }
            return true;
        }
        d == n || !dom.tag(d).is_some_and(crate::dom::is_non_text)
    });
    count
}

fn link_density(dom: &Dom, n: NodeId) -> f32 {
    let total = len(dom, n);
    if total == 0 {
        return 0.0;
    }
    let links: usize = dom.descendants(n).filter(|&d| dom.is(d, "a")).map(|a| len(dom, a)).sum();
    links as f32 / total as f32
}

/// The nearest ancestor (up to `levels`) of `el` that satisfies `ok`.
fn up(dom: &Dom, el: NodeId, levels: usize, ok: impl Fn(NodeId) -> bool) -> Option<NodeId> {
    std::iter::once(el).chain(dom.ancestors(el)).take(levels + 1).find(|&a| dom.element(a).is_some() && ok(a))
}

/// Substrings every phrase of the phrase lists contains (a cheap filter before the lists).
const ANCHORS: &[&str] = &[
    "signal", "report", "cookie", "abonn", "réservé", "subscri", "newsletter", "inscri", "sign up", "get our", "continue reading", "لإبلاغ", "لابلاغ",
    "شكرا", "الارتباط", "الكوكيز", "مشترك", "النشرة", "نشرتنا", "اشترك",
];

/// Label → kind, for the exact-label lists (one hash lookup per text node).
fn labels() -> &'static super::WordMap<&'static str, ClutterKind> {
    static T: std::sync::OnceLock<super::WordMap<&'static str, ClutterKind>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut m = super::WordMap::default();
        // Later lists do not override earlier ones ("urgent" stays a ticker label).
        for (list, kind) in [
            (AD_LABELS, ClutterKind::Ad),
            (TICKER_LABELS, ClutterKind::Ticker),
            (RELATED_LABELS, ClutterKind::Related),
            (COMMENT_LABELS, ClutterKind::Comments),
            (SHARE_LABELS, ClutterKind::ShareBar),
        ] {
            for l in list {
                m.entry(*l).or_insert(kind);
            }
        }
        m
    })
}

/// The fragment lists matched on every text node or link, as [`Needles`](crate::text::Needles).
struct Sets {
    anchors: crate::text::Needles,
    share_hosts: crate::text::Needles,
}

fn sets() -> &'static Sets {
    static S: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    S.get_or_init(|| Sets { anchors: crate::text::Needles::new(ANCHORS), share_hosts: crate::text::Needles::new(SHARE_HOSTS) })
}

fn classify(ctx: &Ctx, el: NodeId, norm: &str, label: &str) -> Option<(NodeId, ClutterKind, String)> {
    let dom = ctx.dom;
    let label_kind = labels().get(label).copied();
    // `norm` is lowercase: an exact scan.
    if label_kind.is_none() && !is_comment_count(label) && !sets().anchors.in_exact(norm) {
        return None;
    }
    if let Some(p) = IMAGE_REPORT_PHRASES.iter().find(|p| crate::text::contains_fast(norm, p)) {
        // The widget: the element holding the phrase, up to the block that also holds its
        // confirmation message (still short, no image).
        let block = up(dom, el, 3, |a| len(dom, a) <= 400 && count(dom, a, "img") == 0 && dom.parent(a).is_some_and(|pp| count(dom, pp, "img") > 0 || len(dom, pp) > 400))
            .unwrap_or(el);
        return Some((block, ClutterKind::ImageReport, format!("image-report phrase '{p}'")));
    }
    if let Some(p) = CONSENT_PHRASES.iter().find(|p| crate::text::contains_fast(norm, p)) {
        let block = up(dom, el, 4, |a| len(dom, a) <= 1000 && (count(dom, a, "button") + count(dom, a, "a")) > 0)?;
        return Some((block, ClutterKind::Consent, format!("consent phrase '{p}'")));
    }
    if let Some(p) = PAYWALL_PHRASES.iter().find(|p| crate::text::contains_fast(norm, p)) {
        if norm.chars().count() <= 200 {
            let block = up(dom, el, 3, |a| len(dom, a) <= 600 && (count(dom, a, "button") + count(dom, a, "a")) > 0)?;
            return Some((block, ClutterKind::Paywall, format!("paywall phrase '{p}'")));
        }
    }
    if let Some(p) = NEWSLETTER_PHRASES.iter().find(|p| crate::text::contains_fast(norm, p)) {
        if norm.chars().count() <= 200 {
            let block = up(dom, el, 4, |a| len(dom, a) <= 600 && (count(dom, a, "input") + count(dom, a, "form")) > 0)?;
            return Some((block, ClutterKind::Newsletter, format!("newsletter phrase '{p}'")));
        }
    }
    if label_kind == Some(ClutterKind::Ad) {
        // The label's own block: the slot it titles (short, no paragraph of text).
        let block = up(dom, el, 2, |a| a != el && len(dom, a) <= 60).unwrap_or(el);
        return Some((block, ClutterKind::Ad, format!("ad label '{label}'")));
    }
    if label_kind == Some(ClutterKind::Ticker) {
        let block = up(dom, el, 3, |a| count(dom, a, "a") >= 3 && link_density(dom, a) > 0.6)?;
        return Some((block, ClutterKind::Ticker, format!("ticker label '{label}' on a strip of headline links")));
    }
    if label_kind == Some(ClutterKind::Related) {
        let block = up(dom, el, 3, |a| count(dom, a, "a") >= 2 && link_density(dom, a) > 0.4)?;
        return Some((block, ClutterKind::Related, format!("list heading '{label}'")));
    }
    if label_kind == Some(ClutterKind::Comments) || is_comment_count(label) {
        let heading_len = label.chars().count();
        let block = up(dom, el, 3, |a| len(dom, a) > heading_len + 20 || count(dom, a, "form") > 0)?;
        return Some((block, ClutterKind::Comments, format!("comment section heading '{label}'")));
    }
    if label_kind == Some(ClutterKind::ShareBar) {
        let block = up(dom, el, 3, |a| (count(dom, a, "a") + count(dom, a, "button")) >= 2 && len(dom, a) <= 120)?;
        return Some((block, ClutterKind::ShareBar, format!("share label '{label}'")));
    }
    None
}

/// "12 commentaires", "3 comments", "5 تعليقات".
fn is_comment_count(label: &str) -> bool {
    let mut parts = label.split_whitespace();
    let (Some(n), Some(w), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    n.chars().all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c)) && matches!(w, "commentaires" | "commentaire" | "comments" | "comment" | "تعليقات" | "تعليق")
}

#[cfg(test)]
mod prefilter_tests {
    #[test]
    fn only_two_characters_lowercase_to_ascii_letters() {
        let odd: Vec<char> = (0x80u32..0x11_0000).filter_map(char::from_u32).filter(|c| c.to_lowercase().any(|l| l.is_ascii())).collect();
        assert_eq!(odd, ['\u{130}', '\u{212a}']);
    }

    #[test]
    fn anchor_keys_are_spaceless_parts_of_the_anchors() {
        for a in super::ANCHORS {
            let key = a.split(' ').next().unwrap();
            let key = if key.is_ascii() || !key.chars().any(|c| c.is_ascii_alphabetic()) { key } else { "serv" };
            assert!(a.contains(key) && !key.contains(char::is_whitespace), "{a}");
            assert!(super::anchor_keys().in_exact(key), "{a}");
        }
    }
}
