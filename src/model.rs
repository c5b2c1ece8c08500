//! The data that crosses phase boundaries and leaves the core (CLI JSON, extension messages).
//! Plain serde structs: JSON keys are snake_case and unknown values are `null`.

use crate::dom::NodeId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The analysis of one page: what the CLI prints and the reader view shows.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Headline.
    pub title: Option<String>,
    /// People (or a news agency) who wrote it, display form ("Given Family").
    pub authors: Vec<String>,
    /// The publication to cite: on an aggregator, the ORIGINAL outlet.
    pub outlet: Option<String>,
    /// The site hosting the page (the aggregator on an aggregator).
    pub site_name: Option<String>,
    /// Publication date: ISO 8601 date or date-time (offset kept as the page gives it).
    pub published: Option<String>,
    /// Last modification date, same form.
    pub modified: Option<String>,
    /// BCP 47 language of the article ("fr", "ar", "en-US").
    pub lang: Option<String>,
    /// Base direction: "ltr" or "rtl".
    pub dir: Option<String>,
    /// The page URL (canonical when the page gives one).
    pub url: Option<String>,
    /// The original article's link on an aggregator or syndicated page.
    pub source_url: Option<String>,
    /// Short summary (meta description or first paragraph).
    pub excerpt: Option<String>,
    /// Sanitized article HTML (allow-list serializer).
    pub content_html: String,
    /// Plain text, blocks separated by a blank line.
    pub text: String,
    /// Words in `text`.
    pub word_count: usize,
    /// Estimated reading time at the language's reading speed.
    pub reading_minutes: u32,
    /// Whether the page looks like an article (isProbablyReaderable).
    pub readerable: bool,
    /// Everything recognised as not the article.
    pub clutter: Vec<ClutterHit>,
    /// Where each metadata field came from (`"published": "byline text 'Publié dans … le …'"`).
    pub provenance: BTreeMap<String, String>,
}

/// Kinds of clutter.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ClutterKind {
    /// Scrolling strip of headlines ("breaking", `<marquee>`, "à la une", "عاجل").
    Ticker,
    /// Ad slot or ad label.
    Ad,
    /// "Report this image" widgets.
    ImageReport,
    /// Share / social buttons.
    ShareBar,
    /// Related articles, "most read", "à lire aussi".
    Related,
    /// Comment section.
    Comments,
    /// Cookie and consent banners.
    Consent,
    /// Newsletter sign-up box.
    Newsletter,
    /// Paywall / subscription box.
    Paywall,
    /// Site navigation.
    Navigation,
    /// Sticky header or footer, page footer.
    Sticky,
}

/// One piece of clutter found on the page. Detection never mutates the page: the extension
/// hides `node` on the live page (reversibly) from this list.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ClutterHit {
    /// What it is.
    pub kind: ClutterKind,
    /// Why it was recognised (human-readable, names the rule).
    pub reason: String,
    /// The element (arena id = index in the browser walk).
    pub node: NodeId,
}

/// Metadata read from the page (see `metadata` for the priority of sources).
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Authors, display form.
    pub authors: Vec<String>,
    /// Outlet to cite.
    pub outlet: Option<String>,
    /// Hosting site.
    pub site_name: Option<String>,
    /// ISO 8601 publication date.
    pub published: Option<String>,
    /// ISO 8601 modification date.
    pub modified: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// Direction.
    pub dir: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Original article on an aggregator.
    pub source_url: Option<String>,
    /// Description.
    pub excerpt: Option<String>,
    /// Field → source description.
    pub provenance: BTreeMap<String, String>,
}

/// Errors the core reports (never panics).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Input could not be read as an HTML document.
    NotHtml(String),
    /// The page has no article.
    NoArticle,
    /// The page is beyond the limits the core accepts.
    TooLarge(String),
    /// Bad argument (style, locale, malformed snapshot...).
    Invalid(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotHtml(why) => write!(f, "Not an HTML page: {why}"),
            Error::NoArticle => write!(f, "No article found on this page"),
            Error::TooLarge(why) => write!(f, "Page too large: {why}"),
            Error::Invalid(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for Error {}

impl ClutterKind {
    /// The snake_case name (as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            ClutterKind::Ticker => "ticker",
            ClutterKind::Ad => "ad",
            ClutterKind::ImageReport => "image_report",
            ClutterKind::ShareBar => "share_bar",
            ClutterKind::Related => "related",
            ClutterKind::Comments => "comments",
            ClutterKind::Consent => "consent",
            ClutterKind::Newsletter => "newsletter",
            ClutterKind::Paywall => "paywall",
            ClutterKind::Navigation => "navigation",
            ClutterKind::Sticky => "sticky",
        }
    }

    /// Whether the extension hides this kind on the live page. Navigation stays: the reader must
    /// still be able to leave the article.
    pub fn hide_on_page(self) -> bool {
        !matches!(self, ClutterKind::Navigation)
    }
}

/// What the extension receives from one analysis of a page.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct PageAnalysis {
    /// The article, when there is one.
    pub article: Option<Article>,
    /// Why there is no article ("No article found on this page").
    pub error: Option<String>,
    /// Elements to hide on the live page (arena ids = browser walk indices).
    pub hide: Vec<ClutterHit>,
}
