//! One trial per fixture folder under `tests/fixtures/pages/` (filter by name:
//! `cargo test --test fixtures -- maghress`).
//!
//! A folder holds `source.html` (a page written for this project) and `expected.json`:
//! ```json
//! {
//!   "url": "https://example.org/a/1",          // the page URL given to the core (optional)
//!   "expect": {"title": "…", "published": "…"}, // fields that must equal (null = must be null)
//!   "text_contains": ["…"],                     // article text must contain each
//!   "text_excludes": ["…"],                     // … and none of these
//!   "clutter": [["ticker", "div#breaking-news"]],// exact hits: kind + simple selector, nothing else
//!   "clutter_includes": [["ad", ".ad-slot"]],    // hits that must be present (others allowed)
//!   "no_article": true,                          // the page must give "No article found"
//!   "known_failure": "why"                      // the trial is expected to fail, and says why
//! }
//! ```
//! Every trial also checks that no clutter hit contains any `text_contains` string (article
//! paragraphs are never hit).

use libtest_mimic::{Arguments, Failed, Trial};
use lisible::dom::{html, Dom};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

fn check(dir: &Path) -> Result<(), String> {
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).map_err(|e| format!("expected.json: {e}"))?,
    )
    .map_err(|e| format!("expected.json: {e}"))?;
    let bytes = std::fs::read(dir.join("source.html")).map_err(|e| format!("source.html: {e}"))?;
    let source = lisible::decode_html(&bytes).map_err(|e| e.to_string())?;
    let url = spec.get("url").and_then(Value::as_str);
    let dom = html::parse(&source);
    let result = lisible::analyze(&dom, &lisible::Options { url: url.map(str::to_string) });
    let mut errors = Vec::new();
    if spec.get("no_article").and_then(Value::as_bool) == Some(true) {
        return match result {
            Err(lisible::Error::NoArticle) => Ok(()),
            Err(e) => Err(format!("expected NoArticle, got error {e}")),
            Ok(a) => Err(format!("expected NoArticle, got an article: {:?}", a.title)),
        };
    }
    let article = result.map_err(|e| format!("analysis failed: {e}"))?;
    let got = serde_json::to_value(&article).map_err(|e| e.to_string())?;
    if let Some(Value::Object(expect)) = spec.get("expect") {
        for (k, want) in expect {
            let have = got.get(k).unwrap_or(&Value::Null);
            if have != want {
                errors.push(format!("{k}: expected {want}, got {have}"));
            }
        }
    }
    let strings = |key: &str| -> Vec<String> {
        spec.get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let must = strings("text_contains");
    for s in &must {
        if !article.text.contains(s.as_str()) {
            errors.push(format!("text lacks {s:?}"));
        }
    }
    for s in strings("text_excludes") {
        if article.text.contains(s.as_str()) {
            errors.push(format!("text must not contain {s:?}"));
        }
    }
    let hits = lisible::analyze_clutter(&dom);
    for h in &hits {
        let t = dom.text(h.node);
        for s in &must {
            if t.contains(s.as_str()) {
                errors.push(format!("clutter hit {} ({:?}) covers article text {s:?}", dom.describe(h.node), h.kind));
            }
        }
    }
    let pairs = |key: &str| -> Option<Vec<(String, String)>> {
        spec.get(key).and_then(Value::as_array).map(|a| {
            a.iter()
                .filter_map(|p| Some((p.get(0)?.as_str()?.to_string(), p.get(1)?.as_str()?.to_string())))
                .collect()
        })
    };
    let describe = |dom: &Dom| -> String {
        hits.iter().map(|h| format!("[{}, {}]", h.kind.as_str(), dom.describe(h.node))).collect::<Vec<_>>().join(", ")
    };
    let matched = |kind: &str, sel: &str| {
        hits.iter().filter(|h| h.kind.as_str() == kind && dom.matches(h.node, sel)).count()
    };
    if let Some(exact) = pairs("clutter") {
        for (kind, sel) in &exact {
            if matched(kind, sel) != 1 {
                errors.push(format!("expected exactly one {kind} hit on {sel}; hits: {}", describe(&dom)));
            }
        }
        if hits.len() != exact.len() {
            errors.push(format!("expected {} hits, got {}: {}", exact.len(), hits.len(), describe(&dom)));
        }
    }
    if let Some(some) = pairs("clutter_includes") {
        for (kind, sel) in &some {
            if matched(kind, sel) == 0 {
                errors.push(format!("expected a {kind} hit on {sel}; hits: {}", describe(&dom)));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures_root())
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.join("source.html").exists()).collect())
        .unwrap_or_default();
    dirs.sort();
    let trials = dirs
        .into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let known: Option<String> = std::fs::read_to_string(dir.join("expected.json"))
                .ok()
                .and_then(|s| serde_json::from_str::<Value>(&s).ok())
                .and_then(|v| v.get("known_failure").and_then(Value::as_str).map(str::to_string));
            Trial::test(name, move || match (check(&dir), &known) {
                (Ok(()), None) => Ok(()),
                (Err(e), None) => Err(Failed::from(e)),
                (Err(_), Some(_)) => Ok(()),
                (Ok(()), Some(why)) => Err(Failed::from(format!("passes now: remove known_failure ({why})"))),
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
