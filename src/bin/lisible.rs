//! `lisible`: the core on the command line.
//!
//! ```text
//! lisible extract [PAGE.html] [--url URL]
//! lisible extract --jsonl FILE... [--url URL]
//! lisible cite [PAGE.html] --style apa|mla|chicago|chicago-notes|harvard|iso690|bibtex|ris|csl-json
//!              [--locale fr|en|ar] [--accessed YYYY-MM-DD] [--url URL]
//! ```
//! With no PAGE, `extract` and `cite` run on the bundled sample page (a maghress-style
//! aggregator page).

// The CLI is native only. Cargo still builds this binary for the crate's integration tests, also
// for `--target wasm32-unknown-unknown` (tests/wasm_*.rs): there it is an empty program.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]
#[cfg(target_arch = "wasm32")]
fn main() {}

use std::io::Write;
use std::process::ExitCode;

/// The bundled sample: the maghress-style fixture page.
const SAMPLE: &str = include_str!("../../tests/fixtures/pages/maghress-fr/source.html");
const SAMPLE_URL: &str = "https://www.maghress.com/fr/albayane/123456";

const USAGE: &str = "usage:
  lisible extract [PAGE.html] [--url URL]
  lisible extract --jsonl FILE... [--url URL]
  lisible cite [PAGE.html] --style apa|mla|chicago|chicago-notes|harvard|iso690|bibtex|ris|csl-json
               [--locale fr|en|ar] [--accessed YYYY-MM-DD] [--url URL]
With no PAGE, extract and cite run on the bundled sample page.";

#[derive(Default)]
struct Args {
    files: Vec<String>,
    url: Option<String>,
    jsonl: bool,
    style: Option<String>,
    locale: Option<String>,
    accessed: Option<String>,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args::default();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--url" => a.url = Some(value("--url")?),
            "--jsonl" => a.jsonl = true,
            "--style" => a.style = Some(value("--style")?),
            "--locale" => a.locale = Some(value("--locale")?),
            "--accessed" => a.accessed = Some(value("--accessed")?),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.files.push(arg),
        }
    }
    Ok(a)
}

/// Reads a page: bytes → text (declared or sniffed charset), or a clear error.
#[cfg(not(target_arch = "wasm32"))]
fn read_page(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    lisible::decode_html(&bytes).map_err(|e| format!("{path}: {e}"))
}

#[cfg(not(target_arch = "wasm32"))]
fn extract_one(html: &str, url: Option<&str>) -> Result<lisible::Article, String> {
    // The core does not panic; this is a last line of defence so that one file cannot stop a batch.
    std::panic::catch_unwind(|| lisible::extract_html(html, url))
        .map_err(|_| "internal error while analysing the page".to_string())?
        .map_err(|e| e.to_string())
}

/// [`extract_one`] for a page not needed afterwards: freed once parsed (a lower peak on huge pages).
#[cfg(not(target_arch = "wasm32"))]
fn extract_owned(html: String, url: Option<&str>) -> Result<lisible::Article, String> {
    std::panic::catch_unwind(move || lisible::extract_html_owned(html, url))
        .map_err(|_| "internal error while analysing the page".to_string())?
        .map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    let cmd = argv.next().unwrap_or_default();
    let args = match parse_args(argv) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("lisible: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    match cmd.as_str() {
        "extract" if args.jsonl => {
            if args.files.is_empty() {
                eprintln!("lisible: --jsonl needs at least one FILE");
                return ExitCode::from(2);
            }
            let mut failed = false;
            for f in &args.files {
                let page = read_page(f);
                let line = match page.as_ref().map_err(String::clone).and_then(|h| extract_one(h, args.url.as_deref())) {
                    Ok(a) => {
                        let mut v = serde_json::to_value(&a).unwrap_or_default();
                        if let Some(o) = v.as_object_mut() {
                            o.insert("file".into(), f.clone().into());
                        }
                        v
                    }
                    Err(e) => {
                        failed = true;
                        // A page without an article still has metadata (date benchmarks read it).
                        let meta = page.as_ref().ok().map(|h| lisible::metadata::read(&lisible::dom::html::parse(h), args.url.as_deref()));
                        serde_json::json!({ "file": f, "error": e, "metadata": meta })
                    }
                };
                if writeln!(out, "{line}").is_err() {
                    return ExitCode::FAILURE;
                }
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        "extract" | "cite" => {
            let (html, url) = match args.files.as_slice() {
                [] => (SAMPLE.to_string(), Some(args.url.clone().unwrap_or_else(|| SAMPLE_URL.into()))),
                [f] => match read_page(f) {
                    Ok(h) => (h, args.url.clone()),
                    Err(e) => {
                        eprintln!("lisible: {e}");
                        return ExitCode::FAILURE;
                    }
                },
                _ => {
                    eprintln!("lisible: {cmd} takes one PAGE (use extract --jsonl for several)");
                    return ExitCode::from(2);
                }
            };
            let article = match extract_owned(html, url.as_deref()) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("lisible: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let text = if cmd == "extract" {
                serde_json::to_string_pretty(&article).unwrap_or_default()
            } else {
                let Some(style) = args.style.as_deref() else {
                    eprintln!("lisible: cite needs --style\n{USAGE}");
                    return ExitCode::from(2);
                };
                match lisible::cite::format(&article, style, args.locale.as_deref(), args.accessed.as_deref()) {
                    // chicago-notes: the full note and the short note, then the bibliography entry
                    Ok(c) => match (&c.note, &c.short_note) {
                        (Some(n), Some(s)) => format!("Note: {n}\nShort note: {s}\nBibliography: {}", c.text),
                        _ => c.text,
                    },
                    Err(e) => {
                        eprintln!("lisible: {e}");
                        return ExitCode::from(2);
                    }
                }
            };
            if writeln!(out, "{text}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        "" | "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("lisible: unknown command '{other}'\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
