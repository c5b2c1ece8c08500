//! JSON-LD (`<script type="application/ld+json">`): NewsArticle and friends, `@graph`, arrays,
//! nested publisher/author objects, several blocks.

use crate::dom::Dom;
use serde_json::{Map, Value};

/// What the JSON-LD of a page says about its article.
#[derive(Clone, Debug, Default)]
pub struct JsonLd {
    /// `@type` of the object the fields come from.
    pub kind: String,
    /// headline (or name).
    pub headline: Option<String>,
    /// Author names, as written (people and organisations).
    pub authors: Vec<(String, bool)>,
    /// datePublished (or dateCreated).
    pub published: Option<String>,
    /// True when `published` came from dateCreated.
    pub published_is_created: bool,
    /// dateModified.
    pub modified: Option<String>,
    /// publisher name.
    pub publisher: Option<String>,
    /// sourceOrganization / isBasedOn publisher name: the original outlet.
    pub source_outlet: Option<String>,
    /// isBasedOn URL.
    pub based_on: Option<String>,
    /// url / mainEntityOfPage.
    pub url: Option<String>,
    /// inLanguage.
    pub lang: Option<String>,
    /// description.
    pub description: Option<String>,
    /// A WebSite object's name (the site).
    pub website_name: Option<String>,
}

/// Article-like types, best first.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
    "backgroundnewsarticle", "article", "blogposting", "liveblogposting", "scholarlyarticle", "techarticle",
    "report", "socialmediaposting", "discussionforumposting", "posting",
    // Recipes and how-tos carry their own datePublished; the reviews nested in them are the
    // readers' and come later (fixture meta-date-recipe-reviews-fr).
    "recipe", "howto", "review", "creativework",
];

/// Reads every JSON-LD block; fields come from the best article-like object.
pub fn read(dom: &Dom) -> JsonLd {
    let mut values = Vec::new();
    for s in dom.find_all(Dom::ROOT, "script") {
        let ty = dom.attr(s, "type").unwrap_or("").trim().to_ascii_lowercase();
        if ty != "application/ld+json" {
            continue;
        }
        let raw = dom.text_content(s);
        let cleaned = clean_json(&raw);
        // The first complete value: a block with a stray closing brace after it still gives its
        // article (htmldate-eval pages; fixture meta-date-jsonld-trailing-brace-fr).
        if let Some(Ok(v)) = serde_json::Deserializer::from_str(cleaned).into_iter::<Value>().next() {
            values.push(v);
        }
    }
    let mut objects: Vec<&Map<String, Value>> = Vec::new();
    for v in &values {
        collect_objects(v, &mut objects);
    }
    let mut out = JsonLd::default();
    // Best article object: the rank of its type; first in document order among equals.
    let mut best: Option<(usize, &Map<String, Value>)> = None;
    for o in &objects {
        let types = types_of(o);
        if types.iter().any(|t| t == "website")
            && out.website_name.is_none() {
                out.website_name = o.get("name").and_then(string_of);
            }
        let rank = types.iter().filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t)).min().or_else(|| {
            // A typed page object with a date (WebPage, ItemPage…) is a weaker candidate.
            (types.iter().any(|t| t.ends_with("page")) && o.contains_key("datePublished")).then_some(ARTICLE_TYPES.len())
        });
        if let Some(r) = rank {
            // An article with a headline beats one without (teaser objects in lists).
            let r = if o.contains_key("headline") || o.contains_key("datePublished") { r } else { r + 100 };
            if best.is_none_or(|(b, _)| r < b) {
                best = Some((r, o));
            }
        }
    }
    let Some((_, a)) = best else { return out };
    out.kind = types_of(a).join(",");
    // `name` is the title; some pages put a description in `headline` (Wikipedia): take the
    // one the document's <title> contains (readability-test-pages wikipedia-2..4).
    let headline = a.get("headline").and_then(string_of);
    let publisher = a.get("publisher").and_then(|p| name_of(p, &objects));
    // A `name` that is the publisher's or the site's name labels the site, not the article
    // (fixture meta-title-ld-name-is-site-fr).
    let name = a.get("name").and_then(string_of).filter(|n| {
        let k = super::authors::norm_key(n);
        ![publisher.as_deref(), out.website_name.as_deref()].into_iter().flatten().any(|s| super::authors::norm_key(s) == k)
    });
    out.headline = match (headline, name) {
        (Some(h), Some(n)) if h != n => {
            let title = dom.find(Dom::ROOT, "title").map(|t| dom.text_content(t)).unwrap_or_default();
            if title.contains(n.as_str()) && !title.contains(h.as_str()) {
                Some(n)
            } else {
                Some(h)
            }
        }
        (h, n) => h.or(n),
    };
    out.published = a.get("datePublished").and_then(string_of);
    if out.published.is_none() {
        out.published = a.get("dateCreated").and_then(string_of);
        out.published_is_created = out.published.is_some();
    }
    out.modified = a.get("dateModified").and_then(string_of);
    out.description = a.get("description").and_then(string_of);
    out.lang = a.get("inLanguage").and_then(|v| string_of(v).or_else(|| v.get("name").and_then(string_of)));
    out.url = a.get("url").and_then(string_of).or_else(|| {
        a.get("mainEntityOfPage").and_then(|m| string_of(m).or_else(|| m.get("@id").and_then(string_of)))
    });
    if let Some(auth) = a.get("author").or_else(|| a.get("creator")) {
        for item in as_list(auth) {
            match item {
                Value::String(s) => out.authors.push((s.trim().to_string(), false)),
                Value::Object(o) => {
                    let org = types_of(o).iter().any(|t| t.contains("organization") || t == "newsmediaorganization");
                    if let Some(n) = o.get("name").and_then(string_of) {
                        out.authors.push((n, org));
                    } else if let Some(r) = o.get("@id").and_then(Value::as_str) {
                        // A reference into the @graph: the Person object with that @id.
                        if let Some(p) = objects.iter().find(|p| p.get("@id").and_then(Value::as_str) == Some(r)) {
                            if let Some(n) = p.get("name").and_then(string_of) {
                                let org = types_of(p).iter().any(|t| t.contains("organization"));
                                out.authors.push((n, org));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out.publisher = publisher;
    out.source_outlet = a.get("sourceOrganization").and_then(|p| name_of(p, &objects));
    if let Some(b) = a.get("isBasedOn").or_else(|| a.get("isBasedOnUrl")) {
        let b = as_list(b).into_iter().next();
        if let Some(b) = b {
            out.based_on = string_of(b).or_else(|| b.get("url").and_then(string_of)).filter(|u| u.starts_with("http"));
            if out.source_outlet.is_none() {
                out.source_outlet = b.get("publisher").and_then(|p| name_of(p, &objects));
            }
        }
    }
    out
}

/// Strips what breaks JSON parsing on real pages: HTML comments, CDATA wrappers, a trailing `;`.
fn clean_json(raw: &str) -> &str {
    let mut s = raw.trim();
    for (a, b) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        if let Some(x) = s.strip_prefix(a) {
            s = x.trim();
            if let Some(y) = s.strip_suffix(b) {
                s = y.trim();
            }
        }
    }
    s.trim_end_matches(';').trim()
}

/// Every object in the value tree (document order), iteratively.
fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a Map<String, Value>>) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                out.push(o);
                for x in o.values().rev() {
                    if x.is_object() || x.is_array() {
                        stack.push(x);
                    }
                }
            }
            Value::Array(a) => {
                for x in a.iter().rev() {
                    stack.push(x);
                }
            }
            _ => {}
        }
        if out.len() > 5000 {
            break;
        }
    }
}

fn types_of(o: &Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![short_type(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(short_type).collect(),
        _ => Vec::new(),
    }
}

fn short_type(s: &str) -> String {
    s.rsplit(['/', ':']).next().unwrap_or(s).to_ascii_lowercase()
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    }
}

/// A non-empty string (first of an array), whitespace-normalized, HTML entities left as-is.
pub fn string_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return a.iter().find_map(string_of),
        _ => return None,
    };
    let s = crate::text::normalize_ws(&crate::text::decode_entities(s));
    (!s.is_empty()).then_some(s)
}

fn name_of(v: &Value, objects: &[&Map<String, Value>]) -> Option<String> {
    let first = as_list(v).into_iter().next()?;
    match first {
        Value::String(s) => {
            let s = crate::text::normalize_ws(s);
            (!s.is_empty() && !s.starts_with("http")).then_some(s)
        }
        Value::Object(o) => o.get("name").and_then(string_of).or_else(|| {
            let id = o.get("@id").and_then(Value::as_str)?;
            objects.iter().find(|p| p.get("@id").and_then(Value::as_str) == Some(id) && p.contains_key("name"))?.get("name").and_then(string_of)
        }),
        _ => None,
    }
}

