//! XSS corpus: every vector of `tests/xss-vectors.txt` is embedded in an article page (inside a
//! paragraph and between paragraphs), run through the whole pipeline, and the `content_html` is
//! parsed again and checked against an allow-list written here independently of the serializer:
//! elements, attributes and URL schemes. Nothing executable may survive.

use lisible::dom::{html, Dom, NodeData};

const ELEMENTS: &[&str] = &[
    "html", "head", "body", "div", "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure",
    "figcaption", "picture", "source", "img", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "pre", "code",
    "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q", "time", "kbd", "samp", "var", "dfn",
    "del", "ins", "br", "hr",
];

fn url_ok(u: &str, image: bool) -> bool {
    let lower: String = u.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    if !image && lower.starts_with("mailto:") {
        return true;
    }
    if image {
        for p in ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/jpg", "data:image/webp", "data:image/avif"] {
            if lower.starts_with(p) {
                return true;
            }
        }
    }
    false
}

fn check_output(content: &str) -> Result<(), String> {
    let dom = html::parse(&format!("<!DOCTYPE html><html><head></head><body>{content}</body></html>"));
    for n in dom.descendants(Dom::ROOT) {
        let NodeData::Element(e) = &dom.node(n).data else { continue };
        if !ELEMENTS.contains(&e.name.as_str()) {
            return Err(format!("element <{}> not allowed", e.name));
        }
        for (k, v) in &e.attrs {
            let ok = match (e.name.as_str(), k) {
                ("a", "href") | ("blockquote" | "q" | "del" | "ins", "cite") => url_ok(v, false),
                ("a", "rel") => v == "noopener noreferrer",
                ("img", "src") => url_ok(v, true),
                ("img" | "source", "srcset") => v.split(',').all(|c| c.split_whitespace().next().is_none_or(|u| url_ok(u, false))),
                ("img", "alt") | ("img" | "a" | "abbr", "title") => true,
                ("img", "width" | "height") | ("td" | "th", "colspan" | "rowspan") | ("ol", "start") | ("li", "value") => {
                    v.chars().all(|c| c.is_ascii_digit())
                }
                ("ol", "type") => matches!(v, "1" | "a" | "A" | "i" | "I"),
                ("ol", "reversed") => true,
                ("th", "scope") => matches!(v, "row" | "col" | "rowgroup" | "colgroup"),
                ("time", "datetime") => !v.contains(['"', '<', '>']),
                ("source", "media" | "type" | "sizes") | ("img", "sizes") => !v.to_ascii_lowercase().contains("expression") && !v.contains(['<', '>']),
                (_, "dir") => v == "ltr" || v == "rtl",
                (_, "lang") => v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                _ => false,
            };
            if !ok {
                return Err(format!("attribute {k}={v:?} on <{}> not allowed", e.name));
            }
        }
    }
    Ok(())
}

fn page(vector: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council adopts the new water plan - Test Daily</title></head>
<body><main><article class="story"><h1>Council adopts the new water plan</h1>
<p>The city council adopted on Monday a ten-year plan to renew the water network, with a budget of 420 million, after two years of consultation with residents and engineers.</p>
<p>The first works will start in the northern districts, where pipes date from the 1950s and leaks waste almost a third of the water pumped every day. {vector} Crews will work at night.</p>
{vector}
<p>Residents will be told by letter two weeks before works begin in their street, and temporary supply points will be installed when the water has to be cut for more than a day.</p>
<p>The opposition voted against, arguing that the plan relies too much on borrowing and that the price of water will rise by eight percent over the period.</p>
</article></main></body></html>"#
    )
}

#[test]
fn no_vector_survives_the_pipeline() {
    let corpus = include_str!("xss-vectors.txt");
    let vectors: Vec<&str> = corpus.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect();
    assert!(vectors.len() >= 100, "the corpus must hold 100+ vectors, has {}", vectors.len());
    let mut failures = Vec::new();
    let mut articles = 0;
    for v in &vectors {
        let html_page = page(v);
        match lisible::extract_html(&html_page, Some("https://daily.example/city/water-plan")) {
            Ok(a) => {
                articles += 1;
                if let Err(e) = check_output(&a.content_html) {
                    failures.push(format!("{v}\n    -> {e}\n    content: {}", a.content_html));
                }
            }
            Err(lisible::Error::NoArticle) => {}
            Err(e) => failures.push(format!("{v}\n    -> unexpected error {e}")),
        }
    }
    assert!(failures.is_empty(), "{} vectors survived:\n{}", failures.len(), failures.join("\n"));
    // The pages are articles: the serializer must have been exercised on (nearly) all of them.
    assert!(articles * 10 >= vectors.len() * 9, "only {articles}/{} pages gave an article", vectors.len());
}

#[test]
fn the_checker_catches_unsafe_output() {
    assert!(check_output("<p>ok <a href=\"https://x.example/\" rel=\"noopener noreferrer\">l</a></p>").is_ok());
    assert!(check_output("<p onclick=\"x\">x</p>").is_err());
    assert!(check_output("<a href=\"javascript:alert(1)\">x</a>").is_err());
    assert!(check_output("<a href=\"java\tscript:alert(1)\">x</a>").is_err());
    assert!(check_output("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">").is_err());
    assert!(check_output("<svg><script>alert(1)</script></svg>").is_err());
    assert!(check_output("<iframe srcdoc=\"x\"></iframe>").is_err());
    assert!(check_output("<p style=\"x\">x</p>").is_err());
}

#[test]
fn relative_links_are_absolute_and_rel_is_set() {
    let page = page("<a href=\"/other/story\">another story</a> <img data-src=\"/img/a.jpg\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">");
    let a = lisible::extract_html(&page, Some("https://daily.example/city/water-plan")).expect("article");
    assert!(a.content_html.contains("href=\"https://daily.example/other/story\" rel=\"noopener noreferrer\""), "{}", a.content_html);
    assert!(a.content_html.contains("src=\"https://daily.example/img/a.jpg\""), "{}", a.content_html);
}
