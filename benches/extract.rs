//! Side-by-side benchmark: parse + extract per page, Lisible against dom_smoothie, same pages,
//! same run.
//!
//! `cargo bench --bench extract -- [DIR]` (default: the shared Readability test pages). For each
//! `DIR/*/source.html`, each extractor runs once to warm up, then RUNS times (interleaved); a
//! page's time is its median run. Prints the median and p95 over pages, in milliseconds.
//! Lisible's figure is the whole analysis (html5ever parse, clutter, metadata, extraction,
//! allow-list serializer); dom_smoothie's is `Readability::new` + `parse` (its parse + extract).

use std::path::PathBuf;
use std::time::Instant;

const RUNS: usize = 7;

/// Runs per page: `RUNS`, or `LISIBLE_BENCH_RUNS` (a quick look at one big page).
fn runs() -> usize {
    std::env::var("LISIBLE_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).filter(|&r| r > 0).unwrap_or(RUNS)
}
/// Default folders, first found: next to the repository, then the workplace's shared folder.
const DEFAULT_DIRS: &[&str] = &[concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/readability-test-pages"), "/work/shared/fixtures/readability-test-pages"];
const URL: &str = "http://fakehost/test/page.html";

fn pages(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    let mut dirs: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    for d in dirs {
        let f = d.join("source.html");
        if let Ok(bytes) = std::fs::read(&f) {
            if let Ok(s) = lisible::decode_html(&bytes) {
                out.push((d.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), s));
            }
        }
    }
    out
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        0.0
    } else {
        v[v.len() / 2]
    }
}

fn p95(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        0.0
    } else {
        v[((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1]
    }
}

fn time(f: &mut dyn FnMut()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

/// Peak resident memory so far (Linux `VmHWM`, kB), for `--phases` on a single big page.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

/// `--phases`: Lisible's time per phase (sum over pages of each page's median), to find hot spots.
fn phases(pages: &[(String, String)]) {
    use lisible::{clutter, extract, metadata, sanitize};
    let names = ["parse", "clutter", "metadata", "extract", "render"];
    let mut total = [0f64; 5];
    let mut slowest: Vec<(f64, String, [f64; 5])> = Vec::new();
    let (mut whole, mut sums) = (Vec::new(), Vec::new());
    for (name, html) in pages {
        let mut per_run: Vec<[f64; 5]> = Vec::new();
        for _ in 0..runs() {
            let mut t = [0f64; 5];
            let s = Instant::now();
            let dom = lisible::dom::html::parse(html);
            t[0] = s.elapsed().as_secs_f64() * 1000.0;
            if std::env::var_os("LISIBLE_BENCH_PEAK").is_some() {
                println!("peak RSS after parse: {} kB", peak_kb());
            }
            let s = Instant::now();
            let hits = clutter::detect(&dom);
            t[1] = s.elapsed().as_secs_f64() * 1000.0;
            let s = Instant::now();
            let meta = metadata::read(&dom, Some(URL));
            t[2] = s.elapsed().as_secs_f64() * 1000.0;
            if std::env::var_os("LISIBLE_BENCH_PEAK").is_some() {
                println!("peak RSS after clutter + metadata: {} kB", peak_kb());
            }
            let s = Instant::now();
            let body = extract::grab(&dom, &hits, &meta);
            t[3] = s.elapsed().as_secs_f64() * 1000.0;
            let s = Instant::now();
            if let Some(b) = &body {
                std::hint::black_box(sanitize::render(&dom, b, Some(URL)));
            }
            t[4] = s.elapsed().as_secs_f64() * 1000.0;
            if std::env::var_os("LISIBLE_BENCH_PEAK").is_some() {
                println!("peak RSS after all phases: {} kB", peak_kb());
            }
            per_run.push(t);
        }
        let mut w: Vec<f64> = (0..runs()).map(|_| time(&mut || {
            std::hint::black_box(lisible::extract_html(html, Some(URL)).is_ok());
        })).collect();
        whole.push(median(&mut w));
        let mut page = [0f64; 5];
        for (k, tot) in total.iter_mut().enumerate() {
            let mut v: Vec<f64> = per_run.iter().map(|r| r[k]).collect();
            page[k] = median(&mut v);
            *tot += page[k];
        }
        sums.push(page.iter().sum::<f64>());
        slowest.push((page.iter().sum(), format!("{name} ({} KB)", html.len() / 1024), page));
    }
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("slowest pages (ms: {}):", names.join(" / "));
    for (t, name, p) in slowest.iter().take(8) {
        println!("  {t:>8.2}  {name:<40} {}", p.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>().join(" / "));
    }
    println!("median per page: extract_html {:.3} ms, sum of phases {:.3} ms", median(&mut whole), median(&mut sums));
    let all: f64 = total.iter().sum();
    println!("{} pages, per-phase time (sum of per-page medians):", pages.len());
    for (n, t) in names.iter().zip(total) {
        println!("{n:<10} {:>9.1} ms {:>5.1}%  {:>7.3} ms/page", t, 100.0 * t / all, t / pages.len() as f64);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let only_phases = std::env::args().any(|a| a == "--phases");
    let dir = args.first().cloned().unwrap_or_else(|| {
        DEFAULT_DIRS.iter().find(|d| std::path::Path::new(d).is_dir()).copied().unwrap_or(DEFAULT_DIRS[0]).to_string()
    });
    let pages = pages(&dir);
    if pages.is_empty() {
        eprintln!("no DIR/*/source.html under {dir}");
        std::process::exit(2);
    }
    if only_phases {
        phases(&pages);
        return;
    }
    let (mut ours, mut theirs, mut parse_only, mut their_parse) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut our_fail, mut their_fail) = (0, 0);
    for (_, html) in &pages {
        // Warm-up (and the no-article counts).
        if lisible::extract_html(html, Some(URL)).is_err() {
            our_fail += 1;
        }
        if dom_smoothie::Readability::new(html.as_str(), Some(URL), None).and_then(|mut r| r.parse()).is_err() {
            their_fail += 1;
        }
        let (mut a, mut b, mut c, mut d) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs() {
            d.push(time(&mut || {
                let doc = dom_query::Document::from(html.as_str());
                std::hint::black_box(&doc);
            }));
            c.push(time(&mut || {
                std::hint::black_box(lisible::dom::html::parse(html).len());
            }));
            a.push(time(&mut || {
                std::hint::black_box(lisible::extract_html(html, Some(URL)).is_ok());
            }));
            b.push(time(&mut || {
                let r = dom_smoothie::Readability::new(html.as_str(), Some(URL), None).and_then(|mut r| r.parse());
                std::hint::black_box(r.is_ok());
            }));
        }
        ours.push(median(&mut a));
        parse_only.push(median(&mut c));
        their_parse.push(median(&mut d));
        theirs.push(median(&mut b));
    }
    println!("{} pages from {dir} (median of {} runs per page)", pages.len(), runs());
    println!("{:<14} {:>10} {:>10} {:>8}", "extractor", "median ms", "p95 ms", "no-art.");
    println!("{:<14} {:>10.3} {:>10.3} {:>8}", "lisible", median(&mut ours.clone()), p95(&mut ours), our_fail);
    println!("{:<14} {:>10.3} {:>10.3} {:>8}", "dom_smoothie", median(&mut theirs.clone()), p95(&mut theirs), their_fail);
    println!("parse only (html5ever into each tree):");
    println!("{:<14} {:>10.3} {:>10.3}", "lisible", median(&mut parse_only.clone()), p95(&mut parse_only));
    println!("{:<14} {:>10.3} {:>10.3}", "dom_query", median(&mut their_parse.clone()), p95(&mut their_parse));
}
