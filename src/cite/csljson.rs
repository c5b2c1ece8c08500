//! CSL-JSON export: one item in an array, the input format of every CSL processor (Zotero, Pandoc,
//! citeproc-js). The fields are the ones the oracle renders (tests/citeproc/oracle.mjs).

use super::item::{Date, Item, Name};
use serde_json::{json, Map, Value};

fn date(d: &Date) -> Value {
    let mut parts = vec![json!(d.year)];
    if let Some(m) = d.month {
        parts.push(json!(m));
        if let Some(day) = d.day {
            parts.push(json!(day));
        }
    }
    json!({ "date-parts": [parts] })
}

/// The item as CSL-JSON (text fields as the page gives them, without typographic changes).
pub(crate) fn value(item: &Item) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(super::bibtex::key(item)));
    m.insert("type".into(), json!(item.kind.csl()));
    if let Some(t) = &item.title_raw {
        m.insert("title".into(), json!(t));
    }
    if !item.authors.is_empty() {
        let names: Vec<Value> = item
            .authors
            .iter()
            .map(|n| match n {
                Name::Person { given, family } => json!({ "family": family, "given": given }),
                Name::Org(o) => json!({ "literal": o }),
            })
            .collect();
        m.insert("author".into(), Value::Array(names));
    }
    if let Some(c) = &item.container_raw {
        m.insert("container-title".into(), json!(c));
    }
    if let Some(d) = &item.issued {
        m.insert("issued".into(), date(d));
    }
    if let Some(d) = &item.accessed {
        m.insert("accessed".into(), date(d));
    }
    if let Some(u) = &item.url {
        m.insert("URL".into(), json!(u));
    }
    if let Some(l) = &item.lang {
        m.insert("language".into(), json!(l));
    }
    Value::Object(m)
}

/// `[ {item} ]`, pretty-printed.
pub(crate) fn export(item: &Item) -> String {
    serde_json::to_string_pretty(&Value::Array(vec![value(item)])).unwrap_or_default()
}
