// Shared by the Chromium and Firefox suites: the native CLI (parity), expected values, helpers.
import http from "node:http";
import net from "node:net";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./server.mjs";

export const CLI = path.join(ROOT, "target/release/lisible");
export const DIST = path.join(ROOT, "dist");

/** `lisible extract PAGE --url URL` (the native html5ever path) as an object. */
export function nativeExtract(caseName, url) {
  const out = execFileSync(CLI, ["extract", path.join(ROOT, "tests/fixtures/pages", caseName, "source.html"), "--url", url], { encoding: "utf8" });
  return JSON.parse(out);
}

/** `lisible cite PAGE --style S --locale L --accessed D --url URL`, or null when the CLI refuses. */
export function nativeCite(caseName, url, style, locale, accessed) {
  try {
    return execFileSync(CLI, ["cite", path.join(ROOT, "tests/fixtures/pages", caseName, "source.html"), "--style", style,
      "--locale", locale, "--accessed", accessed, "--url", url], { encoding: "utf8" }).replace(/\n$/, "");
  } catch {
    return null;
  }
}

/** The fixture's expected.json (known_failure: the native core does not pass it yet). */
export function expectedOf(caseName) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/pages", caseName, "expected.json"), "utf8"));
}

/**
 * The article as the browser path produced it, comparable with the native JSON: clutter node ids
 * are dropped (browser ids follow the live DOM walk, native ids html5ever's creation order).
 */
export function comparable(article) {
  if (!article) return article;
  return { ...article, clutter: article.clutter.map(({ kind, reason }) => ({ kind, reason })) };
}

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Same rule as reader.js formatDate. */
export function formatDate(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!m) return "";
  const locale = /^en$/i.test(lang ?? "") ? "en-GB" : lang || undefined;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/** Paragraph texts of an HTML fragment (for comparing the reader with content_html), via regex-free DOM-less split. */
export function blockTexts(text) {
  return text.split(/\n\n+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * CONTENT-DEPENDENT expectations for the maghress-fr page (issue 2 point 3). They depend on the
 * core's clutter/metadata/extraction rules, not on the extension plumbing; they are enforced once
 * the fixture's expected.json no longer carries `known_failure` (until then node:test lists them as TODO).
 */
export const MAGHRESS = {
  case: "maghress-fr",
  hiddenSelectors: ["#breaking-news", ".ad-leaderboard", ".ad-rectangle", ".report-image"],
  outlet: "Albayane",
  date: "4 octobre 2020",
  title: "Maroc-USA : une feuille de route militaire pour la décennie 2020-2030",
  firstParagraph: "Le Maroc et les États-Unis ont signé, samedi à Rabat",
  lastParagraph: "Les responsables des deux pays se sont donné rendez-vous",
  paragraphs: 8, // text paragraphs (the image sits in its own <p>, as Readability does)
  source: "https://www.albayane.press.ma/maroc-usa-une-feuille-de-route-militaire-pour-la-decennie-2020-2030.html",
  citationMentions: ["Albayane", "2020"],
};

export function contentTodo(caseName) {
  const why = expectedOf(caseName).known_failure;
  return why ? `core not there yet (expected.json known_failure: ${why})` : false;
}

/** A free TCP port on 127.0.0.1 (for Chromium's --remote-debugging-port). */
export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Chromium flags for every suite: only our extension, CDP on `port` (Extensions.triggerAction), and no
 * background traffic (the machine has no network; the suites record every request).
 */
export const chromiumArgs = (ext, port) => [
  `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `--remote-debugging-port=${port}`,
  "--lang=en-US", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

/**
 * Headless Chromium with the production extension (dist/chrome) in a fresh profile, driven by
 * Playwright as the e2e suites do, and a browser-level CDP session: Extensions.triggerAction needs one
 * (kept open: closing it early lost actions). `options` go to launchPersistentContext, `extraArgs` after
 * chromiumArgs. Returns { ctx, sw, extId, cdp, clickAction(page), close() }.
 */
export async function launchChromium(name, options = {}, extraArgs = []) {
  const { chromium } = await import("playwright-core");
  const port = await freePort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `lisible-${name}-`));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, locale: "en-US",
    ...options, args: [...chromiumArgs(path.join(DIST, "chrome"), port), ...extraArgs],
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  const extId = new URL(sw.url()).host;
  const cdpBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await cdpBrowser.newBrowserCDPSession();
  /** The real toolbar action (same path as a click: action.onClicked with the activeTab grant). */
  const clickAction = async (page) => {
    const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send("Extensions.triggerAction", { id: extId, targetId: tab.targetId });
  };
  const close = async () => {
    await cdpBrowser.close().catch(() => {});
    await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { ctx, sw, extId, cdp, clickAction, close };
}

/**
 * Presses Escape in the reader (which has focus) and waits for the reader frame to be gone. Real input
 * (CDP Input.dispatchKeyEvent, what Playwright's keyboard sends), but the key down is not awaited:
 * the key removes the focused out-of-process frame, and Chromium can drop the input ack of an event
 * whose frame it has just destroyed, so the DevTools call never returns (page.keyboard.press hung
 * 3 times in 40 runs, keyboard.down once in 60). The key up follows once the reader is gone, as a
 * person's does, and goes to the page.
 */
export async function escapeClosesReader(ctx, page) {
  const session = await ctx.newCDPSession(page);
  const key = { key: "Escape", code: "Escape", windowsVirtualKeyCode: 27, nativeVirtualKeyCode: 27 };
  session.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...key }).catch(() => {});
  try {
    await page.waitForSelector("iframe[data-lisible-ui]", { state: "detached", timeout: 10_000 });
    await session.send("Input.dispatchKeyEvent", { type: "keyUp", ...key });
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Serves generated pages (`{path, html}`) on 127.0.0.1 for the benches; resolves to {base, close}. */
export async function servePages(list) {
  const byPath = new Map(list.map((p) => [p.path, p]));
  const server = http.createServer((req, res) => {
    const p = byPath.get(new URL(req.url, "http://x").pathname);
    res.writeHead(p ? 200 : 404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(p ? p.html : "not found");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** A page size for the bench tables: "11.8 KB", "2.6 MB". */
export const sizeLabel = (bytes) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

/**
 * Headless Chromium with our extension, driven over a bare CDP pipe (--remote-debugging-pipe) with no
 * automation layer. Playwright auto-attaches to every new frame and holds its navigation until it has
 * instrumented it (Target.setAutoAttach with waitForDebuggerOnStart): an out-of-process frame such as the
 * reader then commits ~60 ms late, a delay no user sees. Timing benches use this instead.
 * Returns { send(method, params, sessionId), openTab(), extId, close() }.
 */
export async function launchBareChromium(ext) {
  const { spawn } = await import("node:child_process");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lisible-bare-"));
  const args = chromiumArgs(ext, 0).filter((a) => !a.startsWith("--remote-debugging-port"));
  const proc = spawn(process.env.CHROMIUM ?? "/usr/bin/chromium",
    [...args, "--headless", "--remote-debugging-pipe", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
  const [, , , input, output] = proc.stdio;
  let id = 0;
  let buffer = "";
  const pending = new Map();
  const listeners = new Set();
  output.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    let end;
    while ((end = buffer.indexOf("\0")) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const p = pending.get(msg.id);
      if (p) {
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
      } else for (const fn of listeners) fn(msg);
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const msg = { id: ++id, method, params, ...(sessionId ? { sessionId } : {}) };
    pending.set(msg.id, { resolve, reject, method });
    input.write(`${JSON.stringify(msg)}\0`);
  });
  const waitFor = async (what, timeout = 30_000) => {
    const t0 = Date.now();
    for (;;) {
      const got = await what();
      if (got) return got;
      if (Date.now() - t0 > timeout) throw new Error("bare Chromium: timed out");
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const sw = await waitFor(async () => (await send("Target.getTargets")).targetInfos
    .find((t) => t.type === "service_worker" && t.url.startsWith("chrome-extension://")));
  const close = async () => {
    await send("Browser.close").catch(() => {});
    await new Promise((r) => (proc.exitCode !== null ? r() : proc.once("exit", r)));
    fs.rmSync(profile, { recursive: true, force: true });
  };
  const extId = new URL(sw.url).host;
  const evaluate = async (sessionId, expression) => {
    const { result, exceptionDetails } = await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, sessionId);
    if (exceptionDetails) throw new Error(`${expression.slice(0, 60)}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  const seenReaders = new Set();
  /**
   * A tab: goto(url) (resolves on the load event), evaluate(expression) in the page, clickAction() (the
   * real toolbar action), reader() (this click's reader frame, attached once it exists: ask it with
   * evaluate(expression) and until(dataAttribute) while it runs; detach() when done).
   */
  const openTab = async () => {
    const { targetId } = await send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
    await send("Page.enable", {}, sessionId);
    let loads = 0;
    listeners.add((m) => { if (m.method === "Page.loadEventFired" && m.sessionId === sessionId) loads++; });
    let url = "about:blank";
    return {
      goto: async (to, timeout = 120_000) => {
        const before = loads;
        await send("Page.navigate", { url: to }, sessionId);
        url = to;
        await waitFor(() => loads > before, timeout);
      },
      evaluate: (expression) => evaluate(sessionId, expression),
      clickAction: async () => {
        const tab = (await send("Target.getTargets", { filter: [{ type: "tab" }] })).targetInfos.find((t) => t.url === url);
        if (!tab) throw new Error(`no tab target for ${url}`);
        await send("Extensions.triggerAction", { id: extId, targetId: tab.targetId });
      },
      reader: async (timeout = 60_000) => {
        const frame = await waitFor(async () => (await send("Target.getTargets")).targetInfos
          .find((t) => t.type === "iframe" && t.url.includes("/reader/reader.html") && !seenReaders.has(t.targetId)), timeout);
        seenReaders.add(frame.targetId);
        const { sessionId: fs } = await send("Target.attachToTarget", { targetId: frame.targetId, flatten: true });
        return {
          evaluate: (expression) => evaluate(fs, expression),
          // Attached while the frame may still be on its initial empty document: retried until the reader's.
          until: (name) => waitFor(() => evaluate(fs, `document.documentElement?.dataset.${name} != null`).catch(() => false), timeout),
          detach: () => send("Target.detachFromTarget", { sessionId: fs }).catch(() => {}),
        };
      },
    };
  };
  return { send, openTab, extId, close };
}
