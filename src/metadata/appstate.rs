//! Publication dates in a single-page app's inline state: the JSON (or JS object literal) a
//! server-rendered app ships to hydrate itself — Next.js `__NEXT_DATA__`,
//! `window.__INITIAL_STATE__` / `__PRELOADED_STATE__` (also as `JSON.parse("{\"…\"}")`), Nuxt,
//! Apollo caches, shop and review widgets. Such a page can show no date in its markup at all.
//!
//! App state holds many dates: the article's, its related articles', its comments', its
//! author's account, build times. Only keys that name a publication (`datePublished`,
//! `publishedAt`, `first_published_at`, …) count, and creation keys (`createdAt`) only below
//! them; never an update (`updatedAt`, `modified`: not in the lists). Values are ISO strings or
//! Unix times in seconds or milliseconds. A date inside a container named for something else
//! (`comments`, `related`, `author`, `user`…) is not the page's. The item that names the page
//! itself (a `url`, `path` or `slug` member equal to the page's URL) is preferred over the
//! first one found.
//!
//! One linear, iterative pass over the script text, tolerant of JS (unquoted keys, single
//! quotes, comments), with one level of escaped JSON inside a string; no allocation per token.

use super::dates;

/// Keys naming the publication (folded: ASCII lowercase, `_` / `-` / `$` dropped).
const PUBLISHED_KEYS: &[&str] = &[
    "datepublished", "publishedat", "publisheddate", "publishdate", "publicationdate", "pubdate", "firstpublished",
    "firstpublishedat", "firstpublisheddate", "firstpublicationdate", "publishedon", "publishedtime", "publishtime",
    "datepublication", "publishingdate", "publishedtimestamp",
];
/// Keys naming the item's creation: the publication of a post, a product, a review, when
/// nothing names it (htmldate-eval: a photo page, a sports news page).
const CREATED_KEYS: &[&str] = &["createdat", "datecreated", "datecreation", "creationdate", "createddate", "createdon"];
/// Container keys whose items are not the page's own: their dates are other articles', other
/// people's, or an account's (fixture meta-date-app-state-others-en).
const OTHER_CONTAINERS: &[&str] = &[
    "comment", "repl", "related", "recommend", "suggest", "author", "user", "profile", "creator", "owner", "member",
    "account", "trending", "popular", "mostread", "teaser", "sidebar", "similar", "latest", "recent", "nextarticle",
    "previous", "readmore", "moreon", "morefrom",
];
/// Nesting kept per scan; deeper containers are still balanced (a counter), their keys unread.
const MAX_DEPTH: usize = 256;
/// Candidates kept per page (the first ones in document order).
const MAX_CANDIDATES: usize = 256;

/// A publication date found in app state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateDate {
    /// ISO 8601 (`…Z` for a Unix time).
    pub iso: String,
    /// The key as written (`publishedAt`).
    pub key: String,
    /// True when the key names the creation, not the publication.
    pub created: bool,
    /// True when the item that holds it names the page's own URL.
    pub own: bool,
}

/// How a page refers to itself in its data: host + path, the path, the last path segment.
struct PageRefs {
    full: Vec<String>,
    path: Vec<String>,
    slug: Vec<String>,
}

impl PageRefs {
    fn new(urls: &[&str]) -> PageRefs {
        let mut r = PageRefs { full: Vec::new(), path: Vec::new(), slug: Vec::new() };
        for u in urls {
            let Some(full) = fold_url(u) else { continue };
            let path = full.find('/').map(|i| full[i..].to_string()).filter(|p| p.len() > 1);
            if let Some(p) = &path {
                let slug = p.rsplit('/').next().unwrap_or("");
                // A slug short or generic enough to name other pages is no reference.
                if slug.len() >= 8 && !slug.starts_with("index.") && !r.slug.iter().any(|s| s == slug) {
                    r.slug.push(slug.to_string());
                }
                if !r.path.contains(p) {
                    r.path.push(p.clone());
                }
            }
            if !r.full.contains(&full) {
                r.full.push(full);
            }
        }
        r
    }

    fn is_empty(&self) -> bool {
        self.full.is_empty()
    }

    /// True when the string value `raw` (JSON-escaped bytes) names the page.
    fn named_by(&self, raw: &[u8], buf: &mut String) -> bool {
        if self.is_empty() || raw.len() < 2 || raw.len() > 400 {
            return false;
        }
        // Most values are text, ids, image URLs: only a path, a URL or a slug-sized value is
        // folded and compared.
        let first = raw.iter().find(|&&c| c != b'\\').map_or(0, u8::to_ascii_lowercase);
        let slug_sized = self.slug.iter().any(|s| raw.len() >= s.len() && raw.len() <= s.len() + 1);
        if !(first == b'/' || first == b'h' || first == b'w' || slug_sized) {
            return false;
        }
        buf.clear();
        // `https:\/\/site\/a` is `https://site/a`.
        buf.extend(raw.iter().filter(|&&c| c != b'\\').map(|&c| c.to_ascii_lowercase() as char));
        let v = buf.trim_end_matches('/');
        if v.starts_with('/') {
            return self.path.iter().any(|p| p == v);
        }
        if v.contains("://") || v.starts_with("www.") {
            let f = fold(v);
            return self.full.iter().any(|p| p == f);
        }
        self.slug.iter().any(|s| s == v)
    }
}

/// `https://www.site.com/a/b/?q#f` → `site.com/a/b`: the form URLs are compared in (the caller
/// lowercases).
fn fold(s: &str) -> &str {
    let s = s.trim();
    let s = s.split(['?', '#']).next().unwrap_or("");
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    s.strip_prefix("www.").unwrap_or(s).trim_end_matches('/')
}

fn fold_url(u: &str) -> Option<String> {
    let f = fold(u).to_ascii_lowercase();
    (!f.is_empty() && !f.starts_with('/')).then_some(f)
}

/// One open container.
struct Frame {
    /// Unique number of the container (for `own`).
    serial: u32,
    /// The container's parent's number.
    parent: u32,
    /// It or an ancestor is named for something other than the page's item.
    other: bool,
    /// An object (keys and values), not an array.
    object: bool,
}

/// Candidate before the page's own items are known.
struct Raw {
    iso: String,
    key: String,
    created: bool,
    serial: u32,
    parent: u32,
}

/// The scan's state shared by the outer text and one escaped-JSON string inside it.
struct Scan<'r> {
    refs: &'r PageRefs,
    next_serial: u32,
    own_serials: Vec<u32>,
    found: Vec<Raw>,
    key_buf: String,
    val_buf: String,
}

/// Publication dates in one script's text, best first: the page's own item before others,
/// publication before creation, then document order. Empty when none.
pub fn dates_in_script(text: &str, page_urls: &[&str]) -> Vec<StateDate> {
    let refs = PageRefs::new(page_urls);
    let mut scan = Scan { refs: &refs, next_serial: 1, own_serials: Vec::new(), found: Vec::new(), key_buf: String::new(), val_buf: String::new() };
    scan.run(text.as_bytes(), false, false);
    let mut out: Vec<StateDate> = scan
        .found
        .into_iter()
        .map(|r| {
            let own = scan.own_serials.contains(&r.serial) || scan.own_serials.contains(&r.parent);
            StateDate { iso: r.iso, key: r.key, created: r.created, own }
        })
        .collect();
    // Stable: document order within a tier.
    out.sort_by_key(|d| (!d.own, d.created));
    out
}

/// How a key reads: a publication date, a creation date, or something else.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Published,
    Created,
    Other,
}

impl Scan<'_> {
    /// Scans `b`. `esc`: the text is the inside of a JS string, where JSON's quotes are `\"`.
    /// `other`: the string holding it sits in a container named for something else.
    fn run(&mut self, b: &[u8], esc: bool, other: bool) {
        let mut stack: Vec<Frame> = Vec::new();
        let mut overflow = 0usize;
        // The pending key of the current object member: its kind and where it was written.
        let mut key: Option<(KeyKind, usize, usize)> = None;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            // A string: `"…"` (or `\"…\"` in escaped JSON), also `'…'` and `` `…` `` in JS.
            let quote = if esc {
                (c == b'\\' && b.get(i + 1) == Some(&b'"')).then_some(2)
            } else {
                matches!(c, b'"' | b'\'' | b'`').then_some(1)
            };
            if let Some(q) = quote {
                let start = i + q;
                let end = if esc { end_of_escaped_string(b, start) } else { end_of_string(b, start, c) };
                let content = b.get(start..end).unwrap_or(&[]);
                i = (end + q).min(b.len());
                if next_is_colon(b, i) {
                    key = Some((self.kind_of_key(content), start, end));
                    continue;
                }
                self.value_string(b, content, key.take(), &stack, esc, other);
                continue;
            }
            match c {
                b'{' | b'[' => {
                    let parent = stack.last();
                    let inherited = other || parent.is_some_and(|f| f.other);
                    let frame = Frame {
                        serial: self.next_serial,
                        parent: parent.map_or(0, |f| f.serial),
                        other: inherited || key.is_some_and(|(_, s, e)| names_other(b.get(s..e).unwrap_or(&[]))),
                        object: c == b'{',
                    };
                    self.next_serial = self.next_serial.wrapping_add(1);
                    if stack.len() < MAX_DEPTH {
                        stack.push(frame);
                    } else {
                        overflow += 1;
                    }
                    key = None;
                    i += 1;
                }
                b'}' | b']' => {
                    if overflow > 0 {
                        overflow -= 1;
                    } else {
                        stack.pop();
                    }
                    key = None;
                    i += 1;
                }
                b',' | b';' | b'=' | b'(' | b')' => {
                    key = None;
                    i += 1;
                }
                b'/' if !esc && b.get(i + 1) == Some(&b'/') => {
                    i = b.get(i..).and_then(|r| r.iter().position(|&x| x == b'\n')).map_or(b.len(), |p| i + p);
                }
                b'/' if !esc && b.get(i + 1) == Some(&b'*') => {
                    i = find(b, i + 2, b"*/").map_or(b.len(), |p| p + 2);
                }
                b'0'..=b'9' => {
                    let start = i;
                    while i < b.len() && (b[i].is_ascii_digit() || matches!(b[i], b'.' | b'e' | b'E' | b'+' | b'-')) {
                        i += 1;
                    }
                    if let Some((kind, _, _)) = key.take() {
                        if kind != KeyKind::Other && !in_other(&stack, other) {
                            if let Some(iso) = b.get(start..i).and_then(epoch_iso) {
                                self.push(iso, kind, &stack);
                            }
                        }
                    }
                }
                c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                    let start = i;
                    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$') {
                        i += 1;
                    }
                    // An unquoted JS key (`publishedAt: "…"`), not `a ? b : c` after a value.
                    if next_is_colon(b, i) && stack.last().is_some_and(|f| f.object) {
                        key = Some((self.kind_of_key(b.get(start..i).unwrap_or(&[])), start, i));
                    } else {
                        key = None;
                    }
                }
                _ => i += 1,
            }
        }
    }

    /// A string value: a date for a date key, a reference to the page for an object, or
    /// escaped JSON to scan (one level).
    fn value_string(&mut self, b: &[u8], content: &[u8], key: Option<(KeyKind, usize, usize)>, stack: &[Frame], esc: bool, other: bool) {
        if let Some((kind, _, _)) = key {
            if kind != KeyKind::Other && !in_other(stack, other) {
                let head = content.get(..content.len().min(40)).unwrap_or(content);
                let iso = std::str::from_utf8(head).ok().and_then(|s| dates::parse_iso(s.trim()).or_else(|| epoch_iso(s.trim().as_bytes())));
                if let Some(iso) = iso {
                    self.push(iso, kind, stack);
                    return;
                }
            }
        }
        if let Some(f) = stack.last() {
            if f.object && self.own_serials.len() < 64 && !self.own_serials.contains(&f.serial) && self.refs.named_by(content, &mut self.val_buf) {
                self.own_serials.push(f.serial);
                return;
            }
        }
        // `JSON.parse("{\"article\":{…}}")`: the state as an escaped string.
        if !esc && content.len() > 8 && matches!(content.iter().find(|c| !c.is_ascii_whitespace()), Some(b'{') | Some(b'[')) && find(content, 0, b"\\\"").is_some() {
            let inherited = in_other(stack, other) || key.is_some_and(|(_, s, e)| names_other(b.get(s..e).unwrap_or(&[])));
            self.run(content, true, inherited);
        }
    }

    /// Keeps a candidate; its key is the last one read (in `key_buf`).
    fn push(&mut self, iso: String, kind: KeyKind, stack: &[Frame]) {
        if self.found.len() >= MAX_CANDIDATES {
            return;
        }
        let key = self.key_buf.clone();
        let (serial, parent) = stack.last().map_or((0, 0), |f| (f.serial, f.parent));
        self.found.push(Raw { iso, key, created: kind == KeyKind::Created, serial, parent });
    }

    /// Folds the key and says what it names; keeps its written form in `key_buf` for provenance.
    fn kind_of_key(&mut self, raw: &[u8]) -> KeyKind {
        if raw.len() > 40 {
            return KeyKind::Other;
        }
        self.key_buf.clear();
        self.key_buf.extend(raw.iter().filter(|&&c| c != b'\\').map(|&c| c as char));
        let mut folded = [0u8; 40];
        let mut n = 0;
        for &c in raw {
            if c.is_ascii_alphanumeric() {
                folded[n] = c.to_ascii_lowercase();
                n += 1;
            }
        }
        let folded = &folded[..n];
        if PUBLISHED_KEYS.iter().any(|k| k.as_bytes() == folded) {
            KeyKind::Published
        } else if CREATED_KEYS.iter().any(|k| k.as_bytes() == folded) {
            KeyKind::Created
        } else {
            KeyKind::Other
        }
    }

}

/// True when a container key names something other than the page's item.
fn names_other(raw: &[u8]) -> bool {
    if raw.is_empty() || raw.len() > 60 {
        return false;
    }
    let mut folded = [0u8; 60];
    let mut n = 0;
    for &c in raw {
        if c.is_ascii_alphanumeric() {
            folded[n] = c.to_ascii_lowercase();
            n += 1;
        }
    }
    let folded = &folded[..n];
    OTHER_CONTAINERS.iter().any(|w| find(folded, 0, w.as_bytes()).is_some())
}

fn in_other(stack: &[Frame], other: bool) -> bool {
    other || stack.last().is_some_and(|f| f.other)
}

/// End (exclusive) of a JS string opened by `q` whose content starts at `start`.
fn end_of_string(b: &[u8], start: usize, q: u8) -> usize {
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == q => return i,
            _ => i += 1,
        }
    }
    b.len()
}

/// End (exclusive) of a string of escaped JSON (`\"…\"`), where the inner string's own
/// escapes are written `\\x` (and its quotes `\\\"`).
fn end_of_escaped_string(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < b.len() {
        if b[i] == b'\\' {
            match b.get(i + 1) {
                Some(b'"') => return i,
                // An inner escape: `\\` then the escaped character, itself maybe escaped (`\"`).
                Some(b'\\') => i += if b.get(i + 2) == Some(&b'\\') { 4 } else { 3 },
                _ => i += 2,
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// True when the next non-blank byte at or after `i` is a `:` (not `::`).
fn next_is_colon(b: &[u8], mut i: usize) -> bool {
    while i < b.len() && (b[i].is_ascii_whitespace()) {
        i += 1;
    }
    b.get(i) == Some(&b':') && b.get(i + 1) != Some(&b':')
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// A Unix time in seconds (10 digits) or milliseconds (13 digits) → `YYYY-MM-DDTHH:MM:SSZ`,
/// within 1995–2100 (smaller numbers are ids, counts, indexes).
fn epoch_iso(v: &[u8]) -> Option<String> {
    let digits = v.iter().take_while(|c| c.is_ascii_digit()).count();
    // A fraction of a second is allowed (`1643182900.5`), nothing else after the digits.
    let rest = v.get(digits..).unwrap_or(&[]);
    if !(rest.is_empty() || rest.first() == Some(&b'.') && rest.iter().skip(1).all(u8::is_ascii_digit)) {
        return None;
    }
    let n: i64 = std::str::from_utf8(v.get(..digits)?).ok()?.parse().ok()?;
    let secs = match digits {
        10 => n,
        13 => n / 1000,
        _ => return None,
    };
    dates::iso_from_unix(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(text: &str, url: &str) -> Option<(String, String)> {
        dates_in_script(text, &[url]).into_iter().next().map(|d| (d.iso, d.key))
    }

    #[test]
    fn next_data_article() {
        let s = r#"{"props":{"pageProps":{"article":{"title":"T","publishedAt":"2021-03-04T10:00:00+01:00","updatedAt":"2021-03-05T08:00:00+01:00"}}}}"#;
        assert_eq!(best(s, "https://a.example/x"), Some(("2021-03-04T10:00:00+01:00".into(), "publishedAt".into())));
    }

    #[test]
    fn updated_only_gives_nothing() {
        let s = r#"{"article":{"updatedAt":"2021-03-05T08:00:00Z","modified":1614931200}}"#;
        assert_eq!(best(s, "https://a.example/x"), None);
    }

    #[test]
    fn epoch_seconds_and_millis() {
        assert_eq!(best(r#"{"publishDate":1643182900}"#, "").map(|d| d.0), Some("2022-01-26T07:41:40Z".into()));
        assert_eq!(best(r#"{"publishDate":1643182900123}"#, "").map(|d| d.0), Some("2022-01-26T07:41:40Z".into()));
        assert_eq!(best(r#"{"publishDate":"1643182900"}"#, "").map(|d| d.0), Some("2022-01-26T07:41:40Z".into()));
        // Not Unix times: an index (Nuxt payloads), a far-future number, a version.
        assert_eq!(best(r#"{"publishDate":12}"#, ""), None);
        assert_eq!(best(r#"{"publishDate":9999999999}"#, ""), None);
        assert_eq!(best(r#"{"publishDate":1643182900.1.2}"#, ""), None);
    }

    #[test]
    fn comments_authors_related_are_not_the_page() {
        let s = r#"{"article":{"title":"T","author":{"name":"A","createdAt":"2015-01-01T00:00:00Z"},
            "comments":[{"createdAt":"2021-06-01T00:00:00Z"}],"related":[{"publishedAt":"2021-05-01"}]}}"#;
        assert_eq!(best(s, "https://a.example/x"), None);
    }

    #[test]
    fn own_item_beats_first_item() {
        let s = r#"{"list":[{"url":"https://site.example/other-story-here","publishedAt":"2020-01-01"},
            {"url":"https:\/\/www.site.example\/news\/the-story-slug\/","publishedAt":"2020-02-02"}]}"#;
        let d = dates_in_script(s, &["https://site.example/news/the-story-slug"]);
        assert_eq!(d.first().map(|d| (d.iso.as_str(), d.own)), Some(("2020-02-02", true)));
        // A slug or a path names the page too.
        let s = r#"{"items":[{"slug":"another-story","publishedAt":"2020-01-01"},{"slug":"the-story-slug","publishedAt":"2020-02-02"}]}"#;
        assert_eq!(best(s, "https://site.example/news/the-story-slug").map(|d| d.0), Some("2020-02-02".into()));
    }

    #[test]
    fn publication_beats_creation() {
        let s = r#"{"post":{"created_at":"2019-03-02T06:27:24+01:00","published_at":"2019-03-02T06:22:28+01:00"}}"#;
        assert_eq!(best(s, "").map(|d| d.1), Some("published_at".into()));
    }

    #[test]
    fn js_literals_and_escaped_json() {
        let s = r#"window.__NUXT__={data:[{story:{title:'L\'été',publishedAt:"2020-07-14T09:00:00Z"}}]}; // it's done"#;
        assert_eq!(best(s, "").map(|d| d.0), Some("2020-07-14T09:00:00Z".into()));
        let s = r#"window.__PRELOADED_STATE__ = JSON.parse("{\"article\":{\"headline\":\"Un \\\"mot\\\"\",\"comments\":[{\"publishedAt\":\"2021-01-02\"}],\"firstPublishedAt\":\"2020-12-31T23:00:00Z\"}}");"#;
        assert_eq!(best(s, "").map(|d| d.0), Some("2020-12-31T23:00:00Z".into()));
        // Escaped JSON held by a key naming others is theirs.
        let s = r#"var st = {"commentsJson": "[{\"publishedAt\":\"2021-01-02\"}]", "page": "{\"publishDate\":\"2020-05-06\"}"};"#;
        assert_eq!(best(s, "").map(|d| d.0), Some("2020-05-06".into()));
        // A ternary is no key.
        assert_eq!(best("var a = x ? publishedAt : 1643182900;", ""), None);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in ["", "\"", "\\\"", "{\"publishedAt\":", "{\"publishedAt\":\"", "{{{{[[[", "}}}]]]", "'", "`", "/*", "//", "\"\\", "{\"a\":\"{\\\"", "{publishedAt:1", "é\"publishedAt\":\"2020-01-01é"] {
            let _ = dates_in_script(s, &["https://a.example/b", "", "not a url", "/"]);
        }
        // Random mixes of the tokens the scanner reacts to (a fixed xorshift, reproducible).
        let toks = ["{", "}", "[", "]", "\"", "'", "`", "\\", "\\\"", ":", ",", "/", "*", "//", "/*", "publishedAt", "\"publishDate\"", "createdAt", "comments", "1643182900", "1643182900123", "2020-01-02T03:04:05Z", "é", "ع", " ", "\n", "https://a.example/b", "/b", "url", "="];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push_str(toks[(x % toks.len() as u64) as usize]);
            }
            for d in dates_in_script(&s, &["https://a.example/b"]) {
                assert!(d.iso.len() >= 10 && d.iso.as_bytes()[4] == b'-', "{s:?} gave {d:?}");
            }
        }
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(dates_in_script(&deep, &[]).is_empty());
        let deep = "{\"a\":".repeat(50_000) + "{\"publishedAt\":\"2020-01-01\"}" + &"}".repeat(50_000);
        assert_eq!(dates_in_script(&deep, &[]).len(), 1);
    }
}
