//! Generators of pathological pages (issue 7): built in memory, never stored in the repo.
#![allow(dead_code)]

/// An article page around `inner` (inserted in the body after a real article).
pub fn article_page(inner: &str) -> String {
    let mut p = String::from("<!DOCTYPE html><html lang=\"en\"><head><title>Stress test</title></head><body><article><h1>Stress test</h1>");
    for i in 0..6 {
        p.push_str(&format!("<p>Paragraph {i} of a long enough article text, with commas, clauses, and enough words to be scored as the body of the page by any reasonable extractor.</p>"));
    }
    p.push_str("</article>");
    p.push_str(inner);
    p.push_str("</body></html>");
    p
}

/// `n` nested elements of `tag`.
pub fn nested(tag: &str, n: usize) -> String {
    let mut s = String::with_capacity(n * (2 * tag.len() + 5));
    for _ in 0..n {
        s.push('<');
        s.push_str(tag);
        s.push('>');
    }
    s.push_str("deep text");
    for _ in 0..n {
        s.push_str("</");
        s.push_str(tag);
        s.push('>');
    }
    s
}

/// `n` sibling elements.
pub fn flat(n: usize) -> String {
    let mut s = String::with_capacity(n * 24);
    for i in 0..n {
        s.push_str(&format!("<span>w{}</span>", i % 10));
    }
    s
}

/// `n` small tables.
pub fn tables(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("<table><tr><td>{i}</td><td>cell</td></tr></table>"));
    }
    s
}

/// One text node of `bytes` bytes.
pub fn big_text(bytes: usize) -> String {
    let word = "lorem ipsum dolor sit amet, ";
    let mut s = String::from("<p>");
    while s.len() < bytes {
        s.push_str(word);
    }
    s.push_str("</p>");
    s
}
