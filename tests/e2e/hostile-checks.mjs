// Checks shared by hostile.chromium.test.mjs and hostile.firefox.test.mjs.
import assert from "node:assert/strict";

/** Open/close cycles of the toggle test (issue 7 point 4). */
export const TOGGLES = Number(process.env.LISIBLE_TOGGLES ?? 50);

/** Schemes a URL in the reader may use (anything else, javascript: first, fails). */
const URL_OK = /^(https?:|mailto:|data:image\/(png|gif|jpe?g|webp|avif)[;,]|#|chrome-extension:|moz-extension:|$)/i;

/** The extension pages' CSP: scripts from the package only, no inline script, no eval. */
export function checkManifestCsp(manifest) {
  const csp = manifest.content_security_policy?.extension_pages;
  assert.ok(csp, "no content_security_policy.extension_pages");
  const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
  assert.ok(scriptSrc.length, `no script-src in ${csp}`);
  for (const s of scriptSrc) assert.ok(["'self'", "'wasm-unsafe-eval'"].includes(s), `script-src source ${s} in ${csp}`);
  assert.ok(!/unsafe-inline|unsafe-eval'|unsafe-hashes|data:|blob:|\*/.test(csp.replace("'wasm-unsafe-eval'", "")), csp);
}

/** reader.html: every script is an external module from the package or inert JSON data. */
export function checkReaderHtmlFile(html) {
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "an inline event handler in reader.html");
  assert.doesNotMatch(html, /javascript:/i);
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\ssrc=/.test(attrs)) {
      assert.match(attrs, /src="(?!\w+:|\/\/)[^"]+"/, `script from elsewhere: ${attrs}`);
      assert.equal(m[2].trim(), "", "a script with src and inline text");
    } else {
      assert.match(attrs, /type="application\/json"/, `inline script: <script${attrs}>`);
    }
  }
}

/** The reader's live DOM after the hostile article was shown. */
export function checkReaderDom(dom) {
  assert.deepEqual(dom.onAttrs, [], "event handler attributes in the reader");
  for (const u of dom.urls) assert.match(u.trim(), URL_OK, `URL ${u}`);
  assert.doesNotMatch(dom.html, /<[^>]*\s[\w:-]+\s*=\s*["']?\s*javascript:/i, "a javascript: URL in an attribute");
  for (const s of dom.scripts) {
    // reader.html's own two scripts (ask.js, classic; reader.js, module), else inert JSON data
    assert.ok((s.src && /^(\.\/)?(ask|reader)\.js$/.test(s.src)) || s.type === "application/json", `script in the reader: ${JSON.stringify(s)}`);
  }
  for (const tag of ["script", "iframe", "object", "embed", "frame", "frameset", "form", "input", "button", "textarea", "select",
    "style", "link", "meta", "base", "svg", "math", "template", "video", "audio", "marquee"]) {
    assert.ok(!dom.elements.includes(tag), `<${tag}> in the article content`);
  }
}
