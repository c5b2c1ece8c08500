// Flat snapshot of the document for the Rust core (format: src/dom/snapshot.rs), used when the
// page's CSP forbids WebAssembly in the content script (Chromium): the background analyses it.
// Same node order and skip rule as the live walker (src/dom/live.rs): depth-first document order;
// elements, text/CDATA, comments and the doctype; elements marked data-lisible-ui are skipped with
// their subtree. Iterative (pages can be 100,000 levels deep).
// Classic script (injected before content.js, and evaluated by tests/wasm_browser.rs).
globalThis.lisibleSnapshot = function lisibleSnapshot(doc) {
  const flat = [[-1, 9, "", []]]; // [parent index, nodeType, name or text, [attr, value, ...]]
  const nodes = [doc]; // nodes[i] is the live node of flat[i]: `hide` hits are applied by index
  const stack = [];
  const pushChildren = (node, index) => {
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c, index);
  };
  pushChildren(doc, 0);
  while (stack.length) {
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
  return { flat, nodes };
};
