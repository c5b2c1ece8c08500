#!/usr/bin/env python3
"""Score Lisible's publication dates on a date benchmark folder (htmldate-eval layout).

Usage: scripts/score-dates.py FOLDER [--lisible target/release/lisible] [--jobs 2]
                               [--errors FILE] [--limit N]

FOLDER holds manifest.json (a list of {file, url, expected_date}) and the pages. Each page is
decoded here (BOM, then <meta charset> / http-equiv content-type in the first 4 KB, else UTF-8,
else windows-1252: the core's decode_html reads UTF-8 only), written as UTF-8 to a temporary
file and run through `lisible extract --jsonl FILE --url URL` (one call per page: the jsonl mode
takes one --url for all its files, and the URL is a date source).

Prints, as htmldate's own evaluation does: accuracy = exact YYYY-MM-DD matches over the pages
with a label; coverage = pages given any date over all pages. --errors writes the misses
(file, url, expected, got, provenance) as JSON lines.
"""
import argparse
import codecs
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)


def decode(raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", "replace")
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return raw.decode("utf-16", "replace")
    m = CHARSET.search(raw[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
            name = "windows-1252"  # what browsers do (WHATWG encoding standard)
        try:
            return raw.decode(name, "replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("windows-1252", "replace")


def run_one(lisible, folder, entry, tmpdir):
    path = folder / entry["file"]
    try:
        text = decode(path.read_bytes())
    except OSError as e:
        return {"error": str(e)}
    tmp = Path(tmpdir) / (Path(entry["file"]).name + ".utf8.html")
    tmp.write_text(text, encoding="utf-8")
    cmd = [lisible, "extract", "--jsonl", str(tmp)]
    if entry.get("url"):
        cmd += ["--url", entry["url"]]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    tmp.unlink()
    line = proc.stdout.strip().splitlines()
    if not line:
        return {"error": proc.stderr.strip() or "no output"}
    return json.loads(line[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--lisible", default=str(Path(__file__).resolve().parent.parent / "target/release/lisible"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--errors")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--metadata-on-error", action="store_true",
                    help="score the 'metadata' object of error lines (pages where no article body was found), "
                         "when the CLI provides one")
    a = ap.parse_args()
    folder = Path(a.folder).resolve()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if a.limit:
        manifest = manifest[: a.limit]
    with tempfile.TemporaryDirectory() as tmpdir, ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(lambda e: run_one(a.lisible, folder, e, tmpdir), manifest))
    labelled = correct = covered = 0
    misses = []
    for entry, r in zip(manifest, results):
        if a.metadata_on_error and isinstance(r, dict) and r.get("error") and isinstance(r.get("metadata"), dict):
            r = {**r["metadata"], "error": r["error"]}
        got = r.get("published") if isinstance(r, dict) else None
        got_day = got[:10] if got else None
        if got_day:
            covered += 1
        exp = entry.get("expected_date")
        if exp is None:
            continue
        labelled += 1
        if got_day == exp:
            correct += 1
        else:
            misses.append({"file": entry["file"], "url": entry.get("url"), "expected": exp, "got": got,
                           "why": (r.get("provenance") or {}).get("published") if isinstance(r, dict) else None,
                           "error": r.get("error") if isinstance(r, dict) else None})
    n = len(manifest)
    print(f"pages {n}, labelled {labelled}")
    print(f"accuracy {correct / labelled:.3f} ({correct}/{labelled})")
    print(f"coverage {covered / n:.3f} ({covered}/{n})")
    if a.errors:
        with open(a.errors, "w", encoding="utf-8") as f:
            for m in misses:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
