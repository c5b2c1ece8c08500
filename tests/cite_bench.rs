//! Citation speed (ignored by default; run in release):
//!   cargo test --release --test cite_bench -- --ignored --nocapture
//! Formats every oracle item in every style and locale, 100 times.

use lisible::{cite, Article};
use serde_json::Value;
use std::time::Instant;

#[test]
#[ignore]
fn bench_format() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/citeproc/items.json");
    let items: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("items.json")).expect("json");
    let arts: Vec<(Article, Option<String>)> = items
        .as_array()
        .expect("array")
        .iter()
        .map(|i| {
            let a = &i["article"];
            let s = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_string);
            let authors = a["authors"].as_array().map(|v| v.iter().filter_map(Value::as_str).map(str::to_string).collect());
            let art = Article {
                title: s("title"),
                authors: authors.unwrap_or_default(),
                outlet: s("outlet"),
                site_name: s("site_name"),
                published: s("published"),
                lang: s("lang"),
                url: s("url"),
                source_url: s("source_url"),
                ..Article::default()
            };
            (art, i.get("accessed").and_then(Value::as_str).map(str::to_string))
        })
        .collect();
    let (mut n, mut bytes) = (0usize, 0usize);
    let t = Instant::now();
    for _ in 0..100 {
        for (a, acc) in &arts {
            for s in cite::styles() {
                for l in ["en", "fr", "ar"] {
                    bytes += cite::format(a, s.id, Some(l), acc.as_deref()).expect("format").text.len();
                    n += 1;
                }
            }
        }
    }
    let e = t.elapsed();
    eprintln!("{n} citations in {e:?}: {:.2} µs each ({bytes} bytes)", e.as_secs_f64() * 1e6 / n as f64);
}
