#!/usr/bin/env python3
"""Writes the pathological pages of issue 7 into a folder (default target/pathological):
100,000 nested elements, 1,000,000 elements, a 50 MB page, a single 10 MB text node,
10,000 tables, deeply nested inline tags, windows-1256 and ISO-8859-1 pages declared via
<meta charset>, and invalid UTF-8. Generated, never committed."""
import sys
from pathlib import Path

ARTICLE = "".join(
    f"<p>Paragraph {i} of the article: a sentence long enough, with commas, clauses and words, "
    f"to be read as the body of the page by an extractor.</p>" for i in range(8))


def page(inner, head=""):
    return (f"<!DOCTYPE html><html lang=\"en\"><head>{head}<title>Stress page</title></head><body>"
            f"<article><h1>Stress page</h1>{ARTICLE}</article>{inner}</body></html>")


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "target/pathological")
    out.mkdir(parents=True, exist_ok=True)
    w = lambda name, s: (out / name).write_text(s, encoding="utf-8")
    w("nested-100k.html", page("<div>" * 100_000 + "deep" + "</div>" * 100_000))
    w("elements-1m.html", page("<span>w</span>" * 1_000_000))
    chunk = "<div class=\"item\"><h2>Headline</h2><p>Some teaser text for an item in a long list.</p></div>"
    w("page-50mb.html", page(chunk * (50 * 1024 * 1024 // len(chunk))))
    w("text-10mb.html", page("<p>" + "lorem ipsum dolor sit amet " * (10 * 1024 * 1024 // 27) + "</p>"))
    w("tables-10k.html", page("<table><tr><td>1</td><td>cell</td></tr></table>" * 10_000))
    w("inline-nested.html", page("<b><i><span><a href=\"#\">" * 20_000 + "x" + "</a></span></i></b>" * 20_000))
    ar = "<p>" + "هذا نص عربي طويل بما يكفي ليكون فقرة من مقال إخباري، مع فواصل وكلمات كثيرة. " * 4 + "</p>"
    (out / "windows-1256.html").write_bytes(
        page(ar * 8, "<meta charset=\"windows-1256\">").replace("lang=\"en\"", "lang=\"ar\"").encode("cp1256"))
    fr = "<p>" + "Un texte en français, assez long pour être un paragraphe d'article, écrit à Fès. " * 4 + "</p>"
    (out / "iso-8859-1.html").write_bytes(
        page(fr * 8, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">").encode("latin-1"))
    (out / "invalid-utf8.html").write_bytes(page(ARTICLE).encode() + b"\xff\xfe\xc3\x28\xa0\xa1" * 1000)
    for p in sorted(out.iterdir()):
        print(f"{p.stat().st_size:>12,}  {p}")


if __name__ == "__main__":
    main()
