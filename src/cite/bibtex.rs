//! BibTeX export for biblatex: `@article` with `entrysubtype = {newspaper}` for a newspaper article,
//! `@online` for a web page; `date`/`urldate` in ISO form, `langid` for hyphenation.

use super::item::{Date, Item, Kind, Name};

/// Citation key: first author's family name (or the title's first word) + year: "chen2022".
pub(crate) fn key(item: &Item) -> String {
    let base = match item.authors.first() {
        Some(Name::Person { family, .. }) => family.clone(),
        Some(Name::Org(o)) => o.clone(),
        None => item.title_raw.clone().unwrap_or_default(),
    };
    let word: String = base
        .split_whitespace()
        .find(|w| w.chars().any(char::is_alphanumeric))
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let word = if word.is_empty() { "item".to_string() } else { word };
    match item.issued {
        Some(d) => format!("{word}{}", d.year),
        None => format!("{word}nd"),
    }
}

/// ISO date as biblatex wants it: "2022", "2022-11", "2022-11-30".
pub(crate) fn iso(d: &Date) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
        (Some(m), None) => format!("{:04}-{m:02}", d.year),
        _ => format!("{:04}", d.year),
    }
}

/// Escapes LaTeX specials in a text field (not in `url`, which biblatex reads verbatim).
fn tex(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                o.push('\\');
                o.push(c);
            }
            '\\' => o.push_str("\\textbackslash{}"),
            '~' => o.push_str("\\textasciitilde{}"),
            '^' => o.push_str("\\textasciicircum{}"),
            _ => o.push(c),
        }
    }
    o
}

fn langid(lang: &str) -> Option<&'static str> {
    match lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str() {
        "en" => Some("english"),
        "fr" => Some("french"),
        "ar" => Some("arabic"),
        "es" => Some("spanish"),
        "de" => Some("german"),
        _ => None,
    }
}

/// The entry.
pub(crate) fn export(item: &Item) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !item.authors.is_empty() {
        let names: Vec<String> = item
            .authors
            .iter()
            .map(|n| match n {
                Name::Person { given, family } if !given.is_empty() => format!("{}, {}", tex(family), tex(given)),
                Name::Person { family, .. } => format!("{{{}}}", tex(family)),
                // Braces keep an organisation from being split into given and family names.
                Name::Org(o) => format!("{{{}}}", tex(o)),
            })
            .collect();
        fields.push(("author", names.join(" and ")));
    }
    if let Some(t) = &item.title_raw {
        // Braces protect the title's case: biblatex styles may otherwise recase it.
        fields.push(("title", format!("{{{}}}", tex(t))));
    }
    let entry = match item.kind {
        Kind::Newspaper => {
            if let Some(c) = &item.container_raw {
                fields.push(("journaltitle", tex(c)));
            }
            fields.push(("entrysubtype", "newspaper".into()));
            "article"
        }
        Kind::Webpage => {
            if let Some(c) = &item.container_raw {
                fields.push(("organization", tex(c)));
            }
            "online"
        }
    };
    if let Some(v) = &item.via {
        fields.push(("note", format!("via {}", tex(v))));
    }
    if let Some(d) = &item.issued {
        fields.push(("date", iso(d)));
    }
    if let Some(u) = &item.url {
        fields.push(("url", u.replace(['{', '}'], "")));
    }
    if let Some(d) = &item.accessed {
        fields.push(("urldate", iso(d)));
    }
    if let Some(l) = item.lang.as_deref().and_then(langid) {
        fields.push(("langid", l.into()));
    }
    let mut out = format!("@{entry}{{{},\n", key(item));
    for (k, v) in fields {
        out.push_str(&format!("  {k} = {{{v}}},\n"));
    }
    out.push('}');
    out
}
