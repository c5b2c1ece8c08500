// Reader and extension settings, in storage.sync (flat keys, so that every page of the extension,
// the citation panel included, reads the same values). Shared by reader/reader.js and options/options.js.
import { api } from "../api.js";

/** Font sizes in px (10 steps); the setting stores the index. */
export const FONT_SIZES = [14, 16, 17, 18, 20, 22, 24, 27, 30, 34];
export const THEMES = ["light", "sepia", "dark", "auto"];
export const FONTS = ["serif", "sans"];
export const CITE_STYLES = ["apa", "mla", "chicago", "chicago-notes", "harvard", "iso690", "bibtex", "ris", "csl-json"];
/** Citation locales, as the citation panel reads them (docs/cite-panel.md): "auto" = the article's language. */
export const CITE_LOCALES = ["auto", "en-US", "fr-FR", "ar"];

export const DEFAULTS = Object.freeze({
  theme: "auto",
  fontFamily: "serif",
  fontSize: 4, // FONT_SIZES[4] = 20px
  lineHeight: 1.6,
  contentWidth: 30, // em
  citeStyle: "apa",
  citeLocale: "auto",
  autoCleanSites: [], // origins ("https://example.com") cleaned in place on load
});

const clamp = (v, lo, hi, d) => (typeof v === "number" && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : d);

/** Stored values, each checked (a bad or foreign value falls back to its default). */
export function normalize(raw) {
  const r = raw ?? {};
  return {
    theme: THEMES.includes(r.theme) ? r.theme : DEFAULTS.theme,
    fontFamily: FONTS.includes(r.fontFamily) ? r.fontFamily : DEFAULTS.fontFamily,
    fontSize: Math.round(clamp(r.fontSize, 0, FONT_SIZES.length - 1, DEFAULTS.fontSize)),
    lineHeight: Math.round(clamp(r.lineHeight, 1.2, 2.2, DEFAULTS.lineHeight) * 10) / 10,
    contentWidth: Math.round(clamp(r.contentWidth, 20, 50, DEFAULTS.contentWidth)),
    citeStyle: CITE_STYLES.includes(r.citeStyle) ? r.citeStyle : DEFAULTS.citeStyle,
    citeLocale: CITE_LOCALES.includes(r.citeLocale) ? r.citeLocale
      : ({ en: "en-US", fr: "fr-FR", "ar-ma": "ar" })[String(r.citeLocale).toLowerCase()] ?? DEFAULTS.citeLocale,
    autoCleanSites: Array.isArray(r.autoCleanSites) ? r.autoCleanSites.filter((s) => typeof s === "string") : [],
  };
}

export async function loadSettings() {
  try {
    return normalize(await api.storage.sync.get(Object.keys(DEFAULTS)));
  } catch {
    return normalize({}); // storage.sync unavailable (e.g. a temporary add-on without an id)
  }
}

export function saveSettings(partial) {
  return api.storage.sync.set(partial);
}

/** Calls fn(settings) whenever storage.sync changes (another reader tab, the options page). */
export function onSettingsChanged(fn) {
  api.storage.onChanged.addListener((changes, area) => {
    if (area === "sync" && Object.keys(changes).some((k) => k in DEFAULTS)) loadSettings().then(fn);
  });
}
