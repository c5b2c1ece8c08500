// The citation panel of the reader view (issue 5, points 4 and 5): style and locale selectors, a
// live preview formatted by the Rust core (wasm `cite`), the metadata fields with where each came
// from (article.provenance), editable before copying. Fixes are remembered per page URL in
// storage.local (key `citeFixes:<url>`), the chosen style and locale in storage.sync (`citeStyle`,
// `citeLocale`; the options page reads the same keys). Copy puts text/html + text/plain on the
// clipboard; the exports (BibTeX, RIS, CSL-JSON) can also be downloaded.
//
//   mountCitePanel(container, article, { cite, ready, i18n, storage, pageUrl }) -> { copy, render, state }

/** The styles, in menu order: the same ids and labels as `cite::styles()` in src/cite/mod.rs. */
export const STYLES = [
  { id: "apa", label: "APA 7", export: false },
  { id: "mla", label: "MLA 9", export: false },
  { id: "chicago", label: "Chicago 17 (author-date)", export: false },
  { id: "chicago-notes", label: "Chicago 17 (notes and bibliography)", export: false },
  { id: "harvard", label: "Harvard (Cite Them Right)", export: false },
  { id: "iso690", label: "ISO 690", export: false },
  { id: "bibtex", label: "BibTeX (biblatex)", export: true, ext: "bib", mime: "application/x-bibtex" },
  { id: "ris", label: "RIS", export: true, ext: "ris", mime: "application/x-research-info-systems" },
  { id: "csl-json", label: "CSL-JSON", export: true, ext: "json", mime: "application/vnd.citationstyles.csl+json" },
];

/** The citation locales (`cite::locales()`), each labelled in its own language. */
export const LOCALES = [
  { id: "en-US", label: "English (US)" },
  { id: "fr-FR", label: "Français" },
  { id: "ar", label: "العربية" },
];

/** `citeLocale` value meaning "the article's language". */
export const AUTO = "auto";

/** The editable fields, in display order. `authors` is a list (one name per line). */
export const FIELDS = ["title", "authors", "outlet", "site_name", "published", "url", "source_url"];

export const FIXES_PREFIX = "citeFixes:";

/** Today in the user's time zone, YYYY-MM-DD (the local calendar date, not UTC's). */
export function localDate(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The citation locale for an article language ("fr-CA" -> "fr-FR", "ar-MA" -> "ar"); en-US otherwise. */
export function localeFor(lang) {
  const l = String(lang ?? "").toLowerCase();
  if (l === "fr" || l.startsWith("fr-")) return "fr-FR";
  if (l === "ar" || l.startsWith("ar-")) return "ar";
  return "en-US";
}

/** The article with the user's fixes applied ({field: value}; authors an array, "" = none). */
export function applyFixes(article, fixes) {
  const out = { ...article };
  for (const f of FIELDS) {
    if (!fixes || !Object.hasOwn(fixes, f)) continue;
    const v = fixes[f];
    if (f === "authors") out.authors = Array.isArray(v) ? v.filter((s) => typeof s === "string" && s.trim()).map((s) => s.trim()) : [];
    else out[f] = typeof v === "string" && v.trim() ? v.trim() : null;
  }
  return out;
}

/** The value of a field as the form shows it. */
function fieldText(article, f) {
  if (f === "authors") return (article.authors ?? []).join("\n");
  return article[f] ?? "";
}

/** The form value back to the article's shape. */
function fieldValue(f, text) {
  if (f === "authors") return text.split("\n").map((s) => s.trim()).filter(Boolean);
  return text.trim();
}

const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes text/html + text/plain. `navigator.clipboard.write` with a ClipboardItem first; else a copy
 * event through execCommand (carries both flavours too); else plain text. Returns the method used.
 */
export async function writeClipboard(html, text, doc = document, errors = []) {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    return "clipboard.write";
  } catch (e) {
    // No ClipboardItem (older engines) or a refused permission: try the copy event.
    errors.push(`clipboard.write: ${e?.message ?? e}`);
  }
  let done = false;
  const onCopy = (e) => {
    e.clipboardData.setData("text/html", html);
    e.clipboardData.setData("text/plain", text);
    e.preventDefault();
    done = true;
  };
  doc.addEventListener("copy", onCopy);
  try {
    doc.execCommand("copy");
  } catch {
    // execCommand may throw where it is disabled; writeText is the last resort.
  } finally {
    doc.removeEventListener("copy", onCopy);
  }
  if (done) return "execCommand";
  await navigator.clipboard.writeText(text);
  return "writeText";
}

/** Small DOM builder: h("div", {class: "x", dataset: {a: 1}}, child, "text"). */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === "dataset") Object.assign(el.dataset, v);
    else if (k in el && k !== "list") el[k] = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  el.append(...children.filter((c) => c != null));
  return el;
}

/** Sets an element's content from the core's citation HTML (only <i> and escaped text; parsed inertly). */
function setHtml(el, html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  el.replaceChildren(...parsed.body.childNodes);
}

/**
 * Mounts the panel in `container`.
 * - cite(article, style, locale, accessed): the wasm export (sync), usable once `ready` resolves.
 * - ready: a promise (the wasm init).
 * - i18n(name, ...subs): extension messages (`cite_*` keys).
 * - storage: the extension's `storage` (local + sync); optional (nothing remembered without it).
 * - pageUrl: the page the fixes belong to (defaults to article.url).
 */
export function mountCitePanel(container, article, { cite, ready = Promise.resolve(), i18n, storage = null, pageUrl = null, now = () => new Date() }) {
  const t = (name, ...subs) => i18n(name, ...subs) || name;
  const fixesKey = FIXES_PREFIX + (pageUrl || article.url || "");
  const state = { style: STYLES[0].id, locale: AUTO, fixes: {}, last: null, ready: false };
  const styleInfo = () => STYLES.find((s) => s.id === state.style) ?? STYLES[0];
  const effectiveLocale = () => (state.locale === AUTO ? localeFor(article.lang) : state.locale);

  // ---- skeleton
  container.classList.add("cite-panel");
  const styleSel = h("select", { id: "cite-style" }, ...STYLES.map((s) => h("option", { value: s.id }, s.label)));
  const autoOpt = h("option", { value: AUTO });
  const localeSel = h("select", { id: "cite-locale" }, autoOpt, ...LOCALES.map((l) => h("option", { value: l.id, lang: l.id }, l.label)));
  const preview = h("div", { id: "cite-preview", className: "cite-preview", "aria-live": "polite" });
  const status = h("span", { id: "cite-status", className: "cite-status", role: "status", "aria-live": "polite" });
  const reset = h("button", { type: "button", id: "cite-reset", className: "cite-reset", hidden: true }, t("cite_reset"));
  const fieldsList = h("dl", { id: "cite-fields", className: "cite-fields" });
  const inputs = {};
  const notes = {};
  for (const f of FIELDS) {
    const id = `cite-field-${f}`;
    const input = f === "authors"
      ? h("textarea", { id, rows: 2, dir: "auto", spellcheck: false })
      : h("input", { id, type: f === "url" || f === "source_url" ? "url" : "text", dir: "auto", spellcheck: false,
        placeholder: f === "published" ? "YYYY-MM-DD" : null });
    input.dataset.field = f;
    inputs[f] = input;
    // dir=auto: the note is in the UI language, whatever the direction of the citation locale
    notes[f] = h("span", { id: `cite-prov-${f}`, className: "cite-prov", dir: "auto" });
    fieldsList.append(
      h("dt", {}, h("label", { htmlFor: id }, t(`cite_field_${f}`))),
      h("dd", {}, input, notes[f]),
    );
  }
  container.replaceChildren(
    h("h2", { className: "cite-heading" }, t("cite_heading")),
    h("div", { className: "cite-controls" },
      h("label", {}, h("span", {}, t("cite_style")), styleSel),
      h("label", {}, h("span", {}, t("cite_locale")), localeSel)),
    preview,
    h("div", { className: "cite-status-row" }, status),
    h("details", { className: "cite-details", open: true },
      h("summary", {}, t("cite_fields")),
      fieldsList,
      h("p", { className: "cite-fix-row" }, reset)),
  );
  autoOpt.textContent = t("cite_localeAuto", LOCALES.find((l) => l.id === localeFor(article.lang))?.label ?? "English (US)");

  // ---- rendering
  function fillFields() {
    const current = applyFixes(article, state.fixes);
    for (const f of FIELDS) {
      if (document.activeElement !== inputs[f]) inputs[f].value = fieldText(current, f);
      updateNote(f);
    }
    reset.hidden = Object.keys(state.fixes).length === 0;
  }

  function updateNote(f) {
    const edited = Object.hasOwn(state.fixes, f);
    const from = article.provenance?.[f];
    notes[f].textContent = edited ? t("cite_edited") : from ? t("cite_from", from) : t("cite_notFound");
    notes[f].classList.toggle("edited", edited);
    inputs[f].classList.toggle("edited", edited);
  }

  function block(kind, label, text, html) {
    const body = styleInfo().export
      ? h("pre", { className: "cite-text", dir: "ltr" }, text)
      : h("p", { className: "cite-text" });
    if (!styleInfo().export) setHtml(body, html);
    const copyBtn = h("button", { type: "button", className: "cite-copy" }, t("cite_copy"));
    copyBtn.dataset.copy = kind;
    copyBtn.addEventListener("click", () => copy(kind));
    return h("div", { className: "cite-block", dataset: { kind } },
      label ? h("div", { className: "cite-block-label" }, label) : null, body, h("div", { className: "cite-actions" }, copyBtn,
        kind === "text" && styleInfo().export ? downloadLink(text) : null));
  }

  function downloadLink(text) {
    const s = styleInfo();
    const base = (article.title ?? "citation").normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "citation";
    const file = `${base}.${s.ext}`;
    const a = h("a", { id: "cite-download", className: "cite-download", download: file }, t("cite_download", file));
    a.href = URL.createObjectURL(new Blob([text], { type: s.mime }));
    return a;
  }

  function render() {
    if (!state.ready) return; // the wasm is not initialised yet: the first render follows it
    const locale = effectiveLocale();
    container.dir = locale === "ar" ? "rtl" : "ltr";
    container.lang = locale;
    preview.lang = locale;
    for (const old of preview.querySelectorAll("a[href^='blob:']")) URL.revokeObjectURL(old.href);
    try {
      const accessed = localDate(now());
      container.dataset.accessed = accessed;
      const c = cite(applyFixes(article, state.fixes), state.style, locale, accessed);
      state.last = c;
      const blocks = state.style === "chicago-notes"
        ? [block("note", t("cite_note"), c.note, c.note_html), block("short_note", t("cite_shortNote"), c.short_note, c.short_note_html),
          block("text", t("cite_bibliography"), c.text, c.html)]
        : [block("text", null, c.text, c.html)];
      preview.replaceChildren(...blocks);
      preview.classList.remove("error");
    } catch (e) {
      state.last = null;
      preview.replaceChildren(h("p", { className: "cite-error" }, t("cite_error", String(e?.message ?? e))));
      preview.classList.add("error");
    }
    container.dataset.style = state.style;
    container.dataset.locale = locale;
  }

  async function copy(kind = "text") {
    status.textContent = "";
    delete status.dataset.method;
    const c = state.last;
    if (!c) return null;
    const text = kind === "note" ? c.note : kind === "short_note" ? c.short_note : c.text;
    const html = kind === "note" ? c.note_html : kind === "short_note" ? c.short_note_html : c.html;
    try {
      const errors = [];
      const how = await writeClipboard(html, text, document, errors);
      status.textContent = t("cite_copied");
      if (errors.length) status.dataset.fallbackReason = errors.join("; ");
      else delete status.dataset.fallbackReason;
      status.dataset.method = how;
      status.dataset.kind = kind;
      return how;
    } catch (e) {
      status.textContent = t("cite_copyFailed", String(e?.message ?? e));
      return null;
    }
  }

  // ---- storage
  const saveFixes = () => {
    if (!storage) return Promise.resolve();
    return Object.keys(state.fixes).length
      ? storage.local.set({ [fixesKey]: { fixes: state.fixes, saved: localDate(now()) } })
      : storage.local.remove(fixesKey);
  };
  const savePrefs = () => storage?.sync.set({ citeStyle: state.style, citeLocale: state.locale });

  function applyPrefs(p) {
    if (STYLES.some((s) => s.id === p.citeStyle)) state.style = p.citeStyle;
    if (p.citeLocale === AUTO || LOCALES.some((l) => l.id === p.citeLocale)) state.locale = p.citeLocale;
    // a bare or regional tag ("fr", "fr-CA", "ar-MA", "en") from another writer of the key
    else if (typeof p.citeLocale === "string" && /^(en|fr|ar)(-|$)/i.test(p.citeLocale)) state.locale = localeFor(p.citeLocale);
    styleSel.value = state.style;
    localeSel.value = state.locale;
  }

  // ---- events
  styleSel.addEventListener("change", () => {
    state.style = styleSel.value;
    render();
    savePrefs();
  });
  localeSel.addEventListener("change", () => {
    state.locale = localeSel.value;
    render();
    savePrefs();
  });
  for (const f of FIELDS) {
    inputs[f].addEventListener("input", () => {
      const v = fieldValue(f, inputs[f].value);
      // A value equal to the page's is not a fix (editing back to the original forgets it).
      if (sameValue(v, fieldValue(f, fieldText(article, f)))) delete state.fixes[f];
      else state.fixes[f] = v;
      updateNote(f);
      reset.hidden = Object.keys(state.fixes).length === 0;
      render();
      container.dataset.saved = "pending";
      saveFixes().then(() => (container.dataset.saved = "yes"));
    });
  }
  reset.addEventListener("click", async () => {
    state.fixes = {};
    fillFields();
    render();
    await saveFixes();
    container.dataset.saved = "yes";
  });
  // The options page (or another reader) changed the preferences.
  storage?.onChanged?.addListener((changes, area) => {
    if (area !== "sync" || !(changes.citeStyle || changes.citeLocale)) return;
    applyPrefs({ citeStyle: changes.citeStyle?.newValue ?? state.style, citeLocale: changes.citeLocale?.newValue ?? state.locale });
    render();
  });

  // ---- start: preferences and remembered fixes, then the wasm
  const loaded = Promise.all([
    storage ? storage.sync.get(["citeStyle", "citeLocale"]).catch(() => ({})) : {},
    storage ? storage.local.get(fixesKey).catch(() => ({})) : {},
  ]).then(([prefs, saved]) => {
    applyPrefs(prefs);
    const fixes = saved?.[fixesKey]?.fixes;
    if (fixes && typeof fixes === "object") {
      for (const f of FIELDS) if (Object.hasOwn(fixes, f)) state.fixes[f] = fixes[f];
    }
    fillFields();
  });
  styleSel.value = state.style;
  localeSel.value = state.locale;
  fillFields();
  const done = Promise.all([loaded, ready]).then(() => {
    state.ready = true;
    render();
    container.dataset.ready = "yes";
  }, (e) => {
    preview.replaceChildren(h("p", { className: "cite-error" }, t("cite_error", String(e?.message ?? e))));
    container.dataset.ready = "error";
  });
  return { copy, render, state, done };
}
