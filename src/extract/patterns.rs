//! Every matcher the extractor uses, in one place (Readability's `REGEXPS`, as plain string code:
//! no regex crate in the wasm). Inputs are lowercase `class id` strings unless said otherwise.

/// Class/id fragments of blocks that are rarely the article (Readability's `unlikelyCandidates`).
pub const UNLIKELY: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote",
];

/// Fragments that rescue an unlikely block (`okMaybeItsACandidate`).
pub const MAYBE: &[&str] = &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];

/// Fragments that raise a block's class weight.
pub const POSITIVE: &[&str] =
    &["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"];

/// Fragments that lower a block's class weight.
pub const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
    "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
    "tags", "widget",
];

/// Fragments of byline blocks.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// ARIA roles of blocks that are never the article.
pub const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Elements scored as paragraphs.
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Children that make a `div` a block container rather than a paragraph.
pub const DIV_TO_P_ELEMS: &[&str] = &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

/// Phrasing content (HTML's inline elements as Readability lists them).
pub const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
    "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "samp",
    "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
    // Readability turns <font> into <span> before anything else (replace-font-tags page).
    "font",
];

/// Elements dropped before anything is scored (never reading text).
pub const DROP: &[&str] =
    &["script", "style", "noscript", "template", "link", "meta", "head", "title"];

/// Comma-like characters in the scripts Readability counts (Latin, Arabic, CJK...).
pub fn is_comma(c: char) -> bool {
    matches!(c, ',' | '\u{060C}' | '\u{FE50}' | '\u{FE10}' | '\u{FE11}' | '\u{2E41}' | '\u{2E34}' | '\u{2E32}' | '\u{FF0C}')
}

/// True when any fragment occurs in `s`.
pub fn any_in(s: &str, frags: &[&str]) -> bool {
    !s.is_empty() && frags.iter().any(|f| crate::text::contains_fast(s, f))
}

/// The fragment lists matched per element or per block, as [`Needles`](crate::text::Needles)
/// (one scan of the string per list instead of one `contains` per fragment). Their inputs are
/// lowercase: the exact scan is [`any_in`].
pub struct Sets {
    /// [`UNLIKELY`].
    pub unlikely: crate::text::Needles,
    /// [`MAYBE`].
    pub maybe: crate::text::Needles,
    /// [`POSITIVE`].
    pub positive: crate::text::Needles,
    /// [`NEGATIVE`].
    pub negative: crate::text::Needles,
    /// [`BYLINE`].
    pub byline: crate::text::Needles,
    /// [`SOURCE_LINES`].
    pub source_lines: crate::text::Needles,
    /// [`AGGREGATOR_LINES`].
    pub aggregator_lines: crate::text::Needles,
}

/// The [`Sets`], built once.
pub fn sets() -> &'static Sets {
    use crate::text::Needles;
    static S: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    S.get_or_init(|| Sets {
        unlikely: Needles::new(UNLIKELY),
        maybe: Needles::new(MAYBE),
        positive: Needles::new(POSITIVE),
        negative: Needles::new(NEGATIVE),
        byline: Needles::new(BYLINE),
        source_lines: Needles::new(SOURCE_LINES),
        aggregator_lines: Needles::new(AGGREGATOR_LINES),
    })
}

/// [`PHRASING`] as a match (hot path: one call per node).
pub fn is_phrasing_tag(t: &str) -> bool {
    matches!(
        t,
        "abbr" | "audio" | "b" | "bdo" | "br" | "button" | "cite" | "code" | "data" | "datalist" | "dfn" | "em" | "embed" | "i" | "img"
            | "input" | "kbd" | "label" | "mark" | "math" | "meter" | "noscript" | "object" | "output" | "progress" | "q" | "ruby"
            | "samp" | "script" | "select" | "small" | "span" | "strong" | "sub" | "sup" | "textarea" | "time" | "var" | "wbr" | "font"
    )
}

/// [`DIV_TO_P_ELEMS`] as a match.
pub fn is_div_to_p(t: &str) -> bool {
    matches!(t, "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul")
}

/// [`TAGS_TO_SCORE`] as a match.
pub fn is_tag_to_score(t: &str) -> bool {
    matches!(t, "section" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "td" | "pre")
}

/// [`DROP`] as a match.
pub fn is_drop(t: &str) -> bool {
    matches!(t, "script" | "style" | "noscript" | "template" | "link" | "meta" | "head" | "title")
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `(\b|_)(share|sharedaddy)(\b|_)`: "share" as a word or underscore-delimited part.
pub fn is_share(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("share") {
        let at = from + i;
        let before_ok = at == 0 || !is_word(b[at - 1] as char) || b[at - 1] == b'_';
        let mut end = at + 5;
        if s[end..].starts_with("daddy") {
            end += 5;
        }
        let after_ok = end >= b.len() || !is_word(b[end] as char) || b[end] == b'_';
        if before_ok && after_ok {
            return true;
        }
        from = at + 5;
    }
    false
}

/// Readability's class weight for one of `class` / `id` (lowercase).
pub fn weight_of(s: &str) -> i32 {
    if s.is_empty() {
        return 0;
    }
    let mut w = 0;
    if sets().negative.in_exact(s) || s.split_whitespace().any(|t| t == "hid") {
        w -= 25;
    }
    if sets().positive.in_exact(s) {
        w += 25;
    }
    w
}

/// `//(www.)?(youtube|vimeo|dailymotion|…)`: embeds worth keeping.
pub fn is_video_url(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    [
        "//www.youtube.com", "//youtube.com", "//www.youtube-nocookie.com", "//youtube-nocookie.com", "//player.vimeo.com",
        "//www.dailymotion.com", "//dailymotion.com", "//v.qq.com", "//archive.org", "//upload.wikimedia.org", "//player.twitch.tv",
    ]
    .iter()
    .any(|p| s.contains(p))
}

/// A whole block that is only an ad label ("Advertisement", "Publicité", "إعلان"...).
pub fn is_ad_words(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    matches!(
        t.as_str(),
        "ad" | "ads" | "advertising" | "advertisement" | "pub" | "publicité" | "werb" | "werbung" | "广告" | "реклама" | "anuncio" | "إعلان" | "اعلان"
    )
}

/// A whole block that is only a loading placeholder.
pub fn is_loading_words(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches("...").trim_end_matches('…');
    matches!(t, "loading" | "正在加载" | "загрузка" | "chargement" | "cargando")
}

/// Lines pointing to the original article on aggregators and syndicated pages ("Cliquez ici pour
/// lire l'article depuis sa source."): not article text (maghress-fr, extract-aggregator-ar).
pub const SOURCE_LINES: &[&str] = &[
    "lire l'article depuis sa source", "lire l’article depuis sa source", "cliquez ici pour lire", "lire la suite sur", "lire l'article original",
    "lire l'article complet sur", "read more at the source", "read more at", "read the full article", "read the original article", "continue reading on",
    "view the original article", "اقرأ المقال من مصدره", "لقراءة المقال من المصدر", "لقراءة المقال كاملا", "لقراءة المقال كاملاً", "اضغط هنا لقراءة",
    "انقر هنا لقراءة",
];

/// Datelines already read as metadata ("Publié dans Albayane le 04 - 10 - 2020", "نشر في").
pub const DATELINE_STARTS: &[&str] =
    &["publié dans", "publié le", "publie dans", "published in", "published on", "posted on", "mis à jour le", "نشر في", "نشر بتاريخ", "نشر يوم"];

/// Aggregator boilerplate ("Maghress est un moteur de recherche et d'agrégation…").
pub const AGGREGATOR_LINES: &[&str] =
    &["moteur de recherche et d'agrégation", "agrégateur de presse", "news aggregator", "محرك بحث", "مجمع أخبار", "les articles sont la propriété de leurs éditeurs"];

/// True when a short block is one of the news boilerplate lines above.
pub fn is_news_boilerplate(text: &str) -> bool {
    // Each line holds a spaceless key (`boilerplate_keys`) that the lowercase copy holds only
    // where `text` holds it, ASCII letters compared case-insensitively (no character but the
    // Kelvin sign and the dotted capital I lowercases to an ASCII letter; text with them takes
    // the exact path): most blocks are rejected without the copy.
    if (text.is_ascii() || !text.contains(['\u{130}', '\u{212a}'])) && !boilerplate_keys().in_ascii_ci(text) {
        return false;
    }
    let mut t = crate::text::normalize_ws(text);
    if t.is_ascii() {
        t.make_ascii_lowercase();
    } else {
        t = t.to_lowercase();
    }
    if t.is_empty() || t.chars().count() > 220 {
        return false;
    }
    sets().source_lines.in_exact(&t) || DATELINE_STARTS.iter().any(|d| t.starts_with(d)) || sets().aggregator_lines.in_exact(&t)
}

/// The [`crate::text::spaceless_key`] of every line of [`SOURCE_LINES`], [`DATELINE_STARTS`]
/// and [`AGGREGATOR_LINES`].
fn boilerplate_keys() -> &'static crate::text::Needles {
    static N: std::sync::OnceLock<crate::text::Needles> = std::sync::OnceLock::new();
    N.get_or_init(|| {
        let keys: Vec<&'static str> =
            SOURCE_LINES.iter().chain(DATELINE_STARTS).chain(AGGREGATOR_LINES).map(|l| crate::text::spaceless_key(l)).collect();
        crate::text::Needles::new(&keys)
    })
}

#[cfg(test)]
mod boilerplate_tests {
    #[test]
    fn keys_are_spaceless_parts_of_their_lines() {
        for l in super::SOURCE_LINES.iter().chain(super::DATELINE_STARTS).chain(super::AGGREGATOR_LINES) {
            let k = crate::text::spaceless_key(l);
            assert!(!k.is_empty() && l.contains(k) && !k.contains(char::is_whitespace), "{l}");
        }
        assert!(super::is_news_boilerplate("  Publié   dans Albayane le 04 - 10 - 2020"));
        assert!(super::is_news_boilerplate("Cliquez ICI pour lire l'article"));
        assert!(!super::is_news_boilerplate("An ordinary paragraph of the article."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_is_a_word() {
        assert!(is_share("social share-bar"));
        assert!(is_share("post_share_tools"));
        assert!(is_share("sharedaddy"));
        assert!(!is_share("shares"));
        assert!(!is_share("reshare"));
    }

    #[test]
    fn weights() {
        assert_eq!(weight_of("article-body"), 25);
        assert_eq!(weight_of("sidebar"), -25);
        assert_eq!(weight_of("x hid"), -25);
        assert_eq!(weight_of(""), 0);
    }
}
