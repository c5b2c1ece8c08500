//! Meta tags (og:, article:, twitter:, dc./dcterms., citation_*, parsely, sailthru, http-equiv),
//! microdata (`itemprop`), `<link rel>` and `<time>` elements.

use crate::dom::{Dom, NodeId};

/// Everything the page declares in markup, in document order.
#[derive(Clone, Debug, Default)]
pub struct Tags {
    /// `<meta>`: key (property / name / itemprop / http-equiv, lowercase) → content.
    pub meta: Vec<(String, String)>,
    /// Microdata on other elements: itemprop (lowercase) → value and element.
    pub items: Vec<(String, String, NodeId)>,
    /// `<link rel=canonical>` href.
    pub canonical: Option<String>,
    /// Text of `rel=author` links, and the link.
    pub rel_authors: Vec<(String, NodeId)>,
    /// Text of links to an author's page (`/author/jane-doe`, `/autor/…`, `/auteur/…`), and the
    /// link (at most 20).
    pub author_path_links: Vec<(String, NodeId)>,
    /// `<time>` elements: element, datetime attribute (or text).
    pub times: Vec<(NodeId, String)>,
    /// Links to a site's home page (`href="/"`, `https://host/`): href and the names they show
    /// (text, logo `alt`). The site's logo link names the site.
    pub home_links: Vec<(String, Vec<String>)>,
    /// `meta` positions by key.
    index: std::collections::HashMap<String, Vec<usize>>,
    /// Number of `meta` entries given by `property` (they come first).
    by_property: usize,
}

impl Tags {
    /// The first non-empty content for any of `keys` (tried in the order given) and its key.
    pub fn first(&self, keys: &[&'static str]) -> Option<(&'static str, String)> {
        for k in keys {
            if let Some(v) = self.index.get(*k).into_iter().flatten().map(|&i| &self.meta[i].1).find(|v| !v.trim().is_empty()) {
                return Some((k, crate::text::normalize_ws(v)));
            }
        }
        None
    }

    /// Every non-empty content for `key`.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.index
            .get(key)
            .into_iter()
            .flatten()
            .map(|&i| &self.meta[i].1)
            .filter(|v| !v.trim().is_empty())
            .map(|v| crate::text::normalize_ws(v))
            .collect()
    }

    /// Every non-empty content for `key` from one attribute: the `property` tags if any, else
    /// the `name` ones (one tag per author, the property ones preferred: 003-metadata-preferred).
    pub fn all_one_attr(&self, key: &str) -> Vec<String> {
        let pos: Vec<usize> = self.index.get(key).into_iter().flatten().copied().filter(|&i| !self.meta[i].1.trim().is_empty()).collect();
        let first_group = pos.first().map(|&i| i < self.by_property);
        pos.into_iter()
            .filter(|&i| Some(i < self.by_property) == first_group)
            .map(|i| crate::text::normalize_ws(&self.meta[i].1))
            .collect()
    }

    /// The first microdata value for `prop`.
    pub fn item(&self, prop: &str) -> Option<(String, NodeId)> {
        self.items.iter().find(|(k, v, _)| k == prop && !v.is_empty()).map(|(_, v, n)| (v.clone(), *n))
    }
}

/// Reads the page's declared metadata in one pass.
pub fn read(dom: &Dom) -> Tags {
    let mut t = Tags::default();
    let mut by_name = Vec::new();
    for n in dom.descendants(Dom::ROOT) {
        let Some(e) = dom.element(n) else { continue };
        // Without attributes only a <time> (read by its text) declares anything.
        if e.attrs.is_empty() && e.name != "time" {
            continue;
        }
        match e.name.as_str() {
            "meta" => {
                let content = dom.attr(n, "content").or_else(|| dom.attr(n, "value")).unwrap_or("");
                if content.trim().is_empty() {
                    continue;
                }
                let content = crate::text::decode_entities(content);
                // Space-separated keys ("og:title twitter:title") name several properties.
                // `property` before `name` (Readability's preference: 003-metadata-preferred).
                for attr in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(k) = dom.attr(n, attr) {
                        for key in k.split_whitespace() {
                            let entry = (normalize_key(key), content.clone());
                            if attr == "property" {
                                t.meta.push(entry);
                            } else {
                                by_name.push(entry);
                            }
                        }
                    }
                }
            }
            "link" => {
                let rel = dom.attr(n, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && t.canonical.is_none() {
                    t.canonical = dom.attr(n, "href").map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
                }
                if let Some(p) = dom.attr(n, "itemprop") {
                    if let Some(h) = dom.attr(n, "href") {
                        t.items.push((p.to_ascii_lowercase(), h.to_string(), n));
                    }
                }
            }
            "time" => {
                let v = dom.attr(n, "datetime").map(str::to_string).unwrap_or_else(|| crate::text::normalize_ws(&dom.text(n)));
                if !v.trim().is_empty() {
                    t.times.push((n, v));
                }
            }
            _ => {}
        }
        if e.name != "meta" {
            // The attributes read below, in one pass (first occurrence of each, as `attr` gives).
            let (mut property, mut content, mut itemprop, mut datetime, mut itemscope) = (None, None, None, None, false);
            for (k, v) in e.attrs {
                match k {
                    "property" if property.is_none() => property = Some(v),
                    "content" if content.is_none() => content = Some(v),
                    "itemprop" if itemprop.is_none() => itemprop = Some(v),
                    "datetime" if datetime.is_none() => datetime = Some(v),
                    "itemscope" => itemscope = true,
                    _ => {}
                }
            }
            // RDFa on any element: <span property="schema:dateCreated" content="…">.
            if let (Some(p), Some(c)) = (property, content) {
                if !c.trim().is_empty() {
                    for key in p.split_whitespace() {
                        t.items.push((normalize_key(key), c.trim().to_string(), n));
                    }
                }
            }
            if let Some(p) = itemprop {
                let v = if let Some(c) = content.or(datetime) {
                    c.to_string()
                } else if itemscope {
                    // A nested item (author Person): its name.
                    item_name(dom, n).unwrap_or_default()
                } else {
                    bounded_text(dom, n, 300)
                };
                for key in p.split_whitespace() {
                    t.items.push((key.to_ascii_lowercase(), crate::text::normalize_ws(&v), n));
                }
            }
            if e.name == "a" {
                if t.home_links.len() < 8 {
                    if let Some(h) = dom.attr(n, "href").map(str::trim).filter(|h| is_root_href(h)) {
                        let mut names: Vec<String> = Vec::new();
                        let text = crate::text::normalize_ws(&bounded_text(dom, n, 120));
                        if !text.is_empty() && text.len() <= 120 {
                            names.push(text);
                        }
                        for d in dom.descendants(n).skip(1).take(30) {
                            if let Some(alt) = dom.is(d, "img").then(|| dom.attr(d, "alt")).flatten() {
                                let alt = crate::text::normalize_ws(alt);
                                if !alt.is_empty() && alt.len() <= 120 && !names.contains(&alt) {
                                    names.push(alt);
                                }
                            }
                        }
                        if !names.is_empty() {
                            t.home_links.push((h.to_string(), names));
                        }
                    }
                }
                if let Some(href) = dom.attr(n, "href").filter(|h| t.author_path_links.len() < 20 && is_author_path(h)) {
                    let s = crate::text::normalize_ws(&bounded_text(dom, n, 200));
                    if !s.is_empty() && names_slug(&s, href) {
                        t.author_path_links.push((s, n));
                    }
                }
                let rel = dom.attr(n, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "author") {
                    let s = crate::text::normalize_ws(&bounded_text(dom, n, 200));
                    if !s.is_empty() {
                        t.rel_authors.push((s, n));
                    }
                }
            }
        }
    }
    t.by_property = t.meta.len();
    t.meta.extend(by_name);
    for (i, (k, _)) in t.meta.iter().enumerate() {
        t.index.entry(k.clone()).or_default().push(i);
    }
    t
}

/// `/`, `./`, `https://host`, `https://host/`: a link to a site's home page.
fn is_root_href(h: &str) -> bool {
    if matches!(h, "/" | "./" | "/index.html" | "/index.php") {
        return true;
    }
    let lower = h.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).or_else(|| lower.strip_prefix("//"));
    rest.is_some_and(|r| {
        let r = r.strip_suffix('/').unwrap_or(r);
        !r.is_empty() && !r.contains(['/', '?', '#'])
    })
}

/// Lowercase; Dublin Core prefixes as dots ("DC:date" → "dc.date", "dcterms:created" →
/// "dcterms.created"); the schema.org prefix dropped ("schema:datePublished" → "datepublished").
fn normalize_key(k: &str) -> String {
    let k = k.to_ascii_lowercase();
    if let Some(r) = k.strip_prefix("schema:") {
        return r.to_string();
    }
    for (a, b) in [("dc:", "dc."), ("dcterms:", "dcterms."), ("dcterm:", "dcterms.")] {
        if let Some(r) = k.strip_prefix(a) {
            return format!("{b}{r}");
        }
    }
    k
}

/// The `itemprop=name` inside an item.
fn item_name(dom: &Dom, item: NodeId) -> Option<String> {
    let n = dom.descendants(item).skip(1).take(200).find(|&d| dom.attr(d, "itemprop").is_some_and(|p| p.split_whitespace().any(|x| x == "name")))?;
    let v = dom.attr(n, "content").map(str::to_string).unwrap_or_else(|| bounded_text(dom, n, 200));
    Some(v)
}

/// Reading text of a subtree, stopping after about `max` bytes or a few thousand nodes (bylines
/// and dates are short; this keeps every caller linear on huge or deeply nested pages).
pub fn bounded_text(dom: &Dom, id: NodeId, max: usize) -> String {
    let mut s = String::new();
    for n in dom.descendants(id).take(max.saturating_mul(8).max(64)) {
        if s.len() > max {
            break;
        }
        if let Some(t) = dom.text_of(n) {
            let hidden = dom.parent(n).and_then(|p| dom.tag(p)).is_some_and(|tag| crate::dom::NON_TEXT_ELEMENTS.contains(&tag) && Some(n) != Some(id));
            if !hidden {
                s.push_str(t);
            }
        } else if let Some(tag) = dom.tag(n) {
            if matches!(tag, "br" | "p" | "div" | "li" | "td" | "span") && !s.ends_with(' ') {
                s.push(' ');
            }
        }
    }
    s
}

/// Path segments that lead to an author's page, folded to lowercase.
const AUTHOR_SEGMENTS: &[&str] = &[
    "author", "authors", "autor", "autores", "autoren", "auteur", "auteurs", "autore", "autori", "journalist",
    "journalists", "journaliste", "journalistes", "redacteur", "signataires", "writer", "writers", "contributor",
    "contributors", "columnist", "columnists", "reporter", "reporters", "kuttab",
];

/// The link's text shares a word with its address ("María López" → `/autor/maria-lopez/`), so
/// it is the author's name, not "All articles" or a job title (htmldate-eval pages). Text in
/// another script than the Latin slug passes.
fn names_slug(text: &str, href: &str) -> bool {
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    let href = href.to_ascii_lowercase();
    super::dates::fold_text(text).split(|c: char| !c.is_alphanumeric()).any(|w| w.len() >= 3 && href.contains(w))
}

/// `/author/jane-doe`, `https://site/autor/maria-lopez/`: an author segment followed by a slug
/// (an author index, `/authors/`, is none).
fn is_author_path(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map_or(path, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    // Without collecting the segments: this runs on every link of the page.
    let mut segs = path.split('/').filter(|s| !s.is_empty()).peekable();
    while let Some(s) = segs.next() {
        if segs.peek().is_some() && AUTHOR_SEGMENTS.iter().any(|a| s.eq_ignore_ascii_case(a)) {
            return true;
        }
    }
    false
}


#[cfg(test)]
mod tests {
    use super::{is_author_path, names_slug};

    #[test]
    fn author_paths() {
        assert!(is_author_path("/autor/maria-lopez/"));
        assert!(is_author_path("https://www.example.com/author/jane-doe?ref=byline"));
        assert!(is_author_path("https://example.fr/signataires/claire-mayer/"));
        assert!(!is_author_path("/authors/"));
        assert!(!is_author_path("https://author.example.com/news/story"));
        assert!(!is_author_path("/news/2020/author-interview"));
        assert!(!is_author_path("#author"));
        assert!(names_slug("María López", "/autor/maria-lopez/"));
        assert!(names_slug("محمد الراجي", "/author/m-errajji"));
        assert!(!names_slug("Zur Artikelübersicht", "/autoren/anna-weber"));
        assert!(!names_slug("CEO", "/author/ryan-merkley"));
    }
}
