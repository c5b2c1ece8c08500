//! Article extraction: find the element that holds the article body, without touching the page.
//!
//! Phases (one file each): [`tree`] (the working tree the heuristics edit instead of the page),
//! [`grab`] (Readability's scoring and candidate choice, strict → loose attempts), [`clean`]
//! (post-clean of the chosen content), [`readerable`] (is this page an article at all?),
//! [`patterns`] (every class/id and text matcher).
//!
//! What Lisible adds to Readability: clutter hits never enter the article, and the result is a
//! page subtree plus a skip set ([`Body`]) that the serializer renders.

pub mod clean;
pub mod grab;
pub mod patterns;
pub mod readerable;
pub mod tree;

use crate::dom::{Dom, NodeId};
use crate::model::{ClutterHit, Metadata};
use std::collections::HashSet;

pub use readerable::is_probably_readerable;

/// The article body: a root element and the subtrees inside it that are not the article.
#[derive(Debug, Clone)]
pub struct Body {
    /// Element holding the article.
    pub root: NodeId,
    /// Subtrees under `root` to leave out (FNV-hashed: the serializer asks once per node).
    pub skip: HashSet<NodeId, std::hash::BuildHasherDefault<crate::clutter::Fnv>>,
    /// isProbablyReaderable verdict.
    pub readerable: bool,
    /// Article text length as the extractor measured it (whitespace collapsed).
    pub text_len: usize,
}

/// Readability's `charThreshold`: an attempt with less text than this tries looser flags.
const CHAR_THRESHOLD: usize = 500;

/// Finds the article body; `None` when the page has no article (no text at all, or a page that
/// is not readerable and whose best block is short or mostly links: a home page, a login form).
pub fn grab(dom: &Dom, clutter: &[ClutterHit], meta: &Metadata) -> Option<Body> {
    let page = dom.body().or_else(|| dom.html())?;
    let mut excluded: Vec<NodeId> = Vec::new();
    for h in clutter {
        // Clutter never enters the article (but a hit on the whole page would be a detector bug:
        // ignore hits that contain the body).
        if !dom.contains(h.node, page) && h.node.index() < dom.len() {
            excluded.push(h.node);
        }
    }
    let fallback_title = if meta.title.is_none() { page_title(dom) } else { None };
    let title = meta.title.as_deref().or(fallback_title.as_deref());
    let mut flags = grab::Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };
    // Only the best short attempt so far is kept (each holds a working tree of the whole page).
    let mut best_short: Option<grab::Attempt> = None;
    let best = loop {
        let tree = tree::Tree::build(dom, page, &excluded);
        let a = grab::attempt(tree, title, flags);
        if a.text_len >= CHAR_THRESHOLD {
            break a;
        }
        // The first attempt with the most text wins among short ones (Readability's order).
        if best_short.as_ref().is_none_or(|b| a.text_len > b.text_len) {
            best_short = Some(a);
        }
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            match best_short.take() {
                Some(b) => break b,
                None => return None,
            }
        }
    };
    if best.text_len == 0 {
        return None;
    }
    let readerable = is_probably_readerable(dom);
    let body = to_body(dom, &best, readerable);
    if !readerable && looks_like_no_article(dom, &best) {
        return None;
    }
    Some(body)
}

/// The page's `<title>` (outside SVG) or `og:title`, when metadata gave none: the heading that
/// repeats it is dropped from the body (breitbart page: a `<title>` the metadata reader missed).
fn page_title(dom: &Dom) -> Option<String> {
    let t = dom
        .find_all(Dom::ROOT, "title")
        .find(|&n| !dom.ancestors(n).any(|a| dom.is(a, "svg")))
        .map(|n| crate::text::normalize_ws(&dom.text_content(n)))
        .filter(|t| !t.is_empty());
    t.or_else(|| {
        dom.find_all(Dom::ROOT, "meta")
            .filter(|&n| dom.attr(n, "property") == Some("og:title"))
            .find_map(|n| dom.attr(n, "content").map(crate::text::normalize_ws))
    })
}

/// A page that is not readerable has no article when its best block is mostly links (a home
/// page listing headlines) or when it is a short page around a password field (a login form).
/// Short pages of plain text stay articles (Readability's small test pages).
fn looks_like_no_article(dom: &Dom, a: &grab::Attempt) -> bool {
    let m = grab::measure(&a.tree, a.article);
    let links = a.tree.preorder(a.article).into_iter().filter(|&v| a.tree.tag(v) == "a").count();
    // At least a few links: a single wrapping link is not a list of headlines (js-link-replacement).
    // A long list of teaser cards (headline link, summary, date) is a listing even when the
    // summaries bring its link density under a half (fixture extract-not-article-teasers-ar).
    let density = m.link_density(a.article);
    if density > 0.5 && links >= 5 || density > 0.33 && links >= 15 {
        return true;
    }
    a.text_len < CHAR_THRESHOLD
        && dom.ids().any(|n| dom.is(n, "input") && dom.attr(n, "type").is_some_and(|t| t.eq_ignore_ascii_case("password")))
}

/// Maps the attempt's article back to the page: the root is the page node standing for the
/// selected blocks' parent (or the block itself when there is one), and every page subtree under
/// it that holds no selected node is skipped.
fn to_body(dom: &Dom, a: &grab::Attempt, readerable: bool) -> Body {
    let t = &a.tree;
    let kids = t.children(a.article);
    let root_v = if kids.len() == 1 { kids[0] } else { a.parent };
    let root = (if root_v == tree::NONE { None } else { t.anchor(root_v) }).or_else(|| dom.body()).unwrap_or(Dom::ROOT);
    let mut keep = vec![false; dom.len()];
    let mut has_keep = vec![false; dom.len()];
    for v in t.preorder(a.article) {
        if let Some(o) = t.orig(v) {
            keep[o.index()] = true;
            let mut x = Some(o);
            while let Some(n) = x {
                if has_keep[n.index()] || n == root {
                    break;
                }
                has_keep[n.index()] = true;
                x = dom.parent(n);
            }
        }
    }
    let mut skip: HashSet<NodeId, std::hash::BuildHasherDefault<crate::clutter::Fnv>> = HashSet::default();
    dom.walk(root, |n| {
        if n == root || keep[n.index()] || has_keep[n.index()] {
            return true;
        }
        // Line breaks the extractor folded into paragraphs stay: they separate words (replace-brs).
        if dom.is(n, "br") && dom.parent(n).is_some_and(|p| keep[p.index()] || has_keep[p.index()]) {
            return false;
        }
        skip.insert(n);
        false
    });
    Body { root, skip, readerable, text_len: a.text_len }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::dom::html;

    fn article(p: &str) -> String {
        format!("<p>{p} The council adopted the plan on Monday after two years of consultation, with a budget of 420 million, and the first works start in spring.</p>")
    }

    #[test]
    fn deep_pages_do_not_overflow_or_stall() {
        // 100,000 nested divs around the article, built directly (html5ever's tree builder is
        // itself quadratic in nesting depth): every phase here is iterative and linear.
        use crate::dom::Dom;
        let mut d = Dom::new();
        let html_el = d.create_element("html", vec![]);
        d.append(Dom::ROOT, html_el);
        let body = d.create_element("body", vec![]);
        d.append(html_el, body);
        let mut parent = body;
        for _ in 0..100_000 {
            let e = d.create_element("div", vec![]);
            d.append(parent, e);
            parent = e;
        }
        for word in ["One.", "Two."] {
            let p = d.create_element("p", vec![]);
            d.append(parent, p);
            d.append_text(p, &format!("{word} The council adopted the plan on Monday after two years of consultation, with a budget of 420 million, and works start in spring."));
        }
        let a = crate::analyze(&d, &crate::Options::default());
        assert!(a.is_ok_and(|a| a.text.contains("One.") && a.text.contains("Two.")));
    }

    #[test]
    fn wide_pages_stay_linear() {
        let mut s = String::from("<html><head><title>T</title></head><body><nav>");
        for i in 0..20_000 {
            s.push_str(&format!("<a href=\"/{i}\">link {i}</a>"));
        }
        s.push_str("</nav><article>");
        for i in 0..2_000 {
            s.push_str(&article(&format!("Paragraph {i}.")));
        }
        s.push_str("</article></body></html>");
        let dom = html::parse(&s);
        let a = crate::analyze(&dom, &crate::Options::default()).expect("article");
        assert!(a.text.contains("Paragraph 1999.") && !a.text.contains("link 5"));
        assert!(a.text.contains("start in spring.\n\nParagraph 1."), "blocks are separated by a blank line");
    }
}
