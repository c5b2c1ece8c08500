// e2e, headless Firefox ESR: the parts of the UI a user reaches without the toolbar button (issue 6
// point 5 and 7): the page context menu ("Open in reader view", "Clean this page"), clicked for real
// in the browser's own context menu; "clean these sites automatically" set up on the real options
// page (the optional host permission is asked there, auto-accepted by the test profile's pref); and
// the Arabic UI (Debian's firefox-esr-l10n-ar language pack) laid out right to left.
// Run: GECKODRIVER=~/.cargo/bin/geckodriver node --test tests/e2e/ui.firefox.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder, By, Key, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { ROOT, startServer } from "./server.mjs";
import { DIST, MAGHRESS } from "./common.mjs";
import { inChromeContext } from "./firefox.common.mjs";

const GECKO_ID = "lisible@lisible.app";
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver");
const messages = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, "extension/_locales", lang, "messages.json"), "utf8"));
const EN = messages("en");
const AR = messages("ar");
let server;
const drivers = [];

async function launch(locale) {
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? "/usr/bin/firefox-esr")
    .addArguments("-headless")
    .setPreference("intl.locale.requested", locale)
    // The language pack Debian installs next to Firefox (application scope) must stay enabled.
    .setPreference("extensions.autoDisableScopes", 0)
    .setPreference("extensions.enabledScopes", 15)
    // permissions.request() on the options page is answered "allow" without a doorhanger.
    .setPreference("extensions.webextOptionalPermissionPrompts", false);
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments("--allow-system-access");
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  drivers.push(driver);
  await driver.installAddon(path.join(DIST, "lisible-firefox.xpi"), true);
  return driver;
}

before(async () => {
  server = await startServer();
});

after(async () => {
  for (const d of drivers) await d.quit().catch(() => {});
  await server?.close();
});

/** The moz-extension:// URL of one of the add-on's pages. */
const extensionUrl = (driver, page) =>
  inChromeContext(driver, () => driver.executeScript(`return WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).getURL(${JSON.stringify(page)})`));

/**
 * Opens the browser's own page context menu with a real right click, and activates the item whose
 * label is `label` (the extension's menus.create title). Returns every label the menu showed.
 */
async function contextMenuClick(driver, label) {
  const body = await driver.findElement(By.css("h1"));
  await driver.actions().contextClick(body).perform();
  return inChromeContext(driver, () =>
    driver.executeAsyncScript(`
      const [label, done] = arguments;
      const menu = document.getElementById("contentAreaContextMenu");
      const t0 = Date.now();
      (function poll() {
        // Firefox groups an extension's items in a submenu named after it when there are several.
        const items = [...menu.querySelectorAll("menuitem")].filter((m) => m.id.includes("-menuitem-"));
        const item = items.find((m) => m.getAttribute("label") === label);
        if (menu.state === "open" && item) {
          const labels = items.map((m) => m.getAttribute("label"));
          const popup = item.parentElement;
          const submenu = popup.parentElement;
          if (submenu !== menu && submenu.localName === "menu" && popup.state !== "open") {
            submenu.openMenu(true);
            return setTimeout(poll, 50);
          }
          popup.activateItem(item);
          return done({ labels });
        }
        if (Date.now() - t0 > 5000) {
          menu.hidePopup?.();
          return done({ error: "no item " + label + " in a " + menu.state + " menu", labels: items.map((m) => m.getAttribute("label")) });
        }
        setTimeout(poll, 50);
      })();`, label));
}

const hiddenState = (driver) =>
  driver.executeScript(`return {
    frames: document.querySelectorAll("iframe[data-lisible-ui]").length,
    hidden: [...document.querySelectorAll("[data-lisible-hidden]")].map((e) => getComputedStyle(e).display),
    ticker: getComputedStyle(document.querySelector(${JSON.stringify(MAGHRESS.hiddenSelectors[0])})).display,
  }`);

const serialize = (driver) =>
  driver.executeScript(
    "return (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') + document.documentElement.outerHTML");

async function waitRestored(driver) {
  await driver.wait(async () => (await driver.findElements(By.css("iframe[data-lisible-ui], [data-lisible-hidden]"))).length === 0, 10_000);
}

test("context menu: 'Open in reader view' opens the reader with the article; 'Clean this page' hides the clutter in place", async () => {
  const driver = await launch("en-US");
  const url = `${server.base}/pages/${MAGHRESS.case}/`;
  await driver.get(url);
  const before = await serialize(driver);

  const opened = await contextMenuClick(driver, EN.menuOpenReader.message);
  assert.ok(!opened.error, JSON.stringify(opened));
  assert.ok(opened.labels.includes(EN.menuCleanPage.message), `menu shows ${JSON.stringify(opened.labels)}`);
  const frame = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 10_000);
  await driver.switchTo().frame(frame);
  await driver.wait(until.elementLocated(By.css("#article:not([hidden])")), 10_000);
  assert.equal(await driver.executeScript("return document.getElementById('title').textContent"), MAGHRESS.title);
  assert.equal(await driver.executeScript("return document.getElementById('outlet').textContent"), MAGHRESS.outlet);
  // The reader covers the page (its own frame has no page menu): Esc leaves it.
  await driver.findElement(By.id("close")).sendKeys(Key.ESCAPE).catch(() => {}); // the frame goes away under the key
  await driver.switchTo().defaultContent();
  await waitRestored(driver);
  assert.equal(await serialize(driver), before);

  const cleaned = await contextMenuClick(driver, EN.menuCleanPage.message);
  assert.ok(!cleaned.error, JSON.stringify(cleaned));
  await driver.wait(async () => (await hiddenState(driver)).ticker === "none", 10_000);
  const state = await hiddenState(driver);
  assert.equal(state.frames, 0, "in-page clean opened a reader");
  assert.ok(state.hidden.length >= MAGHRESS.hiddenSelectors.length && state.hidden.every((d) => d === "none"), JSON.stringify(state));

  const restored = await contextMenuClick(driver, EN.menuCleanPage.message);
  assert.ok(!restored.error, JSON.stringify(restored));
  await waitRestored(driver);
  assert.equal(await serialize(driver), before);
});

test("options: a site added to 'clean automatically' is granted, listed, and cleaned in place on its next load", async () => {
  const driver = drivers[0] ?? (await launch("en-US"));
  const origin = new URL(server.base).origin;
  await driver.get(await extensionUrl(driver, "options/options.html"));
  await driver.findElement(By.id("site")).sendKeys(`${server.base}/pages/${MAGHRESS.case}/`);
  // A real click: permissions.request() needs the user's gesture.
  await driver.findElement(By.css("#add-site button[type=submit], #add-site button")).click();
  await driver.wait(async () => (await driver.findElements(By.css("#sites li"))).length === 1, 5000)
    .catch(async (e) => assert.fail(`${e.message}; status: ${await driver.findElement(By.id("status")).getText()}`));
  assert.equal(await driver.findElement(By.id("status")).getText(), EN.optionsSaved.message);
  assert.ok((await driver.findElement(By.css("#sites li")).getText()).includes(origin));

  // A site not in the list is left alone; the listed one is cleaned once loaded, with no reader.
  await driver.get(`${server.base}/pages/${MAGHRESS.case}/`);
  await driver.wait(async () => (await hiddenState(driver)).ticker === "none", 10_000);
  const state = await hiddenState(driver);
  assert.equal(state.frames, 0, "auto clean opened a reader");
  assert.ok(state.hidden.every((d) => d === "none"), JSON.stringify(state));

  // Removing the site stops it: the next load is untouched.
  await driver.get(await extensionUrl(driver, "options/options.html"));
  await driver.findElement(By.css("#sites li button")).click();
  await driver.wait(async () => (await driver.findElements(By.css("#sites li"))).length === 0, 5000);
  await driver.get(`${server.base}/pages/${MAGHRESS.case}/`);
  await driver.sleep(1500);
  const untouched = await hiddenState(driver);
  assert.equal(untouched.frames, 0);
  assert.deepEqual(untouched.hidden, []);
  assert.notEqual(untouched.ticker, "none");
});

test("Arabic UI: the menu, the reader and the options page speak Arabic and lay out right to left", async () => {
  const driver = await launch("ar");
  await driver.get(await extensionUrl(driver, "options/options.html"));
  const uiLang = await driver.executeScript("return document.documentElement.lang");
  assert.match(uiLang, /^ar/, "the Arabic language pack is not active (apt: firefox-esr-l10n-ar)");
  assert.equal(await driver.executeScript("return document.documentElement.dir"), "rtl");
  assert.equal(await driver.executeScript("return getComputedStyle(document.body).direction"), "rtl");
  assert.equal(await driver.findElement(By.id("h-clean")).getText(), AR.optionsAutoClean.message);

  await driver.get(`${server.base}/pages/${MAGHRESS.case}/`);
  const opened = await contextMenuClick(driver, AR.menuOpenReader.message);
  assert.ok(!opened.error, JSON.stringify(opened));
  assert.ok(opened.labels.includes(AR.menuCleanPage.message), `menu shows ${JSON.stringify(opened.labels)}`);
  const frame = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 10_000);
  await driver.switchTo().frame(frame);
  await driver.wait(until.elementLocated(By.css("#article:not([hidden])")), 10_000);
  const ui = await driver.executeScript(`return {
    dir: document.documentElement.dir,
    toolbarDirection: getComputedStyle(document.querySelector("[role=toolbar], header, nav") ?? document.body).direction,
    skip: document.querySelector(".skip")?.textContent,
    articleDir: document.getElementById("article").dir || getComputedStyle(document.getElementById("article")).direction,
    articleLang: document.getElementById("article").lang,
  }`);
  await driver.switchTo().defaultContent();
  assert.equal(ui.dir, "rtl");
  assert.equal(ui.toolbarDirection, "rtl");
  assert.equal(ui.skip, AR.skipToArticle.message);
  // The article keeps its own language and direction (a French article in an Arabic UI reads ltr).
  assert.equal(ui.articleLang, "fr");
  assert.equal(ui.articleDir, "ltr");
});

test("a big page (30,000 more elements) is walked in slices and analysed off the tab: same snapshot, same article", async () => {
  const driver = drivers[0] ?? (await launch("en-US"));
  await driver.get(`${server.base}/pages/${MAGHRESS.case}/`);
  await driver.executeScript(`const d = document.createElement("div"); d.className = "grid";
    for (let i = 0; i < 30000; i++) { const s = document.createElement("span"); s.textContent = "x" + i; d.append(s); }
    document.body.append(d);`);
  // The sliced walk gives exactly the JSON of the one-shot walk (snapshot.js, run in the page here).
  const same = await driver.executeAsyncScript(`${fs.readFileSync(path.join(ROOT, "extension/snapshot.js"), "utf8")}
    const done = arguments[arguments.length - 1];
    globalThis.lisibleSnapshotAsync(document, 2).then((a) => {
      const b = globalThis.lisibleSnapshot(document);
      done({ same: a.json === JSON.stringify(b.flat), nodes: a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n === b.nodes[i]), count: b.flat.length });
    }, (e) => done({ error: String(e) }));`);
  assert.deepEqual(same, { same: true, nodes: true, count: same.count });
  assert.ok(same.count > 60000, String(same.count));

  await inChromeContext(driver, () => driver.executeScript(`document.querySelector('#ext-keyset-id-${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, "_")} > key').doCommand()`));
  const frame = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 60_000);
  await driver.switchTo().frame(frame);
  await driver.wait(until.elementLocated(By.css("#article:not([hidden])")), 60_000);
  const data = JSON.parse(await driver.executeScript("return document.getElementById('lisible-analysis').textContent"));
  const title = await driver.executeScript("return document.getElementById('title').textContent");
  await driver.switchTo().defaultContent();
  assert.equal(data.route, "background");
  assert.equal(title, MAGHRESS.title);
  assert.equal((await hiddenState(driver)).ticker, "none");
});

test("a page with megabytes of text (one 3 MB text node) is analysed off the tab too", async () => {
  const driver = drivers[0] ?? (await launch("en-US"));
  await driver.get(`${server.base}/pages/${MAGHRESS.case}/`);
  await driver.executeScript(`const d = document.createElement("div"); d.className = "annexe";
    d.textContent = "mot ".repeat(786432); document.body.append(d);`);
  await inChromeContext(driver, () => driver.executeScript(`document.querySelector('#ext-keyset-id-${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, "_")} > key').doCommand()`));
  const frame = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 60_000);
  await driver.switchTo().frame(frame);
  await driver.wait(until.elementLocated(By.css("#article:not([hidden])")), 60_000);
  const data = JSON.parse(await driver.executeScript("return document.getElementById('lisible-analysis').textContent"));
  await driver.switchTo().defaultContent();
  assert.equal(data.route, "background");
  assert.equal((await hiddenState(driver)).ticker, "none");
});
