//! Citations: APA 7, MLA 9, Chicago 17 (author-date and notes-bibliography), Harvard (Cite Them
//! Right), ISO 690, and the exports BibTeX (biblatex), RIS and CSL-JSON, in en-US, fr-FR and ar.
//!
//! A built-in formatter per style (not a CSL engine: see docs/citations.md for the measurement). The
//! output is tested string for string against citeproc-js running the official CSL styles
//! (tests/cite_oracle.rs, tests/citeproc/); deliberate deviations are listed in docs/citations.md.

mod apa;
mod bibtex;
mod chicago;
mod csljson;
mod harvard;
mod iso690;
pub mod item;
pub mod locale;
mod mla;
mod quotes;
mod ris;

use crate::model::{Article, Error};
use item::{Item, Name};
use locale::Locale;
use serde::{Deserialize, Serialize};

/// A formatted citation.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Citation {
    /// Plain text (the bibliography entry; for the exports, the file content).
    pub text: String,
    /// HTML (italics with `<i>` where the style italicises; `&`, `<`, `>` escaped).
    pub html: String,
    /// Chicago notes-bibliography: the full note (first citation).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
    /// Chicago notes-bibliography: the full note, HTML.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note_html: Option<String>,
    /// Chicago notes-bibliography: the short note (later citations).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub short_note: Option<String>,
    /// Chicago notes-bibliography: the short note, HTML.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub short_note_html: Option<String>,
}

/// A style Lisible formats.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleInfo {
    /// The name `format` takes.
    pub id: &'static str,
    /// Human label.
    pub label: &'static str,
    /// Whether it is a file export (BibTeX, RIS, CSL-JSON) rather than a formatted reference.
    pub export: bool,
}

/// The styles, in menu order.
pub fn styles() -> &'static [StyleInfo] {
    const S: &[StyleInfo] = &[
        StyleInfo { id: "apa", label: "APA 7", export: false },
        StyleInfo { id: "mla", label: "MLA 9", export: false },
        StyleInfo { id: "chicago", label: "Chicago 17 (author-date)", export: false },
        StyleInfo { id: "chicago-notes", label: "Chicago 17 (notes and bibliography)", export: false },
        StyleInfo { id: "harvard", label: "Harvard (Cite Them Right)", export: false },
        StyleInfo { id: "iso690", label: "ISO 690", export: false },
        StyleInfo { id: "bibtex", label: "BibTeX (biblatex)", export: true },
        StyleInfo { id: "ris", label: "RIS", export: true },
        StyleInfo { id: "csl-json", label: "CSL-JSON", export: true },
    ];
    S
}

/// The locales: "en-US", "fr-FR", "ar".
pub fn locales() -> &'static [&'static str] {
    &["en-US", "fr-FR", "ar"]
}

/// Formats `article` in `style` for `locale` ("en", "en-US", "fr", "fr-FR", "ar"; None = the article's
/// language, falling back to en-US); `accessed` is the access date, YYYY-MM-DD (None = no access date).
pub fn format(article: &Article, style: &str, locale: Option<&str>, accessed: Option<&str>) -> Result<Citation, Error> {
    // An empty argument means "not given" (a form field left blank).
    let locale = locale.map(str::trim).filter(|s| !s.is_empty());
    let accessed = accessed.map(str::trim).filter(|s| !s.is_empty());
    let loc = match locale {
        Some(tag) => Locale::parse(tag).ok_or_else(|| Error::Invalid(format!("unknown citation locale '{tag}' (en, fr, ar)")))?,
        None => article.lang.as_deref().and_then(Locale::parse).unwrap_or(Locale::En),
    };
    if let Some(a) = accessed {
        if item::parse_date(a).and_then(|d| d.day).is_none() {
            return Err(Error::Invalid(format!("bad access date '{a}' (YYYY-MM-DD)")));
        }
    }
    let item = Item::from_article(article, accessed);
    let plain = |(text, html): (String, String)| Citation { text, html, ..Citation::default() };
    Ok(match style {
        "apa" => plain(apa::bibliography(&item, loc)),
        "mla" => plain(mla::bibliography(&item, loc)),
        "chicago" => plain(chicago::author_date(&item, loc)),
        "chicago-notes" => {
            let (text, html) = chicago::bibliography(&item, loc);
            let (note, note_html) = chicago::note(&item, loc);
            let (short_note, short_note_html) = chicago::short_note(&item, loc);
            Citation {
                text,
                html,
                note: Some(note),
                note_html: Some(note_html),
                short_note: Some(short_note),
                short_note_html: Some(short_note_html),
            }
        }
        "harvard" => plain(harvard::bibliography(&item, loc)),
        "iso690" => plain(iso690::bibliography(&item, loc)),
        "bibtex" => export(bibtex::export(&item)),
        "ris" => export(ris::export(&item)),
        "csl-json" => export(csljson::export(&item)),
        other => {
            let names: Vec<&str> = styles().iter().map(|s| s.id).collect();
            return Err(Error::Invalid(format!("unknown citation style '{other}' ({})", names.join(", "))));
        }
    })
}

fn export(text: String) -> Citation {
    Citation { html: escape(&text), text, ..Citation::default() }
}

/// Escapes text for HTML.
pub(crate) fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            _ => o.push(c),
        }
    }
    o
}

/// Builds the text and the HTML of a citation together, with citeproc's punctuation rules: a period
/// after a sentence-final mark is dropped ("Stay?" + "." = "Stay?"), and in American English a period
/// or comma after a closing quote moves inside it.
pub(crate) struct Out {
    text: String,
    html: String,
    loc: Locale,
    /// Where a following period or comma goes when it moves inside the closing quotes (text, html).
    quote_insert: Option<(usize, usize)>,
}

impl Out {
    pub(crate) fn new(loc: Locale) -> Out {
        Out { text: String::new(), html: String::new(), loc, quote_insert: None }
    }

    /// Whether nothing was written yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Punctuation, affix or delimiter.
    pub(crate) fn lit(&mut self, s: &str) {
        let mut rest = s;
        if let Some(p @ ('.' | ',')) = s.chars().next() {
            rest = &s[1..];
            match self.quote_insert {
                Some((t, h)) if self.loc.punctuation_in_quote() => {
                    let before = self.text.get(..t).and_then(|b| b.chars().last());
                    if !(p == '.' && matches!(before, Some('.' | '?' | '!'))) {
                        self.text.insert(t, p);
                        self.html.insert(h, p);
                    }
                }
                _ => {
                    let last = self
                        .text
                        .trim_end_matches(['»', '"', '\'', '\u{201d}', '\u{2019}', NBSP_CHAR, '\u{202f}', ' '])
                        .chars()
                        .last();
                    if !(p == '.' && matches!(last, Some('.' | '?' | '!'))) {
                        self.text.push(p);
                        self.html.push(p);
                    }
                }
            }
        }
        if !rest.is_empty() {
            self.push(rest);
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.html.push_str(&escape(s));
        self.quote_insert = None;
    }

    /// Plain content that is not a field (dates, labels, URLs): printed as is.
    pub(crate) fn text(&mut self, s: &str) {
        self.push(s);
    }

    /// A field (name, title, outlet): its quotes and apostrophes rendered for the locale.
    pub(crate) fn field(&mut self, s: &str) {
        let (r, _) = quotes::render(s, self.loc, false);
        self.push(&r);
    }

    /// An italic field.
    pub(crate) fn ital(&mut self, s: &str) {
        let (r, _) = quotes::render(s, self.loc, false);
        self.text.push_str(&r);
        self.html.push_str("<i>");
        self.html.push_str(&escape(&r));
        self.html.push_str("</i>");
        self.quote_insert = None;
    }

    /// A quoted field, with the locale's quotes (quotes inside become inner quotes).
    pub(crate) fn quoted(&mut self, s: &str) {
        let (r, trailing) = quotes::render(s, self.loc, true);
        let (open, close) = (self.loc.open_quote(), self.loc.close_quote());
        let body = r.get(..r.len() - trailing).unwrap_or(&r);
        let t = self.text.len() + open.len() + body.len();
        let h = self.html.len() + escape(open).len() + escape(body).len();
        self.push(&format!("{open}{r}{close}"));
        self.quote_insert = Some((t, h));
    }

    /// The finished (text, html).
    pub(crate) fn finish(self) -> (String, String) {
        (self.text.trim().to_string(), self.html.trim().to_string())
    }
}

const NBSP_CHAR: char = locale::NBSP;

/// Title case as citeproc-js applies it (`text-case="title"`, English only): every lower-case word
/// is capitalised except the CSL stop words, which are capitalised only first, last, or after ":?!".
pub(crate) fn title_case(s: &str) -> String {
    // Characters that split words for case (citeproc's tag list).
    let is_tag = |c: char| "\u{2018}\u{2019}\u{201c}\u{201d}\"'-\u{2013}\u{2014}/.,;?!:[]()".contains(c);
    // citeproc leaves the word after an opening straight single quote as typed ("says 'no Deal'"),
    // unless it follows ":?!".
    let mut after_single_open = false;
    let mut out = String::with_capacity(s.len());
    let mut first = true;
    let mut after_punct = false;
    let mut last_word: Option<(usize, usize)> = None; // byte range in `out`
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_tag(c) {
            if matches!(c, '!' | '?' | ':') {
                after_punct = true;
            }
            if c == '\'' && (i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(') {
                after_single_open = true;
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !is_tag(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let lower = word.to_lowercase();
        let followed_by_hyphen = chars.get(i) == Some(&'-');
        let capitalize = after_punct
            || (!after_single_open
                && ((word.chars().count() > 1 && !is_stop_word(&lower)) || followed_by_hyphen || first));
        let begin = out.len();
        if capitalize && word == lower {
            out.push_str(&locale::capitalize(&word));
        } else {
            out.push_str(&word);
        }
        last_word = Some((begin, out.len()));
        first = false;
        after_punct = false;
        after_single_open = false;
    }
    if let Some((a, b)) = last_word {
        let w = out[a..b].to_string();
        if w.chars().count() > 1 && is_stop_word(&w.to_lowercase()) {
            out.replace_range(a..b, &locale::capitalize(&w));
        }
    }
    out
}

/// citeproc-js's SKIP_WORDS (single words only; the phrases never match one word).
fn is_stop_word(w: &str) -> bool {
    const SKIP: &[&str] = &[
        "about", "above", "across", "afore", "after", "against", "al", "along", "alongside", "amid", "amidst", "among",
        "amongst", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at", "athwart", "atop", "barring",
        "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "circa",
        "despite", "down", "during", "et", "except", "for", "forenenst", "from", "given", "in", "inside", "into",
        "lest", "like", "modulo", "near", "next", "notwithstanding", "of", "off", "on", "onto", "out", "over", "per",
        "plus", "pro", "qua", "sans", "since", "than", "through", "throughout", "thruout", "till", "to", "toward",
        "towards", "under", "underneath", "until", "unto", "up", "upon", "versus", "vs", "v", "via", "vis-à-vis",
        "with", "within", "without", "or", "yet", "so", "and", "nor", "a", "an", "the", "de", "d'", "von", "van", "c",
        "ca",
    ];
    SKIP.contains(&w)
}

/// The title as a style that title-cases shows it: title case for English, as given otherwise.
pub(crate) fn styled_title(item: &Item, loc: Locale) -> Option<String> {
    let t = item.title.as_deref()?;
    let english = match item.lang {
        Some(_) => item.is_english(),
        None => loc == Locale::En,
    };
    Some(if english { title_case(t) } else { t.to_string() })
}

/// The container as APA, MLA and Chicago show it: title case for an English item, as given otherwise.
pub(crate) fn styled_container(item: &Item, loc: Locale) -> Option<String> {
    let c = item.container.as_deref()?;
    let english = match item.lang {
        Some(_) => item.is_english(),
        None => loc == Locale::En,
    };
    Some(if english { title_case(c) } else { c.to_string() })
}

/// Initials of given names: "Jean-Pierre" → "J.-P.", "Anna Maria" → "A. M." (`sep` between names).
pub(crate) fn initials(given: &str, sep: &str) -> String {
    given
        .split_whitespace()
        .map(|w| {
            w.split('-')
                .filter_map(|part| part.chars().next().map(|c| format!("{}.", c.to_uppercase())))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// Splits the lower-case particle off a family name, as citeproc parses it: ("de", "Villiers").
pub(crate) fn split_particle(family: &str) -> (Option<&str>, &str) {
    let mut end = 0;
    for (i, w) in family.split(' ').enumerate() {
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if !lower {
            if i == 0 {
                return (None, family);
            }
            let (p, core) = family.split_at(end);
            return (Some(p.trim_end()), core);
        }
        end += w.len() + 1;
    }
    (None, family)
}

/// The family name as printed: French ties the particle to the name with a no-break space.
pub(crate) fn family_name(family: &str, loc: Locale) -> String {
    match (split_particle(family), loc) {
        ((Some(p), core), Locale::Fr) => format!("{p}{}{core}", locale::NBSP),
        _ => family.to_string(),
    }
}

/// "Family, Given" (or the organisation).
pub(crate) fn inverted(n: &Name, loc: Locale) -> String {
    match n {
        Name::Person { given, family } if !given.is_empty() => format!("{}, {given}", family_name(family, loc)),
        Name::Person { family, .. } => family_name(family, loc),
        Name::Org(o) => o.clone(),
    }
}

/// "Family, Given particle": the particle demoted after the given name (Chicago's sort form).
pub(crate) fn inverted_demoted(n: &Name, loc: Locale) -> String {
    match n {
        Name::Person { given, family } if !given.is_empty() => match split_particle(family) {
            (Some(p), core) => format!("{core}, {given} {p}"),
            (None, _) => inverted(n, loc),
        },
        _ => inverted(n, loc),
    }
}

/// "Given Family" (or the organisation).
pub(crate) fn direct(n: &Name, loc: Locale) -> String {
    match n {
        Name::Person { given, family } if !given.is_empty() => format!("{given} {}", family_name(family, loc)),
        Name::Person { family, .. } => family_name(family, loc),
        Name::Org(o) => o.clone(),
    }
}

/// The family name (or the organisation).
pub(crate) fn family(n: &Name, loc: Locale) -> String {
    match n {
        Name::Person { family, .. } => family_name(family, loc),
        Name::Org(o) => o.clone(),
    }
}
