// Shared by cite-panel.chromium.test.mjs and cite-panel.firefox.test.mjs: the oracles for the
// citation panel. Unedited citations come from the native CLI (`lisible cite`, common.mjs
// nativeCite). Edited ones cannot (the CLI takes a page, not an article), so they come from the
// SAME citation module built for the extension (extension/pkg/lisible_cite, run in Node) applied to the native CLI's
// article with the edit made here; the first test checks that this oracle agrees with the CLI.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./server.mjs";

const pkg = path.join(ROOT, "extension/pkg");
const glue = await import(path.join(pkg, "lisible_cite.js"));
glue.initSync({ module: fs.readFileSync(path.join(pkg, "lisible_cite_bg.wasm")) });

/** The core's `cite` (wasm, in Node): {text, html, note?, note_html?, short_note?, short_note_html?}. */
export function wasmCite(article, style, locale, accessed) {
  return glue.cite(article, style, locale, accessed);
}

/** The CLI's chicago-notes layout from a Citation object. */
export function cliText(c) {
  return c.note != null ? `Note: ${c.note}\nShort note: ${c.short_note}\nBibliography: ${c.text}` : c.text;
}

/**
 * The markup a browser hands back from the clipboard, reduced to the fragment that was written:
 * browsers wrap it (Chromium: `<meta charset='utf-8'>`; Firefox/GTK: `<html><body>`, fragment
 * comments, a content-type meta).
 */
export function fragmentOf(html) {
  return String(html ?? "")
    .replace(/<meta[^>]*>/gi, "")
    .replace(/<!--(StartFragment|EndFragment)-->/g, "")
    .replace(/<\/?(html|head|body)[^>]*>/gi, "")
    .trim();
}

/** An edit a user would make: a corrected title, non-ASCII and with markup-significant characters. */
export const FIXED_TITLE = "Titre corrigé : la feuille de route <2020-2030> & après";

/**
 * The browsers run in UTC+14 (TZ), so that for 14 hours of each UTC day the user's local date is
 * not UTC's: the access date must be the local one.
 */
export const TZ = "Pacific/Kiritimati";

/** Today in time zone `tz`, YYYY-MM-DD. */
export function todayIn(tz) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
