//! The allow-list: which elements, attributes and URLs may reach the reader view.

/// Elements written with their own tag (reading elements only). `h1` is written as `h2`.
pub fn allowed_tag(name: &str) -> Option<&'static str> {
    Some(match name {
        "p" => "p",
        "h1" | "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        "ul" => "ul",
        "ol" => "ol",
        "li" => "li",
        "dl" => "dl",
        "dt" => "dt",
        "dd" => "dd",
        "blockquote" => "blockquote",
        "figure" => "figure",
        "figcaption" => "figcaption",
        "picture" => "picture",
        "source" => "source",
        "a" => "a",
        "table" => "table",
        "caption" => "caption",
        "thead" => "thead",
        "tbody" => "tbody",
        "tfoot" => "tfoot",
        "tr" => "tr",
        "th" => "th",
        "td" => "td",
        "pre" => "pre",
        "code" => "code",
        "em" => "em",
        "strong" => "strong",
        "b" => "b",
        "i" => "i",
        "u" => "u",
        "s" => "s",
        "sub" => "sub",
        "sup" => "sup",
        "small" => "small",
        "mark" => "mark",
        "abbr" => "abbr",
        "cite" => "cite",
        "q" => "q",
        "time" => "time",
        "kbd" => "kbd",
        "samp" => "samp",
        "var" => "var",
        "dfn" => "dfn",
        "del" => "del",
        "ins" => "ins",
        "br" => "br",
        "hr" => "hr",
        _ => return None,
    })
}

/// Elements dropped with everything inside (never reading content, or executable).
pub const DROP: &[&str] = &[
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg",
    "head", "title", "meta", "link", "base", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
    "canvas", "audio", "video", "track", "map", "area", "dialog", "noembed", "noframes", "portal", "slot", "xmp",
    "plaintext", "marquee", "keygen", "output", "progress", "meter",
];

/// Void elements (no closing tag).
pub const VOID: &[&str] = &["br", "hr", "img", "source"];

/// Block-level elements (text blocks are separated around them).
pub const BLOCK_LEVEL: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "caption",
];

/// Generic containers: written as `<div>` (with paragraphs) or `<p>` (inline content only).
pub const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "form", "fieldset", "address",
    "hgroup", "details", "summary", "menu", "dir", "body",
];

/// Blocks that get a `dir` attribute when their script direction differs from their parent's.
pub const DIR_BLOCKS: &[&str] = &["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th", "dd", "dt", "pre", "ul", "ol", "table", "caption"];

/// Paragraph-like elements: a block inside them is unwrapped.
pub const PARAGRAPH_LIKE: &[&str] = &["p", "h2", "h3", "h4", "h5", "h6", "pre", "caption", "dt"];

/// Attributes that carry a lazy-loaded image source.
pub const LAZY_SRC: &[&str] = &["data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src", "data-full-src"];

/// True for allowed tags written as blocks.
pub fn is_block_tag(t: &str) -> bool {
    matches!(
        t,
        "address" | "article" | "aside" | "blockquote" | "center" | "dd" | "details" | "dialog" | "dir" | "div" | "dl" | "dt"
            | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header"
            | "hgroup" | "hr" | "li" | "main" | "menu" | "nav" | "ol" | "p" | "pre" | "section" | "summary" | "table" | "tbody"
            | "td" | "tfoot" | "th" | "thead" | "tr" | "ul" | "caption"
    )
}

/// [`DROP`] as a match.
pub fn is_dropped(t: &str) -> bool {
    matches!(
        t,
        "script" | "style" | "template" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "param" | "svg" | "head"
            | "title" | "meta" | "link" | "base" | "input" | "button" | "select" | "option" | "optgroup" | "textarea" | "datalist"
            | "canvas" | "audio" | "video" | "track" | "map" | "area" | "dialog" | "noembed" | "noframes" | "portal" | "slot" | "xmp"
            | "plaintext" | "marquee" | "keygen" | "output" | "progress" | "meter"
    )
}

/// Phrasing (inline) element names.
pub fn is_phrasing_name(n: &str) -> bool {
    crate::extract::patterns::is_phrasing_tag(n) || matches!(n, "a" | "del" | "ins" | "font" | "u" | "s" | "strike" | "tt" | "big" | "nobr" | "bdi" | "picture" | "source")
}

/// Where a URL is used.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UrlUse {
    /// `a href`, `cite`: http, https, mailto.
    Link,
    /// `img src` / `srcset`: http, https, small raster `data:image`.
    Image,
}

/// The URL made absolute against `base`, or `None` when its scheme is not allowed.
pub fn safe_url(raw: &str, base: Option<&str>, use_: UrlUse) -> Option<String> {
    let cleaned = crate::url::clean(raw);
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    if let Some(s) = crate::url::scheme(&cleaned) {
        return match (s.as_str(), use_) {
            ("http" | "https", _) | ("mailto", UrlUse::Link) => Some(cleaned),
            ("data", UrlUse::Image) => is_raster_data(&cleaned).then_some(cleaned),
            _ => None,
        };
    }
    // A colon before any '/', '?' or '#' that did not make a valid scheme (`java script:`,
    // `&#0;javascript:`): refuse rather than guess.
    if let Some(i) = cleaned.find(':') {
        if !cleaned[..i].contains(['/', '?', '#']) {
            return None;
        }
    }
    let abs = crate::url::resolve(base, &cleaned);
    match crate::url::scheme(&abs).as_deref() {
        Some("http" | "https") => Some(abs),
        Some("mailto") if use_ == UrlUse::Link => Some(abs),
        Some(_) => None,
        // Still relative (no base): harmless, kept as is.
        None => Some(abs),
    }
}

fn is_raster_data(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/jpg", "data:image/webp", "data:image/avif"]
        .iter()
        .any(|p| l.starts_with(p) && l[p.len()..].starts_with([';', ',']))
}

/// A `srcset` with every candidate URL made safe; `None` when none survives.
pub fn safe_srcset(s: &str, base: Option<&str>) -> Option<String> {
    let mut out = Vec::new();
    for cand in s.split(", ").flat_map(|c| c.split(",\n")) {
        let mut parts = cand.split_whitespace();
        let Some(u) = parts.next() else { continue };
        let Some(u) = safe_url(u, base, UrlUse::Image) else { continue };
        if u.starts_with("data:") {
            continue;
        }
        let desc: Vec<&str> = parts.filter(|d| d.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'w' | 'x'))).collect();
        out.push(if desc.is_empty() { u } else { format!("{u} {}", desc.join(" ")) });
    }
    (!out.is_empty()).then(|| out.join(", "))
}

/// A placeholder `src` of a lazy image (tiny data URI, blank/spacer/loading gif).
pub fn is_placeholder_src(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    (l.starts_with("data:") && l.len() < 200) || ["blank.gif", "spacer.gif", "pixel.gif", "placeholder", "lazy-load", "lazyload", "loading.gif", "grey.gif", "transparent.gif"].iter().any(|p| l.contains(p))
}

/// Attributes written as they are (URL attributes are handled by the serializer itself).
pub fn attr_allowed(tag: &str, k: &str, v: &str) -> bool {
    let numeric = || !v.is_empty() && v.len() <= 6 && v.chars().all(|c| c.is_ascii_digit());
    match (tag, k) {
        (_, "title") => tag == "abbr" || tag == "a" || tag == "img",
        ("img", "alt") => true,
        ("img", "width" | "height") => numeric(),
        ("td" | "th", "colspan" | "rowspan") => numeric(),
        ("th", "scope") => matches!(v, "row" | "col" | "rowgroup" | "colgroup"),
        ("ol", "start") => numeric(),
        ("ol", "reversed") => v.is_empty() || v == "reversed",
        ("ol", "type") => matches!(v, "1" | "a" | "A" | "i" | "I"),
        ("li", "value") => numeric(),
        ("time", "datetime") => v.len() < 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '+' | '.' | ' ' | 'T' | 'Z')),
        ("source", "media") => v.len() < 200 && !v.contains(['<', '>', '"', '\'']) && !v.to_ascii_lowercase().contains("expression"),
        ("source", "type") => v.starts_with("image/") && v.len() < 40,
        ("source", "sizes") | ("img", "sizes") => v.len() < 200 && v.chars().all(|c| c.is_ascii_alphanumeric() || " ,()-.:%".contains(c)),
        (_, "lang") => v.len() < 36 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(safe_url("/a?b=1", Some("https://x.org/p/q"), UrlUse::Link).as_deref(), Some("https://x.org/a?b=1"));
        assert_eq!(safe_url("java\tscript:alert(1)", None, UrlUse::Link), None);
        assert_eq!(safe_url(" JAVASCRIPT:alert(1)", None, UrlUse::Link), None);
        assert_eq!(safe_url("vbscript:x", None, UrlUse::Link), None);
        assert_eq!(safe_url("data:text/html,<script>", None, UrlUse::Image), None);
        assert!(safe_url("data:image/png;base64,AAAA", None, UrlUse::Image).is_some());
        assert_eq!(safe_url("data:image/png;base64,AAAA", None, UrlUse::Link), None);
        assert_eq!(safe_url("data:image/svg+xml,<svg onload=x>", None, UrlUse::Image), None);
        assert_eq!(safe_url("mailto:a@b.c", None, UrlUse::Link).as_deref(), Some("mailto:a@b.c"));
        assert_eq!(safe_url("mailto:a@b.c", None, UrlUse::Image), None);
    }
}
