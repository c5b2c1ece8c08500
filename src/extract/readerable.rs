//! Readability's `isProbablyReaderable`: does the page hold enough paragraph text to be an article?

use super::patterns::sets;
use super::tree::probably_visible;
use crate::dom::Dom;

/// Shortest paragraph that counts.
const MIN_CONTENT_LENGTH: usize = 140;
/// Score above which the page is readerable.
const MIN_SCORE: f64 = 20.0;

/// True when the page probably holds an article: the sum over long visible paragraphs (`p`, `pre`,
/// `article`, `div`s holding `<br>` text) of sqrt(length - 140) exceeds 20. Paragraphs inside list
/// items and in unlikely blocks do not count.
pub fn is_probably_readerable(dom: &Dom) -> bool {
    let Some(root) = dom.body().or_else(|| dom.html()) else { return false };
    let mut in_li = vec![false; dom.len()];
    let mut score = 0.0f64;
    let mut found = false;
    dom.walk(root, |n| {
        if found {
            return false;
        }
        let Some(tag) = dom.tag(n) else { return false };
        if matches!(tag, "script" | "style" | "noscript" | "template") {
            return false;
        }
        let parent_li = dom.parent(n).map(|p| in_li[p.index()] || dom.is(p, "li")).unwrap_or(false);
        in_li[n.index()] = parent_li;
        let mut candidate = matches!(tag, "p" | "pre" | "article");
        // `div > br`: a div whose paragraphs are separated by line breaks.
        if tag == "div" && dom.element_children(n).any(|c| dom.is(c, "br")) {
            candidate = true;
        }
        if !candidate || !probably_visible(dom, n) {
            return true;
        }
        let ms = dom.class_and_id(n);
        if sets().unlikely.in_exact(&ms) && !sets().maybe.in_exact(&ms) {
            return true;
        }
        if tag == "p" && parent_li {
            return true;
        }
        let len = dom.text_content(n).trim().chars().count();
        if len < MIN_CONTENT_LENGTH {
            return true;
        }
        score += ((len - MIN_CONTENT_LENGTH) as f64).sqrt();
        if score > MIN_SCORE {
            found = true;
        }
        true
    });
    found
}
