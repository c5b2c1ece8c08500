// Flat snapshot of the document for the Rust core (format: src/dom/snapshot.rs): what the core
// analyses, in the content script, or in the background (pages whose CSP forbids WebAssembly in
// the content script, and big pages, so that the analysis does not freeze the tab).
// Same node order and skip rule as the live walker (src/dom/live.rs): depth-first document order;
// elements, text/CDATA, comments and the doctype; elements marked data-lisible-ui are skipped with
// their subtree. Iterative (pages can be 100,000 levels deep).
// Classic script (injected before content.js, and evaluated by tests/wasm_browser.rs).
(() => {
  /** A resumable walk: `step(ms)` walks for about `ms` milliseconds, true once the document is done. */
  function walker(doc) {
    const flat = [[-1, 9, "", []]]; // [parent index, nodeType, name or text, [attr, value, ...]]
    const nodes = [doc]; // nodes[i] is the live node of flat[i]: `hide` hits are applied by index
    const stack = [];
    const pushChildren = (node, index) => {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c, index);
    };
    pushChildren(doc, 0);
    const step = (ms) => {
      const t0 = performance.now();
      let n = 0;
      while (stack.length) {
        if (++n % 1024 === 0 && performance.now() - t0 > ms) return false;
        const parent = stack.pop();
        const node = stack.pop();
        let entry = null;
        switch (node.nodeType) {
          case 1: {
            if (node.hasAttribute("data-lisible-ui")) break;
            const attrs = [];
            for (const a of node.attributes) attrs.push(a.name, a.value);
            entry = [parent, 1, node.localName, attrs];
            break;
          }
          case 3:
          case 4:
            entry = [parent, 3, node.nodeValue, []];
            break;
          case 8:
            entry = [parent, 8, node.nodeValue, []];
            break;
          case 10:
            entry = [parent, 10, node.name, []];
            break;
          default:
            break;
        }
        if (entry) {
          const index = flat.length;
          flat.push(entry);
          nodes.push(node);
          pushChildren(node, index);
        }
      }
      return true;
    };
    return { step, result: { flat, nodes } };
  }

  /** The whole snapshot at once. */
  globalThis.lisibleSnapshot = function lisibleSnapshot(doc) {
    const w = walker(doc);
    w.step(Infinity);
    return w.result;
  };

  /**
   * The same snapshot, as its JSON text, made in slices of about `sliceMs` (walk and JSON of the
   * slice), yielding to the page's event loop between them (a message task: input and rendering
   * run in between), for pages big enough to freeze the tab. Returns `{json, nodes}`.
   */
  globalThis.lisibleSnapshotAsync = async function lisibleSnapshotAsync(doc, sliceMs = 8) {
    const w = walker(doc);
    const yieldTask = () => new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = resolve;
      ch.port2.postMessage(0);
    });
    const { flat, nodes } = w.result;
    const parts = [];
    let done = false;
    let from = 0;
    while (!done) {
      done = w.step(sliceMs);
      if (flat.length > from) parts.push(JSON.stringify(flat.slice(from)).slice(1, -1));
      from = flat.length;
      if (!done) await yieldTask();
    }
    return { json: `[${parts.join(",")}]`, nodes };
  };
})();
