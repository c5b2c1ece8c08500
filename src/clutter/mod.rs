//! Clutter detection: everything on the page that is not the article, with a kind and a reason.
//! Never mutates the page.

use crate::dom::Dom;
use crate::model::ClutterHit;

/// Finds the clutter on the page.
pub fn detect(_dom: &Dom) -> Vec<ClutterHit> {
    Vec::new()
}
