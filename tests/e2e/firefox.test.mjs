// e2e, headless Firefox ESR (Debian's firefox-esr, selenium-webdriver + geckodriver), PRODUCTION
// build dist/lisible-firefox.xpi installed as a temporary add-on (activeTab only). The action is
// triggered for real through its keyboard shortcut: the `_execute_action` command's <key> in the
// browser window, run from the privileged chrome context (geckodriver --allow-system-access).
// Run: GECKODRIVER=~/.cargo/bin/geckodriver node --test tests/e2e/firefox.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder, By, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { startServer, fixtureCases } from "./server.mjs";
import { stylesheetProbe } from "./probe.mjs";
import { DIST, MAGHRESS, comparable, contentTodo, formatDate, nativeCite, nativeExtract, today } from "./common.mjs";
import { pressShortcut as ffPressShortcut, readClipboard as ffReadClipboard } from "./firefox.common.mjs";

const GECKO_ID = "lisible@lisible.app";
const WIDGET = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, "_"); // Firefox's widget id for the add-on
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver");
let server, driver;
const figures = { browser: "firefox", clickToReaderMs: [] };

before(async () => {
  server = await startServer();
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? "/usr/bin/firefox-esr")
    .addArguments("-headless")
    .setPreference("intl.locale.requested", "en-US")
    .setPreference("privacy.reduceTimerPrecision", false);
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments("--allow-system-access");
  driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(path.join(DIST, "lisible-firefox.xpi"), true);
});

after(async () => {
  fs.writeFileSync(path.join(DIST, "..", "target", "e2e-figures-firefox.json"), JSON.stringify(figures, null, 2));
  await driver?.quit().catch(() => {});
  await server?.close();
});

/** The real action: the `_execute_action` shortcut (fires action.onClicked with the activeTab grant). */
const pressShortcut = () => ffPressShortcut(driver, WIDGET);

const serialize = () =>
  driver.executeScript(
    "return (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') + document.documentElement.outerHTML");

/** Runs fn inside the reader frame. */
async function inReader(fn) {
  const el = await driver.findElement(By.css("iframe[data-lisible-ui]"));
  await driver.switchTo().frame(el);
  try {
    return await fn();
  } finally {
    await driver.switchTo().defaultContent();
  }
}

async function openReader() {
  const t0 = performance.now();
  await pressShortcut();
  const el = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 10_000);
  await driver.switchTo().frame(el);
  try {
    await driver.wait(until.elementLocated(By.css("#article:not([hidden]), #no-article:not([hidden])")), 10_000);
    const ms = performance.now() - t0;
    await driver.wait(until.elementLocated(By.css("html[data-click-to-reader-ms]")), 5000);
    const inBrowserMs = Number(await driver.executeScript("return document.documentElement.dataset.clickToReaderMs"));
    const data = JSON.parse(await driver.executeScript("return document.getElementById('lisible-analysis').textContent"));
    return { el, data, ms, inBrowserMs };
  } finally {
    await driver.switchTo().defaultContent();
  }
}

const text = (sel) => driver.executeScript(`return document.querySelector(${JSON.stringify(sel)})?.textContent ?? null`);
const attr = (sel, a) => driver.executeScript(`return document.querySelector(${JSON.stringify(sel)})?.getAttribute(${JSON.stringify(a)}) ?? null`);

async function waitRestored() {
  await driver.wait(async () => (await driver.findElements(By.css("iframe[data-lisible-ui], [data-lisible-hidden]"))).length === 0, 10_000);
}

const readClipboard = () => ffReadClipboard(driver);

for (const variant of ["plain", "strict-csp"]) {
  const c = MAGHRESS.case;
  const pagePath = variant === "plain" ? `/pages/${c}/` : `/strict/pages/${c}/`;
  let before, reader, url;

  test(`${variant}: the action's shortcut opens the reader over the page`, async (t) => {
    url = server.base + pagePath;
    await driver.get(url);
    before = await serialize();
    reader = await openReader();
    figures.clickToReaderMs.push({ variant, inBrowserMs: reader.inBrowserMs, driverMs: Math.round(reader.ms), timings: reader.data.timings, route: reader.data.route });
    t.diagnostic(`click to reader: ${reader.inBrowserMs} ms in the browser (${Math.round(reader.ms)} ms seen by the driver), route ${reader.data.route}, content script ${JSON.stringify(reader.data.timings)}`);
    assert.equal(await reader.el.getAttribute("allow"), "clipboard-write *");
    assert.match(await reader.el.getAttribute("src"), /^moz-extension:\/\/[^/]+\/reader\/reader\.html$/);
    // Firefox compiles wasm in content scripts whatever the page CSP says.
    assert.equal(reader.data.route, "content");
    assert.ok(reader.data.analysis.article, `no article: ${reader.data.analysis.error}`);
  });

  test(`${variant}: exactly the core's hide list is hidden on the live page`, async () => {
    const hidden = await driver.executeScript(`return [...document.querySelectorAll("[data-lisible-hidden]")]
      .map((e) => ({ kind: e.getAttribute("data-lisible-hidden"), display: getComputedStyle(e).display }))`);
    assert.equal(hidden.length, reader.data.analysis.hide.length);
    assert.deepEqual(hidden.map((h) => h.kind), reader.data.analysis.hide.map((h) => h.kind));
    for (const h of hidden) assert.equal(h.display, "none");
    // The user-origin stylesheet is in place and beats the page's own !important rules.
    assert.equal(await driver.executeScript(`return (${stylesheetProbe})()`), "none");
  });

  test(`${variant}: parity: browser analysis == native CLI (html5ever) analysis`, () => {
    assert.deepEqual(comparable(reader.data.analysis.article), comparable(nativeExtract(c, url)));
  });

  test(`${variant}: the reader shows the analysed article and nothing else`, async () => {
    const a = reader.data.analysis.article;
    await inReader(async () => {
      assert.equal(await text("#title"), a.title ?? "");
      assert.equal(await text("#outlet"), a.outlet ?? a.site_name ?? "");
      assert.equal(await text("#date"), formatDate(a.published, a.lang ?? "en-US"));
      // content_html as the browser serializes it back (entity forms may differ, the tree may not)
      const normalized = await driver.executeScript(
        "const t = document.createElement('template'); t.innerHTML = arguments[0]; return t.innerHTML", a.content_html);
      // The reader gives the blocks the core left without a dir dir="auto" (the core only writes rtl/ltr).
      const shown = await driver.executeScript(`const c = document.getElementById("content").cloneNode(true);
        for (const e of c.querySelectorAll('[dir="auto"]')) e.removeAttribute("dir");
        return c.innerHTML;`);
      assert.equal(shown, normalized);
      assert.equal(await attr("#source", "href"), a.source_url ?? a.url);
      assert.equal(await attr("#article", "lang"), a.lang);
    });
  });

  test(`${variant}: Copy citation puts the core's citation on the clipboard (text/plain + text/html)`, async () => {
    await inReader(async () => {
      await driver.findElement(By.id("copy")).click();
      await driver.wait(until.elementLocated(By.css("#status[data-method]")), 5000);
    });
    const got = await readClipboard();
    const expected = nativeCite(c, url, "apa", "en", today());
    assert.ok(expected, "native cite failed");
    assert.equal(got["text/plain"], expected, JSON.stringify(got));
    assert.ok(got["text/html"], "no text/html flavour");
  });

  test(`${variant}: CONTENT (maghress): ticker, ads and report widget hidden; reader shows outlet, date, paragraphs, source`,
    { todo: contentTodo(c) }, async () => {
      for (const sel of MAGHRESS.hiddenSelectors) {
        const d = await driver.executeScript(`return getComputedStyle(document.querySelector(${JSON.stringify(sel)})).display`);
        assert.equal(d, "none", `${sel} not hidden`);
      }
      await inReader(async () => {
        assert.equal(await text("#title"), MAGHRESS.title);
        assert.equal(await text("#outlet"), MAGHRESS.outlet);
        assert.equal(await text("#date"), MAGHRESS.date);
        const paras = await driver.executeScript("return [...document.querySelectorAll('#content p')].map((p) => p.textContent).filter((t) => t.trim())");
        assert.equal(paras.length, MAGHRESS.paragraphs);
        assert.ok(paras[0].startsWith(MAGHRESS.firstParagraph));
        assert.ok(paras.at(-1).startsWith(MAGHRESS.lastParagraph));
        assert.equal(await attr("#source", "href"), MAGHRESS.source);
      });
      const cite = nativeCite(c, url, "apa", "en", today()) ?? "";
      for (const s of MAGHRESS.citationMentions) assert.ok(cite.includes(s), `citation lacks ${s}: ${cite}`);
    });

  test(`${variant}: pressing the shortcut again restores the page byte for byte`, async () => {
    await pressShortcut();
    await waitRestored();
    assert.equal(await serialize(), before);
  });
}

test("Esc in the reader closes it and restores the page, stylesheet included", async () => {
  await driver.get(`${server.base}/pages/${MAGHRESS.case}/`);
  const before = await serialize();
  await openReader();
  await inReader(async () => {
    await driver.findElement(By.id("close")).sendKeys("\uE00C"); // Escape, with focus in the reader
  });
  await waitRestored();
  assert.equal(await serialize(), before);
  const display = await driver.executeScript(`
    const el = document.querySelector("body > *");
    el.setAttribute("data-lisible-hidden", "probe");
    const d = getComputedStyle(el).display;
    el.removeAttribute("data-lisible-hidden");
    return d;`);
  assert.notEqual(display, "none");
});

test("a page without an article shows the message, not an empty reader", async () => {
  await driver.get(`${server.base}/no-article/`);
  const { data } = await openReader();
  assert.equal(data.analysis.article, null);
  assert.equal(data.analysis.error, "No article found on this page");
  await inReader(async () => {
    assert.equal(await text("#no-article"), "No article found on this page");
    assert.equal(await attr("#article", "hidden"), "");
  });
  await pressShortcut();
  await waitRestored();
});

test("parity on every fixture page: browser == native", async () => {
  for (const c of fixtureCases()) {
    const url = `${server.base}/pages/${c}/`;
    await driver.get(url);
    const { data } = await openReader();
    let native = null;
    try {
      native = nativeExtract(c, url);
    } catch {
      // the CLI reports no article (non-zero exit)
    }
    assert.deepEqual(comparable(data.analysis.article), comparable(native), c);
  }
});

test("page scripts have no extension API to ask for the article", async () => {
  await driver.get(`${server.base}/pages/${MAGHRESS.case}/`);
  await openReader();
  assert.equal(await driver.executeScript("return typeof browser === 'undefined' || !browser.runtime?.sendMessage"), true);
});
