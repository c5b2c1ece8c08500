// Responsiveness benchmark (issue 7 point 2: "in the browser the tab stays responsive (measure it)").
// Huge generated pages (never committed) are opened in headless Chromium (CDP Extensions.triggerAction)
// and headless Firefox ESR (the action's shortcut), with the PRODUCTION builds in dist/. The page runs
// a heartbeat (a 10 ms setInterval in the page's own world recording when it actually fires): while
// Lisible works in the tab (content script import, wasm init, DOM walk, analysis, hiding, framing the
// reader), every gap between beats is time the tab could not answer the user. Reported per page:
// click→reader (ms, in the browser), the longest freeze (largest heartbeat gap), and the total blocking
// time (sum over gaps of their part above 50 ms, as Lighthouse's TBT). Prints a Markdown table.
// Run: node tests/e2e/responsive.mjs   (RESP_RUNS=N runs per page, default 3; RESP_BROWSERS=chromium,firefox)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DIST, launchBareChromium, servePages, sizeLabel } from "./common.mjs";
import { PAGES } from "./server.mjs";

const RUNS = Number(process.env.RESP_RUNS ?? 3);
const BROWSERS = (process.env.RESP_BROWSERS ?? "chromium,firefox").split(",");
const log = (...a) => console.error("responsive:", ...a);

const PARA = "Le gouvernement a présenté mercredi en conseil des ministres un projet de loi sur la gestion de l'eau, qui prévoit de réduire de dix pour cent les prélèvements agricoles d'ici à 2030.";
const head = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Gestion de l'eau : le projet de loi présenté</title>
<meta property="og:site_name" content="Le Quotidien du Sud"><meta property="article:published_time" content="2026-02-03T08:00:00Z"></head><body>`;
const article = `<article><h1>Gestion de l'eau : le projet de loi présenté</h1><p class="byline">Par Nadia Benali</p>${Array.from({ length: 12 }, (_, i) => `<p>${PARA} (${i})</p>`).join("")}</article>`;

/** The pathological shapes of issue 7, at sizes a browser tab still loads. */
function pagesToTest() {
  const maghress = fs.readFileSync(path.join(PAGES, "maghress-fr", "source.html"), "utf8");
  const gen = {
    "maghress-fr (typical)": maghress,
    "article + 30,000 elements": `${head}${article}<div class="grid">${'<span class="cell">x</span>'.repeat(30_000)}</div></body></html>`,
    "article + 100,000 elements": `${head}${article}<div class="grid">${'<span class="cell">x</span>'.repeat(100_000)}</div></body></html>`,
    "article + 300,000 elements": `${head}${article}<div class="grid">${'<span class="cell">x</span>'.repeat(300_000)}</div></body></html>`,
    "article + 10,000 tables": `${head}${article}${"<table><tr><td>1</td><td>2</td></tr></table>".repeat(10_000)}</body></html>`,
    "article + one 10 MB text node": `${head}${article}<div>${"mot ".repeat(2_621_440)}</div></body></html>`,
    "article + 5,000 nested divs": `${head}${article}${"<div>".repeat(5000)}fond${"</div>".repeat(5000)}</body></html>`,
  };
  const only = process.env.RESP_PAGES?.split(",");
  return Object.entries(gen).map(([name, html], i) => ({ name, html: Buffer.from(html), path: `/r/${i}/` }))
    .filter((p, i) => !only || only.includes(String(i)));
}

const HEARTBEAT = `(() => {
  const beats = [];
  window.__beats = beats;
  setInterval(() => beats.push(performance.now()), 10);
})()`;

/** Heartbeat gaps between `from` and `to` (page clock): longest gap and total blocking time (> 50 ms). */
function freezes(beats, from, to) {
  const xs = beats.filter((t) => t >= from && t <= to);
  let longest = 0;
  let blocking = 0;
  for (let i = 1; i < xs.length; i++) {
    const gap = xs[i] - xs[i - 1];
    longest = Math.max(longest, gap);
    blocking += Math.max(0, gap - 50);
  }
  return { longest, blocking };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

async function runChromium(list, base) {
  // A bare CDP pipe (no automation layer delaying the reader frame; see launchBareChromium).
  const b = await launchBareChromium(path.join(DIST, "chrome"));
  const version = `Chromium ${(await b.send("Browser.getVersion")).product.split("/")[1]}`;
  const rows = [];
  try {
    const tab = await b.openTab();
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    for (const p of list) {
      const r = [];
      for (let i = 0; i < RUNS; i++) try {
        await tab.goto(base + p.path);
        await tab.evaluate(HEARTBEAT);
        await sleep(300);
        const start = await tab.evaluate("performance.now()");
        await tab.clickAction();
        const reader = await tab.reader(120_000);
        await reader.until("clickToReaderMs");
        const clickMs = Number(await reader.evaluate("document.documentElement.dataset.clickToReaderMs"));
        if (process.env.RESP_TIMINGS) {
          await reader.until("ready");
          log(JSON.parse(await reader.evaluate("document.getElementById('lisible-analysis').textContent")).timings);
          log(await reader.evaluate("document.documentElement.dataset.readerSteps"));
        }
        await reader.detach();
        await sleep(300);
        const beats = await tab.evaluate("window.__beats");
        r.push({ clickMs, ...freezes(beats, start, beats.at(-1)) });
      } catch (e) {
        r.push({ error: String(e).split("\n")[0] }); // reported in the table, the other pages still run
      }
      log(`chromium ${p.name}: ${JSON.stringify(r.map((x) => x.error ?? [x.clickMs, Math.round(x.longest)]))}`);
      rows.push({ p, r });
    }
  } finally {
    await b.close();
  }
  return { version, rows };
}

async function runFirefox(list, base) {
  const { Builder, By, until } = await import("selenium-webdriver");
  const firefox = (await import("selenium-webdriver/firefox.js")).default;
  const WIDGET = "lisible@lisible.app".replace(/[^a-z0-9_-]/g, "_");
  const options = new firefox.Options().setBinary(process.env.FIREFOX ?? "/usr/bin/firefox-esr").addArguments("-headless")
    .setPreference("privacy.reduceTimerPrecision", false).setPreference("dom.max_script_run_time", 0);
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver")).addArguments("--allow-system-access");
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: 120_000, pageLoad: 120_000 });
  const rows = [];
  let version = "Firefox";
  try {
    await driver.installAddon(path.join(DIST, "lisible-firefox.xpi"), true);
    version = `Firefox ${(await driver.getCapabilities()).get("browserVersion")}`;
    for (const p of list) {
      const r = [];
      for (let i = 0; i < RUNS; i++) try {
        await driver.get(base + p.path);
        await driver.executeScript(HEARTBEAT);
        await driver.sleep(300);
        const start = await driver.executeScript("return performance.now()");
        await driver.setContext(firefox.Context.CHROME);
        try {
          await driver.executeScript(`document.querySelector('#ext-keyset-id-${WIDGET} > key').doCommand()`);
        } finally {
          await driver.setContext(firefox.Context.CONTENT);
        }
        const el = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 120_000);
        await driver.switchTo().frame(el);
        let clickMs;
        try {
          await driver.wait(until.elementLocated(By.css("html[data-click-to-reader-ms]")), 120_000);
          clickMs = Number(await driver.executeScript("return document.documentElement.dataset.clickToReaderMs"));
          if (process.env.RESP_TIMINGS) {
            await driver.wait(until.elementLocated(By.css("html[data-ready]")), 120_000);
            const data = JSON.parse(await driver.executeScript("return document.getElementById('lisible-analysis').textContent"));
            log({ ...data.timings, clickedAt: data.clickedAt });
            log(await driver.executeScript("return document.documentElement.dataset.readerSteps"));
          }
        } finally {
          await driver.switchTo().defaultContent();
        }
        await driver.sleep(300);
        const beats = await driver.executeScript("return window.__beats");
        if (process.env.RESP_TIMINGS) {
          // The long gaps, as epoch ms (the clock of the timings above).
          const origin = await driver.executeScript("return performance.timeOrigin");
          log(beats.slice(1).map((b, i) => [Math.round(origin + beats[i]), Math.round(b - beats[i])]).filter(([, g]) => g > 100));
        }
        r.push({ clickMs, ...freezes(beats, start, beats.at(-1)) });
      } catch (e) {
        await driver.switchTo().defaultContent().catch(() => {});
        r.push({ error: String(e).split("\n")[0] });
      }
      log(`firefox ${p.name}: ${JSON.stringify(r.map((x) => x.error ?? [x.clickMs, Math.round(x.longest)]))}`);
      rows.push({ p, r });
    }
  } finally {
    await driver.quit().catch(() => {});
  }
  return { version, rows };
}

function table({ version, rows }) {
  const out = [`Headless ${version}, ${RUNS} runs per page on a freshly loaded page; medians, ms.`, "",
    "| page | size | click→reader | longest freeze | total blocking (> 50 ms) |", "|---|---:|---:|---:|---:|"];
  for (const { p, r } of rows) {
    const size = sizeLabel(p.html.length);
    const ok = r.filter((x) => !x.error);
    const m = (k) => (ok.length ? Math.round(median(ok.map((x) => x[k]))) : "n/a");
    const failed = r.length - ok.length ? ` (${r.length - ok.length} of ${r.length} runs failed: ${r.find((x) => x.error).error})` : "";
    out.push(`| ${p.name}${failed} | ${size} | ${m("clickMs")} | ${m("longest")} | ${m("blocking")} |`);
  }
  return out.join("\n");
}

async function main() {
  const list = pagesToTest();
  const server = await servePages(list);
  const { base } = server;
  try {
    const out = [];
    if (BROWSERS.includes("chromium")) out.push(table(await runChromium(list, base)));
    if (BROWSERS.includes("firefox")) out.push(table(await runFirefox(list, base)));
    console.log(out.join("\n\n"));
  } finally {
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
