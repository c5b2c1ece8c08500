// e2e, headless Firefox ESR (selenium + geckodriver), PRODUCTION build dist/lisible-firefox.xpi, real
// action (`_execute_action` shortcut): hostile pages (issue 7, points 3 and 4). Pages: hostile-pages.mjs.
// Console messages and errors of every process are recorded with an nsIConsoleListener registered in
// the privileged chrome context; dialogs are looked for with WebDriver's alert API.
// Run: GECKODRIVER=~/.cargo/bin/geckodriver node --test tests/e2e/hostile.firefox.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder, By, until, error as wdError } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { DIST } from "./common.mjs";
import { pressShortcut as ffPressShortcut } from "./firefox.common.mjs";
import { RAN, articleImages, startHostileServer } from "./hostile-pages.mjs";
import { checkReaderDom, checkReaderHtmlFile, checkManifestCsp, TOGGLES } from "./hostile-checks.mjs";

const GECKO_ID = "lisible@lisible.app";
const WIDGET = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, "_");
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver");
let server, driver;

before(async () => {
  server = await startHostileServer();
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? "/usr/bin/firefox-esr")
    .addArguments("-headless")
    .setPreference("intl.locale.requested", "en-US")
    .setPreference("privacy.reduceTimerPrecision", false)
    .set("unhandledPromptBehavior", "ignore"); // a dialog stays open for the test to find
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments("--allow-system-access");
  driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(path.join(DIST, "lisible-firefox.xpi"), true);
  await inChrome(() => driver.executeScript(`
    window.__lisibleLog = [];
    window.__lisibleListener = { observe(m) {
      let text = m.message ?? String(m);
      try { const e = m.QueryInterface(Ci.nsIScriptError); text = e.errorMessage + " @ " + e.sourceName; } catch {}
      window.__lisibleLog.push(text);
    } };
    Services.console.registerListener(window.__lisibleListener);`));
});

after(async () => {
  await driver?.quit().catch(() => {});
  await server?.close();
});

async function inChrome(fn) {
  await driver.setContext(firefox.Context.CHROME);
  try {
    return await fn();
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
}

const consoleLog = () => inChrome(() => driver.executeScript("return window.__lisibleLog.slice()"));

const pressShortcut = () => ffPressShortcut(driver, WIDGET);

const serialize = () =>
  driver.executeScript("return (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') + document.documentElement.outerHTML");

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
  await pressShortcut();
  const el = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 10_000);
  await driver.switchTo().frame(el);
  try {
    await driver.wait(until.elementLocated(By.css("#article:not([hidden]), #no-article:not([hidden])")), 10_000);
    await driver.wait(until.elementLocated(By.css("html[data-click-to-reader-ms]")), 5000);
    return JSON.parse(await driver.executeScript("return document.getElementById('lisible-analysis').textContent"));
  } finally {
    await driver.switchTo().defaultContent();
  }
}

async function closeReader() {
  await pressShortcut();
  await driver.wait(async () => (await driver.findElements(By.css("iframe[data-lisible-ui], [data-lisible-hidden]"))).length === 0, 10_000);
}

/** The text of an open dialog, or null. */
async function openDialog() {
  try {
    const a = await driver.switchTo().alert();
    const text = await a.getText();
    await a.dismiss();
    return text;
  } catch (e) {
    if (e instanceof wdError.NoSuchAlertError) return null;
    throw e;
  }
}

test("the manifest's extension-page CSP allows no inline or eval'd script; reader.html has no inline script", () => {
  checkManifestCsp(JSON.parse(fs.readFileSync(path.join(DIST, "firefox", "manifest.json"), "utf8")));
  checkReaderHtmlFile(fs.readFileSync(path.join(DIST, "firefox", "reader/reader.html"), "utf8"));
});

test("xss: 330 XSS vectors in the article: no dialog, no marker, nothing executable in the reader", async (t) => {
  await driver.get(`${server.base}/xss/`);
  const from = server.requests.length;
  const logFrom = (await consoleLog()).length;
  const data = await openReader();
  assert.ok(data.analysis.article, `no article: ${data.analysis.error}`);
  await driver.sleep(1500); // handlers (onload/onerror/onfocus) get their chance
  assert.equal(await openDialog(), null, "a dialog fired");
  const dom = await inReader(() => driver.executeScript(`return {
    html: document.documentElement.outerHTML,
    scripts: [...document.scripts].map((s) => ({ src: s.getAttribute("src"), type: s.type })),
    onAttrs: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.localName + "[" + a.name + "]")),
    urls: [...document.querySelectorAll("main *")].flatMap((e) => [...e.attributes]
      .filter((a) => /^(href|src|srcset|action|formaction|data|poster|background|xlink:href|cite|longdesc|lowsrc|dynsrc)$/i.test(a.name))
      .map((a) => a.value)),
    elements: [...document.querySelectorAll("#content *")].map((e) => e.localName),
  }`));
  checkReaderDom(dom);
  t.diagnostic(`${dom.elements.length} elements in the reader's content; route ${data.route}`);
  const marked = (await consoleLog()).slice(logFrom).filter((m) => RAN.test(m));
  assert.deepEqual(marked, [], "a vector ran");
  // The test server saw only the page, its script and the article's own relative images.
  const mine = server.requests.slice(from);
  const images = [...articleImages(data.analysis.article.content_html)].filter((u) => u.startsWith(server.base + "/"));
  const allowed = new Set(["/xss/", "/xss/attack.js", ...images.map((u) => u.slice(server.base.length))]);
  assert.deepEqual(mine.filter((u) => !allowed.has(u)), [], "requests besides the page and the article's own images");
  assert.equal(await driver.executeScript("return document.documentElement.getAttribute('data-pwned')"), null);
  // Canary: the same recorders see a dialog and the marker when something does run in the reader frame.
  await inReader(() => driver.executeScript("setTimeout(() => __pwned(1)); setTimeout(() => alert('canary'), 50);"));
  await driver.sleep(500);
  assert.equal(await openDialog(), "canary", "the dialog probe is blind");
  assert.ok((await consoleLog()).slice(logFrom).some((m) => RAN.test(m)), "the console recorder is blind");
  await closeReader();
});

test("page scripts cannot read the reader or the citation, and their forged messages and events change nothing", async () => {
  await driver.get(`${server.base}/xss/`);
  const data = await openReader();
  const attack = await driver.executeScript("return window.__attack()");
  assert.equal(attack.frameFound, true);
  assert.equal(attack.contentDocument, null, "the page reads the reader's document");
  assert.equal(attack.reader, "threw");
  assert.equal(attack.citation, "threw");
  assert.equal(attack.frameLocation, "threw");
  await driver.sleep(500);
  assert.equal((await driver.findElements(By.css("iframe[data-lisible-ui]"))).length, 1);
  const shown = await inReader(() => driver.executeScript("return document.getElementById('title').textContent"));
  assert.equal(shown, data.analysis.article.title);
  const heard = await driver.executeScript("return window.__heard");
  assert.ok(heard.every((h) => !JSON.stringify(h).includes(data.analysis.article.title)), JSON.stringify(heard));
  assert.ok(heard.every((h) => h.origin === undefined || h.origin === server.base), JSON.stringify(heard));
  await closeReader();
});

test(`maghress: ${TOGGLES} toggles leave the DOM identical and the page's script working`, async (t) => {
  await driver.get(`${server.base}/toggle/maghress/`);
  await driver.findElement(By.css("#lisible-test-counter")).click();
  const before = await serialize();
  const t0 = performance.now();
  for (let i = 0; i < TOGGLES; i++) {
    const data = await openReader();
    assert.ok(data.analysis.article, `toggle ${i}: no article`);
    await closeReader();
  }
  t.diagnostic(`${TOGGLES} open+close cycles in ${Math.round(performance.now() - t0)} ms`);
  assert.equal(await serialize(), before);
  await driver.findElement(By.css("#lisible-test-counter")).click();
  assert.equal(await driver.findElement(By.css("#lisible-test-counter")).getText(), "2");
});

test("single-page app: the page replaces its article under the reader; closing restores, the next analysis reads the new article", async () => {
  await driver.get(`${server.base}/spa/`);
  const first = await openReader();
  assert.match(first.analysis.article.title, /Tramway/);
  await driver.executeScript("window.__navigate()");
  await closeReader();
  assert.equal(new URL(await driver.getCurrentUrl()).pathname, "/spa/lycees/");
  const second = await openReader();
  assert.match(second.analysis.article.title, /lycées/);
  assert.match(await inReader(() => driver.executeScript("return document.getElementById('title').textContent")), /lycées/);
  await closeReader();
});

test("infinite scroll: toggling while the page appends content never throws, restores, and re-analyses", async () => {
  await driver.get(`${server.base}/infinite/`);
  const logFrom = (await consoleLog()).length;
  for (let i = 0; i < 10; i++) {
    const data = await openReader();
    assert.match(data.analysis.article.title, /Tramway/);
    await driver.sleep(150);
    await closeReader();
  }
  const [appended, shown] = await driver.executeScript("return [window.__appended, document.querySelectorAll('#feed > article').length]");
  assert.ok(appended >= 10, `the feed did not keep appending (${appended})`);
  assert.equal(shown, appended);
  assert.deepEqual((await consoleLog()).slice(logFrom).filter((m) => /lisible/i.test(m) && /error/i.test(m)), []);
});
