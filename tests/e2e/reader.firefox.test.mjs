// e2e, headless Firefox ESR: the reader view (issue 6). The .xpi as a temporary add-on, the real
// action through its shortcut, every request of the browser recorded through a proxy (netlog.mjs).
// Run: LISIBLE_ROOT=$PWD GECKODRIVER=~/.cargo/bin/geckodriver node --test tests/e2e/reader.firefox.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder, By, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { startServer } from "./server.mjs";
import { startRecordingProxy } from "./netlog.mjs";
import { saveScreenshot } from "./screenshots.mjs";
import { DIST, formatDate } from "./common.mjs";
import { pressShortcut as ffPressShortcut } from "./firefox.common.mjs";

const GECKO_ID = "lisible@lisible.app";
const WIDGET = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, "_");
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver");
let server, proxy, driver;
const figures = { browser: "firefox", clickToPaintedMs: [] };

before(async () => {
  server = await startServer();
  proxy = await startRecordingProxy(server.base);
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? "/usr/bin/firefox-esr")
    .addArguments("-headless", "-width=1000", "-height=800")
    .setPreference("intl.locale.requested", "en-US")
    .setPreference("privacy.reduceTimerPrecision", false)
    // Every request through the recording proxy, localhost included.
    .setPreference("network.proxy.type", 1)
    .setPreference("network.proxy.http", "127.0.0.1")
    .setPreference("network.proxy.http_port", proxy.port)
    .setPreference("network.proxy.ssl", "127.0.0.1")
    .setPreference("network.proxy.ssl_port", proxy.port)
    .setPreference("network.proxy.no_proxies_on", "")
    .setPreference("network.proxy.allow_hijacking_localhost", true);
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments("--allow-system-access");
  driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(path.join(DIST, "lisible-firefox.xpi"), true);
});

after(async () => {
  fs.mkdirSync(path.join(DIST, "..", "target"), { recursive: true });
  fs.writeFileSync(path.join(DIST, "..", "target", "e2e-reader-figures-firefox.json"), JSON.stringify(figures, null, 2));
  await driver?.quit().catch(() => {});
  await proxy?.close();
  await server?.close();
});

const pressShortcut = () => ffPressShortcut(driver, WIDGET);

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

const js = (code, ...args) => driver.executeScript(code, ...args);

async function openReader() {
  await pressShortcut();
  await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 10_000);
  return inReader(async () => {
    await driver.wait(until.elementLocated(By.css("html[data-ready]")), 10_000);
    const data = JSON.parse(await js("return document.getElementById('lisible-analysis').textContent"));
    data.timings.readerFrame = JSON.parse(await js("return document.documentElement.dataset.readerSteps"));
    return {
      data,
      ms: Number(await js("return document.documentElement.dataset.clickToReaderMs")),
    };
  });
}

async function closeReader() {
  await pressShortcut();
  await driver.wait(async () => (await driver.findElements(By.css("iframe[data-lisible-ui], [data-lisible-hidden]"))).length === 0, 10_000);
}

const pageUrl = (c) => `${server.base}/pages/${c}/`;
const style = (sel, prop) => js(`return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])`, sel, prop);
const clearSync = () => inReader(() => driver.executeAsyncScript("const done = arguments[0]; browser.storage.sync.clear().then(() => done(true))"));

test("header: date in the article's language, reading time, source link", async (t) => {
  await driver.get(pageUrl("maghress-fr"));
  const { data, ms } = await openReader();
  figures.clickToPaintedMs.push({ page: "maghress-fr", ms, timings: data.timings });
  t.diagnostic(`click to reader painted: ${ms} ms (content script ${JSON.stringify(data.timings)})`);
  const a = data.analysis.article;
  await inReader(async () => {
    assert.equal(await js("return document.getElementById('date').textContent"), formatDate(a.published, a.lang));
    assert.match(await js("return document.getElementById('minutes').textContent"), new RegExp(`^${a.reading_minutes} min read$`));
    assert.equal(await js("return document.getElementById('source').getAttribute('href')"), a.source_url ?? a.url);
    assert.equal(await js("return document.querySelectorAll('section#cite-panel').length"), 1);
  });
  await clearSync();
  await closeReader();
});

test("rtl: the Arabic article lays out right to left, toolbar mirrored; screenshot", async () => {
  await driver.get(pageUrl("maghress-ar"));
  await js("document.documentElement.setAttribute('dir', 'ltr')"); // whatever the page says
  await openReader();
  await inReader(async () => {
    assert.equal(await js("return document.documentElement.dir"), "rtl");
    assert.equal(await js("return document.getElementById('article').dir"), "rtl");
    for (const sel of [".bar", "#title", "#content"]) assert.equal(await style(sel, "direction"), "rtl", sel);
    const [close, settings] = await js(`return ["close", "settings-toggle"].map((id) => document.getElementById(id).getBoundingClientRect().left)`);
    assert.ok(close < settings, `close ${close} settings ${settings}`);
  });
  saveScreenshot("firefox", "arabic-rtl", Buffer.from(await driver.takeScreenshot(), "base64"));
  await closeReader();
});

test("themes persist in storage.sync and apply to the next article; + / - change the size", async () => {
  await driver.get(pageUrl("maghress-fr"));
  await openReader();
  await inReader(async () => {
    assert.equal(await style("body", "font-size"), "20px");
    await driver.findElement(By.id("settings-toggle")).click();
    await driver.findElement(By.css('label.sepia')).click();
    assert.equal(await style("body", "background-color"), "rgb(244, 236, 216)");
    assert.equal(await style("body", "color"), "rgb(91, 70, 54)");
    const body = await driver.findElement(By.css("body"));
    await body.sendKeys("+");
    assert.equal(await style("body", "font-size"), "22px");
    await body.sendKeys("-", "-");
    assert.equal(await style("body", "font-size"), "18px");
  });
  await closeReader();
  await driver.get(pageUrl("meta-byline-en"));
  await openReader();
  await inReader(async () => {
    assert.equal(await js("return document.documentElement.dataset.theme"), "sepia");
    assert.equal(await style("body", "font-size"), "18px");
    await driver.findElement(By.id("settings-toggle")).click();
    await driver.findElement(By.css('label.dark')).click();
    const img = await js("const i = document.querySelector('#content img'); return i && getComputedStyle(i).filter");
    if (img) assert.match(img, /brightness\(0\.8/);
    assert.equal(await style("body", "background-color"), "rgb(28, 27, 34)");
  });
  saveScreenshot("firefox", "reader-dark", Buffer.from(await driver.takeScreenshot(), "base64"));
  await clearSync();
  await closeReader();
});

test("Esc in the reader closes it", async () => {
  await driver.get(pageUrl("maghress-fr"));
  await openReader();
  await inReader(() => driver.findElement(By.id("larger")).sendKeys("\uE00C"));
  await driver.wait(async () => (await driver.findElements(By.css("iframe[data-lisible-ui], [data-lisible-hidden]"))).length === 0, 10_000);
});

test("quiet and fast: during the reader flow every request goes to the test server only; click to painted", async (t) => {
  const runs = [];
  for (const c of ["maghress-fr", "maghress-ar", "meta-byline-en", "clutter-image-report"]) {
    await driver.get(pageUrl(c));
    const t0 = Date.now();
    const { data, ms } = await openReader();
    await inReader(() => driver.findElement(By.id("copy")).click());
    await driver.sleep(300);
    await closeReader();
    const requests = proxy.since(t0);
    // Firefox's own services (remote settings, telemetry, safe browsing: Mozilla hosts, HTTPS) run
    // on their own schedule; they are listed, and nothing else may leave the test server.
    const host = (r) => (r.method === "CONNECT" ? r.url.replace(/:\d+$/, "") : new URL(r.url).hostname);
    const browserOwn = requests.filter((r) => r.method === "CONNECT" && /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/.test(host(r)));
    runs.push({ c, ms, timings: data.timings, requests: requests.filter((r) => !browserOwn.includes(r)).map((r) => `${r.method} ${r.url}`),
      browserOwn: browserOwn.map((r) => r.url) });
    for (const r of requests) {
      if (browserOwn.includes(r)) continue;
      assert.ok(r.method !== "CONNECT" && r.url.startsWith(`${server.base}/`), `${c}: request outside the test server: ${r.method} ${r.url}`);
    }
  }
  for (const r of runs) {
    figures.clickToPaintedMs.push({ page: r.c, ms: r.ms, timings: r.timings });
    t.diagnostic(`${r.c}: click to painted ${r.ms} ms, content script ${JSON.stringify(r.timings)}, requests ${JSON.stringify(r.requests)}, browser's own ${JSON.stringify(r.browserOwn)}`);
  }
  const warm = runs.slice(1).map((r) => r.ms);
  assert.ok(Math.max(...warm) < 1500, `warm click-to-painted ${warm}`);
});
