// Markdown export of the article shown in the reader: a front matter with the metadata, then the
// body converted from the reader's DOM (the core's allow-listed elements only). Iterative walk
// (an explicit stack): the content can be deeply nested.

const esc = (s) => s.replace(/([\\`*_[\]<>#|])/g, "\\$1");
const collapse = (s) => s.replace(/[ \t\r\n\f]+/g, " ");

/** Inline Markdown of an element's children (links, emphasis, code, images, line breaks). */
function inline(el) {
  let out = "";
  // Pre-order with closing markers: push children reversed, each followed by its close marker.
  const work = [];
  for (let c = el.lastChild; c; c = c.previousSibling) work.push(c);
  while (work.length) {
    const n = work.pop();
    if (typeof n === "string") {
      out += n;
      continue;
    }
    if (n.nodeType === 3) {
      out += esc(collapse(n.nodeValue));
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = n.localName;
    let open = "";
    let close = "";
    switch (tag) {
      case "em": case "i": case "cite": case "dfn": case "var": open = close = "*"; break;
      case "strong": case "b": open = close = "**"; break;
      case "del": case "s": open = close = "~~"; break;
      case "code": case "kbd": case "samp": {
        const text = n.textContent;
        const fence = text.includes("`") ? "``" : "`";
        out += `${fence}${text}${fence}`;
        continue;
      }
      case "br": out += "  \n"; continue;
      case "img": {
        const src = n.getAttribute("src");
        if (src) out += `![${esc(n.getAttribute("alt") ?? "")}](${src.replace(/\)/g, "%29").replace(/ /g, "%20")})`;
        continue;
      }
      case "a": {
        const href = n.getAttribute("href");
        if (href) {
          open = "[";
          close = `](${href.replace(/\)/g, "%29").replace(/ /g, "%20")})`;
        }
        break;
      }
      default: break;
    }
    out += open;
    work.push(close);
    for (let c = n.lastChild; c; c = c.previousSibling) work.push(c);
  }
  return out.replace(/ *\n */g, "\n").replace(/ {2,}/g, " ").trim();
}

const BLOCKS = new Set(["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "figure", "figcaption",
  "table", "hr", "div", "dl", "dt", "dd", "picture"]);

function table(el) {
  const rows = [...el.querySelectorAll("tr")].map((tr) => [...tr.children].map((c) => inline(c).replace(/\n/g, " ")));
  if (!rows.length) return "";
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? "").join(" | ")} |`;
  const out = [line(rows[0]), line(Array(width).fill("---"))];
  for (const r of rows.slice(1)) out.push(line(r));
  const caption = el.querySelector("caption");
  return (caption ? `${inline(caption)}\n\n` : "") + out.join("\n");
}

/** Markdown of the block children of `container` (iterative: nested lists and quotes use a stack). */
export function blocksToMarkdown(container) {
  const out = [];
  // [node, prefix for each line (quotes, list indentation), list marker state]
  const work = [];
  const pushChildren = (n, prefix) => {
    const kids = [...n.childNodes];
    for (let i = kids.length - 1; i >= 0; i--) work.push({ node: kids[i], prefix });
  };
  pushChildren(container, "");
  // Inline nodes sitting directly in a container are gathered into one paragraph.
  let loose = null;
  const prefixLines = (str, prefix) => str.split("\n").map((l) => prefix + l).join("\n");
  const flushLoose = () => {
    const str = loose && inline(loose.el);
    if (str) out.push(prefixLines(str, loose.prefix));
    loose = null;
  };
  while (work.length) {
    const { node: n, prefix, marker } = work.pop();
    if (n.nodeType === 3 || (n.nodeType === 1 && !BLOCKS.has(n.localName))) {
      if (loose && loose.prefix !== prefix) flushLoose();
      loose ??= { el: document.createElement("span"), prefix };
      loose.el.append(n.cloneNode(true));
      continue;
    }
    if (n.nodeType !== 1) continue;
    flushLoose();
    const tag = n.localName;
    switch (tag) {
      case "p": case "figcaption": case "dt": case "dd": {
        const s = inline(n);
        if (s) out.push(prefixLines((marker ?? "") + (tag === "figcaption" ? `*${s}*` : s), prefix));
        break;
      }
      case "h2": case "h3": case "h4": case "h5": case "h6":
        out.push(prefix + "#".repeat(Number(tag[1])) + " " + inline(n).replace(/\n/g, " "));
        break;
      case "hr": out.push(prefix + "---"); break;
      case "pre": {
        const code = n.textContent.replace(/\n$/, "");
        const fence = code.includes("```") ? "~~~" : "```";
        out.push(prefixLines(`${fence}\n${code}\n${fence}`, prefix));
        break;
      }
      case "table": out.push(prefixLines(table(n), prefix)); break;
      case "blockquote": pushChildren(n, prefix + "> "); break;
      case "ul": case "ol": {
        const items = [...n.children].filter((c) => c.localName === "li");
        const start = Number(n.getAttribute("start")) || 1;
        for (let i = items.length - 1; i >= 0; i--) {
          work.push({ node: items[i], prefix, marker: tag === "ol" ? `${start + i}. ` : "- " });
        }
        break;
      }
      case "li": {
        const nested = [...n.children].some((c) => BLOCKS.has(c.localName) && c.localName !== "li");
        if (!nested) {
          out.push(prefixLines(`${marker ?? "- "}${inline(n)}`, prefix));
        } else {
          // The first inline run gets the marker, nested blocks are indented under it.
          const head = document.createElement("span");
          const rest = [];
          for (const c of n.childNodes) {
            if (c.nodeType === 1 && BLOCKS.has(c.localName)) rest.push(c);
            else if (!rest.length) head.append(c.cloneNode(true));
            else rest.push(c);
          }
          out.push(prefixLines(`${marker ?? "- "}${inline(head)}`, prefix));
          const indent = prefix + " ".repeat((marker ?? "- ").length);
          for (let i = rest.length - 1; i >= 0; i--) work.push({ node: rest[i], prefix: indent });
        }
        break;
      }
      default: // div, figure, picture, dl: their children
        pushChildren(n, prefix);
    }
  }
  flushLoose();
  return out.filter((b) => b.trim()).join("\n\n");
}

const yaml = (s) => JSON.stringify(String(s)); // a JSON string is a valid YAML double-quoted scalar

/** The whole export: YAML front matter (title, authors, outlet, date, source, lang) then the body. */
export function toMarkdown(article, contentEl, { date, source }) {
  const front = ["---", `title: ${yaml(article.title ?? "")}`];
  if (article.authors?.length) front.push(`authors: [${article.authors.map(yaml).join(", ")}]`);
  if (article.outlet) front.push(`outlet: ${yaml(article.outlet)}`);
  if (article.site_name && article.site_name !== article.outlet) front.push(`site: ${yaml(article.site_name)}`);
  if (article.published) front.push(`published: ${yaml(article.published)}`);
  if (source) front.push(`source: ${yaml(source)}`);
  if (article.lang) front.push(`lang: ${yaml(article.lang)}`);
  front.push("---", "");
  const head = [`# ${esc(article.title ?? "")}`];
  const meta = [article.outlet, date].filter(Boolean).join(", ");
  if (meta) head.push(`*${esc(meta)}*`);
  return `${front.join("\n")}\n${head.join("\n\n")}\n\n${blocksToMarkdown(contentEl)}\n`;
}

/** "maroc-usa-une-feuille-de-route.md": letters and digits of any script kept. */
export function markdownFileName(article) {
  const slug = (article.title ?? "article").normalize("NFKC").toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "article";
  return `${slug}.md`;
}
