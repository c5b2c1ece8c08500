#!/usr/bin/env python3
"""Score Lisible on Readability's test pages with the shared scorer.

Usage: scripts/score-readability.py PAGES_DIR [--lisible target/release/lisible] [--out DIR]
                                     [--per-page FILE] [--json FILE]

Runs `lisible extract --jsonl <every PAGES_DIR/*/source.html> --url http://fakehost/test/page.html`,
maps each line to the scorer's PRED format (content = content_html, byline = authors joined
with ", ", siteName = outlet, publishedTime = published), writes predictions.json and runs
score_readability.py (looked up next to PAGES_DIR as ../../tools/, or --scorer).
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages_dir")
    ap.add_argument("--lisible", default=str(Path(__file__).resolve().parent.parent / "target/release/lisible"))
    ap.add_argument("--scorer")
    ap.add_argument("--out", default="target/score-readability")
    ap.add_argument("--per-page")
    ap.add_argument("--json")
    a = ap.parse_args()
    pages = Path(a.pages_dir).resolve()
    files = sorted(str(p / "source.html") for p in pages.iterdir() if (p / "source.html").exists())
    proc = subprocess.run([a.lisible, "extract", "--jsonl", *files, "--url", "http://fakehost/test/page.html"],
                          capture_output=True, text=True)
    preds = {}
    for line in proc.stdout.splitlines():
        r = json.loads(line)
        name = Path(r["file"]).parent.name
        if "error" in r:
            preds[name] = {"content": "", "readerable": False, "_error": r["error"]}
            continue
        preds[name] = {
            "content": r.get("content_html") or "",
            "title": r.get("title"),
            "byline": ", ".join(r.get("authors") or []) or None,
            "excerpt": r.get("excerpt"),
            "siteName": r.get("outlet"),
            "publishedTime": r.get("published"),
            "lang": r.get("lang"),
            "dir": r.get("dir"),
            "readerable": r.get("readerable"),
        }
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "predictions.json").write_text(json.dumps(preds, ensure_ascii=False, indent=1))
    scorer = Path(a.scorer) if a.scorer else pages.parent.parent / "tools" / "score_readability.py"
    cmd = [sys.executable, str(scorer), str(pages), str(out / "predictions.json")]
    if a.per_page:
        cmd += ["--per-page", a.per_page]
    if a.json:
        cmd += ["--json", a.json]
    errors = [n for n, p in preds.items() if "_error" in p]
    if errors:
        print(f"{len(errors)} pages gave an error: {', '.join(errors)}", file=sys.stderr)
    sys.exit(subprocess.call(cmd))


if __name__ == "__main__":
    main()
