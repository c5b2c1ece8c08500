// Background: Chrome module service worker / Firefox event page (background.scripts, type module).
// Toolbar action or shortcut -> inject content.js in the tab (activeTab grant) -> stylesheet.
// Keeps each tab's article for its reader page, and runs the Rust analysis on a DOM snapshot for
// pages whose CSP forbids WebAssembly in content scripts (Chromium).
// Static import only: dynamic import() is not allowed in service workers.
import init, { analyzeSnapshot } from "./pkg/lisible.js";
import { api } from "./api.js";
import { MSG, HIDE_CSS, originPattern } from "./messages.js";

let wasmReady; // instantiated on first use, not at every service-worker start
const ensureWasm = () => (wasmReady ??= init()); // the glue finds lisible_bg.wasm via import.meta.url

/** Per-tab article for the reader page; mirrored to storage.session (the service worker may be stopped). */
const articles = new Map();
/** Analyses made here for a content script's reader (big pages, strict CSPs), until its PUT_ARTICLE. */
const analysed = new Map();
/** When the action was last clicked in each tab (epoch ms), for the reader's click-to-reader time. */
const clicks = new Map();
const epochNow = () => performance.timeOrigin + performance.now();
const key = (tabId) => `tab:${tabId}`;

async function putArticle(tabId, data) {
  articles.set(tabId, data);
  // The mirror is best effort: a huge article can pass storage.session's quota (10 MB in Chromium);
  // the reader then reads it from memory (it asks right away, while the worker is alive).
  await api.storage.session.set({ [key(tabId)]: data }).catch((e) => console.warn("lisible: article not mirrored:", String(e)));
}

async function getArticle(tabId) {
  if (articles.has(tabId)) return articles.get(tabId);
  const got = (await api.storage.session.get(key(tabId)))[key(tabId)] ?? null;
  // Back in memory (service worker restarted), unless it was put or forgotten meanwhile.
  if (got && !articles.has(tabId)) articles.set(tabId, got);
  return articles.get(tabId) ?? null;
}

async function forget(tabId) {
  articles.delete(tabId);
  analysed.delete(tabId);
  settle(tabId);
  await api.storage.session.remove(key(tabId));
}

/**
 * Articles on their way: the content script frames the reader before it analyses the page, so the
 * reader usually asks before the article is put. From the click until the content script puts the
 * article (or gives up), such a request waits instead of getting null.
 */
const expected = new Map(); // tabId -> { promise, resolve }
function expect(tabId) {
  if (expected.has(tabId)) return;
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  const entry = { promise, resolve };
  expected.set(tabId, entry);
  setTimeout(() => settle(tabId, entry), 60_000); // a content script that never answers (this click's only)
}
function settle(tabId, entry = expected.get(tabId)) {
  if (!entry || expected.get(tabId) !== entry) return;
  entry.resolve();
  expected.delete(tabId);
}

/**
 * The article for a reader frame. The first reader frame that asks after the click claims it; any
 * other reader frame in the tab (a copy a page script framed itself) gets nothing.
 */
async function claim(tabId, frameId) {
  // After a click, wait for this click's article: the one in memory may be a navigated-away page's.
  await expected.get(tabId)?.promise;
  if (!articles.has(tabId)) await getArticle(tabId); // from storage.session after a restart
  // From here on synchronous on the map (no await between the read and the claim): of two frames
  // waiting for the same article, the first one to resume wins.
  const data = articles.get(tabId) ?? null;
  if (!data) return null;
  if (data.readerFrameId == null) {
    const claimed = { ...data, readerFrameId: frameId };
    articles.set(tabId, claimed);
    api.storage.session.set({ [key(tabId)]: claimed }).catch(() => {});
    return claimed;
  }
  return data.readerFrameId === frameId ? data : null;
}

const cssTarget = (tabId) => ({ target: { tabId }, css: HIDE_CSS, origin: "USER" });

/**
 * Injects the content script, which toggles the reader (it is idempotent: a second run closes).
 * Retries once: right after a click, onClicked can fire before the activeTab grant has landed
 * ("Cannot access contents of the page"), seen in about 1 run in 10 in Chromium.
 */
async function toggle(tabId, mode = "reader") {
  clicks.set(tabId, epochNow());
  if (mode === "reader") expect(tabId);
  const inject = async () => {
    // "clean": hide the clutter in place, no reader (content.js reads and clears the flag).
    if (mode === "clean") await api.scripting.executeScript({ target: { tabId }, func: () => { globalThis.__lisibleMode = "clean"; } });
    return api.scripting.executeScript({ target: { tabId }, files: ["snapshot.js", "content.js"] });
  };
  let results;
  try {
    try {
      results = await inject();
    } catch (e) {
      await new Promise((r) => setTimeout(r, 150));
      results = await inject();
    }
  } catch (e) {
    settle(tabId);
    throw e;
  }
  const state = results?.find((r) => r.frameId === 0 || r.frameId === undefined)?.result ?? results?.[0]?.result;
  if (!state?.on || state.mode === "clean") settle(tabId); // closed, failed or no reader: nothing is coming
  if (state?.on) await api.scripting.insertCSS(cssTarget(tabId));
  return state;
}

api.action.onClicked.addListener((tab) => {
  toggle(tab.id).catch((e) => console.error("lisible: toggle failed:", String(e), e?.stack ?? ""));
});

// Context menu (page and link-less clicks) and the in-page clean command; both grant activeTab.
const MENU = { open: "lisible-open-reader", clean: "lisible-clean-page" };
api.runtime.onInstalled.addListener(async () => {
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: MENU.open, title: api.i18n.getMessage("menuOpenReader"), contexts: ["page", "selection"] });
  api.contextMenus.create({ id: MENU.clean, title: api.i18n.getMessage("menuCleanPage"), contexts: ["page", "selection"] });
});
api.contextMenus.onClicked.addListener((info, tab) => {
  const mode = info.menuItemId === MENU.clean ? "clean" : info.menuItemId === MENU.open ? "reader" : null;
  if (mode && tab?.id >= 0) toggle(tab.id, mode).catch((e) => console.error("lisible: menu failed:", String(e)));
});
api.commands.onCommand.addListener((command, tab) => {
  if (command !== "clean-page") return;
  const run = (id) => toggle(id, "clean").catch((e) => console.error("lisible: clean failed:", String(e)));
  if (tab?.id >= 0) run(tab.id);
  else api.tabs.query({ active: true, currentWindow: true }).then(([t]) => t && run(t.id));
});

// "Clean these sites automatically" (options page): only origins the user granted (optional host
// permission, asked on the options page); the page is cleaned in place once loaded.
api.tabs.onUpdated.addListener(async (tabId, change, tab) => {
  if (change.status !== "complete" || !tab.url || !/^https?:/.test(tab.url)) return;
  const origin = new URL(tab.url).origin;
  const { autoCleanSites } = await api.storage.sync.get("autoCleanSites");
  if (!Array.isArray(autoCleanSites) || !autoCleanSites.includes(origin)) return;
  if (!(await api.permissions.contains({ origins: [originPattern(origin)] }))) return;
  toggle(tabId, "clean").catch((e) => console.error("lisible: auto clean failed:", String(e)));
});

api.tabs.onRemoved.addListener((tabId) => {
  clicks.delete(tabId);
  forget(tabId).catch(() => {});
});

/** Messages from our own content script (top frame of a tab). */
const fromContent = (sender) => sender.id === api.runtime.id && sender.tab && sender.frameId === 0;

/** Messages from our reader page (an extension page framed in a tab). Page scripts cannot send to us at all. */
function fromReader(sender) {
  if (sender.id !== api.runtime.id || !sender.tab || !sender.url) return false;
  const url = new URL(sender.url);
  const ours = new URL(api.runtime.getURL("reader/reader.html"));
  return url.protocol === ours.protocol && url.pathname === ours.pathname;
}

async function handle(msg, sender) {
  switch (msg?.type) {
    case MSG.ANALYZE_SNAPSHOT: {
      if (!fromContent(sender)) return undefined;
      await ensureWasm();
      const analysis = analyzeSnapshot(msg.nodes, typeof msg.url === "string" ? msg.url : undefined);
      if (!msg.keep) return analysis;
      // For the reader: the article stays here for this tab's PUT_ARTICLE; the content script gets
      // only what it applies (a 10 MB article no longer crosses to the tab and back).
      analysed.set(sender.tab.id, analysis);
      return { article: null, hide: analysis.hide, error: analysis.error ?? null, kept: true };
    }
    case MSG.PUT_ARTICLE: {
      if (!fromContent(sender)) return undefined;
      const analysis = msg.analysis?.kept ? analysed.get(sender.tab.id) : msg.analysis;
      analysed.delete(sender.tab.id);
      const stored = putArticle(sender.tab.id, {
        analysis: analysis ?? { article: null, hide: [], error: "the analysis was lost (the background restarted)" },
        route: msg.route,
        timings: msg.timings,
        clickedAt: clicks.get(sender.tab.id) ?? null,
        pageUrl: sender.tab.url ?? sender.url ?? null,
      });
      settle(sender.tab.id); // the waiting reader gets it now, not after the storage write
      await stored;
      return true;
    }
    case MSG.GET_ARTICLE:
      if (!fromReader(sender)) return undefined;
      return claim(sender.tab.id, sender.frameId);
    case MSG.CLOSE: {
      if (!fromReader(sender)) return undefined;
      const data = await getArticle(sender.tab.id);
      if (data?.readerFrameId != null && data.readerFrameId !== sender.frameId) return undefined;
      await api.tabs.sendMessage(sender.tab.id, { type: MSG.CLOSE_PAGE }, { frameId: 0 });
      return true;
    }
    case MSG.CLOSED:
      if (!fromContent(sender)) return undefined;
      await forget(sender.tab.id);
      await api.scripting.removeCSS(cssTarget(sender.tab.id));
      return true;
    default:
      return undefined;
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!Object.values(MSG).includes(msg?.type)) return false;
  handle(msg, sender).then(
    (value) => sendResponse({ ok: true, value: value ?? null }),
    (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
  );
  return true; // async response
});

// For tests and debugging from the service worker console.
globalThis.lisible = { toggle, getArticle };
