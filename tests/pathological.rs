//! Pathological pages must give a result or a clear error, never a panic or a stack overflow.
//! (Their time and memory are measured by the benchmark suite, not here.)

mod common;
use common::*;

fn must_not_break(html: &str) {
    match lisible::extract_html(html, Some("https://example.org/x")) {
        Ok(a) => assert!(a.word_count > 0),
        Err(lisible::Error::NoArticle) | Err(lisible::Error::TooLarge(_)) => {}
        Err(e) => panic!("unexpected error: {e}"),
    }
}

#[test]
fn one_hundred_thousand_nested_divs() {
    must_not_break(&article_page(&nested("div", 100_000)));
}

#[test]
fn deeply_nested_inline_tags() {
    must_not_break(&article_page(&nested("b", 50_000)));
    must_not_break(&article_page(&nested("a", 20_000)));
    must_not_break(&article_page(&nested("table", 5_000)));
}

#[test]
fn ten_thousand_tables() {
    must_not_break(&article_page(&tables(10_000)));
}

#[test]
fn a_ten_megabyte_text_node() {
    must_not_break(&article_page(&big_text(10 * 1024 * 1024)));
}

#[test]
fn two_hundred_thousand_siblings() {
    must_not_break(&article_page(&flat(200_000)));
}

#[test]
fn empty_and_garbage_inputs() {
    for input in ["", " ", "<", "</>", "<html", "\u{feff}", "<!DOCTYPE html>", "<p>x", "\0\0\0", "<svg><p>x</svg>"] {
        let _ = lisible::extract_html(input, None);
        let _ = lisible::extract_html(input, Some("not a url"));
    }
}

#[test]
fn a_fifty_megabyte_page_is_refused_clearly() {
    let chunk = "<div class=\"item\"><h2>Headline</h2><p>Some teaser text for an item.</p></div>";
    let page = article_page(&chunk.repeat(50 * 1024 * 1024 / chunk.len()));
    match lisible::extract_html(&page, None) {
        Err(lisible::Error::TooLarge(why)) => assert!(why.contains("MB"), "{why}"),
        other => panic!("expected TooLarge, got {:?}", other.map(|a| a.title)),
    }
}
