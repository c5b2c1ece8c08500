//! Article extraction: find the element that holds the article body.

use crate::dom::{Dom, NodeId};
use crate::model::{ClutterHit, Metadata};
use std::collections::HashSet;

/// The article body: a root element and the subtrees inside it that are not the article.
#[derive(Debug, Clone)]
pub struct Body {
    /// Element holding the article.
    pub root: NodeId,
    /// Subtrees under `root` to leave out.
    pub skip: HashSet<NodeId>,
    /// isProbablyReaderable verdict.
    pub readerable: bool,
}

/// Finds the article body.
pub fn grab(dom: &Dom, clutter: &[ClutterHit], _meta: &Metadata) -> Option<Body> {
    let root = dom.find(crate::dom::Dom::ROOT, "article").or_else(|| dom.body())?;
    let skip = clutter.iter().map(|h| h.node).filter(|&n| dom.contains(root, n)).collect();
    Some(Body { root, skip, readerable: true })
}
