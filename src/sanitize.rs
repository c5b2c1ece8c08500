//! Allow-list serializer: the only way page content reaches the reader view.

use crate::dom::{Dom, NodeData};
use crate::extract::Body;

/// Sanitized HTML and plain text of the article.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Allow-listed HTML.
    pub html: String,
    /// Plain text, blocks separated by a blank line.
    pub text: String,
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// Renders the article body (paragraph text only in this first version).
pub fn render(dom: &Dom, body: &Body, _base: Option<&str>) -> Rendered {
    let mut r = Rendered::default();
    let mut blocks = Vec::new();
    dom.walk(body.root, |n| {
        if body.skip.contains(&n) {
            return false;
        }
        if let NodeData::Element(e) = &dom.node(n).data {
            if e.name == "p" {
                let t = crate::text::normalize_ws(&dom.text(n));
                if !t.is_empty() {
                    blocks.push(t);
                }
                return false;
            }
        }
        true
    });
    for b in &blocks {
        r.html.push_str("<p>");
        escape(b, &mut r.html);
        r.html.push_str("</p>");
    }
    r.text = blocks.join("\n\n");
    r
}
