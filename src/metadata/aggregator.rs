//! Aggregators cite the original: "Publié dans <Outlet> le <date>", "نشر في <Outlet> يوم <date>",
//! "Originally published in <Outlet> on <date>"; source links ("Cliquez ici pour lire l'article
//! depuis sa source", "المصدر", "Source :", "Via", "Originally published by"); the site name stays
//! the aggregator's.

use super::byline::Zones;
use super::dates;
use super::tags::bounded_text;
use crate::dom::{Dom, NodeData, NodeId};

/// What an aggregator page says about the original article.
#[derive(Clone, Debug, Default)]
pub struct Original {
    /// The original outlet and where it was read.
    pub outlet: Option<(String, String)>,
    /// The original publication date (from the same dateline) and where it was read.
    pub published: Option<(String, String)>,
    /// The original article's URL and where it was read.
    pub source_url: Option<(String, String)>,
}

/// Dateline markers, as written (case variants listed: the text is matched as is).
const DATELINE_MARKERS: &[&str] = &[
    "Publié dans", "publié dans", "Publiée dans", "Paru dans", "paru dans", "Publié sur", "Originally published in",
    "originally published in", "Originally published by", "Originally published on", "Published in", "published in",
    "نشر في", "نُشر في", "نشرت في", "منشور في", "Publicado en", "publicado en", "Publicado originalmente en",
    "Erschienen in", "erschienen in", "Veröffentlicht in", "Zuerst erschienen in", "Zuerst erschienen bei",
];

/// Words between the outlet and the date, searched from the right ("Le Matin le 4 octobre": the
/// LAST " le " is the one before the date; outlet names may contain "Le" or "ال").
const DATE_JOINERS: &[&str] = &[" le ", " Le ", " يوم ", " بتاريخ ", " في ", " on ", " el ", " am ", " vom ", " du ", " - ", ", ", " | "];

/// Link texts that point to the original article (folded, lowercase).
const SOURCE_LINK_TEXTS: &[&str] = &[
    "depuis sa source", "lire l'article depuis", "article original", "source de l'article", "lire la suite sur",
    "voir l'article original", "voir la source", "lien vers la source", "read the original", "original article",
    "original story", "read the full story at", "read more at", "continue reading on", "view original", "المصدر",
    "من مصدره", "المقال الاصلي", "الخبر الاصلي", "رابط المصدر", "zum originalartikel", "originalartikel",
    "articulo original", "ver fuente", "fuente original",
];

/// Text right before a link that makes it the source ("Source : <a>", "Via <a>").
const SOURCE_LEADS: &[&str] = &[
    "source", "sources", "via", "المصدر", "نقلا عن", "quelle", "fuente", "fonte", "originally published in",
    "originally published by", "originally published at", "originally appeared in", "originally appeared on",
    "first published in", "first published by", "first appeared on", "first appeared in", "paru dans",
    "publie dans", "article paru dans", "zuerst erschienen in", "zuerst erschienen bei",
];

/// Reads the aggregator signals of the page (outside page chrome).
pub fn read(dom: &Dom, zones: &Zones, page_url: Option<&str>, lang: Option<&str>) -> Original {
    let mut o = Original::default();
    let Some(body) = dom.body() else { return o };
    let page_host = page_url.and_then(crate::url::host);
    let mut budget = 400usize;
    let mut links_seen = 0usize;
    dom.walk(body, |n| {
        if zones.is_chrome(n) {
            return false;
        }
        match &dom.node_data(n) {
            NodeData::Text(t) if o.outlet.is_none() && budget > 0 && t.len() < 600 => {
                // A dateline is a line of its own that starts with the marker ("Publié dans X
                // le …"), not prose that mentions a publication ("…published in the journal X").
                let lead = t.trim_start();
                // The markers' first bytes are few: most text nodes are passed over on one.
                let may = lead.as_bytes().first().is_some_and(|&b| marker_first_bytes()[usize::from(b)]);
                if let Some(marker) = DATELINE_MARKERS.iter().filter(|_| may).find(|m| lead.starts_with(**m) && dom.parent(n).is_some_and(|p| starts_block(dom, enclosing_block(dom, p), m))) {
                    budget -= 1;
                    let scope = dom.parent(n).unwrap_or(n);
                    dateline(dom, scope, marker, lang, &mut o);
                }
                true
            }
            NodeData::Element(e) if e.name == "a" && o.source_url.is_none() && links_seen < 5000 => {
                links_seen += 1;
                if let Some((url, why, outlet)) = source_link(dom, n, page_url, page_host.as_deref()) {
                    o.source_url = Some((url, why.clone()));
                    if o.outlet.is_none() {
                        if let Some(out) = outlet {
                            o.outlet = Some((out, why));
                        }
                    }
                }
                true
            }
            NodeData::Element(e) => !crate::dom::NON_TEXT_ELEMENTS.contains(&e.name.as_str()),
            _ => true,
        }
    });
    o
}

/// The first bytes of the [`DATELINE_MARKERS`].
fn marker_first_bytes() -> &'static [bool; 256] {
    static T: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [false; 256];
        for m in DATELINE_MARKERS {
            if let Some(&b) = m.as_bytes().first() {
                t[usize::from(b)] = true;
            }
        }
        t
    })
}

/// Inline elements: a link's text ("<a>published in the <em>X</em></a>") is part of the
/// sentence around it.
const INLINE: &[&str] = &["a", "em", "i", "b", "strong", "span", "small", "font", "u", "cite", "abbr", "mark", "sup", "sub"];

/// The nearest ancestor-or-self of `n` that is not inline: the line a dateline must start
/// (readability-test-pages article-author-tag: "…his obituary, <a>published in the Brooklyn
/// Daily Eagle</a>, called him…" is prose; fixture meta-outlet-prose-link-en).
fn enclosing_block(dom: &Dom, n: NodeId) -> NodeId {
    let mut cur = n;
    for _ in 0..20 {
        match (dom.tag(cur), dom.parent(cur)) {
            (Some(t), Some(p)) if INLINE.contains(&t) && dom.element(p).is_some() => cur = p,
            _ => break,
        }
    }
    cur
}

/// True when the short text of `block` starts with `marker`.
fn starts_block(dom: &Dom, block: NodeId, marker: &str) -> bool {
    let t = bounded_text(dom, block, 300);
    t.len() <= 300 && t.trim_start().starts_with(marker)
}

/// Reads "Publié dans X le DATE" in `scope`.
fn dateline(dom: &Dom, scope: NodeId, marker: &str, lang: Option<&str>, o: &mut Original) {
    let text = crate::text::normalize_ws(&bounded_text(dom, scope, 500));
    if text.len() > 300 {
        return;
    }
    let Some(i) = text.find(marker) else { return };
    let rest = &text[i + marker.len()..];
    let found = dates::find_dates(rest, lang, 1).into_iter().next();
    let before_date = match &found {
        Some(f) => &rest[..f.start],
        None => rest,
    };
    // The outlet: a link's text inside the dateline, else the words before the LAST joiner.
    let link_text = dom
        .descendants(scope)
        .take(200)
        .filter(|&a| dom.is(a, "a"))
        .map(|a| crate::text::normalize_ws(&bounded_text(dom, a, 200)))
        .find(|t| !t.is_empty() && before_date.contains(t.as_str()));
    let outlet = match link_text {
        Some(t) => Some(t),
        None => {
            let b = format!("{} ", before_date.trim_end());
            let cut = DATE_JOINERS.iter().filter_map(|j| b.rfind(j).filter(|&k| k > 0)).max();
            let name = match (cut, found.is_some()) {
                (Some(k), true) => b[..k].to_string(),
                _ => before_date.split(['.', ',', '|', '(']).next().unwrap_or("").to_string(),
            };
            let name = name.trim().trim_matches(|c: char| matches!(c, ':' | '«' | '»' | '"' | '-')).trim().to_string();
            (!name.is_empty() && name.split_whitespace().count() <= 8).then_some(name)
        }
    };
    let joiner = if found.is_some() { DATE_JOINERS.iter().filter(|j| before_date.contains(**j)).map(|j| j.trim()).find(|j| !j.is_empty() && !matches!(*j, "-" | "," | "|")).unwrap_or("") } else { "" };
    let why = if joiner.is_empty() { format!("byline text '{marker} …'") } else { format!("byline text '{marker} … {joiner} …'") };
    if let Some(out) = outlet {
        o.outlet = Some((out, why.clone()));
    }
    if let Some(f) = found {
        o.published = Some((f.iso, why));
    }
}

/// A link to the original article: by its text, or by the words right before it.
fn source_link(dom: &Dom, a: NodeId, page_url: Option<&str>, page_host: Option<&str>) -> Option<(String, String, Option<String>)> {
    let href = dom.attr(a, "href")?;
    // The link must lead off the site over http(s): checked once its words make it a source
    // candidate (resolving every link of the page first cost more than reading its text).
    let off_site = || {
        let url = crate::url::resolve(page_url, href);
        if !matches!(crate::url::scheme(&url).as_deref(), Some("http") | Some("https")) {
            return None;
        }
        let host = crate::url::host(&url);
        if page_host.is_some() && host.as_deref() == page_host {
            return None;
        }
        Some(url)
    };
    let text = crate::text::normalize_ws(&bounded_text(dom, a, 200));
    let folded = dates::fold_text(&text);
    if SOURCE_LINK_TEXTS.iter().any(|k| folded.contains(*k)) {
        let url = off_site()?;
        return Some((url, format!("source link '{}'", text), None));
    }
    // The words right before the link (previous text sibling, or the parent's leading text).
    let mut before = String::new();
    let mut prev = dom.prev_sibling(a);
    let mut steps = 0;
    while let Some(p) = prev {
        if steps > 3 || before.len() > 80 {
            break;
        }
        before.insert_str(0, &bounded_text(dom, p, 80));
        prev = dom.prev_sibling(p);
        steps += 1;
    }
    if before.trim().is_empty() {
        if let Some(parent) = dom.parent(a) {
            if dom.is(parent, "span") || dom.is(parent, "strong") || dom.is(parent, "em") || dom.is(parent, "b") {
                let mut p = dom.prev_sibling(parent);
                let mut steps = 0;
                while let Some(x) = p {
                    if steps > 3 {
                        break;
                    }
                    before.insert_str(0, &bounded_text(dom, x, 80));
                    p = dom.prev_sibling(x);
                    steps += 1;
                }
            }
        }
    }
    let b = dates::fold_text(crate::text::normalize_ws(&before).trim_end_matches([':', ' ', '\u{a0}', '-', '—', '|']).trim());
    let lead = SOURCE_LEADS.iter().find(|l| {
        b.ends_with(**l) && {
            let start = b.len() - l.len();
            start == 0 || !b[..start].chars().last().is_some_and(char::is_alphanumeric)
        }
    })?;
    let url = off_site()?;
    let outlet = (!text.is_empty() && !text.contains("://") && text.split_whitespace().count() <= 6 && !text.starts_with("www.")).then(|| text.clone());
    Some((url, format!("'{}' link", if lead.len() < 12 { before.trim().trim_end_matches([':', ' ']).trim().to_string() } else { lead.to_string() }), outlet))
}
