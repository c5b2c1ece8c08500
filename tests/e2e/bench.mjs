// In-browser benchmark (issue 7 point 5): click-to-reader of Lisible (PRODUCTION build dist/chrome, real
// action via CDP Extensions.triggerAction, time measured in the browser from the action handler to the
// reader painted: the reader's data-click-to-reader-ms) against Readability.js (@mozilla/readability,
// pinned dev dependency) on the same page in the same browser: `new Readability(document.cloneNode(true)).parse()`
// timed with performance.now() in the page. Pages: the largest fixture pages and generated big pages.
// Each run loads the page afresh. Prints a Markdown table on stdout (progress on stderr).
// Headless Chromium (a bare CDP pipe, CDP action: no automation layer delaying the reader frame) and headless
// Firefox ESR (selenium, the action's shortcut).
// Run: node tests/e2e/bench.mjs   (BENCH_RUNS=N runs per page and tool, default 10; BENCH_BROWSERS=chromium,firefox;
// BENCH_GENERATED=0 for the typical pages only)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { DIST, launchBareChromium, servePages, sizeLabel } from "./common.mjs";
import { PAGES } from "./server.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const LARGEST_FIXTURES = Number(process.env.BENCH_FIXTURES ?? 5);
const READABILITY = createRequire(import.meta.url).resolve("@mozilla/readability/Readability.js");
const READABILITY_VERSION = JSON.parse(fs.readFileSync(path.join(path.dirname(READABILITY), "package.json"), "utf8")).version;
const log = (...a) => console.error("bench:", ...a);

const PARA = [
  "Le gouvernement a présenté mercredi en conseil des ministres un projet de loi sur la gestion de l'eau, qui prévoit de réduire de dix pour cent les prélèvements agricoles d'ici à 2030.",
  "The committee heard evidence from farmers, water companies and environmental groups, who disagreed on how quickly the new limits could be applied without harming small producers.",
  "وقال المتحدث باسم الوزارة إن الخطة تشمل إعادة تأهيل شبكات الري القديمة وبناء محطات جديدة لمعالجة المياه في المناطق الأكثر تضررا من الجفاف.",
];
const articleHead = (title, lang) => `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Le Quotidien du Sud"><meta name="author" content="Nadia Benali">
<meta property="article:published_time" content="2026-02-03T08:00:00Z"></head><body>
<header><nav>${Array.from({ length: 40 }, (_, i) => `<a href="/rubrique/${i}">Rubrique ${i}</a>`).join(" ")}</nav></header>`;

/** Big pages, generated (never committed): what a heavy news page looks like, scaled up. */
function generatedPages() {
  const maghress = fs.readFileSync(path.join(PAGES, "maghress-fr", "source.html"), "utf8");
  const teaser = (i) => `<div class="teaser"><h3><a href="/article/${i}">Titre de l'article numéro ${i} sur la une</a></h3><p>Un court résumé de l'article ${i}, avec quelques mots.</p><span class="date">03/02/2026</span></div>`;
  const article = (n) => `<main><article><h1>Gestion de l'eau : le projet de loi présenté</h1><p class="byline">Par Nadia Benali</p>${Array.from({ length: n }, (_, i) => `<p>${PARA[i % PARA.length]} (${i})</p>`).join("")}</article></main>`;
  return {
    "gen: maghress-fr + 3,000 teasers": maghress.replace(/<\/body>/i, `<aside class="more">${Array.from({ length: 3000 }, (_, i) => teaser(i)).join("")}</aside></body>`),
    "gen: article of 2,000 paragraphs": `${articleHead("Gestion de l'eau", "fr")}${article(2000)}</body></html>`,
    "gen: article + 100,000 elements": `${articleHead("Gestion de l'eau", "fr")}${article(12)}<div class="grid">${"<span class=\"cell\">x</span>".repeat(100_000)}</div></body></html>`,
    "gen: article + 5,000 nested divs": `${articleHead("Gestion de l'eau", "fr")}${article(12)}${"<div>".repeat(5000)}fond${"</div>".repeat(5000)}</body></html>`,
  };
}

function pages() {
  const fixtures = fs.readdirSync(PAGES)
    .filter((d) => fs.existsSync(path.join(PAGES, d, "source.html")))
    // Pages with an article: a "no article" message paints sooner and is no typical reader view.
    .filter((d) => !JSON.parse(fs.readFileSync(path.join(PAGES, d, "expected.json"), "utf8")).no_article)
    .map((d) => ({ name: d, html: fs.readFileSync(path.join(PAGES, d, "source.html")) }))
    .sort((a, b) => b.html.length - a.html.length)
    .slice(0, LARGEST_FIXTURES);
  const gen = process.env.BENCH_GENERATED === "0" ? [] : Object.entries(generatedPages()).map(([name, html]) => ({ name, html: Buffer.from(html) }));
  return [...fixtures, ...gen].map((p, i) => ({ ...p, path: `/p/${i}/` }));
}

/**
 * Where one click's time went: each step as ms since the click (the background's action handler),
 * from the content script's timings (epoch `start` + laps) and the reader's steps (its timeOrigin + marks).
 */
function steps(data, reader) {
  const click = data.clickedAt;
  const t = data.timings ?? {};
  const out = {};
  if (click == null) return out;
  if (t.start != null) {
    out["content script starts"] = t.start - click;
    for (const [k, v] of Object.entries(t)) if (k !== "start" && typeof v === "number") out[`content: ${k}`] = t.start + v - click;
  }
  if (reader?.origin != null) {
    out["reader: navigation starts"] = reader.origin - click;
    for (const k of Object.keys(reader)) if (typeof reader[k] === "number" && k !== "origin") out[`reader: ${k}`] = reader.origin + reader[k] - click;
  }
  return out;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const fmt = (xs) => (xs.length ? `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)}` : "n/a");

async function runChromium(list, base) {
  // A bare CDP pipe, not Playwright: Playwright holds every new frame's navigation until it has
  // instrumented it, which delays the reader frame's commit by ~60 ms (see launchBareChromium).
  const b = await launchBareChromium(path.join(DIST, "chrome"));
  const version = (await b.send("Browser.getVersion")).product.split("/")[1];
  const readability = fs.readFileSync(READABILITY, "utf8");
  const rows = [];
  try {
    const tab = await b.openTab();
    for (const p of list) {
      const url = base + p.path;
      const r = { lisible: [], analysis: [], readability: [], errors: [], steps: [], cite: [], shown: [] };
      for (let i = 0; i < RUNS; i++) {
        // Lisible: the real action on a freshly loaded page.
        await tab.goto(url);
        await tab.clickAction();
        const reader = await tab.reader();
        const root = "document.documentElement.dataset";
        await reader.until("clickToReaderMs");
        r.lisible.push(Number(await reader.evaluate(`${root}.clickToReaderMs`)));
        await reader.until("ready");
        const data = JSON.parse(await reader.evaluate("document.getElementById('lisible-analysis').textContent"));
        if (!data.analysis.article) r.errors.push(data.analysis.error);
        const t = data.timings ?? {};
        if (t.analyze != null) r.analysis.push(t.analyze - Math.max(t.snapshot ?? 0, t.init ?? 0));
        const rs = JSON.parse(await reader.evaluate(`${root}.readerSteps`));
        r.steps.push(steps(data, rs));
        if (data.analysis.article) r.shown.push(rs.title && rs.firstParagraph);
        // The citation module, loaded by the citation panel after the paint (only with an article).
        if (data.analysis.article) {
          await reader.until("citeLoadMs");
          r.cite.push(Number(await reader.evaluate(`${root}.citeLoadMs`)));
        }
        await reader.detach();
        // Readability.js on the same page, freshly loaded, in the same browser.
        await tab.goto(url);
        await tab.evaluate(readability);
        r.readability.push(await tab.evaluate(`(() => {
          const t0 = performance.now();
          new Readability(document.cloneNode(true)).parse();
          return performance.now() - t0;
        })()`));
      }
      log(`${p.name}: lisible ${fmt(r.lisible)} ms, readability ${fmt(r.readability)} ms`);
      rows.push({ p, r });
    }
  } finally {
    await b.close();
  }
  return { version: `Chromium ${version}`, rows };
}

/** Firefox ESR: the .xpi, the real action through its `_execute_action` shortcut (as firefox.test.mjs). */
async function runFirefox(list, base) {
  const { Builder, By, until } = await import("selenium-webdriver");
  const firefox = (await import("selenium-webdriver/firefox.js")).default;
  const WIDGET = "lisible@lisible.app".replace(/[^a-z0-9_-]/g, "_");
  const options = new firefox.Options().setBinary(process.env.FIREFOX ?? "/usr/bin/firefox-esr").addArguments("-headless")
    .setPreference("privacy.reduceTimerPrecision", false);
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver")).addArguments("--allow-system-access");
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  const readability = fs.readFileSync(READABILITY, "utf8");
  const rows = [];
  let version = "Firefox";
  try {
    await driver.installAddon(path.join(DIST, "lisible-firefox.xpi"), true);
    version = `Firefox ${(await driver.getCapabilities()).get("browserVersion")}`;
    for (const p of list) {
      const url = base + p.path;
      const r = { lisible: [], analysis: [], readability: [], errors: [], steps: [], cite: [], shown: [] };
      for (let i = 0; i < RUNS; i++) {
        await driver.get(url);
        await driver.setContext(firefox.Context.CHROME);
        try {
          await driver.executeScript(`document.querySelector('#ext-keyset-id-${WIDGET} > key').doCommand()`);
        } finally {
          await driver.setContext(firefox.Context.CONTENT);
        }
        const el = await driver.wait(until.elementLocated(By.css("iframe[data-lisible-ui]")), 60_000);
        await driver.switchTo().frame(el);
        try {
          await driver.wait(until.elementLocated(By.css("html[data-click-to-reader-ms]")), 60_000);
          r.lisible.push(Number(await driver.executeScript("return document.documentElement.dataset.clickToReaderMs")));
          const data = JSON.parse(await driver.executeScript("return document.getElementById('lisible-analysis').textContent"));
          if (!data.analysis.article) r.errors.push(data.analysis.error);
          const t = data.timings ?? {};
          if (t.analyze != null) r.analysis.push(t.analyze - Math.max(t.snapshot ?? 0, t.init ?? 0));
          const rs = JSON.parse(await driver.executeScript("return document.documentElement.dataset.readerSteps"));
          r.steps.push(steps(data, rs));
          if (data.analysis.article) r.shown.push(rs.title && rs.firstParagraph);
          if (data.analysis.article) {
            await driver.wait(until.elementLocated(By.css("html[data-cite-load-ms]")), 60_000);
            r.cite.push(Number(await driver.executeScript("return document.documentElement.dataset.citeLoadMs")));
          }
        } finally {
          await driver.switchTo().defaultContent();
        }
        await driver.get(url);
        r.readability.push(await driver.executeScript(`${readability}
          const t0 = performance.now();
          new Readability(document.cloneNode(true)).parse();
          return performance.now() - t0;`));
      }
      log(`firefox ${p.name}: lisible ${fmt(r.lisible)} ms, readability ${fmt(r.readability)} ms`);
      rows.push({ p, r });
    }
  } finally {
    await driver.quit().catch(() => {});
  }
  return { version, rows };
}

function table({ version, rows }) {
  const out = [];
  out.push(`Headless ${version} on this machine, ${RUNS} runs per page and tool, each on a freshly loaded page; ms as median / p95.`);
  out.push("*Lisible click→reader*: from the action handler (background) to the reader painted, measured in the browser " +
    "(content-script injection, reader frame load in parallel with wasm compile + analysis + hiding, then render). \"Painted\": a task " +
    "queued from the reader's first animation frame after the article is in its DOM, i.e. after the frame that shows the title and the first paragraph. *Lisible analysis*: the core's " +
    `analysis alone in the content script. *Readability.js ${READABILITY_VERSION}*: \`new Readability(document.cloneNode(true)).parse()\` in the page (parse only, nothing shown).`);
  out.push("");
  out.push("| page | size | Lisible click→reader | Lisible analysis | Readability.js parse |");
  out.push("|---|---:|---:|---:|---:|");
  for (const { p, r } of rows) {
    const size = sizeLabel(p.html.length);
    const note = r.errors.length ? ` (no article: ${r.errors[0]})` : "";
    out.push(`| ${p.name}${note} | ${size} | ${fmt(r.lisible)} | ${fmt(r.analysis)} | ${fmt(r.readability)} |`);
  }
  // Where the time goes: the median of each step over every run of every page, ms since the click.
  const all = rows.flatMap(({ r }) => r.steps);
  const names = [...new Set(all.flatMap((s) => Object.keys(s)))];
  const med = (n) => quantile(all.map((s) => s[n]).filter((v) => v != null), 0.5);
  names.sort((a, b) => med(a) - med(b));
  out.push("");
  out.push(`Where the time goes (${version}, every run of every page): median ms since the click at which each step ends.`);
  out.push("");
  out.push("| step | median ms since click |");
  out.push("|---|---:|");
  for (const n of names) out.push(`| ${n} | ${med(n).toFixed(1)} |`);
  out.push("");
  // Typical pages (the fixture pages) apart from the generated stress pages.
  for (const [label, pick] of [["Typical pages (the fixtures above)", (p) => !p.name.startsWith("gen:")], ["Generated big pages", (p) => p.name.startsWith("gen:")]]) {
    const sel = rows.filter(({ p }) => pick(p));
    const paint = sel.flatMap(({ r }) => r.lisible);
    if (!paint.length) continue;
    out.push(`${label}: Lisible click→reader painted **${fmt(paint)} ms** (median / p95 over ${paint.length} runs); ` +
      `Readability.js parse ${fmt(sel.flatMap(({ r }) => r.readability))} ms. `);
  }
  const shown = rows.flatMap(({ r }) => r.shown);
  out.push(`Title and first paragraph on screen in the painted frame: ${shown.filter(Boolean).length} of ${shown.length} runs with an article.`);
  const cite = rows.flatMap(({ r }) => r.cite);
  if (cite.length) out.push(`Citation module (pkg/lisible_cite) in the reader, after the paint: import + fetch + compile + instantiate ${fmt(cite)} ms (median / p95 over ${cite.length} runs).`);
  return out.join("\n");
}

async function main() {
  const list = pages();
  const server = await servePages(list);
  const { base } = server;
  const browsers = (process.env.BENCH_BROWSERS ?? "chromium,firefox").split(",");
  try {
    const tables = [];
    if (browsers.includes("chromium")) tables.push(table(await runChromium(list, base)));
    if (browsers.includes("firefox")) tables.push(table(await runFirefox(list, base)));
    console.log(tables.join("\n\n"));
  } finally {
    server.close();
  }
}

main().catch((e) => {
  console.error("bench failed:", e);
  process.exit(1);
});
