// The reader view: an extension page framed over the article's tab by content.js. It asks the
// background for its tab's analysis (page scripts cannot), shows it with the user's typography
// settings (storage.sync), and offers citation, Markdown export, print and read aloud. No network:
// everything here is local (the article's own images are the only thing the page content loads).
import { api } from "../api.js";
import { MSG } from "../messages.js";
import { FONT_SIZES, loadSettings, saveSettings, onSettingsChanged, normalize } from "./settings.js";

// The article first: asked for by ask.js (before this module graph loaded; here if it did not run),
// the background answers as soon as the content script has put it (it frames this page before
// analysing, so this usually waits a little).
const readerStart = performance.now();
const handedOver = (globalThis.lisibleArticle ?? api.runtime.sendMessage({ type: MSG.GET_ARTICLE }))
  .then((r) => (r?.ok ? r.value : null), () => null);

// Off the paint path: the citation formatter (its own wasm module, pkg/lisible_cite, which the
// content script never loads) and the Markdown converter are loaded on first use, after the paint.
let citeModule = null;
const core = () => (citeModule ??= (async () => {
  const t0 = performance.now();
  const m = await import("../pkg/lisible_cite.js");
  await m.default();
  // Its cost, for the figures (README): import of the glue + fetch, compile and instantiate of the wasm.
  root.dataset.citeLoadMs = (performance.now() - t0).toFixed(1);
  return m;
})());

const $ = (id) => document.getElementById(id);
const t = (name, ...subs) => api.i18n.getMessage(name, subs) || name;
const root = document.documentElement;

// ---------------------------------------------------------------- settings, first (no flash)
// The last applied settings are cached in this extension origin's localStorage (synchronous), so
// the first paint already has the user's theme; storage.sync stays the source of truth.
const CACHE = "lisible:settings";
let settings = normalize((() => {
  try {
    return JSON.parse(localStorage.getItem(CACHE) ?? "{}");
  } catch {
    return {};
  }
})());

function applySettings(s) {
  settings = s;
  root.dataset.theme = s.theme;
  root.dataset.font = s.fontFamily;
  root.style.setProperty("--size", `${FONT_SIZES[s.fontSize]}px`);
  root.style.setProperty("--lh", String(s.lineHeight));
  root.style.setProperty("--width", `${s.contentWidth}em`);
  if (document.readyState !== "loading") requestAnimationFrame(markScrollables);
  for (const r of document.querySelectorAll('input[name="theme"]')) r.checked = r.value === s.theme;
  for (const r of document.querySelectorAll('input[name="font"]')) r.checked = r.value === s.fontFamily;
  $("size").value = String(s.fontSize);
  $("size-value").textContent = `${FONT_SIZES[s.fontSize]} px`;
  $("line-height").value = String(s.lineHeight);
  $("line-height-value").textContent = s.lineHeight.toFixed(1);
  $("width").value = String(s.contentWidth);
  $("width-value").textContent = `${s.contentWidth} em`;
  $("smaller").disabled = s.fontSize <= 0;
  $("larger").disabled = s.fontSize >= FONT_SIZES.length - 1;
  try {
    localStorage.setItem(CACHE, JSON.stringify(s));
  } catch {
    // storage full or disabled: the cache is only an optimisation
  }
}

function change(partial) {
  const next = normalize({ ...settings, ...partial });
  applySettings(next);
  saveSettings(partial).catch(() => {});
}
applySettings(settings);
const settingsLoaded = loadSettings().then(applySettings);
onSettingsChanged(applySettings);

// ---------------------------------------------------------------- UI language
// UI strings follow the browser's language; the article keeps its own lang/dir.
const uiLang = api.i18n.getUILanguage();
const uiDir = t("@@bidi_dir") === "rtl" ? "rtl" : "ltr";
root.lang = uiLang;
root.dir = uiDir;
for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
for (const el of document.querySelectorAll("[data-i18n-title]")) {
  el.title = t(el.dataset.i18nTitle);
  el.setAttribute("aria-label", t(el.dataset.i18nTitle));
}

// ---------------------------------------------------------------- toolbar
const close = () => {
  speechStop();
  api.runtime.sendMessage({ type: MSG.CLOSE }).catch(() => {});
};
$("close").addEventListener("click", close);
$("smaller").addEventListener("click", () => change({ fontSize: settings.fontSize - 1 }));
$("larger").addEventListener("click", () => change({ fontSize: settings.fontSize + 1 }));
$("settings-toggle").addEventListener("click", () => {
  const open = $("settings").hidden;
  $("settings").hidden = !open;
  $("settings-toggle").setAttribute("aria-expanded", String(open));
  if (open) document.querySelector('input[name="theme"]:checked')?.focus();
});
for (const r of document.querySelectorAll('input[name="theme"]')) r.addEventListener("change", () => change({ theme: r.value }));
for (const r of document.querySelectorAll('input[name="font"]')) r.addEventListener("change", () => change({ fontFamily: r.value }));
$("size").addEventListener("input", () => change({ fontSize: Number($("size").value) }));
$("line-height").addEventListener("input", () => change({ lineHeight: Number($("line-height").value) }));
$("width").addEventListener("input", () => change({ contentWidth: Number($("width").value) }));
$("print").addEventListener("click", () => window.print());

const typing = (el) => el && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) && el.type !== "radio";
document.addEventListener("keydown", (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === "Escape") {
    if (!$("settings").hidden) {
      $("settings").hidden = true;
      $("settings-toggle").setAttribute("aria-expanded", "false");
      $("settings-toggle").focus();
      return;
    }
    close();
  } else if ((e.key === "+" || e.key === "=") && !typing(e.target)) {
    e.preventDefault();
    change({ fontSize: settings.fontSize + 1 });
  } else if ((e.key === "-" || e.key === "_") && !typing(e.target)) {
    e.preventDefault();
    change({ fontSize: settings.fontSize - 1 });
  }
});

// ---------------------------------------------------------------- header helpers
/** "2020-10-04" or "2020-10-04T08:30:00+01:00" in the article's language: "4 octobre 2020". */
export function formatDate(iso, lang) {
  // The calendar date as the page gave it (no time-zone shift of a date-time).
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Bare "en": day-month-year, the order of most English-speaking countries (en-US writes month first).
  const locale = /^en$/i.test(lang ?? "") ? "en-GB" : lang || undefined;
  const opts = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
  try {
    return new Intl.DateTimeFormat(locale, opts).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, opts).format(date); // malformed lang tag from the page
  }
}

/** Same name written differently ("Le Monde" / "LE MONDE", "Hespress" / "hespress.com")? */
function sameName(a, b) {
  const norm = (s) => s.toLocaleLowerCase().replace(/^www\./, "").replace(/\.[a-z]{2,}$/, "").replace(/[\s\p{P}]+/gu, "");
  return norm(a) === norm(b);
}

/**
 * Right to left when the core says so, when the language is written rtl, or when most letters of
 * the text are rtl letters: a page whose <html dir> is wrong (maghress-ar with dir="ltr") still reads rtl.
 */
export function isRtl(article) {
  if (article.dir === "rtl" || /^(ar|he|iw|fa|ur|ps|yi|ckb|dv|sd|ug)\b/i.test(article.lang ?? "")) return true;
  const sample = (article.text ?? "").slice(0, 4000);
  const rtl = sample.match(/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g)?.length ?? 0;
  const ltr = sample.match(/[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g)?.length ?? 0;
  return rtl > ltr;
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// ---------------------------------------------------------------- citation
/**
 * The citation panel (extension/reader/cite-panel.js, docs/cite-panel.md) in #cite-panel when the
 * extension ships it; the quick copy below works either way. Mounted after the first paint, and
 * the citation wasm with it: neither is on the paint path.
 */
function mountCitePanel(article, data) {
  import("./cite-panel.js").then((m) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = "cite-panel.css";
    document.head.append(link);
    let mod = null;
    const ready = core().then((x) => (mod = x)); // mounted after the first paint (see the end of this file)
    m.mountCitePanel($("cite-panel"), article, {
      cite: (...args) => mod.cite(...args), ready, i18n: t, storage: api.storage, pageUrl: data.pageUrl,
    });
  }, () => {
    $("cite-panel").hidden = true; // not in this build
  });
}

function mountCitation(article, pageUrl) {
  // The citation wasm is compiled on first use (or by the panel, after the paint).
  settingsLoaded.then(() => ($("style").value = settings.citeStyle));
  $("copy").disabled = false;
  $("copy").addEventListener("click", async () => {
    $("status").textContent = "";
    try {
      const { cite } = await core();
      // The options page's locale, else the user's language when the core has it, else English.
      const chosen = settings.citeLocale === "auto" ? "" : settings.citeLocale;
      // Quick copy, unchanged from the first reader: the user's language when the core has it, else English.
      const locale = chosen || (["fr", "en", "ar"].find((l) => uiLang.toLowerCase().startsWith(l)) ?? "en");
      // One rich-copy path for the quick copy and the panel (cite-panel.js), and the fields the user
      // fixed in the panel for this page (remembered in storage.local) apply here too.
      const { writeClipboard, applyFixes, FIXES_PREFIX } = await import("./cite-panel.js");
      const key = FIXES_PREFIX + (pageUrl || article.url || "");
      const saved = (await api.storage.local.get(key).catch(() => ({})))[key];
      const c = cite(applyFixes(article, saved?.fixes), $("style").value, locale, today());
      const how = await writeClipboard(c.html, c.text);
      $("status").textContent = t("copied");
      $("status").dataset.method = how;
    } catch (e) {
      $("status").textContent = `${t("copyFailed")}: ${e?.message ?? e}`;
    }
  });
}

// ---------------------------------------------------------------- read aloud (local voices only)
let speaking = false;
function speechStop() {
  if (!speaking) return;
  speaking = false;
  globalThis.speechSynthesis?.cancel();
  $("speak").setAttribute("aria-pressed", "false");
  document.querySelector(".speaking")?.classList.remove("speaking");
}

/** A voice on this device (voice.localService) for the article's language; never a network voice. */
export function localVoice(voices, lang) {
  const base = (lang ?? "").toLowerCase().split("-")[0];
  const local = voices.filter((v) => v.localService);
  return local.find((v) => v.lang.toLowerCase() === (lang ?? "").toLowerCase())
    ?? local.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base) ?? null;
}

function mountSpeech(article) {
  const synth = globalThis.speechSynthesis;
  $("speak").addEventListener("click", () => {
    if (speaking) return speechStop();
    const voice = synth && localVoice(synth.getVoices(), article.lang ?? uiLang);
    if (!voice) {
      $("status").textContent = t("noLocalVoice");
      return;
    }
    const blocks = [$("title"), ...$("content").querySelectorAll("p, h2, h3, h4, h5, h6, li, blockquote, figcaption, td, th, dd, dt")]
      .filter((b) => !b.querySelector("p, li, blockquote") && b.textContent.trim());
    speaking = true;
    $("speak").setAttribute("aria-pressed", "true");
    blocks.forEach((block, i) => {
      const u = new SpeechSynthesisUtterance(block.textContent.trim());
      u.voice = voice;
      u.lang = voice.lang;
      u.onstart = () => {
        document.querySelector(".speaking")?.classList.remove("speaking");
        block.classList.add("speaking");
      };
      if (i === blocks.length - 1) u.onend = speechStop;
      synth.speak(u);
    });
  });
}

// ---------------------------------------------------------------- Markdown export
function mountMarkdown(article, data) {
  $("markdown").addEventListener("click", async () => {
    const { toMarkdown, markdownFileName } = await import("./markdown.js");
    const md = toMarkdown(article, $("content"), {
      date: $("date").textContent,
      source: $("source").href || data.pageUrl || "",
    });
    // A blob: URL of this extension page: the download never touches the network.
    const url = URL.createObjectURL(new Blob([md], { type: "text/markdown;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = markdownFileName(article);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    $("status").textContent = t("markdownSaved");
    $("status").dataset.markdown = md.length;
  });
}

// ---------------------------------------------------------------- the article
function markScrollables() {
  for (const box of $("content").querySelectorAll("table, pre")) {
    if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
    else box.removeAttribute("tabindex");
  }
}
window.addEventListener("resize", () => requestAnimationFrame(markScrollables));

const BIDI_BLOCKS = "p, li, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, td, th, caption";

function show(data) {
  $("loading").hidden = true;
  const article = data?.analysis?.article;
  for (const id of ["speak", "markdown", "print"]) $(id).disabled = !article;
  if (!article) {
    $("no-article").textContent = t("noArticle");
    $("no-article").hidden = false;
    return;
  }
  const el = $("article");
  if (article.lang) el.lang = article.lang;
  // An rtl article lays out rtl whatever the page said: header, body and the controls mirrored.
  const rtl = isRtl(article);
  el.dir = rtl ? "rtl" : article.dir === "ltr" ? "ltr" : "auto";
  if (rtl) root.dir = "rtl";
  // Strings in the UI's language (reading time, "via", the source link, the citation panel) keep
  // the UI's direction inside an article of the other direction (isolated: dir on each element).
  for (const id of ["via", "minutes", "source", "cite-panel"]) {
    $(id).dir = uiDir;
    $(id).lang = uiLang;
  }
  document.title = article.title ?? "Lisible";
  const outlet = article.outlet ?? article.site_name ?? "";
  $("outlet").textContent = outlet;
  if (article.outlet && article.site_name && !sameName(article.outlet, article.site_name)) {
    $("via").textContent = t("via", article.site_name);
  }
  $("title").textContent = article.title ?? "";
  if (article.authors?.length) $("authors").textContent = t("by", article.authors.join(", "));
  const date = formatDate(article.published, article.lang ?? uiLang);
  if (date) {
    $("date").textContent = date;
    $("date").dateTime = article.published;
  }
  if (article.reading_minutes) {
    $("minutes").textContent = t("minutes", new Intl.NumberFormat(uiLang).format(article.reading_minutes));
  }
  // content_html comes from the core's allow-list serializer; it is only ever set here, in the
  // extension page (never in the web page), whose CSP forbids inline scripts anyway.
  const parsed = new DOMParser().parseFromString(article.content_html, "text/html"); // inert: no script runs
  // Blocks the core left without a dir (same script as their parent) take the direction of their
  // first strong letter: a French quote in an Arabic article reads ltr. dir=auto, not CSS
  // unicode-bidi: plaintext, which Chromium lays out in quadratic time on a long paragraph (1 MB:
  // 10 s; a 10 MB text node took 73 s to paint; tests/e2e/responsive.mjs).
  for (const b of parsed.body.querySelectorAll(BIDI_BLOCKS)) if (!b.hasAttribute("dir")) b.dir = "auto";
  $("content").replaceChildren(...parsed.body.childNodes);
  // Wide tables and code scroll in their own box instead of widening the column (CSS: overflow-x);
  // a box that does scroll gets keyboard focus so that it can be scrolled without a mouse.
  requestAnimationFrame(markScrollables);
  const source = article.source_url ?? article.url ?? data.pageUrl;
  if (source) {
    $("source").href = source;
    let host = "";
    try {
      host = new URL(source).hostname.replace(/^www\./, "");
    } catch {
      // not a URL the browser parses: the link text alone
    }
    $("source").textContent = host ? t("sourceAt", host) : t("source");
  }
  el.hidden = false;
  mountCitation(article, data.pageUrl);
  mountSpeech(article);
  mountMarkdown(article, data);
}

/** Runs `fn` after the next paint: a task queued from the animation frame that precedes it. */
function afterPaint(fn) {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = fn;
    ch.port2.postMessage(null);
  });
}

handedOver.then((data) => {
  const receivedAt = performance.now();
  show(data);
  // "Painted": the rendering update that follows show() (header and body in the DOM) has run, i.e.
  // the frame with the title and the first paragraph was painted; timed against the click (the
  // background's action handler, epoch ms; Firefox rounds timers by default).
  afterPaint(() => {
    const painted = performance.now();
    if (data?.clickedAt) {
      root.dataset.clickToReaderMs = (performance.timeOrigin + painted - data.clickedAt).toFixed(1);
    }
    // The reader's own share: this document's start (frame navigation) to the article painted.
    root.dataset.readerMs = painted.toFixed(1);
    // What that paint showed (layout is clean here): the title and the first paragraph, on screen.
    const first = $("content").querySelector("p");
    const onScreen = (e) => !!e && e.getClientRects().length > 0 && e.getBoundingClientRect().top < innerHeight;
    const nav = performance.getEntriesByType("navigation")[0];
    root.dataset.readerSteps = JSON.stringify({
      origin: +performance.timeOrigin.toFixed(1), html: +(nav?.responseEnd ?? 0).toFixed(1),
      interactive: +(nav?.domInteractive ?? 0).toFixed(1),
      asked: +(globalThis.lisibleAsked ?? readerStart).toFixed(1), module: +readerStart.toFixed(1), article: +receivedAt.toFixed(1),
      painted: +painted.toFixed(1), title: onScreen($("title")), firstParagraph: onScreen(first),
    });
    // After the paint: the data handed over (read by the e2e parity tests) and the citation panel.
    $("lisible-analysis").textContent = JSON.stringify(data);
    if (data?.analysis?.article) mountCitePanel(data.analysis.article, data);
    root.dataset.ready = "";
  });
});
