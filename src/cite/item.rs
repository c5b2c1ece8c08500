//! The citation item: what is cited, built from an [`Article`] (a small CSL-like item).
//!
//! The mapping is the one `tests/citeproc/oracle.mjs` writes independently in JavaScript; the oracle
//! test compares this module's CSL-JSON export with the items that script builds.

use crate::model::Article;

/// CSL item type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `article-newspaper`: there is an outlet.
    Newspaper,
    /// `webpage`: no outlet.
    Webpage,
}

impl Kind {
    /// The CSL type name.
    pub fn csl(self) -> &'static str {
        match self {
            Kind::Newspaper => "article-newspaper",
            Kind::Webpage => "webpage",
        }
    }
}

/// A name: a person (given + family) or an organisation / agency (kept whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// A person.
    Person {
        /// Given names ("Jean-Pierre").
        given: String,
        /// Family name ("Tremblay", "de Villiers").
        family: String,
    },
    /// An organisation or a news agency ("AFP", "World Health Organization").
    Org(String),
}

/// A calendar date; month and day optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// 1..=12.
    pub month: Option<u8>,
    /// 1..=31 (only with a month).
    pub day: Option<u8>,
}

/// What a citation cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// CSL type.
    pub kind: Kind,
    /// Title, normalised (typographic apostrophe, French spacing).
    pub title: Option<String>,
    /// Authors.
    pub authors: Vec<Name>,
    /// Newspaper (for an article) or website (for a web page), normalised like the title.
    pub container: Option<String>,
    /// The title as the page gives it (spaces collapsed), for the exports.
    pub title_raw: Option<String>,
    /// The container as the page gives it, for the exports.
    pub container_raw: Option<String>,
    /// The hosting site when it differs from the outlet (an aggregator), as the page gives it.
    pub via: Option<String>,
    /// Publication date: the publisher's calendar date.
    pub issued: Option<Date>,
    /// Access date.
    pub accessed: Option<Date>,
    /// The URL to cite (the original article's on an aggregator when known).
    pub url: Option<String>,
    /// BCP 47 language of the article.
    pub lang: Option<String>,
}

impl Item {
    /// Builds the item for `article`, accessed on `accessed` (YYYY-MM-DD).
    pub fn from_article(article: &Article, accessed: Option<&str>) -> Item {
        let outlet = nonempty(article.outlet.as_deref());
        let site = nonempty(article.site_name.as_deref());
        let kind = if outlet.is_some() { Kind::Newspaper } else { Kind::Webpage };
        let container_raw = outlet.or(site).map(collapse);
        let container = outlet.or(site).map(normalize_text);
        let via = match (outlet, site) {
            (Some(o), Some(s)) if !o.eq_ignore_ascii_case(s) => Some(collapse(s)),
            _ => None,
        };
        let authors = article
            .authors
            .iter()
            .filter_map(|a| nonempty(Some(a.as_str())))
            .map(|a| parse_name(a, outlet, site))
            .collect();
        Item {
            kind,
            title: nonempty(article.title.as_deref()).map(normalize_text),
            title_raw: nonempty(article.title.as_deref()).map(collapse),
            container_raw,
            authors,
            container,
            via,
            issued: article.published.as_deref().and_then(parse_date),
            accessed: accessed.and_then(parse_date),
            url: nonempty(article.source_url.as_deref()).or(nonempty(article.url.as_deref())).map(str::to_string),
            lang: nonempty(article.lang.as_deref()).map(str::to_string),
        }
    }

    /// Whether the article is in English (title case applies only to English titles).
    pub fn is_english(&self) -> bool {
        self.lang.as_deref().is_some_and(|l| l.len() >= 2 && l.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")))
    }
}

/// No-break spaces a page types on purpose (French typography): kept, never collapsed.
fn is_hard_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Trims and collapses runs of ordinary white space to one space; no-break spaces are kept.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() && !is_hard_space(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// Words that make a multi-word author an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "agency", "agence", "organization", "organisation", "ministry", "ministère", "ministere", "association",
    "council", "conseil", "institute", "institut", "office", "department", "département", "departement",
    "university", "université", "universite", "press", "presse", "news", "rédaction", "redaction", "staff",
    "team", "équipe", "equipe", "group", "groupe", "foundation", "fondation", "commission", "committee",
    "comité", "comite", "bank", "banque", "government", "gouvernement",
];
/// Arabic words that start organisation names (agency, ministry, authority, foundation, society, directorate, council).
const ORG_WORDS_AR: &[&str] = &["وكالة", "وزارة", "هيئة", "مؤسسة", "جمعية", "مديرية", "المديرية", "مجلس"];
/// Lower-case particles that belong to the family name ("Anne de Villiers", "Ali ben Salah").
const PARTICLES: &[&str] =
    &["de", "du", "des", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "le", "la", "bin", "ben", "ibn", "al", "el"];

/// Splits a display name ("Given Family") into a CSL name.
pub fn parse_name(name: &str, outlet: Option<&str>, site: Option<&str>) -> Name {
    let words: Vec<&str> = name.split_whitespace().collect();
    let clean = words.join(" ");
    if is_organisation(&clean, &words, outlet, site) {
        return Name::Org(clean);
    }
    // The family name starts at the first particle after the first word, else it is the last word.
    let mut k = words.len().saturating_sub(1);
    for (i, w) in words.iter().enumerate().take(words.len().saturating_sub(1)).skip(1) {
        if PARTICLES.contains(w) {
            k = i;
            break;
        }
    }
    Name::Person { given: words[..k].join(" "), family: words[k..].join(" ") }
}

fn is_organisation(name: &str, words: &[&str], outlet: Option<&str>, site: Option<&str>) -> bool {
    // One word is an agency or a brand ("AFP", "Reuters", "و.م.ع"), not a person.
    if words.len() <= 1 {
        return true;
    }
    // A site that signs its own pages ("World Health Organization" on its site).
    if Some(name) == outlet || Some(name) == site {
        return true;
    }
    // All-capital acronyms ("AFP MAP").
    if words.iter().all(|w| w.chars().count() >= 2 && w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase)) {
        return true;
    }
    words.iter().any(|w| {
        let lw = w.to_lowercase();
        let lw = lw.trim_matches(|c: char| !c.is_alphanumeric());
        ORG_WORDS.contains(&lw) || ORG_WORDS_AR.contains(&lw)
    })
}

/// The publisher's calendar date from an ISO 8601 date or date-time: the date part as written, never
/// converted to UTC or to the reader's zone ("2021-03-01T23:45:00-05:00" was published on 1 March).
pub fn parse_date(iso: &str) -> Option<Date> {
    let s = iso.trim();
    let num = |a: usize, b: usize| -> Option<u32> {
        let part = s.get(a..b)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = num(0, 4)? as i32;
    if s.len() > 4 && s.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    let month = num(5, 7).filter(|m| (1..=12).contains(m)).map(|m| m as u8);
    let day = month.and_then(|m| {
        let days = match m {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        // An impossible day ("2020-02-30") is dropped, keeping the year and month.
        num(8, 10).filter(|d| (1..=days).contains(d)).map(|d| d as u8)
    });
    Some(Date { year, month, day })
}

/// Typography citeproc applies to every field before styling: white space collapsed (typed no-break
/// spaces kept) and a narrow no-break space for a space before French high punctuation (" :" " ;"
/// " !" " ?" " »") or after "«". Quotes and apostrophes are rendered later, by `quotes::render`,
/// because they depend on the locale and on whether the field is quoted.
pub fn normalize_text(s: &str) -> String {
    let s = collapse(s);
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            ' ' if matches!(chars.get(i + 1), Some(':' | ';' | '!' | '?' | '»')) => out.push('\u{202f}'),
            ' ' if i > 0 && chars.get(i - 1) == Some(&'«') => out.push('\u{202f}'),
            _ => out.push(c),
        }
    }
    out
}
