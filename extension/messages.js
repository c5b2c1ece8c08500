// Messages between the content script, the background and the reader page (all `runtime.sendMessage`,
// except CLOSE_PAGE which the background sends to the tab's content script with `tabs.sendMessage`).
export const MSG = Object.freeze({
  /** content -> background: {nodes, url}; the page's CSP blocked wasm in the content script. Reply: PageAnalysis. */
  ANALYZE_SNAPSHOT: "lisible:analyze-snapshot",
  /** content -> background: {analysis, route, timings}; keep this tab's article for its reader page. */
  PUT_ARTICLE: "lisible:put-article",
  /** reader -> background: {}; reply: what PUT_ARTICLE stored for the reader's tab, or null. */
  GET_ARTICLE: "lisible:get-article",
  /** reader -> background: {}; the user closed the reader (button or Esc). */
  CLOSE: "lisible:close",
  /** background -> content: {}; close the reader and restore the page. */
  CLOSE_PAGE: "lisible:close-page",
  /** content -> background: {}; the page is restored: remove the stylesheet, forget the article. */
  CLOSED: "lisible:closed",
});

/** Attribute the core sets on clutter it hides (`wasm::HIDDEN_ATTR`). */
export const HIDDEN_ATTR = "data-lisible-hidden";
/** Attribute on Lisible's own elements in the page; the Rust walkers skip them (`dom::live::UI_MARKER`). */
export const UI_ATTR = "data-lisible-ui";
/** The only stylesheet the extension adds to pages (user origin: beats the page's !important rules). */
export const HIDE_CSS = `[${HIDDEN_ATTR}]{display:none !important}`;

/**
 * The host-permission match pattern for an origin of the "clean automatically" list. No port: Firefox's
 * match patterns never match a pattern that names one (Chrome's do), and a port-less pattern covers
 * every port in both browsers.
 */
export const originPattern = (origin) => {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
};
