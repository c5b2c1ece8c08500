//! Element rules: tag, class/id words, data attributes, inline style, CSS animation. One
//! function per family; the scan stops descending at the first element a rule claims.

use super::words::*;
use super::{fam, Ctx, Families};
use crate::dom::{Dom, NodeId};
use crate::model::ClutterKind;

type Found = Option<(ClutterKind, String)>;

/// Walks the body and records every element a rule claims (outermost only).
pub fn scan(ctx: &Ctx, out: &mut Vec<(NodeId, ClutterKind, String)>) {
    let dom = ctx.dom;
    let mut names = String::new();
    dom.walk(ctx.body, |n| {
        if n == ctx.body {
            return true;
        }
        let Some(tag) = dom.tag(n) else { return false };
        if matches!(tag, "script" | "style" | "template" | "noscript" | "head") {
            return false;
        }
        // Fast path: an element without attributes can only be claimed by its tag.
        if dom.element(n).is_some_and(|e| e.attrs.is_empty()) && !matches!(tag, "marquee" | "nav" | "header" | "footer") {
            return true;
        }
        let has_names = dom.element(n).is_some_and(|e| e.attrs.iter().any(|(k, _)| k == "class" || k == "id"));
        let ms = if has_names {
            dom.class_and_id_to(n, &mut names);
            Families::of(&names)
        } else {
            Families::default()
        };
        let ms = &ms;
        let found = consent(dom, n, ms)
            .or_else(|| paywall(dom, n, tag, ms))
            .or_else(|| newsletter(dom, n, tag, ms))
            .or_else(|| ticker(ctx, n, tag, ms))
            .or_else(|| ad(dom, n, tag, ms))
            .or_else(|| share(dom, n, tag, ms))
            .or_else(|| related(dom, n, tag, ms))
            .or_else(|| comments(dom, n, tag, ms))
            .or_else(|| sticky(dom, n, tag, ms))
            .or_else(|| navigation(dom, n, tag, ms));
        match found {
            Some((kind, reason)) if ctx.allowed(n) => {
                out.push((n, kind, reason));
                false
            }
            _ => true,
        }
    });
}

fn count(dom: &Dom, n: NodeId, tags: &[&str]) -> usize {
    dom.descendants(n).skip(1).filter(|&d| dom.tag(d).is_some_and(|t| tags.contains(&t))).count()
}

/// Tags that are never a block of clutter by themselves (a word in an inline element's class is
/// too weak).
fn inline_tag(tag: &str) -> bool {
    matches!(tag, "a" | "span" | "p" | "li" | "em" | "strong" | "b" | "i" | "img" | "time" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "button" | "label")
}

fn consent(_dom: &Dom, _n: NodeId, ms: &Families) -> Found {
    ms.get(fam::CONSENT).map(|w| (ClutterKind::Consent, format!("class/id word '{w}' (cookie/consent banner)")))
}

fn paywall(_dom: &Dom, _n: NodeId, tag: &str, ms: &Families) -> Found {
    if inline_tag(tag) {
        return None;
    }
    ms.get(fam::PAYWALL).map(|w| (ClutterKind::Paywall, format!("class/id word '{w}' (paywall box)")))
}

fn newsletter(_dom: &Dom, _n: NodeId, tag: &str, ms: &Families) -> Found {
    if inline_tag(tag) {
        return None;
    }
    ms.get(fam::NEWSLETTER).map(|w| (ClutterKind::Newsletter, format!("class/id word '{w}' (newsletter box)")))
}

fn ticker(ctx: &Ctx, n: NodeId, tag: &str, ms: &Families) -> Found {
    let dom = ctx.dom;
    if tag == "marquee" {
        return Some((ClutterKind::Ticker, "<marquee> strip".into()));
    }
    if inline_tag(tag) {
        return None;
    }
    if let Some(w) = ms.get(fam::TICKER) {
        let links = count(dom, n, &["a"]);
        if links >= 2 {
            return Some((ClutterKind::Ticker, format!("class/id word '{w}' on a strip of {links} headline links")));
        }
    }
    if let Some(style) = dom.attr(n, "style") {
        if crate::text::contains_ascii_ci(style, "animation") && count(dom, n, &["a"]) >= 3 {
            return Some((ClutterKind::Ticker, "inline CSS animation on a strip of headline links".into()));
        }
    }
    if !ctx.animated.is_empty() {
        let classes = dom.attr(n, "class").unwrap_or("").to_ascii_lowercase();
        if let Some(c) = classes.split_whitespace().find(|c| ctx.animated.iter().any(|a| a == c)) {
            let links = count(dom, n, &["a"]);
            if links >= 3 {
                return Some((ClutterKind::Ticker, format!("CSS-animated class '.{c}' on a strip of {links} headline links")));
            }
        }
    }
    None
}

fn px(v: &str) -> Option<u32> {
    let v = v.trim().trim_end_matches("px").trim();
    v.parse::<f32>().ok().filter(|f| *f >= 0.0 && *f < 100_000.0).map(|f| f as u32)
}

/// Width and height from `width`/`height` attributes or an inline style.
fn size_of(dom: &Dom, n: NodeId) -> Option<(u32, u32)> {
    let (mut w, mut h) = (dom.attr(n, "width").and_then(px), dom.attr(n, "height").and_then(px));
    if let Some(style) = dom.attr(n, "style") {
        for decl in style.split(';') {
            let mut kv = decl.splitn(2, ':');
            let (Some(k), Some(v)) = (kv.next(), kv.next()) else { continue };
            match k.trim().to_ascii_lowercase().as_str() {
                "width" => w = px(v).or(w),
                "height" => h = px(v).or(h),
                _ => {}
            }
        }
    }
    Some((w?, h?))
}

fn ad(dom: &Dom, n: NodeId, tag: &str, ms: &Families) -> Found {
    if tag == "iframe" {
        let src = dom.attr(n, "src").unwrap_or("").to_ascii_lowercase();
        if let Some(h) = AD_HOSTS.iter().find(|h| src.contains(*h)) {
            return Some((ClutterKind::Ad, format!("iframe from ad server '{h}'")));
        }
    }
    if let Some(e) = dom.element(n) {
        if let Some((k, _)) = e.attrs.iter().find(|&(k, _)| k.starts_with("data-ad-") || k == "data-ad" || k == "data-adunit" || k == "data-ad-slot" || k == "data-google-query-id") {
            return Some((ClutterKind::Ad, format!("ad attribute '{k}'")));
        }
    }
    if !matches!(tag, "a" | "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "img" | "time") {
        if let Some(w) = ms.get(fam::AD) {
            return Some((ClutterKind::Ad, format!("class/id word '{w}' (ad slot)")));
        }
    }
    if matches!(tag, "div" | "ins" | "iframe" | "aside" | "section") {
        if let Some((w, h)) = size_of(dom, n) {
            if IAB_SIZES.contains(&(w, h)) && dom.text(n).trim().chars().count() < 40 {
                return Some((ClutterKind::Ad, format!("standard ad size {w}x{h}")));
            }
        }
    }
    None
}

fn share(dom: &Dom, n: NodeId, tag: &str, ms: &Families) -> Found {
    if matches!(tag, "a" | "p" | "button" | "img") {
        return None;
    }
    let w = ms.get(fam::SHARE)?;
    let controls = count(dom, n, &["a", "button"]);
    // A share bar has little text of its own (mercurial page: "sharing-…" section ids).
    let short = dom.text(n).trim().chars().count() < 200;
    (short && (controls >= 2 || controls == 0)).then(|| (ClutterKind::ShareBar, format!("class/id word '{w}' with {controls} buttons")))
}

fn related(dom: &Dom, n: NodeId, tag: &str, ms: &Families) -> Found {
    if inline_tag(tag) && tag != "li" {
        return None;
    }
    let w = ms.get(fam::RELATED)?;
    let links = count(dom, n, &["a"]);
    (links >= 2).then(|| (ClutterKind::Related, format!("class/id word '{w}' on a list of {links} links")))
}

fn comments(_dom: &Dom, _n: NodeId, tag: &str, ms: &Families) -> Found {
    if inline_tag(tag) {
        return None;
    }
    ms.get(fam::COMMENTS).map(|w| (ClutterKind::Comments, format!("class/id word '{w}' (comment section)")))
}

fn outside_article(dom: &Dom, n: NodeId) -> bool {
    !dom.ancestors(n).take(64).any(|a| matches!(dom.tag(a), Some("article" | "main")))
}

fn sticky(dom: &Dom, n: NodeId, tag: &str, ms: &Families) -> Found {
    if let Some(style) = dom.attr(n, "style") {
        if crate::text::squeezed_contains(style, "position:fixed") || crate::text::squeezed_contains(style, "position:sticky") {
            return Some((ClutterKind::Sticky, "inline style position fixed/sticky".into()));
        }
    }
    if !inline_tag(tag) {
        if let Some(w) = ms.get(fam::STICKY) {
            return Some((ClutterKind::Sticky, format!("class/id word '{w}' (sticky bar)")));
        }
    }
    if (tag == "footer" || dom.attr(n, "role") == Some("contentinfo")) && outside_article(dom, n) {
        return Some((ClutterKind::Sticky, "page footer".into()));
    }
    None
}

fn navigation(dom: &Dom, n: NodeId, tag: &str, ms: &Families) -> Found {
    if tag == "nav" || dom.attr(n, "role") == Some("navigation") {
        return Some((ClutterKind::Navigation, "<nav> / role=navigation".into()));
    }
    // A page header with the site's links; one holding the headline is the article's own header
    // (citylab, ehow pages), whose inner <nav> is caught on its own.
    if tag == "header" && outside_article(dom, n) && count(dom, n, &["h1"]) == 0 && (count(dom, n, &["nav"]) > 0 || count(dom, n, &["a"]) >= 3) {
        return Some((ClutterKind::Navigation, "site header with navigation links".into()));
    }
    if !inline_tag(tag) {
        if let Some(w) = ms.get(fam::NAV) {
            if count(dom, n, &["a"]) >= 2 {
                return Some((ClutterKind::Navigation, format!("class/id word '{w}' on a list of links")));
            }
        }
    }
    None
}
