// Fixture server for the e2e suites, on 127.0.0.1 (random port). Serves each fixture page of
// tests/fixtures/pages/<case>/source.html at /pages/<case>/, and the same page with a strict
// Content-Security-Policy header at /strict/pages/<case>/ (Chromium then refuses WebAssembly in
// content scripts). /no-article/ is a page with links only. Everything else is a 404. Every
// request is logged in `requests` (to check that the extension makes none of its own).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

export const ROOT = process.env.LISIBLE_ROOT ?? path.resolve(import.meta.dirname, "../..");
export const PAGES = path.join(ROOT, "tests/fixtures/pages");
export const STRICT_CSP = "script-src 'self'";

export function fixtureCases() {
  return fs.readdirSync(PAGES).filter((d) => fs.existsSync(path.join(PAGES, d, "source.html"))).sort();
}

const NO_ARTICLE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sections</title></head>
<body><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></body></html>
`;

export async function startServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, "http://127.0.0.1");
    let m;
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers });
      res.end(body);
    };
    if (url.pathname === "/no-article/") return send(200, NO_ARTICLE);
    if ((m = /^\/(strict\/)?pages\/([\w-]+)\/$/.exec(url.pathname))) {
      const file = path.join(PAGES, m[2], "source.html");
      if (!fs.existsSync(file)) return send(404, "not found");
      return send(200, fs.readFileSync(file), m[1] ? { "content-security-policy": STRICT_CSP } : {});
    }
    send(404, "not found", { "content-type": "text/plain" });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, requests, close: () => new Promise((r) => server.close(r)) };
}
