//! Harvard, Cite Them Right 12th edition (CSL `harvard1`, as bundled by @citation-js/plugin-csl).

use super::item::{Item, Kind, Name};
use super::locale::{capitalize, Locale};
use super::{family_name, initials, Out};

/// "Chen, R.", initials without spaces ("J.-P.", "ف.ا.").
fn name(n: &Name, loc: Locale) -> String {
    match n {
        Name::Person { given, family } if !given.is_empty() => {
            format!("{}, {}", family_name(family, loc), initials(given, ""))
        }
        Name::Person { family, .. } => family_name(family, loc),
        Name::Org(o) => o.clone(),
    }
}

/// Up to three names ("A., B. and C."), four or more: "A. <i>et al.</i>".
fn names(o: &mut Out, a: &[Name], loc: Locale) {
    let n: Vec<String> = a.iter().map(|x| name(x, loc)).collect();
    match n.len() {
        0 => {}
        1 => o.field(&n[0]),
        2 | 3 => o.field(&format!("{} {} {}", n[..n.len() - 1].join(", "), loc.and(), n[n.len() - 1])),
        _ => {
            o.field(&n[0]);
            o.lit(" ");
            o.ital(loc.et_al());
        }
    }
}

/// The reference list entry.
pub(crate) fn bibliography(item: &Item, loc: Locale) -> (String, String) {
    let mut o = Out::new(loc);
    let webpage = item.kind == Kind::Webpage;
    let mut container_used = false;
    let mut title_used = false;
    if !item.authors.is_empty() {
        names(&mut o, &item.authors, loc);
    } else if let (false, Some(c)) = (webpage, &item.container) {
        // An unsigned article is listed under the newspaper.
        o.ital(c);
        container_used = true;
    } else if let Some(t) = &item.title {
        o.ital(t);
        title_used = true;
    }
    if !o.is_empty() {
        o.lit(" ");
    }
    let year = match item.issued {
        Some(d) => d.year.to_string(),
        None => loc.no_date_long().to_string(),
    };
    o.text(&format!("({year})"));
    o.lit(" ");
    let mut need_comma = false;
    if let (false, Some(t)) = (title_used, &item.title) {
        if webpage {
            o.ital(t);
        } else {
            o.quoted(t);
        }
        need_comma = true;
    }
    if let (false, Some(c)) = (container_used, &item.container) {
        if need_comma {
            o.lit(", ");
        }
        o.ital(c);
        need_comma = true;
    }
    if !webpage {
        if let Some(dm) = item.issued.and_then(|d| loc.day_month(&d)) {
            if need_comma {
                o.lit(", ");
            }
            o.text(&dm);
        }
    }
    if let Some(u) = &item.url {
        o.lit(". ");
        o.text(&format!("{}: {u}", capitalize(loc.available_at())));
    }
    if let Some(acc) = &item.accessed {
        // Deliberate deviation (French): CSL prints "Consulté le: …"; the colon is dropped.
        let label = match loc {
            Locale::Fr => "Consulté le".to_string(),
            _ => format!("{}:", capitalize(loc.accessed())),
        };
        o.lit(" ");
        o.text(&format!("({label} {})", loc.date_text(acc)));
    }
    o.lit(".");
    o.finish()
}
