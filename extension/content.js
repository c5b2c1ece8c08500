// Injected on each toolbar click / shortcut by background.js (after snapshot.js). Classic script,
// idempotent: the first run opens the reader, the next one closes it and restores the page.
// Thin on purpose: the analysis (article, metadata, what to hide) is the Rust core's; this file only
// frames the reader page (first, so that it loads while the page is analysed), loads the core,
// applies its verdict and hands the article over.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  /** Above this many elements the page is big: walked in slices, analysed off the tab's thread. */
  const BIG_PAGE_ELEMENTS = 20_000;
  /** Or above this much text: a few huge text nodes are analysed off the tab's thread too (a 10 MB
   * text node froze the tab ~1.4 s while analysed here; tests/e2e/responsive.mjs). */
  const BIG_PAGE_CHARS = 2 * 2 ** 20;
  const MAX_MESSAGE_CHARS = 32 * 2 ** 20;
  const url = (path) => api.runtime.getURL(path);
  const mode = globalThis.__lisibleMode === "clean" ? "clean" : "reader"; // set by background.js for in-page clean
  delete globalThis.__lisibleMode;
  const open = globalThis.__lisible;
  if (open) {
    if (open.busy) return { on: true, busy: true }; // a second click while the first is still loading
    open.close();
    return { on: false };
  }
  const state = { busy: true };
  globalThis.__lisible = state;
  const t0 = performance.now();
  // Steps in ms since the script started; `start` is that moment in epoch ms (the click's clock).
  const timings = { start: Math.round((performance.timeOrigin + t0) * 10) / 10 };
  const lap = (name) => (timings[name] = Math.round((performance.now() - t0) * 10) / 10);
  let hidden = [];
  let hiddenAttr = "data-lisible-hidden";
  let frame = null;
  // messages.js's UI_ATTR, here before its import resolves (tests/e2e/chromium.test.mjs checks they agree).
  const UI_ATTR = "data-lisible-ui";
  // Started before anything else, in parallel: our constants, the wasm glue, and the core's wasm
  // itself, compiled while it streams in (a web page's CSP without 'wasm-unsafe-eval' makes
  // Chromium refuse it here: the analysis then runs in the background).
  // Big pages are walked in slices and analysed in the background (no core here), so the tab keeps
  // answering the user.
  const big = document.getElementsByTagName("*").length > BIG_PAGE_ELEMENTS ||
    (document.documentElement?.textContent.length ?? 0) > BIG_PAGE_CHARS;
  const constants = import(url("messages.js"));
  const glue = big ? null : import(url("pkg/lisible.js"));
  const compiled = big ? null : fetch(url("pkg/lisible_bg.wasm")).then((r) =>
    WebAssembly.compileStreaming(r.clone()).catch((e) =>
      // a server that does not say application/wasm (compileStreaming's TypeError): compile the bytes
      e instanceof TypeError ? r.arrayBuffer().then((b) => WebAssembly.compile(b)) : Promise.reject(e)));
  compiled?.then(() => lap("compiled"), () => {}); // a failure is handled below (route "background")
  constants.then(() => lap("messages.js"), () => {});
  glue?.then(() => lap("glue"), () => {});
  try {
    // 1. The reader frame first, before any await: our extension page loads (in its own process)
    // while the page is analysed here, and asks the background for the article, which answers once
    // it is put (step 4). Marked UI_ATTR: the Rust walkers and the snapshot skip it.
    if (mode === "reader") {
      frame = document.createElement("iframe");
      frame.setAttribute(UI_ATTR, "");
      // `*`, not the default 'src': with use_dynamic_url (Chrome) the frame's origin is not the src URL's,
      // so 'src' never matched and navigator.clipboard.write was blocked by the permissions policy.
      frame.setAttribute("allow", "clipboard-write *");
      frame.setAttribute("title", "Lisible");
      // CSSOM, not a style attribute: strict page CSPs (style-src) block inline style attributes.
      const css = {
        position: "fixed", inset: "0", width: "100%", height: "100%", border: "0", margin: "0",
        padding: "0", "max-width": "none", "max-height": "none", display: "block", visibility: "visible",
        opacity: "1", "z-index": "2147483647", background: "transparent", "color-scheme": "normal",
      };
      for (const [k, v] of Object.entries(css)) frame.style.setProperty(k, v, "important");
      frame.src = url("reader/reader.html");
      frame.addEventListener("load", () => frame.focus(), { once: true });
      document.documentElement.appendChild(frame);
      lap("frame");
    }

    const { MSG, HIDDEN_ATTR } = await constants;
    hiddenAttr = HIDDEN_ATTR;
    const send = async (msg) => {
      const r = await api.runtime.sendMessage(msg);
      if (!r?.ok) throw new Error(r?.error ?? "no answer from the background");
      return r.value;
    };
    const already = new Set(document.querySelectorAll(`[${HIDDEN_ATTR}]`)); // the page's own, left alone

    // 2. The core, here if the page lets us compile WebAssembly, else in the background. Big pages
    // go to the background too, so that the analysis does not freeze the tab.
    let core = null;
    let wasmError = null;
    if (!big) {
      try {
        core = await glue;
        lap("import");
      } catch (e) {
        wasmError = String(e);
      }
    }
    // 3. A flat snapshot of the page (one JS walk, same ids as the core's), read by the core as one
    // JSON string: a single crossing into wasm instead of several per node. Taken while the wasm may
    // still be compiling off this thread (in Firefox the main thread would otherwise idle ~25 ms).
    // Big pages are walked in slices that yield to the page (tests/e2e/responsive.mjs measures the
    // longest freeze).
    const snap = big ? await globalThis.lisibleSnapshotAsync(document) : globalThis.lisibleSnapshot(document);
    const json = snap.json ?? JSON.stringify(snap.flat);
    lap("snapshot");
    if (core) {
      try {
        await core.default({ module_or_path: compiled });
        lap("init");
      } catch (e) {
        // Chromium: a page CSP without 'wasm-unsafe-eval' forbids wasm in content scripts (CompileError).
        wasmError = String(e);
        core = null;
      }
    }
    let analysis;
    let route;
    if (core) {
      route = "content";
      analysis = core.analyzeSnapshot(json, location.href);
    } else {
      route = "background";
      // Extension messages are capped (64 MiB in Chromium): past that, say so rather than fail.
      analysis = json.length > MAX_MESSAGE_CHARS
        ? { article: null, hide: [], error: `Page too large: its DOM snapshot is ${Math.round(json.length / 2 ** 20)} MB, the limit is ${MAX_MESSAGE_CHARS / 2 ** 20} MB` }
        : await send({ type: MSG.ANALYZE_SNAPSHOT, nodes: json, url: location.href, keep: mode === "reader" });
    }
    lap("analyze");
    for (const hit of analysis.hide) {
      const node = snap.nodes[hit.node];
      if (node?.nodeType === 1) node.setAttribute(HIDDEN_ATTR, hit.kind);
    }
    lap("hide");
    hidden = [...document.querySelectorAll(`[${HIDDEN_ATTR}]`)].filter((el) => !already.has(el));

    // In-page clean: the clutter stays hidden, no reader; the same action again restores the page.
    if (mode === "clean") {
      const restore = () => {
        for (const el of hidden) el.removeAttribute(HIDDEN_ATTR);
        delete globalThis.__lisible;
        api.runtime.sendMessage({ type: MSG.CLOSED }).catch(() => {});
      };
      Object.assign(state, { busy: false, close: restore, mode });
      return { on: true, mode, route, hidden: hidden.length, hide: analysis.hide.length, timings, wasmError };
    }

    // 4. Hand the article to the background, which answers the reader frame's request with it
    // (page scripts cannot reach the reader; the frame cannot read this page).
    await send({ type: MSG.PUT_ARTICLE, analysis, route, timings: { ...timings }, wasmError });
    lap("put");

    const onKey = (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        close();
      }
    };
    const onMessage = (msg, sender) => {
      if (sender.id === api.runtime.id && msg?.type === MSG.CLOSE_PAGE) close();
    };
    function close() {
      frame.remove();
      for (const el of hidden) el.removeAttribute(HIDDEN_ATTR);
      window.removeEventListener("keydown", onKey, true);
      api.runtime.onMessage.removeListener(onMessage);
      delete globalThis.__lisible;
      // The background removes the stylesheet and forgets the article.
      api.runtime.sendMessage({ type: MSG.CLOSED }).catch(() => {});
    }
    window.addEventListener("keydown", onKey, true);
    api.runtime.onMessage.addListener(onMessage);
    Object.assign(state, { busy: false, close });
    return { on: true, route, hidden: hidden.length, hide: analysis.hide.length, timings, wasmError };
  } catch (e) {
    frame?.remove();
    for (const el of hidden) el.removeAttribute(hiddenAttr);
    delete globalThis.__lisible; // the background sees {on: false} and stops waiting for an article
    console.error("lisible:", String(e), e?.stack ?? ""); // Firefox: e.stack lacks the message
    return { on: false, error: String(e) };
  }
})();
