//! APA 7 (CSL `apa`, as bundled by @citation-js/plugin-csl).

use super::item::{Date, Item, Kind, Name};
use super::locale::Locale;
use super::{family_name, initials, styled_container, Out};

/// "Smith, J.", "Tremblay, J.-P.", an organisation whole.
fn name(n: &Name, loc: Locale) -> String {
    match n {
        Name::Person { given, family } if !given.is_empty() => {
            format!("{}, {}", family_name(family, loc), initials(given, " "))
        }
        Name::Person { family, .. } => family_name(family, loc),
        Name::Org(o) => o.clone(),
    }
}

/// APA lists up to 20 names ("A, B, & C"); beyond, the first 19, an ellipsis (…) and the last.
pub(crate) fn names(authors: &[Name], loc: Locale) -> String {
    let n: Vec<String> = authors.iter().map(|a| name(a, loc)).collect();
    match n.len() {
        0 => String::new(),
        1 => n[0].clone(),
        2..=20 => format!("{}, & {}", n[..n.len() - 1].join(", "), n[n.len() - 1]),
        _ => format!("{}, \u{2026} {}", n[..19].join(", "), n[n.len() - 1]),
    }
}

/// "2021, June 9"; in French and Arabic the day comes first ("2021, 9 juin"): deliberate deviation,
/// the CSL style prints the English order "juin 9" in every language.
fn date(d: &Date, loc: Locale) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => match loc {
            Locale::En => format!("{}, {} {}", d.year, loc.month(m), day),
            _ => format!("{}, {} {}", d.year, loc.day(day), loc.month(m)),
        },
        (Some(m), None) => format!("{}, {}", d.year, loc.month(m)),
        _ => d.year.to_string(),
    }
}

fn title(o: &mut Out, item: &Item) {
    if let Some(t) = &item.title {
        // Web pages italicise the title; articles italicise the newspaper.
        if item.kind == Kind::Webpage {
            o.ital(t);
        } else {
            o.field(t);
        }
        o.lit(". ");
    }
}

/// The reference list entry.
pub(crate) fn bibliography(item: &Item, loc: Locale) -> (String, String) {
    let mut o = Out::new(loc);
    let has_author = !item.authors.is_empty();
    if has_author {
        o.field(&names(&item.authors, loc));
        o.lit(". ");
    } else {
        title(&mut o, item);
    }
    o.text(&format!("({})", item.issued.map(|d| date(&d, loc)).unwrap_or_else(|| loc.no_date())));
    o.lit(". ");
    if has_author {
        title(&mut o, item);
    }
    if let Some(c) = &styled_container(item, loc) {
        if item.kind == Kind::Newspaper {
            o.ital(c);
        } else {
            o.field(c);
        }
        o.lit(". ");
    }
    // "Retrieved <date>, from" only for undated pages (APA 7 §9.16). Without an access date nothing
    // is printed (deliberate deviation D5: the CSL style leaves a dangling "Retrieved").
    if let (None, Some(acc)) = (item.issued, item.accessed) {
        let d = loc.date_text(&acc);
        o.text(&match loc {
            Locale::En => format!("Retrieved {d}, from "),
            Locale::Fr => format!("Consulté {d}, à l\u{2019}adresse "),
            Locale::Ar => format!("استرجع في {d}, من "),
        });
    }
    if let Some(u) = &item.url {
        o.text(u);
    }
    o.finish()
}
