// Hostile and self-rewriting pages for the e2e suites hostile.{chromium,firefox}.test.mjs (issue 7,
// points 3 and 4), generated here and served on 127.0.0.1 (random port). Every request is logged.
//   /xss/            an article carrying every vector of tests/xss-vectors.txt, twice: as written
//                    (alert...) and with alert( rewritten to __pwned( (a marker: calling it in a context
//                    without it throws "ReferenceError: __pwned is not defined", which lands in the console).
//                    CSP: script-src 'self' 'wasm-unsafe-eval' (no inline script or handler runs IN THE
//                    PAGE, so a dialog or marker can only come from the reader), the content-script route.
//   /xss-strict/     the same with script-src 'self' (Chromium: the background/snapshot route).
//   /xss/attack.js   the page's own script: it tries to read the reader and to talk to the extension.
//   /toggle/maghress/  tests/fixtures/pages/maghress-fr with a page script (a counter button).
//   /spa/            an article page that replaces its <main> by another article with history.pushState.
//   /infinite/       an article page that appends a teaser block every 100 ms (infinite scroll).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { PAGES } from "./server.mjs";

const HERE = import.meta.dirname;
// Beyond scripts, the page itself may only load its own resources and the vectors' https://ok.example
// images, so that any request elsewhere (evil.example) can only come from the extension.
const PAGE_ONLY = "object-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self' data: https://ok.example; "
  + "style-src 'self' 'unsafe-inline'; font-src 'self'; media-src 'self'; connect-src 'self'";
export const XSS_CSP = `script-src 'self' 'wasm-unsafe-eval'; ${PAGE_ONLY}`;
export const XSS_STRICT_CSP = `script-src 'self'; ${PAGE_ONLY}`;
export const MARKER = "__pwned";
/** A console line that means a marker call RAN (not merely a URL or text containing it). */
export const RAN = /__pwned is not defined|LISIBLE-PWNED/;

/** The vectors of tests/xss-vectors.txt (the corpus tests/xss.rs runs natively). */
export function xssVectors() {
  return fs.readFileSync(path.resolve(HERE, "../xss-vectors.txt"), "utf8").split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"));
}

/** Each vector as written, and with its alert/confirm/prompt calls turned into the console marker. */
export function xssCorpus() {
  const v = xssVectors();
  const all = [...v, ...v.map((s) => s.replace(/\b(alert|confirm|prompt)\s*(?=\(|`)/gi, MARKER))];
  // <plaintext> never ends (the rest of the page becomes its text): those go last.
  return [...all.filter((s) => !/<plaintext/i.test(s)), ...all.filter((s) => /<plaintext/i.test(s))];
}

const SENTENCES = [
  "The municipal council voted on Tuesday evening to extend the tramway line towards the northern districts, after two years of public consultation and several revised cost estimates.",
  "According to the transport authority, the extension will add six stations and serve about forty thousand residents who currently rely on buses that are often overcrowded at peak hours.",
  "Opponents of the project argued that the budget, now estimated at 310 million euros, would be better spent on renovating the existing network, parts of which date back to the 1980s.",
  "The mayor answered that both could be done, pointing to a grant from the regional government and to a loan negotiated with a public investment bank at a favourable rate.",
  "Construction is expected to begin next spring, with the first trams running on the new section at the end of 2029 if the planned schedule holds and no legal challenge delays the works.",
  "Residents of the affected streets will be invited to information meetings in the coming weeks, where engineers will present the traffic diversions and the noise protection measures.",
];

function articlePage({ title, lang = "en", paragraphs, head = "", before = "", after = "" }) {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title} | The Riverside Gazette</title>
<meta property="og:site_name" content="The Riverside Gazette">
<meta name="author" content="Claire Dumont">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
${head}</head>
<body>
<header><a href="/">The Riverside Gazette</a><nav><a href="/city">City</a> <a href="/sport">Sport</a></nav></header>
${before}
<main><article><h1>${title}</h1><p class="byline">By Claire Dumont, 14 March 2026</p>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article></main>
${after}
<footer><p>© The Riverside Gazette</p></footer>
</body></html>
`;
}

/** The XSS article: real paragraphs, each vector inside a paragraph and between paragraphs. */
export function xssPage() {
  const corpus = xssCorpus();
  const paragraphs = [];
  corpus.forEach((v, i) => {
    const s = SENTENCES[i % SENTENCES.length];
    paragraphs.push(`${s.slice(0, 80)} ${v} ${s.slice(80)}`);
    if (i % 2) paragraphs.push(`${SENTENCES[(i + 1) % SENTENCES.length]}</p>${v}<p>${SENTENCES[(i + 2) % SENTENCES.length]}`);
  });
  return articlePage({
    title: "Tramway extension approved after two years of debate",
    paragraphs,
    head: `<script src="/xss/attack.js"></script>`,
  });
}

/** The page's own script (allowed by its CSP): tries everything a hostile page can against the reader. */
const ATTACK_JS = `
window.${MARKER} = (...a) => { console.log("LISIBLE-PWNED-IN-PAGE", ...a); document.documentElement.setAttribute("data-pwned", "page"); };
window.__heard = [];
window.addEventListener("message", (e) => window.__heard.push({ origin: e.origin, data: JSON.stringify(e.data) }));
for (const t of ["lisible:close", "lisible:close-page", "lisible:closed", "lisible:get-article", "lisible:put-article"])
  document.addEventListener(t, (e) => window.__heard.push({ event: t }));
window.__attack = () => {
  const out = {};
  const frame = document.querySelector("iframe[data-lisible-ui]");
  out.frameFound = !!frame;
  if (!frame) return out;
  out.src = frame.src;
  try { out.contentDocument = frame.contentDocument === null ? null : "readable"; } catch (e) { out.contentDocument = "threw"; }
  try { out.reader = frame.contentWindow.document.body.innerHTML; } catch (e) { out.reader = "threw"; }
  try { out.citation = frame.contentWindow.document.getElementById("lisible-analysis").textContent; } catch (e) { out.citation = "threw"; }
  try { out.frameLocation = String(frame.contentWindow.location.href); } catch (e) { out.frameLocation = "threw"; }
  const msgs = [
    { type: "lisible:close" }, { type: "lisible:close-page" }, { type: "lisible:closed" },
    { type: "lisible:put-article", analysis: { article: { title: "FORGED", content_html: "<img src=x onerror=${MARKER}(1)>" }, hide: [] } },
    { type: "lisible:get-article" },
  ];
  for (const m of msgs) {
    window.postMessage(m, "*");
    try { frame.contentWindow.postMessage(m, "*"); } catch (e) {}
    document.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
    window.dispatchEvent(new CustomEvent(m.type, { detail: m }));
    frame.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
  }
  // Keys on the page (not in the reader): only the content script's Esc listener may react to real keys.
  try {
    out.runtime = typeof chrome !== "undefined" && chrome.runtime && chrome.runtime.sendMessage ? "present" : "absent";
  } catch (e) { out.runtime = "threw"; }
  return out;
};
`;

const COUNTER_JS = `
document.addEventListener("DOMContentLoaded", () => {
  const b = document.createElement("button");
  b.id = "lisible-test-counter";
  b.textContent = "0";
  b.addEventListener("click", () => { b.textContent = String(Number(b.textContent) + 1); });
  document.body.prepend(b);
});
`;

const FR = [
  "Le conseil régional a adopté jeudi un plan de rénovation des lycées qui prévoit la réhabilitation de vingt-deux établissements d'ici à 2030, pour un montant total de 480 millions d'euros.",
  "Selon la vice-présidente chargée de l'éducation, les travaux porteront d'abord sur l'isolation thermique et sur les installations sanitaires, jugées vétustes dans la moitié des bâtiments concernés.",
  "Les syndicats d'enseignants ont salué une avancée tout en regrettant que les internats, où vivent plusieurs milliers d'élèves, ne figurent pas parmi les priorités de la première tranche.",
  "Le calendrier sera présenté aux conseils d'administration des établissements au mois de mai, et les premiers chantiers devraient s'ouvrir pendant les vacances d'été de l'année prochaine.",
  "L'opposition a demandé un audit indépendant des besoins, estimant que certaines communes rurales avaient été oubliées dans le recensement réalisé par les services de la région.",
];

function spaPage() {
  const second = `<article><h1>Rénovation des lycées : un plan de 480 millions d'euros</h1><p class="byline">Par Marc Lefèvre</p>${FR.map((p) => `<p>${p}</p>`).join("")}</article>`;
  return articlePage({
    title: "Tramway extension approved after two years of debate",
    paragraphs: SENTENCES,
    head: `<script src="/spa/app.js"></script>`,
    before: `<div class="ad-leaderboard advertisement" id="ad-top">Advertisement</div>`,
  }).replace("</head>", `<template id="next">${second}</template></head>`);
}

const SPA_JS = `
window.__navigate = () => {
  const main = document.querySelector("main");
  main.replaceChildren(document.getElementById("next").content.cloneNode(true));
  document.title = "Rénovation des lycées | The Riverside Gazette";
  document.documentElement.lang = "fr";
  history.pushState({ page: 2 }, "", "/spa/lycees/");
};
window.addEventListener("popstate", () => location.reload());
`;

function infinitePage() {
  return articlePage({
    title: "Tramway extension approved after two years of debate",
    paragraphs: SENTENCES,
    head: `<script src="/infinite/feed.js"></script>`,
    after: `<section id="feed" class="more-stories"></section>`,
  });
}

const FEED_JS = `
window.__appended = 0;
document.addEventListener("DOMContentLoaded", () => {
  const feed = document.getElementById("feed");
  const timer = setInterval(() => {
    const n = ++window.__appended;
    const a = document.createElement("article");
    a.className = "teaser";
    a.innerHTML = "<h2><a href='/story/" + n + "'>More news, story " + n + "</a></h2><p>A short teaser for story " + n + ".</p>";
    feed.appendChild(a);
    if (n >= 400) clearInterval(timer);
  }, 100);
});
`;

export async function startHostileServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, "http://127.0.0.1");
    const send = (status, body, type = "text/html; charset=utf-8", headers = {}) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
      res.end(body);
    };
    const js = (body) => send(200, body, "text/javascript; charset=utf-8");
    switch (url.pathname) {
      case "/xss/": return send(200, xssPage(), undefined, { "content-security-policy": XSS_CSP });
      case "/xss-strict/": return send(200, xssPage(), undefined, { "content-security-policy": XSS_STRICT_CSP });
      case "/xss/attack.js": return js(ATTACK_JS);
      case "/toggle/maghress/": {
        const html = fs.readFileSync(path.join(PAGES, "maghress-fr", "source.html"), "utf8");
        return send(200, html.replace(/<\/head>/i, `<script src="/toggle/counter.js"></script></head>`));
      }
      case "/toggle/counter.js": return js(COUNTER_JS);
      case "/spa/": case "/spa/lycees/": return send(200, spaPage());
      case "/spa/app.js": return js(SPA_JS);
      case "/infinite/": return send(200, infinitePage());
      case "/infinite/feed.js": return js(FEED_JS);
      default: return send(404, "not found", "text/plain");
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, requests, close: () => new Promise((r) => server.close(r)) };
}

const ENTITIES = { amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'" };
/** The absolute URLs of the images of an article's content_html (the reader may load these: the page does too). */
export function articleImages(contentHtml) {
  const out = new Set();
  for (const m of contentHtml.matchAll(/<(?:img|source)\b[^>]*\s(?:src|srcset)="([^"]+)"/g)) {
    const value = m[1].replace(/&(amp|quot|lt|gt|#39);/g, (_, e) => ENTITIES[e]);
    for (const part of value.split(",")) {
      try {
        out.add(new URL(part.trim().split(/\s+/)[0]).href);
      } catch {}
    }
  }
  return out;
}
