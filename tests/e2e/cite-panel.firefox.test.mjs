// e2e, headless Firefox ESR (selenium + geckodriver): the citation panel of the reader view (issue
// 5, points 4 and 5), on the production .xpi. Style and locale selectors, live preview == the
// native CLI, fields with their provenance, an edit re-renders, rich copy read back from the
// system clipboard in the chrome context (text/plain and text/html), the fix and the preferences
// remembered across a reload, reset, export download, rtl.
// Run: GECKODRIVER=~/.cargo/bin/geckodriver node --test tests/e2e/cite-panel.firefox.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { Builder, By, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { startServer } from "./server.mjs";
import { DIST, nativeCite, nativeExtract } from "./common.mjs";
import { pressShortcut as ffPressShortcut, readClipboard as ffReadClipboard } from "./firefox.common.mjs";
import { FIXED_TITLE, TZ, fragmentOf, todayIn, wasmCite } from "./cite-panel.common.mjs";

const GECKO_ID = "lisible@lisible.app";
const WIDGET = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, "_");
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver");
const CASE = "maghress-fr";
const CASE_AR = "maghress-ar";
const ACCESSED = todayIn(TZ); // the access date the panel must use: today where the user is
let server, driver, url, native;

before(async () => {
  server = await startServer();
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? "/usr/bin/firefox-esr")
    .addArguments("-headless")
    .setPreference("intl.locale.requested", "en-US");
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments("--allow-system-access").setEnvironment({ ...process.env, TZ });
  driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(path.join(DIST, "lisible-firefox.xpi"), true);
  url = `${server.base}/pages/${CASE}/`;
  native = nativeExtract(CASE, url);
});

after(async () => {
  await driver?.quit().catch(() => {});
  await server?.close();
});

const pressShortcut = () => ffPressShortcut(driver, WIDGET);

/** Loads the page, opens the reader, waits for the panel's first render and stays in the reader frame. */
async function openPanel(pageUrl) {
  await driver.switchTo().defaultContent();
  await driver.get(pageUrl);
  await pressShortcut();
  const el = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 10_000);
  await driver.switchTo().frame(el);
  await driver.wait(until.elementLocated(By.css("#cite-panel[data-ready=yes]")), 10_000);
}

const js = (src, ...args) => driver.executeScript(src, ...args);
const attr = (sel, a) => js(`return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null`, sel, a);
const value = (sel) => js(`return document.querySelector(arguments[0]).value`, sel);
const textOf = (sel) => js(`return document.querySelector(arguments[0])?.textContent ?? null`, sel);

async function previewText() {
  return js(`const by = {};
    for (const b of document.querySelectorAll("#cite-preview .cite-block")) by[b.dataset.kind] = b.querySelector(".cite-text").textContent;
    return by.note != null ? "Note: " + by.note + "\\nShort note: " + by.short_note + "\\nBibliography: " + by.text : by.text;`);
}
const previewHtml = () => js(`return document.querySelector("#cite-preview .cite-block[data-kind=text] .cite-text").innerHTML`);

/** Picks an option with a real click on it. */
async function choose(sel, v) {
  await driver.findElement(By.css(`${sel} option[value="${v}"]`)).click();
  await driver.wait(async () => (await value(sel)) === v, 2000);
}

/** Replaces a field's text by typing (input events as a user makes them). */
async function type(sel, text) {
  const el = await driver.findElement(By.css(sel));
  await el.clear();
  await el.sendKeys(text);
}

const readClipboard = () => ffReadClipboard(driver);

/** Copies with the panel's button (in the reader frame) and reads both flavours back. */
async function copyAndRead(kind = "text") {
  await js(`delete document.getElementById("cite-status").dataset.method`);
  await driver.findElement(By.css(`#cite-preview button[data-copy=${kind}]`)).click();
  await driver.wait(until.elementLocated(By.css(`#cite-status[data-method][data-kind=${kind}]`)), 5000);
  const method = await attr("#cite-status", "data-method");
  // the chrome context is left for the top document: come back to the reader frame afterwards
  await driver.switchTo().defaultContent();
  const el = await driver.findElement(By.css("iframe[data-lisible-ui]"));
  const got = await readClipboard();
  await driver.switchTo().frame(el);
  return { method, got };
}

test("default: APA in the article's language (fr-FR), preview == lisible cite; fields with provenance", async (t) => {
  await openPanel(url);
  t.diagnostic(`access date ${ACCESSED} (${TZ}); UTC date ${new Date().toISOString().slice(0, 10)}`);
  assert.equal(await attr("#cite-panel", "data-accessed"), ACCESSED);
  assert.equal(await attr("#cite-panel", "data-style"), "apa");
  assert.equal(await attr("#cite-panel", "data-locale"), "fr-FR");
  assert.equal(await attr("#cite-panel", "dir"), "ltr");
  assert.equal(await previewText(), nativeCite(CASE, url, "apa", "fr-FR", ACCESSED));
  assert.equal(await previewHtml(), wasmCite(native, "apa", "fr-FR", ACCESSED).html);
  for (const f of ["title", "outlet", "site_name", "published", "url", "source_url"]) {
    assert.equal(await value(`#cite-field-${f}`), native[f] ?? "", f);
    const note = await textOf(`#cite-prov-${f}`);
    assert.equal(note, native.provenance[f] ? `From ${native.provenance[f]}` : "Not found on the page", f);
  }
});

test("changing style and locale re-renders (== lisible cite); rtl for ar", async () => {
  for (const [style, locale] of [["chicago-notes", "fr-FR"], ["harvard", "ar"], ["mla", "en-US"]]) {
    await choose("#cite-style", style);
    await choose("#cite-locale", locale);
    assert.equal(await previewText(), nativeCite(CASE, url, style, locale, ACCESSED), `${style} ${locale}`);
    assert.equal(await attr("#cite-panel", "dir"), locale === "ar" ? "rtl" : "ltr");
  }
});

test("rich copy: text/plain == lisible cite, text/html == the core's HTML with italics", async () => {
  await choose("#cite-style", "apa");
  const expected = wasmCite(native, "apa", "en-US", ACCESSED);
  assert.match(expected.html, /<i>/);
  const { method, got } = await copyAndRead();
  assert.equal(method, "clipboard.write");
  assert.equal(got["text/plain"], nativeCite(CASE, url, "apa", "en-US", ACCESSED), JSON.stringify(got));
  assert.equal(fragmentOf(got["text/html"]), expected.html, JSON.stringify(got));
});

test("fallback: without clipboard.write the copy event still carries text/plain and text/html", async () => {
  // WebDriver scripts run in the page's own world: the panel sees this replacement
  await js(`window.__write = navigator.clipboard.write;
    navigator.clipboard.write = () => Promise.reject(new Error("disabled by the test"));`);
  await choose("#cite-style", "mla");
  try {
    const { method, got } = await copyAndRead();
    assert.equal(method, "execCommand");
    // MLA, not the APA text the previous test left on the clipboard
    const expected = wasmCite(native, "mla", "en-US", ACCESSED);
    assert.equal(got["text/plain"], expected.text, JSON.stringify(got));
    assert.equal(fragmentOf(got["text/html"]), expected.html);
  } finally {
    await choose("#cite-style", "apa");
    await js(`navigator.clipboard.write = window.__write;`);
  }
});

test("editing a field re-renders, copies the fix; after a reload it is remembered with style and locale; reset", async () => {
  await type("#cite-field-title", FIXED_TITLE);
  await type("#cite-field-authors", "Jean Dupont");
  await driver.wait(until.elementLocated(By.css("#cite-panel[data-saved=yes]")), 5000);
  const edited = { ...native, title: FIXED_TITLE, authors: ["Jean Dupont"] };
  const expected = wasmCite(edited, "apa", "en-US", ACCESSED);
  assert.equal(await previewText(), expected.text);
  assert.equal(await textOf("#cite-prov-title"), "Edited by you (remembered for this page)");
  const { got } = await copyAndRead();
  assert.equal(got["text/plain"], expected.text);
  assert.equal(fragmentOf(got["text/html"]), expected.html);

  await openPanel(url); // a new load of the page, a new reader
  assert.equal(await value("#cite-field-title"), FIXED_TITLE);
  assert.equal(await value("#cite-field-authors"), "Jean Dupont");
  assert.equal(await value("#cite-style"), "apa");
  assert.equal(await value("#cite-locale"), "en-US");
  assert.equal(await previewText(), expected.text);

  await driver.findElement(By.id("cite-reset")).click();
  await driver.wait(until.elementLocated(By.css("#cite-panel[data-saved=yes]")), 5000);
  assert.equal(await value("#cite-field-title"), native.title);
  assert.equal(await previewText(), nativeCite(CASE, url, "apa", "en-US", ACCESSED));
  await openPanel(url);
  assert.equal(await value("#cite-field-title"), native.title);
});

test("exports: the BibTeX preview == lisible cite and the download holds the same text", async () => {
  await choose("#cite-style", "bibtex");
  const expected = nativeCite(CASE, url, "bibtex", "en-US", ACCESSED);
  assert.equal(await previewText(), expected);
  assert.match(await attr("#cite-download", "download"), /\.bib$/);
  const body = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
    fetch(document.getElementById("cite-download").href).then((r) => r.text()).then(done, (e) => done("error: " + e));`);
  assert.equal(body, expected);
  await choose("#cite-style", "apa");
});

test("an Arabic page with 'article language': the ar locale and an rtl panel", async () => {
  await choose("#cite-locale", "auto");
  const urlAr = `${server.base}/pages/${CASE_AR}/`;
  await openPanel(urlAr);
  assert.equal(await attr("#cite-panel", "data-locale"), "ar");
  assert.equal(await attr("#cite-panel", "dir"), "rtl");
  assert.equal(await previewText(), nativeCite(CASE_AR, urlAr, "apa", "ar", ACCESSED));
  await driver.switchTo().defaultContent();
});
