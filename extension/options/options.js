// Options: default reader theme, citation style and locale (storage.sync keys `theme`, `citeStyle`,
// `citeLocale`, read by the reader and its citation panel), and the sites cleaned automatically
// (`autoCleanSites`): adding one asks for that origin's optional host permission, and only then.
import { api } from "../api.js";
import { loadSettings, saveSettings } from "../reader/settings.js";
import { originPattern } from "../messages.js";

const $ = (id) => document.getElementById(id);
const t = (name, ...subs) => api.i18n.getMessage(name, subs) || name;
document.documentElement.lang = api.i18n.getUILanguage();
document.documentElement.dir = t("@@bidi_dir") === "rtl" ? "rtl" : "ltr";
for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);

const status = (msg) => ($("status").textContent = msg);
let settings = await loadSettings();
$("theme").value = settings.theme;
$("cite-style").value = settings.citeStyle;
$("cite-locale").value = settings.citeLocale;

const bind = (id, key) =>
  $(id).addEventListener("change", async () => {
    await saveSettings({ [key]: $(id).value });
    status(t("optionsSaved"));
  });
bind("theme", "theme");
bind("cite-style", "citeStyle");
bind("cite-locale", "citeLocale");

/** "example.com", "https://example.com/a/b" -> "https://example.com"; null when not a web address. */
export function originOf(input) {
  const s = input.trim();
  if (!s) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
    return /^https?:$/.test(u.protocol) && u.hostname.includes(".") ? u.origin : null;
  } catch {
    return null;
  }
}

function renderSites() {
  const list = $("sites");
  list.replaceChildren();
  for (const origin of settings.autoCleanSites) {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = origin;
    name.dir = "ltr";
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", t("optionsRemove", origin));
    remove.title = t("optionsRemove", origin);
    remove.addEventListener("click", async () => {
      settings.autoCleanSites = settings.autoCleanSites.filter((o) => o !== origin);
      await saveSettings({ autoCleanSites: settings.autoCleanSites });
      // Give the permission back: the extension keeps no host access it no longer needs.
      // (unless another listed origin, e.g. the same host on another port, still needs it).
      if (!settings.autoCleanSites.some((o) => originPattern(o) === originPattern(origin))) {
        await api.permissions.remove({ origins: [originPattern(origin)] }).catch(() => {});
      }
      renderSites();
      status(t("optionsSaved"));
    });
    li.append(name, remove);
    list.append(li);
  }
  $("no-sites").hidden = settings.autoCleanSites.length > 0;
}
renderSites();

$("add-site").addEventListener("submit", async (e) => {
  e.preventDefault();
  const origin = originOf($("site").value);
  if (!origin) return status(t("optionsBadSite"));
  // permissions.request must run in the click's user gesture: nothing awaited before it.
  const granted = await api.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
  if (!granted) return status(t("optionsPermissionDenied"));
  if (!settings.autoCleanSites.includes(origin)) settings.autoCleanSites = [...settings.autoCleanSites, origin];
  await saveSettings({ autoCleanSites: settings.autoCleanSites });
  $("site").value = "";
  renderSites();
  status(t("optionsSaved"));
});
