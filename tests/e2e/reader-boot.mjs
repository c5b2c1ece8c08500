// The reader page's own boot in headless Chromium, with no web page, no content script and no
// analysis: reader/reader.html opened in a tab of the production build (dist/chrome), N times.
// Prints per load the navigation timing (HTML received, DOM parsed) and the reader's own steps
// (module running, answer received, painted), ms since its navigation started. The floor under
// click-to-reader in Chromium (README, "Figures"). Run: LISIBLE_ROOT=$PWD/../.. node reader-boot.mjs [N]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromiumArgs, DIST, freePort } from "./common.mjs";

const N = Number(process.argv[2] ?? 10);
const EXT = path.join(DIST, "chrome");
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lisible-boot-"));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: chromiumArgs(EXT, await freePort()),
});
try {
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  const page = await ctx.newPage();
  const rows = [];
  for (let i = 0; i < N; i++) {
    await page.goto(`chrome-extension://${new URL(sw.url()).host}/reader/reader.html`);
    await page.waitForSelector("html[data-ready]", { state: "attached" });
    rows.push(JSON.parse(await page.getAttribute("html", "data-reader-steps")));
  }
  const med = (k) => [...rows.map((r) => r[k])].sort((a, b) => a - b)[Math.floor((rows.length - 1) / 2)];
  for (const r of rows) console.log(["html", "interactive", "module", "article", "painted"].map((k) => `${k} ${r[k]}`).join(", "));
  console.log(`median of ${N}: ${["html", "interactive", "module", "article", "painted"].map((k) => `${k} ${med(k)}`).join(", ")} ms`);
} finally {
  await ctx.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
}
