// e2e, headless Chromium: the citation panel of the reader view (issue 5, points 4 and 5), on the
// production build dist/chrome. Style and locale selectors, live preview == the native CLI, fields
// with their provenance, an edit re-renders, rich copy read back from the clipboard (text/plain and
// text/html), the fix and the preferences remembered across a reload, reset, export download, rtl.
// Run: node --test tests/e2e/cite-panel.chromium.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import os from "node:os";
import { startServer } from "./server.mjs";
import { launchChromium, nativeCite, nativeExtract } from "./common.mjs";
import { FIXED_TITLE, TZ, cliText, fragmentOf, todayIn, wasmCite } from "./cite-panel.common.mjs";
import { applyFixes, localeFor } from "../../extension/reader/cite-panel.js";

const CASE = "maghress-fr"; // French page, aggregator: outlet, source URL and date from the byline
const CASE_AR = "maghress-ar";
const ACCESSED = todayIn(TZ); // the access date the panel must use: today where the user is
let server, browser, ctx, clickAction, page, frame, url, native;

before(async () => {
  server = await startServer();
  browser = await launchChromium("citepanel", { env: { ...process.env, TZ } });
  ({ ctx, clickAction } = browser);
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
  url = `${server.base}/pages/${CASE}/`;
  native = nativeExtract(CASE, url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the reader on p and waits for the panel's first render; returns the reader frame. */
async function openPanel(p) {
  await clickAction(p);
  const el = await p.waitForSelector("iframe[data-lisible-ui]", { timeout: 10_000, state: "attached" });
  const f = await el.contentFrame();
  await f.waitForSelector("#cite-panel[data-ready=yes]", { state: "attached", timeout: 10_000 });
  return f;
}

/** The preview as the CLI prints it (chicago-notes: note, short note, bibliography). */
async function previewText(f) {
  const parts = await f.$$eval("#cite-preview .cite-block", (bs) =>
    bs.map((b) => ({ kind: b.dataset.kind, text: b.querySelector(".cite-text").textContent })));
  const by = Object.fromEntries(parts.map((p) => [p.kind, p.text]));
  return by.note != null ? `Note: ${by.note}\nShort note: ${by.short_note}\nBibliography: ${by.text}` : by.text;
}

const previewHtml = (f, kind = "text") => f.$eval(`#cite-preview .cite-block[data-kind=${kind}] .cite-text`, (e) => e.innerHTML);

async function choose(f, sel, value) {
  await f.selectOption(sel, value);
  await f.waitForSelector(`#cite-panel[data-style][data-locale]`, { state: "attached" });
}

/** Copies with the panel's button and reads both flavours back from the clipboard (page origin). */
async function copyAndRead(f, kind = "text") {
  await f.click(`#cite-preview button[data-copy=${kind}]`);
  await f.waitForSelector(`#cite-status[data-method][data-kind=${kind}]`, { state: "attached", timeout: 5000 });
  const method = await f.getAttribute("#cite-status", "data-method");
  const why = await f.getAttribute("#cite-status", "data-fallback-reason");
  if (why) console.log(`fallback: ${why}`);
  await page.bringToFront();
  const got = await page.evaluate(async () => {
    window.focus();
    const out = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) out[type] = await (await item.getType(type)).text();
    }
    return out;
  });
  return { method, got };
}

const storageGet = (f, area, key) => f.evaluate(([a, k]) => chrome.storage[a].get(k), [area, key]);

test("the oracle: the core in Node == the native CLI on the fixture", () => {
  for (const style of ["apa", "chicago-notes", "bibtex"]) {
    assert.equal(cliText(wasmCite(native, style, "fr-FR", ACCESSED)), nativeCite(CASE, url, style, "fr-FR", ACCESSED), style);
  }
});

test("applyFixes and localeFor (the panel's pure helpers)", () => {
  const a = { title: "T", authors: ["A B"], outlet: "O", url: "u", provenance: {} };
  const fixed = applyFixes(a, { title: "  New  ", authors: [" X Y ", "", "Z"], outlet: "", bogus: "ignored" });
  assert.deepEqual(fixed, { title: "New", authors: ["X Y", "Z"], outlet: null, url: "u", provenance: {} });
  assert.deepEqual(a, { title: "T", authors: ["A B"], outlet: "O", url: "u", provenance: {} }, "the article is not mutated");
  assert.deepEqual([localeFor("fr"), localeFor("fr-CA"), localeFor("ar-MA"), localeFor("en-GB"), localeFor(null), localeFor("fra")],
    ["fr-FR", "fr-FR", "ar", "en-US", "en-US", "en-US"]);
});

test("default: APA in the article's language (fr-FR), preview == lisible cite", async (t) => {
  page = await ctx.newPage();
  await page.goto(url);
  frame = await openPanel(page);
  // the access date is the local date of the browser's time zone (UTC+14), not UTC's
  t.diagnostic(`access date ${ACCESSED} (${TZ}); UTC date ${new Date().toISOString().slice(0, 10)}`);
  assert.equal(await frame.getAttribute("#cite-panel", "data-accessed"), ACCESSED);
  assert.equal(await frame.getAttribute("#cite-panel", "data-style"), "apa");
  assert.equal(await frame.getAttribute("#cite-panel", "data-locale"), "fr-FR");
  assert.equal(await frame.inputValue("#cite-locale"), "auto");
  assert.equal(await frame.getAttribute("#cite-panel", "dir"), "ltr");
  assert.equal(await previewText(frame), nativeCite(CASE, url, "apa", "fr-FR", ACCESSED));
  assert.equal(await previewHtml(frame), wasmCite(native, "apa", "fr-FR", ACCESSED).html);
  // every style of cite::styles() is offered
  assert.deepEqual(await frame.$$eval("#cite-style option", (os) => os.map((o) => o.value)),
    ["apa", "mla", "chicago", "chicago-notes", "harvard", "iso690", "bibtex", "ris", "csl-json"]);
});

test("the fields show the article's values and where each came from", async () => {
  for (const f of ["title", "outlet", "site_name", "published", "url", "source_url"]) {
    assert.equal(await frame.inputValue(`#cite-field-${f}`), native[f] ?? "", f);
    const note = await frame.textContent(`#cite-prov-${f}`);
    if (native.provenance[f]) assert.equal(note, `From ${native.provenance[f]}`, f);
    else assert.equal(note, "Not found on the page", f);
  }
  assert.equal(await frame.inputValue("#cite-field-authors"), native.authors.join("\n"));
  assert.match(await frame.textContent("#cite-prov-published"), /byline text 'Publié dans … le …'/);
});

test("changing style and locale re-renders (== lisible cite) and is saved in storage.sync", async () => {
  for (const [style, locale] of [["mla", "en-US"], ["chicago-notes", "fr-FR"], ["harvard", "ar"], ["iso690", "fr-FR"]]) {
    await choose(frame, "#cite-style", style);
    await choose(frame, "#cite-locale", locale);
    assert.equal(await previewText(frame), nativeCite(CASE, url, style, locale, ACCESSED), `${style} ${locale}`);
    assert.equal(await frame.getAttribute("#cite-panel", "dir"), locale === "ar" ? "rtl" : "ltr");
  }
  // chicago-notes shows its three parts
  await choose(frame, "#cite-style", "chicago-notes");
  assert.deepEqual(await frame.$$eval("#cite-preview .cite-block", (bs) => bs.map((b) => b.dataset.kind)), ["note", "short_note", "text"]);
  await choose(frame, "#cite-style", "mla");
  await choose(frame, "#cite-locale", "en-US");
  assert.deepEqual(await storageGet(frame, "sync", ["citeStyle", "citeLocale"]), { citeStyle: "mla", citeLocale: "en-US" });
});

test("rich copy: text/plain == lisible cite, text/html == the core's HTML with italics", async () => {
  await choose(frame, "#cite-style", "apa");
  const expected = wasmCite(native, "apa", "en-US", ACCESSED);
  assert.match(expected.html, /<i>/, "APA italicises the outlet");
  const { method, got } = await copyAndRead(frame);
  assert.equal(method, "clipboard.write");
  assert.equal(got["text/plain"], nativeCite(CASE, url, "apa", "en-US", ACCESSED));
  assert.equal(fragmentOf(got["text/html"]), expected.html, JSON.stringify(got));
  // the Chicago short note, its own copy button
  await choose(frame, "#cite-style", "chicago-notes");
  const short = await copyAndRead(frame, "short_note");
  const c = wasmCite(native, "chicago-notes", "en-US", ACCESSED);
  assert.equal(short.got["text/plain"], c.short_note);
  assert.equal(fragmentOf(short.got["text/html"]), c.short_note_html);
  await choose(frame, "#cite-style", "apa");
});

test("fallback: without clipboard.write the copy event still carries text/plain and text/html", async () => {
  await frame.evaluate(() => {
    globalThis.__write = navigator.clipboard.write;
    navigator.clipboard.write = () => Promise.reject(new Error("disabled by the test"));
  });
  await choose(frame, "#cite-style", "mla");
  try {
    const { method, got } = await copyAndRead(frame);
    assert.equal(method, "execCommand");
    // MLA, not the APA text the previous test left on the clipboard
    const expected = wasmCite(native, "mla", "en-US", ACCESSED);
    assert.equal(got["text/plain"], expected.text);
    assert.equal(fragmentOf(got["text/html"]), expected.html);
  } finally {
    await choose(frame, "#cite-style", "apa");
    await frame.evaluate(() => (navigator.clipboard.write = globalThis.__write));
  }
});

test("editing a field re-renders the preview, copies the fix, and remembers it in storage.local", async () => {
  await frame.fill("#cite-field-title", FIXED_TITLE);
  await frame.fill("#cite-field-authors", "Jean Dupont\nSalma Benali");
  await frame.waitForSelector("#cite-panel[data-saved=yes]", { state: "attached" });
  const edited = { ...native, title: FIXED_TITLE, authors: ["Jean Dupont", "Salma Benali"] };
  const expected = wasmCite(edited, "apa", "en-US", ACCESSED);
  assert.equal(await previewText(frame), expected.text);
  assert.equal(await previewHtml(frame), expected.html);
  assert.equal(await frame.textContent("#cite-prov-title"), "Edited by you (remembered for this page)");
  assert.equal(await frame.isVisible("#cite-reset"), true);
  const { got } = await copyAndRead(frame);
  assert.equal(got["text/plain"], expected.text);
  assert.equal(fragmentOf(got["text/html"]), expected.html);
  const saved = await storageGet(frame, "local", `citeFixes:${url}`);
  assert.deepEqual(saved[`citeFixes:${url}`].fixes, { title: FIXED_TITLE, authors: ["Jean Dupont", "Salma Benali"] });
  // The header's quick "Copy citation" cites the fixed fields too.
  await frame.evaluate(() => document.getElementById("status").removeAttribute("data-method"));
  await frame.click("#copy");
  await frame.waitForSelector("#status[data-method]", { state: "attached", timeout: 5000 });
  const style = await frame.inputValue("#style");
  await page.bringToFront();
  const quick = await page.evaluate(async () => {
    window.focus();
    const item = (await navigator.clipboard.read())[0];
    return (await item.getType("text/plain")).text();
  });
  assert.equal(quick, wasmCite(edited, style, "en", ACCESSED).text);
});

test("after a reload the fix, the style and the locale come back; reset restores the page's values", async () => {
  await page.reload();
  frame = await openPanel(page);
  const edited = { ...native, title: FIXED_TITLE, authors: ["Jean Dupont", "Salma Benali"] };
  assert.equal(await frame.inputValue("#cite-field-title"), FIXED_TITLE);
  assert.equal(await frame.inputValue("#cite-style"), "apa");
  assert.equal(await frame.inputValue("#cite-locale"), "en-US");
  assert.equal(await previewText(frame), wasmCite(edited, "apa", "en-US", ACCESSED).text);
  await frame.click("#cite-reset");
  await frame.waitForSelector("#cite-panel[data-saved=yes]", { state: "attached" });
  assert.equal(await frame.inputValue("#cite-field-title"), native.title);
  assert.equal(await frame.inputValue("#cite-field-authors"), "");
  assert.equal(await frame.isHidden("#cite-reset"), true);
  assert.equal(await previewText(frame), nativeCite(CASE, url, "apa", "en-US", ACCESSED));
  assert.deepEqual(await storageGet(frame, "local", `citeFixes:${url}`), {});
  await page.reload();
  frame = await openPanel(page);
  assert.equal(await frame.inputValue("#cite-field-title"), native.title);
});

test("exports: BibTeX, RIS and CSL-JSON previews == lisible cite, and a download with that content", async () => {
  for (const [style, ext] of [["bibtex", "bib"], ["ris", "ris"], ["csl-json", "json"]]) {
    await choose(frame, "#cite-style", style);
    const expected = nativeCite(CASE, url, style, "en-US", ACCESSED);
    assert.equal(await previewText(frame), expected, style);
    const link = await frame.$eval("#cite-download", (a) => ({ href: a.href, download: a.download }));
    assert.match(link.download, new RegExp(`^[\\p{L}\\p{N}-]+\\.${ext}$`, "u"));
    assert.equal(await frame.evaluate((h) => fetch(h).then((r) => r.text()), link.href), expected);
  }
  await choose(frame, "#cite-style", "apa");
});

test("an Arabic page: 'article language' gives the ar locale and an rtl panel", async () => {
  await choose(frame, "#cite-locale", "auto");
  const p = await ctx.newPage();
  const urlAr = `${server.base}/pages/${CASE_AR}/`;
  await p.goto(urlAr);
  const f = await openPanel(p);
  const art = nativeExtract(CASE_AR, urlAr);
  assert.equal(localeFor(art.lang), "ar");
  assert.equal(await f.getAttribute("#cite-panel", "data-locale"), "ar");
  assert.equal(await f.getAttribute("#cite-panel", "dir"), "rtl");
  assert.equal(await previewText(f), nativeCite(CASE_AR, urlAr, "apa", "ar", ACCESSED));
  await p.close();
  await page.close();
});
