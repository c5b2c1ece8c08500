//! RIS export: `TY  - NEWS` for a newspaper article, `TY  - ELEC` for a web page.

use super::item::{Date, Item, Kind, Name};

/// RIS date: "2022/11/30", "2022/11", "2022".
fn date(d: &Date) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}/{m:02}/{day:02}", d.year),
        (Some(m), None) => format!("{:04}/{m:02}", d.year),
        _ => format!("{:04}", d.year),
    }
}

/// The record (lines end with "\n"; the last is `ER  - `).
pub(crate) fn export(item: &Item) -> String {
    let mut lines: Vec<(&str, String)> = Vec::new();
    lines.push(("TY", if item.kind == Kind::Newspaper { "NEWS" } else { "ELEC" }.into()));
    for n in &item.authors {
        lines.push((
            "AU",
            match n {
                Name::Person { given, family } if !given.is_empty() => format!("{family}, {given}"),
                Name::Person { family, .. } => family.clone(),
                Name::Org(o) => o.clone(),
            },
        ));
    }
    if let Some(t) = &item.title_raw {
        lines.push(("TI", t.clone()));
    }
    if let Some(c) = &item.container_raw {
        // T2: the newspaper (NEWS) or the website (ELEC).
        lines.push(("T2", c.clone()));
    }
    if let Some(d) = &item.issued {
        lines.push(("PY", format!("{:04}", d.year)));
        lines.push(("DA", date(d)));
    }
    if let Some(u) = &item.url {
        lines.push(("UR", u.clone()));
    }
    if let Some(d) = &item.accessed {
        lines.push(("Y2", date(d)));
    }
    if let Some(v) = &item.via {
        // DB: the database or aggregator the item was read in.
        lines.push(("DB", v.clone()));
    }
    if let Some(l) = &item.lang {
        lines.push(("LA", l.clone()));
    }
    let mut out = String::new();
    for (tag, value) in lines {
        out.push_str(&format!("{tag}  - {value}\n"));
    }
    out.push_str("ER  - ");
    out
}
