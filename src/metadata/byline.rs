//! Visible bylines and datelines: what a reader sees under the headline ("Par X", "Publié le …",
//! `<time>`, elements classed date/byline), read only outside the page's chrome (sidebars,
//! tickers, comments, footers, site headers), so that a "most read" list with newer dates or the
//! masthead's "today" never becomes the article's date.

use super::dates::{self, PUBLISH_WORDS, UPDATE_WORDS};
use super::tags::bounded_text;
use crate::dom::{Dom, NodeData, NodeId};
use crate::text::Needles;

/// Which nodes are page chrome (not the article's surroundings), and where the headline is.
pub struct Zones {
    chrome: Vec<bool>,
    /// Per node: bit 0 = classed like a dateline, bit 1 = classed like a byline (computed once).
    hints: Vec<u8>,
    /// The first `<h1>` (document order), if any.
    pub h1: Option<NodeId>,
}

/// Class/id fragments of page chrome. Fixtures: meta-sidebar-newer-dates (most-read list with
/// newer dates), maghress-fr (ticker "breaking-news"), meta-published-vs-modified (comments).
const CHROME_WORDS: &[&str] = &[
    "sidebar", "side-bar", "widget", "related", "most-read", "mostread", "most_read", "popular", "comment",
    "footer", "ticker", "breaking", "marquee", "navbar", "navigation", "menu", "recommend", "plus-lus",
    "trending", "teaser", "newsletter", "share", "social", "cookie", "masthead", "topbar", "top-bar",
    "site-header", "breadcrumb", "promo", "more-stories", "read-more", "readmore", "also", "outbrain",
    "taboola", "latest", "dernieres", "akhbar", "reply", "respond", "sitenav", "site-nav", "site_nav",
];

impl Zones {
    /// One pass over the document.
    pub fn compute(dom: &Dom) -> Zones {
        let mut chrome = vec![false; dom.len()];
        let mut keep = vec![false; dom.len()];
        let h1 = dom.body().and_then(|b| dom.find(b, "h1"));
        // The headline's ancestors are never chrome (a "has-sidebar" body class, a widgetized
        // article column).
        if let Some(h) = h1 {
            keep[h.index()] = true;
            for a in dom.ancestors(h) {
                keep[a.index()] = true;
            }
        }
        let mut hints = vec![0u8; dom.len()];
        let Some(body) = dom.body() else { return Zones { chrome, hints, h1 } };
        let words = needles();
        dom.walk(body, |n| {
            let Some(tag) = dom.tag(n) else { return true };
            // The lowercase `class id` fragment checks, on the attribute values in place, all
            // four lists in one scan of each value.
            // The four attributes read here, in one pass (the first of each, as `attr` gives).
            let (mut class, mut ident, mut itemprop, mut role) = (None, None, None, None);
            for (k, v) in dom.attrs(n) {
                let slot = match k {
                    "class" => &mut class,
                    "id" => &mut ident,
                    "itemprop" => &mut itemprop,
                    "role" => &mut role,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = Some(v);
                }
            }
            let ci = class.map_or(0, |c| words.find_lowercase(c)) | ident.map_or(0, |i| words.find_lowercase(i));
            let parent_chrome = dom.parent(n).is_some_and(|p| chrome[p.index()]);
            let c = parent_chrome || (!keep[n.index()] && is_chrome(dom, n, tag, role, || ci & CHROME != 0));
            chrome[n.index()] = c;
            let mut h = 0u8;
            if ci & DATE != 0 || itemprop.is_some_and(|p| words.find_ascii_ci(p) & DATE != 0) {
                h |= 1;
            }
            if ci & AUTHOR != 0 && ci & NOT_AUTHOR == 0 {
                h |= 2;
            }
            hints[n.index()] = h;
            true
        });
        Zones { chrome, hints, h1 }
    }

    fn hint(&self, n: NodeId, bit: u8) -> bool {
        self.hints.get(n.index()).is_some_and(|h| h & bit != 0)
    }

    /// True when `n` is inside page chrome.
    pub fn is_chrome(&self, n: NodeId) -> bool {
        self.chrome.get(n.index()).copied().unwrap_or(false)
    }

    /// True when `n` comes after the headline in document order.
    pub fn after_h1(&self, n: NodeId) -> bool {
        self.h1.is_none_or(|h| n >= h)
    }
}

/// The fragment lists of [`Zones::compute`] in one [`Needles`]: chrome words, date hints,
/// author hints, and the words that make an author-classed element no byline ("bio", "about").
fn needles() -> &'static Needles {
    static SETS: std::sync::OnceLock<Needles> = std::sync::OnceLock::new();
    SETS.get_or_init(|| Needles::sets(&[CHROME_WORDS, DATE_HINTS, AUTHOR_HINTS, &["bio", "about"]]))
}
/// Bits of [`needles`].
const CHROME: u32 = 1;
const DATE: u32 = 2;
const AUTHOR: u32 = 4;
const NOT_AUTHOR: u32 = 8;

/// `class_words`: whether the lowercase `class id` holds a [`CHROME_WORDS`] fragment.
fn is_chrome(dom: &Dom, n: NodeId, tag: &str, role: Option<&str>, class_words: impl FnOnce() -> bool) -> bool {
    let in_article = || dom.ancestors(n).take(60).any(|a| matches!(dom.tag(a), Some("article")));
    // An article's own <footer> holds its byline and date (htmldate-eval pages; the fixture
    // meta-published-vs-modified keeps the site footer out).
    if tag == "footer" {
        return !in_article();
    }
    if matches!(tag, "aside" | "nav" | "marquee" | "select" | "menu" | "dialog") {
        return true;
    }
    if matches!(tag, "html" | "body" | "main" | "article") {
        return false;
    }
    if tag == "header" {
        // A site header (no headline inside: the headline's ancestors are kept above).
        return dom.ancestors(n).take(50).all(|a| !matches!(dom.tag(a), Some("article") | Some("main")));
    }
    if let Some(role) = role {
        if matches!(role, "navigation" | "complementary" | "contentinfo" | "banner") {
            return true;
        }
    }
    class_words()
}

/// Class / id fragments of byline elements.
const AUTHOR_HINTS: &[&str] = &["byline", "author", "auteur", "autor", "writer", "signature", "by-line", "firma", "reporter"];

/// A date seen on the page, with where it came from.
#[derive(Clone, Debug)]
pub struct DateCandidate {
    /// ISO 8601.
    pub iso: String,
    /// Priority (higher wins; see `metadata` docs).
    pub rank: u32,
    /// Element it was read from (document order breaks ties).
    pub node: NodeId,
    /// Provenance.
    pub why: String,
    /// True when the page says it is a modification date.
    pub modified: bool,
}

/// Ranks of visible dates.
pub const RANK_TIME_PUBDATE: u32 = 80;
/// "Publié le …", "Published …", "نشر …".
pub const RANK_KEYWORD: u32 = 75;
/// A `<time>` in the article area.
pub const RANK_TIME: u32 = 65;
/// An element classed date / byline / meta.
pub const RANK_HINTED: u32 = 60;
/// A date standing alone on its line after the headline.
pub const RANK_STANDALONE: u32 = 25;
/// First date after the headline.
pub const RANK_FIRST_AFTER_H1: u32 = 20;
/// First date anywhere outside chrome.
pub const RANK_FIRST: u32 = 10;

/// Class / id / itemprop fragments of elements that hold a byline or dateline.
const DATE_HINTS: &[&str] = &[
    "date", "time", "publish", "posted", "byline", "dateline", "meta", "info", "submitted", "stand", "datum",
    "fecha", "data", "created", "author", "entry-header", "article-header", "post-header", "details", "byl",
];



/// Classifies the words just before a date: Some(true) = modification, Some(false) = publication.
fn label_before(before: &str) -> Option<bool> {
    // Collapsed first: indentation must not push the label out of the 60-character window.
    let f = dates::fold_text(&crate::text::normalize_ws(before));
    let tail: String = {
        let chars: Vec<char> = f.chars().collect();
        chars[chars.len().saturating_sub(60)..].iter().collect()
    };
    let last_update = UPDATE_WORDS.iter().filter_map(|w| tail.rfind(w)).max();
    let last_pub = PUBLISH_WORDS.iter().filter_map(|w| tail.rfind(w)).max();
    match (last_update, last_pub) {
        (Some(u), Some(p)) => Some(u > p),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
}

/// Dates in the visible text of an element: each labelled by the words before it.
fn dates_in(text: &str, lang: Option<&str>) -> Vec<(String, Option<bool>, usize)> {
    let mut out = Vec::new();
    let mut prev = 0;
    for f in dates::find_dates(text, lang, 6) {
        let before = text.get(prev..f.start).unwrap_or("");
        out.push((f.iso, label_before(before), f.start));
        prev = f.end;
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    let s = crate::text::normalize_ws(s);
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Visible date candidates (outside chrome), best rank first after sorting by the caller.
pub fn visible_dates(dom: &Dom, zones: &Zones, tags: &super::tags::Tags, lang: Option<&str>) -> Vec<DateCandidate> {
    let mut out = Vec::new();
    // <time> elements.
    // Dates sit near the top of the article: the first few hundred <time> elements are enough.
    for (n, v) in tags.times.iter().take(300) {
        let Some(iso) = dates::parse_machine(v, lang) else { continue };
        let mut ci = dom.class_and_id(*n);
        if let Some(p) = dom.attr(*n, "itemprop") {
            ci.push(' ');
            ci.push_str(&p.to_ascii_lowercase());
        }
        // The time's own label and its parent's ("Updated <time>").
        let parent_ci = dom.parent(*n).map(|p| dom.class_and_id(p)).unwrap_or_default();
        let before = dom.parent(*n).map(|p| text_before(dom, p, *n)).unwrap_or_default();
        let modified = ci.contains("updat") || ci.contains("modif") || parent_ci.contains("updat") || parent_ci.contains("modif") || label_before(&before) == Some(true);
        let pubdate = dom.attr(*n, "pubdate").is_some() || ci.contains("publish") || ci.contains("created") || ci.contains("entry-date") || ci.contains("post-date") || parent_ci.contains("publish") || parent_ci.contains("publication");
        let rank = if pubdate && !modified { RANK_TIME_PUBDATE } else { RANK_TIME };
        let rank = if zones.is_chrome(*n) { chrome_rank(rank) } else { rank };
        out.push(DateCandidate { iso, rank, node: *n, why: format!("<time datetime=\"{}\">", clip(v, 40)), modified });
    }
    let Some(body) = dom.body() else { return out };
    let mut hinted_budget = 300usize;
    let mut attr_budget = 300usize;
    let mut keyword_budget = 200usize;
    let mut first_any: Option<DateCandidate> = None;
    let mut first_after: Option<DateCandidate> = None;
    let mut first_chrome: Option<DateCandidate> = None;
    let mut first_standalone: Option<DateCandidate> = None;
    let mut text_budget = 3000usize;
    let start = out.len();
    // has_author_link per parent, computed once (0 unknown, 1 no, 2 yes): a parent with
    // thousands of short text children would otherwise rescan its children for each.
    let mut author_links: Vec<u8> = Vec::new();
    dom.walk(body, |n| {
        let chrome = zones.is_chrome(n);
        if chrome && first_any.is_some() {
            return false;
        }
        let before = out.len();
        let descend = match &dom.node_data(n) {
            NodeData::Element(e) => {
                if crate::dom::NON_TEXT_ELEMENTS.contains(&e.name.as_str()) {
                    return false;
                }
                if attr_budget > 0 {
                    if let Some(c) = attribute_date(dom, zones, n) {
                        attr_budget -= 1;
                        out.push(c);
                    }
                }
                if hinted_budget > 0 && e.name != "time" && zones.hint(n, 1) {
                    hinted_budget -= 1;
                    let text = bounded_text(dom, n, 400);
                    if text.len() <= 400 {
                        let found = dates_in(&text, lang);
                        if found.is_empty() && !chrome && is_relative(&text) {
                            out.push(DateCandidate { iso: String::new(), rank: 0, node: n, why: RELATIVE.to_string(), modified: false });
                        }
                        for (iso, label, _) in found {
                            let modified = label == Some(true);
                            // An element named for the publication date ("PublishDate", "pubdate")
                            // says what its date is, as a label would (htmldate-eval pages;
                            // fixture meta-date-named-publish-class-de).
                            let named = hint_names_publication(&dom.class_and_id(n));
                            let rank = if label == Some(false) || named && label.is_none() { RANK_KEYWORD } else { RANK_HINTED };
                            out.push(DateCandidate { iso, rank, node: n, why: format!("{} text '{}'", dom.describe(n), clip(&text, 60)), modified });
                        }
                    }
                }
                true
            }
            NodeData::Text(t) => {
                if keyword_budget > 0 && t.len() < 200 && !t.trim().is_empty() {
                    // ASCII text folds to its lowercase: matched in place (no copy per text node).
                    let publish = publish_words();
                    let keyword = if t.is_ascii() { publish.in_ascii_ci(t) } else { publish.in_exact(&dates::fold_text(t)) };
                    if keyword {
                        keyword_budget -= 1;
                        // The keyword's sentence: this text and what follows it in the parent.
                        let scope = dom.parent(n).unwrap_or(n);
                        let text = bounded_text(dom, scope, 400);
                        for (iso, label, _) in dates_in(&text, lang) {
                            if label.is_some() {
                                let modified = label == Some(true);
                                out.push(DateCandidate { iso, rank: RANK_KEYWORD, node: n, why: format!("byline text '{}'", clip(&text, 60)), modified });
                            }
                        }
                    }
                }
                // "von <a rel=author>…</a>, 8.5.12": a two-digit-year date, trusted only right
                // next to a byline's author link (fixture meta-date-byline-short-year-de).
                if !chrome && t.len() < 40 && dom.parent(n).is_some_and(|p| author_link_memo(&mut author_links, dom, zones, p)) {
                    if let Some(f) = dates::short_year_date(t, lang) {
                        let why = format!("byline text '{}'", clip(t.trim(), 60));
                        out.push(DateCandidate { iso: f.iso, rank: RANK_HINTED, node: n, why, modified: false });
                    }
                }
                if text_budget > 0 && (first_after.is_none() || first_any.is_none() || first_chrome.is_none() || first_standalone.is_none()) {
                    text_budget -= 1;
                    // Which of the four candidates this node could still give (the conditions
                    // below that do not need the date): parsing its dates is useless otherwise
                    // (a page without a dateline of its own keeps this loop going).
                    let after = !chrome && zones.after_h1(n);
                    let could = first_any.is_none() && !chrome
                        || chrome && first_chrome.is_none()
                        || first_after.is_none() && after && zones.h1.is_some()
                        || first_standalone.is_none() && after && short_line(t);
                    if let Some(f) = could.then(|| dates::find_dates(t, lang, 1).into_iter().next()).flatten() {
                        let label = label_before(t.get(..f.start).unwrap_or(""));
                        if first_standalone.is_none() && !chrome && label != Some(true) && zones.after_h1(n) && is_standalone(t, f.start, f.end) {
                            first_standalone = Some(DateCandidate { iso: f.iso.clone(), rank: RANK_STANDALONE, node: n, why: format!("a dateline of its own '{}'", clip(t, 60)), modified: false });
                        }
                        if label != Some(true) {
                            let c = DateCandidate { iso: f.iso, rank: RANK_FIRST, node: n, why: format!("first date in the text '{}'", clip(t, 60)), modified: false };
                            if first_any.is_none() && !chrome {
                                first_any = Some(c.clone());
                            } else if chrome && first_chrome.is_none() {
                                first_chrome = Some(DateCandidate { rank: 0, why: format!("first date outside the article '{}'", clip(t, 60)), ..c.clone() });
                            }
                            if first_after.is_none() && !chrome && zones.after_h1(n) && zones.h1.is_some() {
                                first_after = Some(DateCandidate { rank: RANK_FIRST_AFTER_H1, why: format!("first date after the headline '{}'", clip(t, 60)), ..c });
                            }
                        }
                    }
                }
                true
            }
            _ => true,
        };
        // Page chrome (sidebars, footers, tickers) only ever gives a last-resort date.
        if chrome {
            for c in &mut out[before..] {
                c.rank = chrome_rank(c.rank);
                c.why.push_str(" (outside the article)");
            }
        }
        descend
    });
    let _ = start;
    out.extend(first_any);
    out.extend(first_after);
    out.extend(first_chrome);
    out.extend(first_standalone);
    out
}

/// [`has_author_link`], remembered per parent in `memo` (grown on first use).
fn author_link_memo(memo: &mut Vec<u8>, dom: &Dom, zones: &Zones, p: NodeId) -> bool {
    if memo.is_empty() {
        memo.resize(dom.len(), 0);
    }
    match memo.get(p.index()).copied() {
        Some(1) => false,
        Some(2) => true,
        _ => {
            let yes = has_author_link(dom, zones, p);
            if let Some(m) = memo.get_mut(p.index()) {
                *m = 1 + u8::from(yes);
            }
            yes
        }
    }
}

/// True when element `p` has a child that names the author: a `rel="author"` link or an element
/// with an author class.
fn has_author_link(dom: &Dom, zones: &Zones, p: NodeId) -> bool {
    dom.children(p).any(|c| dom.attr(c, "rel").is_some_and(|r| r.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("author"))) || zones.hint(c, 2))
}

/// [`PUBLISH_WORDS`] as a fragment set (they are folded: lowercase, no accents).
fn publish_words() -> &'static Needles {
    static SET: std::sync::OnceLock<Needles> = std::sync::OnceLock::new();
    SET.get_or_init(|| Needles::new(PUBLISH_WORDS))
}

/// A date standing on its own in a short text node (`<p>January 18, 2020</p>`, `24. April 2020 | `,
/// `Mittwoch, 26.01.2022`, `1. Februar 2022, Daniel Dillenburg`): at most a weekday, a time zone
/// or separators besides it, or the date leading a byline. Such a
/// line is a dateline; a date inside a sentence is more often an event (htmldate-eval pages;
/// fixture meta-date-standalone-line-en).
fn is_standalone(t: &str, start: usize, end: usize) -> bool {
    let rest = format!("{} {}", t.get(..start).unwrap_or(""), t.get(end..).unwrap_or(""));
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    let lead = t.get(..start).unwrap_or("").trim().is_empty();
    (letters <= 12 || lead) && t.trim().chars().count() <= 60
}

/// `t.trim().chars().count() <= 60` ([`is_standalone`]'s length rule), counting only when the
/// byte length leaves it open.
fn short_line(t: &str) -> bool {
    let t = t.trim();
    t.len() <= 60 || t.len() <= 240 && t.chars().count() <= 60
}

/// Class / id naming a publication date: `PublishDate`, `pubdate`, `date-publication`, not
/// an update (`published-updated`).
fn hint_names_publication(ci: &str) -> bool {
    (ci.contains("publish") || ci.contains("pubdate") || ci.contains("publication")) && !ci.contains("updat") && !ci.contains("modif")
}

/// Rank of a publication date named in a script's data ("published_at": "…").
pub const RANK_SCRIPT_DATA: u32 = 30;

/// Keys of page data (inline scripts) that name the publication date.
const SCRIPT_DATE_KEYS: &[&str] = &[
    "datepublished", "published_at", "publisheddate", "publishdate", "publish_date", "publishedat", "pubdate",
    "date_published", "firstpublished", "first_published_at", "createdat", "created_at", "datecreation", "datecreated",
];

/// Publication dates named in inline script data (not JSON-LD): `"published_at":"2019-03-02T06:22:28+01:00"`.
/// Single-page apps keep their article's dates there (htmldate-eval pages).
pub fn script_dates(dom: &Dom) -> Option<DateCandidate> {
    let mut budget = 2_000_000usize;
    for s in dom.find_all(Dom::ROOT, "script") {
        let ty = dom.attr(s, "type").unwrap_or("").to_ascii_lowercase();
        if ty.contains("ld+json") {
            continue;
        }
        let text = dom.text_content(s);
        if text.len() > budget {
            break;
        }
        budget -= text.len();
        // One pass over the quotes of the script: the best key (earliest in the list) whose
        // value parses, at its first such place (what a search per key in list order finds).
        let b = text.as_bytes();
        let mut best: Option<(usize, String)> = None;
        // Per key, the end of its last match: a search resumes there (overlapping matches of
        // one key are not seen, as with `find` from the end of the previous one).
        let mut resume = [0usize; SCRIPT_DATE_KEYS.len()];
        let mut at = 0;
        while let Some(q) = b.get(at..).and_then(|r| r.iter().position(|&c| c == b'"')).map(|p| at + p) {
            at = q + 1;
            let Some(k) = script_key_at(b, at) else { continue };
            if best.as_ref().is_some_and(|(bk, _)| *bk <= k) || resume.get(k).is_some_and(|&r| q < r) {
                continue;
            }
            let after = at + SCRIPT_DATE_KEYS[k].len() + 1;
            if let Some(r) = resume.get_mut(k) {
                *r = after;
            }
            let rest = text.get(after..).unwrap_or("");
            let rest = rest.trim_start_matches([' ', ':', '"', '\\']);
            if let Some(iso) = dates::parse_iso(rest.get(..rest.len().min(40)).unwrap_or(rest)) {
                best = Some((k, iso));
                if k == 0 {
                    break;
                }
            }
        }
        if let Some((k, iso)) = best {
            let key = SCRIPT_DATE_KEYS[k];
            return Some(DateCandidate { iso, rank: RANK_SCRIPT_DATA, node: s, why: format!("page data \"{key}\""), modified: false });
        }
    }
    None
}

/// The index of the [`SCRIPT_DATE_KEYS`] key written at `b[at..]` (ASCII case-insensitively)
/// and closed by a quote.
fn script_key_at(b: &[u8], at: usize) -> Option<usize> {
    let first = b.get(at)?.to_ascii_lowercase();
    if !matches!(first, b'd' | b'p' | b'f' | b'c') {
        return None;
    }
    SCRIPT_DATE_KEYS.iter().position(|key| {
        let k = key.as_bytes();
        b.get(at..at + k.len()).is_some_and(|w| w.eq_ignore_ascii_case(k)) && b.get(at + k.len()) == Some(&b'"')
    })
}

/// Rank of a date found in page chrome: below every date of the article area.
fn chrome_rank(rank: u32) -> u32 {
    1 + rank / 20
}

/// A date in an element's attributes: `<abbr class="published" title="2016-12-23T05:11:00-05:00">`,
/// `data-date`, `data-published`… (blog platforms put the ISO date there and a time or "3 hours
/// ago" in the text).
fn attribute_date(dom: &Dom, zones: &Zones, n: NodeId) -> Option<DateCandidate> {
    let e = dom.element(n)?;
    if e.name == "time" || e.name == "meta" {
        return None;
    }
    for (k, v) in &e.attrs {
        // The end of a validity window (data-…-end-date, data-expires) is not when the page
        // was published (htmldate-eval pages).
        let window = || ["end", "expir", "until", "valid"].iter().any(|w| k.contains(w));
        let keyed = k == "title" && (v.len() <= 40 || e.name == "abbr") || k == "content" || k == "datetime" || (k.starts_with("data-") && !window() && (k.contains("date") || k.contains("time") || k.contains("publish")));
        if !keyed || v.len() < 8 || v.len() > 80 {
            continue;
        }
        // ISO values anywhere; written dates only in an <abbr>'s title ("Freitag, 6. Oktober 2017").
        let parsed = dates::parse_iso(v.trim()).or_else(|| (e.name == "abbr" && k == "title").then(|| dates::parse_date(v, None)).flatten());
        let Some(iso) = parsed else { continue };
        let mut ci = dom.class_and_id(n);
        ci.push(' ');
        ci.push_str(k);
        if let Some(p) = dom.attr(n, "itemprop") {
            ci.push(' ');
            ci.push_str(&p.to_ascii_lowercase());
        }
        // The element's own words count too: `<div datetime="…"><em>Last Updated:</em> January 7,
        // 2025</div>` (readability-test-pages spiceworks; fixture meta-date-attribute-updated-en).
        let modified = ci.contains("updat") || ci.contains("modif") || label_before(&crate::text::normalize_ws(&bounded_text(dom, n, 200))) == Some(true);
        let rank = if ci.contains("publish") || ci.contains("created") {
            RANK_TIME_PUBDATE
        } else if zones.hint(n, 1) || k != "title" {
            RANK_TIME
        } else {
            RANK_HINTED
        };
        return Some(DateCandidate { iso, rank, node: n, why: format!("{} {k}=\"{}\"", dom.describe(n), v.trim()), modified });
    }
    None
}

/// Marker candidate: the article's dateline is relative ("il y a 2 heures").
pub const RELATIVE: &str = "relative dateline";

/// "il y a 2 heures", "3 hours ago", "منذ ساعتين", "vor 2 Stunden", "hace 3 horas".
fn is_relative(text: &str) -> bool {
    let f = format!(" {} ", dates::fold_text(text));
    let number_after = |w: &str| {
        f.match_indices(w).any(|(i, _)| {
            let rest = f[i + w.len()..].trim_start();
            rest.starts_with(|c: char| c.is_ascii_digit()) || ["un ", "une ", "a ", "an ", "einer ", "einem ", "zwei ", "una ", "un "].iter().any(|x| rest.starts_with(x))
        })
    };
    let number_before_ago = f.match_indices(" ago").any(|(i, _)| f[..i].split_whitespace().rev().nth(1).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()) || n == "a" || n == "an"));
    f.contains("منذ") || number_after(" il y a ") || number_after(" vor ") || number_after(" hace ") || number_before_ago
}

/// Text of `parent` before its child `child` (bounded).
fn text_before(dom: &Dom, parent: NodeId, child: NodeId) -> String {
    let mut s = String::new();
    for c in dom.children(parent) {
        if c == child || s.len() > 200 {
            break;
        }
        s.push_str(&bounded_text(dom, c, 200));
    }
    s
}

/// Byline prefixes that introduce authors (folded forms), longest first.
pub const BY_PREFIXES: &[&str] = &[
    "propos recueillis par", "recueillis par", "recueilli par", "artikel von", "ecrit par", "redige par", "written by", "posted by", "reported by", "text by", "texte par", "publie par", "bericht von",
    "geschrieben von", "escrito por", "publicado por", "بقلم", "كتب", "كتبه", "كتبت", "اعداد", "par", "by", "von", "por", "de", "texte", "text", "auteur", "author", "autor", "مراسل",
];

/// Visible author texts: elements classed byline/author (outside chrome, after the headline
/// when there is one), and text nodes starting with "Par", "By", "بقلم"….
pub fn visible_authors(dom: &Dom, zones: &Zones) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(body) = dom.body() else { return out };
    let mut budget = 200usize;
    dom.walk(body, |n| {
        if zones.is_chrome(n) || budget == 0 {
            return false;
        }
        match &dom.node_data(n) {
            NodeData::Element(e) => {
                if crate::dom::NON_TEXT_ELEMENTS.contains(&e.name.as_str()) {
                    return false;
                }
                // A byline inside a link is a teaser card's, for another article.
                if zones.hint(n, 2) && !dom.ancestors(n).take(8).any(|a| dom.tag(a) == Some("a")) {
                    budget -= 1;
                    let t = byline_lines(dom, n, 200);
                    if !t.is_empty() && t.len() <= 200 {
                        out.push((t, format!("byline element {}", dom.describe(n))));
                        return false;
                    }
                }
                true
            }
            NodeData::Text(t) => {
                // Short lines after the headline only (checked before copying the text).
                if !zones.after_h1(n) || !normalized_shorter(t, 120) || !may_start_byline(t) {
                    return true;
                }
                let t = crate::text::normalize_ws(t);
                {
                    // ASCII text folds to its lowercase: the prefixes are compared in place, and
                    // the folded copy is made only for a line that starts like a byline.
                    let starts_with = |f: &str| after_by_prefix(f).is_some();
                    let f = if t.is_ascii() {
                        if !starts_with(&t) {
                            return true;
                        }
                        dates::fold_text(&t)
                    } else {
                        let f = dates::fold_text(&t);
                        if !starts_with(&f) {
                            return true;
                        }
                        f
                    };
                    // The name right after "By"/"Par" starts with a capital or a non-Latin letter
                    // ("By 1840, …" is prose: readability-test-pages wikipedia-2).
                    let after = BY_PREFIXES.iter().find_map(|p| f.strip_prefix(p)).unwrap_or("");
                    let name_like = after.trim_start_matches([' ', ':', '\u{a0}']).chars().next().is_some_and(|c| c.is_alphabetic());
                    let orig_after: String = t.chars().skip(t.chars().count().saturating_sub(after.chars().count())).collect();
                    let capital = orig_after.trim_start_matches([' ', ':', '\u{a0}']).chars().next().is_some_and(|c| c.is_uppercase() || !c.is_ascii_alphabetic() && c.is_alphabetic() && !c.is_lowercase());
                    if name_like && capital {
                        budget -= 1;
                        // "Par <a>X</a>": the sentence is the parent's text.
                        let scope = dom.parent(n).unwrap_or(n);
                        let s = byline_lines(dom, scope, 200);
                        if s.len() <= 200 {
                            out.push((s, "byline text".to_string()));
                        }
                    }
                }
                true
            }
            _ => true,
        }
    });
    out
}

/// What follows a byline prefix ("By", "Par", "بقلم"…: the [`BY_PREFIXES`] but "de", "text",
/// "texte", which start prose too) at the start of `f`, ASCII letters compared
/// case-insensitively, when a space, a colon or the end comes after it.
fn after_by_prefix(f: &str) -> Option<&str> {
    BY_PREFIXES.iter().filter(|p| !matches!(**p, "de" | "text" | "texte")).find_map(|p| {
        let head = f.as_bytes().get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()));
        let rest = f.get(p.len()..).filter(|_| head)?;
        (rest.starts_with([' ', ':', '\u{a0}']) || rest.is_empty()).then_some(rest)
    })
}

/// False when an ASCII text cannot start with one of the [`BY_PREFIXES`] the byline check
/// reads (all but "de", "text", "texte"): its first letter is none of theirs (checked before
/// copying the text; non-ASCII text always passes, since folding may turn it into one).
fn may_start_byline(t: &str) -> bool {
    if !t.is_ascii() {
        return true;
    }
    let first = t.bytes().find(|b| !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '));
    first.is_none_or(|b| {
        let b = b.to_ascii_lowercase();
        BY_PREFIXES.iter().filter(|p| !matches!(**p, "de" | "text" | "texte")).any(|p| p.as_bytes().first() == Some(&b))
    })
}

/// `normalize_ws(t).len() < max`, counted without copying (stops at `max`).
fn normalized_shorter(t: &str, max: usize) -> bool {
    if t.len() < max {
        return true;
    }
    let (mut len, mut space, mut any) = (0usize, false, false);
    for c in t.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
            space = true;
        } else {
            if space && any {
                len += 1;
            }
            space = false;
            any = true;
            len += c.len_utf8();
            if len >= max {
                return false;
            }
        }
    }
    true
}

/// Elements that start a new line of a byline ("Written by X<br>Edited by Y", a name and its
/// title in two `<div>`s).
const LINE_BREAKS: &[&str] = &[
    "br", "p", "div", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "dl", "section", "header",
    "footer", "address", "blockquote", "table",
];

/// True when `n` directly follows, with nothing but white space between, an element that holds
/// a whole "By X" credit: `<span>By Jane Doe</span><span>BBC News, Leeds</span>` are two lines
/// of a byline, while `Par <a>X</a> et <a>Y</a>` or `<a>Beitrag</a><span>von X</span>` is one
/// (fixture meta-byline-spans-en).
fn after_element(dom: &Dom, n: NodeId) -> bool {
    let mut p = dom.prev_sibling(n);
    while let Some(q) = p {
        match dom.text_of(q) {
            Some(t) if t.trim().is_empty() => p = dom.prev_sibling(q),
            Some(_) => return false,
            None => {
                let t = dates::fold_text(&crate::text::normalize_ws(&crate::metadata::tags::bounded_text(dom, q, 80)));
                return after_by_prefix(&t).is_some_and(|r| r.trim_start_matches([' ', ':']).chars().count() >= 3);
            }
        }
    }
    false
}

/// The text of a byline element as lines (one per block, `<br>` included, and one per child
/// element that directly follows another), words of separate elements kept apart ("Lucas
/// Nolan</a><span>22 Dec 2016" is not "Nolan22"): the name, the role and the date stay
/// distinguishable (fixtures meta-byline-lines-en, meta-byline-inline-date-fr).
pub fn byline_lines(dom: &Dom, id: NodeId, max: usize) -> String {
    let mut raw = String::new();
    // Visible characters so far (indentation does not count): past `max`, the element is too
    // long to be a byline and the caller sees a text longer than `max`.
    let mut content = 0usize;
    for n in dom.descendants(id).take(max.saturating_mul(8).max(64)) {
        if content > max {
            break;
        }
        if let Some(t) = dom.text_of(n) {
            let hidden = dom.parent(n).and_then(|p| dom.tag(p)).is_some_and(|tag| crate::dom::NON_TEXT_ELEMENTS.contains(&tag));
            if !hidden {
                raw.push(' ');
                raw.push_str(t);
                content += t.split_whitespace().map(|w| w.len() + 1).sum::<usize>();
            }
        } else if let Some(tag) = dom.tag(n) {
            if n != id && (LINE_BREAKS.contains(&tag) || dom.parent(n) == Some(id) && after_element(dom, n)) {
                raw.push('\n');
            }
        }
    }
    let lines: Vec<String> = raw.split('\n').map(crate::text::normalize_ws).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod script_date_tests {
    /// The search per key, in list order, that `script_dates` does in one pass.
    fn reference(text: &str) -> Option<(String, String)> {
        let lower = text.to_ascii_lowercase();
        for key in super::SCRIPT_DATE_KEYS {
            let pat = format!("\"{key}\"");
            let mut from = 0;
            while let Some(i) = lower.get(from..).and_then(|r| r.find(&pat)) {
                let after = from + i + pat.len();
                from = after;
                let rest = text.get(after..).unwrap_or("").trim_start_matches([' ', ':', '"', '\\']);
                if let Some(iso) = super::dates::parse_iso(rest.get(..rest.len().min(40)).unwrap_or(rest)) {
                    return Some((iso, format!("page data \"{key}\"")));
                }
            }
        }
        None
    }

    #[test]
    fn one_pass_finds_what_the_search_per_key_finds() {
        for js in [
            r#"var a = {"created_at":"2019-01-01T00:00:00Z","published_at":"2019-03-02T06:22:28+01:00"};"#,
            r#"{"DatePublished": "2020-05-06", "datePublished":"2021-01-01"}"#,
            r#"{"pubdate":"x","pubdate":"2018-02-03"}"#,
            r#""datepublished"datepublished"2020-01-01""#,
            r#"{"publishDate":null,"createdAt":"2017-07-07T10:00:00Z"}"#,
            r#"no keys at all "" "d" "p"#,
            "",
        ] {
            let html = format!("<html><head><script>{js}</script></head><body></body></html>");
            let dom = crate::dom::html::parse(&html);
            let got = super::script_dates(&dom).map(|c| (c.iso, c.why));
            assert_eq!(got, reference(js), "{js}");
        }
    }
}
