// The reader view: an extension page framed over the article's tab by content.js. It asks the
// background for its tab's analysis (page scripts cannot), shows it, and formats citations with
// the Rust core (wasm) on "Copy citation".
import init, { cite } from "../pkg/lisible.js";
import { api } from "../api.js";
import { MSG } from "../messages.js";
import { mountCitePanel } from "./cite-panel.js";

const $ = (id) => document.getElementById(id);
const t = (name, ...subs) => api.i18n.getMessage(name, subs) || name;

// UI language (toolbar, messages) follows the browser; the article keeps its own lang/dir.
const uiLang = api.i18n.getUILanguage();
document.documentElement.lang = uiLang;
document.documentElement.dir = t("@@bidi_dir") === "rtl" ? "rtl" : "ltr";
$("style-label").textContent = t("citationStyle");
$("copy").textContent = t("copyCitation");
$("close").title = t("close");
$("close").setAttribute("aria-label", t("close"));
$("loading").textContent = t("loading");

const close = () => api.runtime.sendMessage({ type: MSG.CLOSE }).catch(() => {});
$("close").addEventListener("click", close);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") close();
});

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

/** The citation locale: the user's language when the core has it, else English. */
const citeLocale = ["fr", "en", "ar"].find((l) => uiLang.toLowerCase().startsWith(l)) ?? "en";

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Writes text/html + text/plain; falls back to a copy event, then to plain text. */
async function writeClipboard(html, text) {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    return "clipboard.write";
  } catch {
    // Older engines or a denied permission: the copy event still carries both flavours.
  }
  let done = false;
  const onCopy = (e) => {
    e.clipboardData.setData("text/html", html);
    e.clipboardData.setData("text/plain", text);
    e.preventDefault();
    done = true;
  };
  document.addEventListener("copy", onCopy);
  try {
    document.execCommand("copy");
  } finally {
    document.removeEventListener("copy", onCopy);
  }
  if (done) return "execCommand";
  await navigator.clipboard.writeText(text);
  return "writeText";
}

function show(data) {
  $("loading").hidden = true;
  $("lisible-analysis").textContent = JSON.stringify(data);
  const article = data?.analysis?.article;
  if (!article) {
    $("no-article").textContent = t("noArticle");
    $("no-article").hidden = false;
    return;
  }
  const el = $("article");
  if (article.lang) el.lang = article.lang;
  if (article.dir) el.dir = article.dir;
  document.title = article.title ?? "Lisible";
  $("outlet").textContent = article.outlet ?? article.site_name ?? "";
  $("title").textContent = article.title ?? "";
  if (article.authors?.length) $("authors").textContent = t("by", article.authors.join(", "));
  const date = formatDate(article.published, article.lang ?? uiLang);
  if (date) {
    $("date").textContent = date;
    $("date").dateTime = article.published;
  }
  if (article.reading_minutes) $("minutes").textContent = `· ${t("minutes", String(article.reading_minutes))}`;
  // content_html comes from the core's allow-list serializer; it is only ever set here, in the
  // extension page (never in the web page), whose CSP forbids inline scripts anyway.
  const parsed = new DOMParser().parseFromString(article.content_html, "text/html"); // inert: no script runs
  $("content").replaceChildren(...parsed.body.childNodes);
  const source = article.source_url ?? article.url ?? data.pageUrl;
  if (source) {
    $("source").href = source;
    $("source").textContent = t("source");
  }
  el.hidden = false;

  const wasm = init();
  mountCitePanel($("cite-panel"), article, { cite, ready: wasm, i18n: t, storage: api.storage, pageUrl: data.pageUrl });
  $("copy").disabled = false;
  $("copy").addEventListener("click", async () => {
    $("status").textContent = "";
    try {
      await wasm;
      const c = cite(article, $("style").value, citeLocale, today());
      const how = await writeClipboard(c.html, c.text);
      $("status").textContent = t("copied");
      $("status").dataset.method = how;
    } catch (e) {
      $("status").textContent = `${t("copyFailed")}: ${e?.message ?? e}`;
    }
  });
}

api.runtime.sendMessage({ type: MSG.GET_ARTICLE }).then(
  (r) => r?.ok ? r.value : null,
  () => null,
).then((data) => {
  show(data);
  // Click to reader shown, for the figures (e2e tests read it; Firefox rounds timers by default).
  if (data?.clickedAt) {
    const ms = performance.timeOrigin + performance.now() - data.clickedAt;
    document.documentElement.dataset.clickToReaderMs = ms.toFixed(1);
  }
});
