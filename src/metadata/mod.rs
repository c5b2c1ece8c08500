//! Metadata: title, authors, outlet, dates, original source, language, direction — read the way a
//! careful person reads a page, with the source of every field in `Metadata::provenance`.
//!
//! Sources, in priority order (the first one that gives a usable value wins):
//!
//! | field        | sources, best first |
//! |--------------|---------------------|
//! | `title`      | JSON-LD headline/name → og:title → twitter:title → dc.title / dcterms.title → parsely/sailthru/citation title → `<title>` → `<h1>`; then the site's suffix or prefix is removed (" \| Le Monde", " - Hespress FR") when it names the site (og:site_name, publisher, application-name, JSON-LD WebSite, the site's home link text or logo alt, the host, the author on a personal site; also "Fandom \| Name [Site]" and short labels such as "My website", "Le blog de Léa") or when the rest agrees with the `<h1>`; a JSON-LD `name` equal to the publisher is not a headline |
//! | `authors`    | JSON-LD author (people, `@id` references followed) → meta author / dc.creator / parsely-author / sailthru.author / citation_author / article:author (names, not URLs) → microdata itemprop=author → rel=author links → visible bylines ("Par X", "By X", "بقلم X", elements classed byline/author, read line by line) → a link to the author's page (`/author/…`, `/autor/…`) just after the headline whose text matches its slug; cleaned by `authors::people` (an organisation equal to the outlet is no person, even when the page types it as a Person; nor is the newsroom in "هسبريس من الرباط"; a wire service glued after the reporters goes) |
//! | `site_name`  | og:site_name → JSON-LD WebSite name → application-name → JSON-LD publisher → the host |
//! | `outlet`     | the aggregator dateline ("Publié dans X le …", "نشر في X يوم …") → a "Source :" / "Via" link's text → JSON-LD sourceOrganization / isBasedOn publisher → JSON-LD publisher → `site_name` |
//! | `published`  | aggregator dateline → JSON-LD datePublished (article types; dateCreated and page types lower) → meta (article:published_time, og:published_time, parsely-pub-date, sailthru.date, citation_*date, dc.date.issued, dcterms.created, dc.date, pubdate…) → microdata datePublished → `<time pubdate>` / `<time class=published>` → "Publié le …" / "Published …" / "نشر …" text → other `<time datetime>` → elements classed date/byline/meta → the URL's date → a date standing alone on its line after the headline → the first date after the headline → the first date of the page → the last edit date → the URL's month → the only date of the meta description → the date most often written in the markup (links, image paths, comments: a guess, said so); never inside page chrome (sidebars, tickers, comments, footer, site header, site nav), never a date labelled as an update. Agreement rules on top: a UTC value one day off the shown date takes the shown day; the date shown in the headline's block beats an earlier declared date; a dated element after the headline beats the generic meta `date` / `dc.date` |
//! | `modified`   | JSON-LD dateModified → meta article:modified_time / og:updated_time / dcterms.modified → visible dates labelled "Mis à jour", "Updated", "Aktualisiert", "تحديث" |
//! | `url`        | `<link rel=canonical>` (same site) → og:url → the page URL |
//! | `source_url` | aggregator source link ("Cliquez ici pour lire l'article depuis sa source", "المصدر", "Source :", "Via", "Originally published") → JSON-LD isBasedOn → rel=canonical pointing to another site (syndication) |
//! | `lang`       | `<html lang>` → content-language → og:locale → JSON-LD inLanguage → dc.language → the text (script and frequent words) |
//! | `dir`        | `<html dir>` / `<body dir>` → the language (ar, he, fa, ur… → rtl) → the text's script |
//! | `excerpt`    | og:description → description → twitter:description → JSON-LD description → dc.description |

pub mod aggregator;
pub mod authors;
pub mod byline;
pub mod dates;
pub mod jsonld;
pub mod lang;
pub mod tags;
pub mod title;

use crate::dom::{Dom, NodeId};
use crate::model::Metadata;
use byline::Zones;

/// Meta keys for the publication date, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time", "og:article:published_time", "og:published_time", "article:published", "published_time",
    "datepublished", "parsely-pub-date", "sailthru.date", "sailthru.pubdate", "citation_publication_date", "citation_date",
    "citation_online_date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created", "dc.date.published",
    "dc.date", "dcterms.date", "pubdate", "publishdate", "publish-date", "publish_date", "date_published", "published-date",
    "originalpublicationdate", "article.published", "article.created", "article_date_original",
    "cxenseparse:recs:publishtime", "date", "pdate", "displaydate", "release_date", "datecreated", "creation_date",
];
/// Meta keys that name a date without saying which (see the rule in [`read`]).
const GENERIC_DATE_KEYS: &[&str] = &["date", "dc.date", "dcterms.date"];
/// Meta keys for the modification date.
const MODIFIED_KEYS: &[&str] =
    &["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "datelastmodified"];

/// Ranks of the machine-readable date sources (visible ones are in [`byline`]). A full date in
/// the URL path is fixed when the article is first filed, while JSON-LD and meta dates often
/// follow later edits: it ranks just below the aggregator dateline (htmldate-eval: +8 pages), and
/// a same-day candidate with a time and offset then gives the value.
const RANK_DATELINE: u32 = 100;
const RANK_JSONLD: u32 = 95;
const RANK_META: u32 = 90;
const RANK_MICRODATA: u32 = 88;
const RANK_JSONLD_WEAK: u32 = 70;
const RANK_URL: u32 = 97;
/// How far (in nodes, document order) after the `<h1>` the headline's block reaches: its
/// byline, dateline and standfirst (htmldate-eval pages put them within 200 nodes).
const HEADLINE_BLOCK: usize = 200;

/// Reads the page's metadata.
pub fn read(dom: &Dom, page_url: Option<&str>) -> Metadata {
    let mut m = Metadata::default();
    let tags = tags::read(dom);
    let ld = jsonld::read(dom);
    let zones = Zones::compute(dom);
    let prov = |m: &mut Metadata, field: &str, why: String| {
        m.provenance.insert(field.to_string(), why);
    };

    // ----- language and direction ---------------------------------------------------------
    let html_lang = dom.html().and_then(|h| dom.attr(h, "lang").or_else(|| dom.attr(h, "xml:lang"))).and_then(lang::normalize_tag);
    let declared = html_lang.map(|l| (l, "<html lang>".to_string())).or_else(|| {
        for (keys, why) in [
            (&["content-language", "language"][..], "meta content-language"),
            (&["og:locale"][..], "og:locale"),
            (&["dc.language", "dcterms.language"][..], "dc.language"),
        ] {
            if let Some(l) = tags.first(keys).and_then(|(_, v)| lang::normalize_tag(&v)) {
                return Some((l, why.to_string()));
            }
        }
        ld.lang.as_deref().and_then(lang::normalize_tag).map(|l| (l, "JSON-LD inLanguage".to_string()))
    });
    // The body's first 20,000 bytes of text, read only when no language is declared.
    let body_sample = std::cell::OnceCell::new();
    let body_sample = || body_sample.get_or_init(|| dom.body().map(|b| tags::bounded_text(dom, b, 20_000)).unwrap_or_default()).as_str();
    match declared {
        Some((l, why)) => {
            m.lang = Some(l);
            prov(&mut m, "lang", why);
        }
        None => {
            if let Some(g) = lang::guess(body_sample()) {
                m.lang = Some(g.to_string());
                prov(&mut m, "lang", "the text (script and frequent words)".into());
            }
        }
    }
    if let Some(d) = lang::declared_dir(dom) {
        m.dir = Some(d);
        prov(&mut m, "dir", "<html dir>".into());
    } else if let Some(l) = m.lang.as_deref() {
        m.dir = Some(if lang::is_rtl_lang(l) { "rtl" } else { "ltr" }.to_string());
        prov(&mut m, "dir", "the language".into());
    } else if !body_sample().trim().is_empty() {
        m.dir = Some(crate::text::direction_of(body_sample()).to_string());
        prov(&mut m, "dir", "the text's script".into());
    }
    let lang = m.lang.clone();
    let lang = lang.as_deref();

    // ----- site, outlet, url ------------------------------------------------------------------
    let page_host = page_url.and_then(crate::url::host);
    let site = tags
        .first(&["og:site_name"])
        .map(|(k, v)| (v, k.to_string()))
        .or_else(|| ld.website_name.clone().map(|v| (v, "JSON-LD WebSite name".into())))
        .or_else(|| tags.first(&["application-name"]).map(|(k, v)| (v, k.to_string())))
        .or_else(|| ld.publisher.clone().map(|v| (v, "JSON-LD publisher".into())))
        .or_else(|| page_host.clone().map(|h| (h, "the page's host".into())));
    // The document's <title> (also the headline's last resort below).
    let doc_title = dom
        .head()
        .and_then(|h| dom.find(h, "title"))
        .or_else(|| dom.find(Dom::ROOT, "title"))
        .map(|t| crate::text::normalize_ws(&dom.text_content(t)))
        .filter(|t| !t.is_empty());
    // The site name as declared, tagline included: its words name the newsroom too.
    let site_declared = site.as_ref().map(|(s, _)| s.clone());
    if let Some((s, why)) = site {
        // "Name - tagline": the name alone when the <title> ends with it (fixture
        // meta-site-name-tagline-fr).
        let (s, why) = match site_without_tagline(&s, doc_title.as_deref(), page_host.as_deref()) {
            Some((name, how)) => (name, format!("{why} without its tagline ({how})")),
            None => (s, why),
        };
        m.site_name = Some(s);
        prov(&mut m, "site_name", why);
    }
    let canonical = tags.canonical.as_deref().map(|c| crate::url::resolve(page_url, c)).filter(|c| c.starts_with("http"));
    let canonical_host = canonical.as_deref().and_then(crate::url::host);
    let syndicated = matches!((&canonical_host, &page_host), (Some(c), Some(p)) if !same_site(c, p));
    if let (Some(c), false) = (&canonical, syndicated) {
        m.url = Some(c.clone());
        prov(&mut m, "url", "<link rel=canonical>".into());
    } else if let Some((_, u)) = tags.first(&["og:url"]).filter(|(_, u)| u.starts_with("http") && !syndicated) {
        m.url = Some(u);
        prov(&mut m, "url", "og:url".into());
    } else if let Some(u) = page_url {
        m.url = Some(u.to_string());
        prov(&mut m, "url", "the page URL".into());
    }

    let original = aggregator::read(dom, &zones, page_url, lang);
    if let Some((u, why)) = original.source_url.clone() {
        m.source_url = Some(u);
        prov(&mut m, "source_url", why);
    } else if let Some(u) = ld.based_on.clone() {
        m.source_url = Some(u);
        prov(&mut m, "source_url", "JSON-LD isBasedOn".into());
    } else if let (true, Some(c)) = (syndicated, &canonical) {
        m.source_url = Some(c.clone());
        prov(&mut m, "source_url", "<link rel=canonical> to another site (syndication)".into());
    }
    let outlet = original
        .outlet
        .clone()
        .or_else(|| ld.source_outlet.clone().map(|o| (o, "JSON-LD sourceOrganization / isBasedOn".into())))
        .or_else(|| ld.publisher.clone().map(|o| (o, "JSON-LD publisher".into())))
        .or_else(|| m.site_name.clone().map(|s| (s, format!("site_name ({})", m.provenance.get("site_name").cloned().unwrap_or_default()))));
    if let Some((o, why)) = outlet {
        m.outlet = Some(o);
        prov(&mut m, "outlet", why);
    }

    // ----- authors --------------------------------------------------------------------------------
    // The site and the outlet are no person, even when the page's JSON-LD types its own name
    // as a Person (fixture meta-author-site-as-person-fr).
    let mut not_people: Vec<String> = Vec::new();
    not_people.extend(m.site_name.clone());
    not_people.extend(site_declared.filter(|d| Some(d) != m.site_name.as_ref()));
    not_people.extend(m.outlet.clone());
    not_people.extend(ld.publisher.clone());
    not_people.extend(page_host.clone());
    if let Some(h) = &page_host {
        not_people.extend(h.split('.').next().map(str::to_string));
    }
    let mut author_sources: Vec<(Vec<String>, String)> = Vec::new();
    let ld_names: Vec<String> = ld.authors.iter().map(|(n, _)| n.clone()).collect();
    author_sources.push((ld_names, "JSON-LD author".into()));
    for key in ["dc.creator", "dcterms.creator", "author", "parsely-author", "sailthru.author", "byl", "citation_author", "article:author"] {
        // One value per key (the first, `property` before `name`), except citation_author and
        // Dublin Core creators: scholarly pages and standards give one tag per author (fixture
        // meta-authors-dc-creators-en).
        let mut vals: Vec<String> = tags.all_one_attr(key).into_iter().filter(|v| !v.starts_with("http")).collect();
        if !matches!(key, "citation_author" | "dc.creator" | "dcterms.creator") {
            vals.truncate(1);
        }
        author_sources.push((vals, format!("meta {key}")));
    }
    let declared_sources = author_sources.len();
    let items: Vec<String> = tags
        .items
        .iter()
        // The article item's own author, even in an <aside> of the article (fixture
        // meta-author-microdata-aside-en); other items' authors only outside page chrome.
        .filter(|(k, v, n)| (k == "author" || k == "creator") && !v.is_empty() && (!zones.is_chrome(*n) || in_article_item(dom, &zones, *n)))
        .map(|(_, v, _)| v.clone())
        .collect();
    author_sources.push((items, "microdata itemprop=author".into()));
    let rel: Vec<String> = tags.rel_authors.iter().filter(|(_, n)| !zones.is_chrome(*n)).map(|(t, _)| t.clone()).collect();
    author_sources.push((rel, "rel=author link".into()));
    // The visible bylines and the author-page links come last: read only when no source above
    // names a person.
    let mut later = None;
    let mut sources = author_sources.into_iter();
    for i in 0usize.. {
        let (vals, why) = match sources.next() {
            Some(s) => s,
            None => {
                let rest = later.get_or_insert_with(|| {
                    byline::visible_authors(dom, &zones).into_iter().map(|(t, why)| (vec![t], why)).chain(author_page_links(dom, &zones, &tags))
                });
                match rest.next() {
                    Some(s) => s,
                    None => break,
                }
            }
        };
        let mut people = Vec::new();
        // A byline names a handful of people; a page repeating rel=author 10,000 times does not
        // need 10,000 parses.
        for v in vals.iter().take(20) {
            for p in authors::people_from(v, &not_people, i >= declared_sources) {
                if !people.contains(&p) {
                    people.push(p);
                }
            }
        }
        if !people.is_empty() {
            m.authors = people;
            prov(&mut m, "authors", why);
            break;
        }
    }

    // ----- title --------------------------------------------------------------------------------
    let h1_text = zones.h1.map(|h| crate::text::normalize_ws(&tags::bounded_text(dom, h, 400))).filter(|t| !t.is_empty());
    let mut sites: Vec<(String, String)> = Vec::new();
    let named = |v: Option<String>, why: &str| v.map(|v| (v, why.to_string()));
    sites.extend(named(m.site_name.clone(), m.provenance.get("site_name").map(String::as_str).unwrap_or("site_name")));
    sites.extend(named(tags.first(&["application-name"]).map(|(_, v)| v), "application-name"));
    sites.extend(named(ld.publisher.clone(), "JSON-LD publisher"));
    sites.extend(named(ld.website_name.clone(), "JSON-LD WebSite name"));
    let declared_sites = sites.len();
    // The names on the site's own home links (its logo: "V8", an <img alt>), when the page
    // declares no site name (fixture meta-title-home-link-en).
    let og_host = tags.first(&["og:url"]).and_then(|(_, u)| crate::url::host(&u));
    for (href, names) in &tags.home_links {
        let own = match crate::url::host(href) {
            None => !href.starts_with("//"),
            Some(h) => [&page_host, &canonical_host, &og_host].into_iter().flatten().any(|p| same_site(&h, p)),
        };
        if own {
            sites.extend(names.iter().map(|n| (n.clone(), "the site's home link".to_string())));
        }
    }
    // A personal site is named after its author: "Post title | Jane Doe" (fixture
    // meta-title-author-suffix-en).
    sites.extend(m.authors.iter().map(|a| (a.clone(), "the author's name".to_string())));
    // Declared titles are the publisher's own headline (Readability's order); they lose only
    // suffixes that repeat the site's declared name or the author's ("Headline - Aktuel24" in
    // og:title: fixture meta-title-og-suffix-fr). The <title> is the document's label and loses any site suffix.
    let declared_title = ld
        .headline
        .clone()
        .map(|t| (t, "JSON-LD headline".to_string()))
        .or_else(|| {
            tags.first(&["dc.title", "dcterms.title", "og:title", "title", "twitter:title", "parsely-title", "sailthru.title", "citation_title"])
                .map(|(k, v)| (v, k.to_string()))
        });
    let source = declared_title.map(|(t, why)| (t, why, true)).or_else(|| {
        doc_title.clone().map(|t| (t, "<title>".to_string(), false)).or_else(|| h1_text.clone().map(|t| (t, "<h1>".into(), false)))
    });
    if let Some((t, why, declared)) = source {
        let (clean, how) = if declared {
            let mut named: Vec<(String, String)> = sites.get(..declared_sites).unwrap_or(&[]).to_vec();
            named.extend(m.authors.iter().map(|a| (a.clone(), "the author's name".to_string())));
            title::strip_declared(&t, &named)
        } else {
            title::strip_site(&t, &sites, page_host.as_deref(), h1_text.as_deref())
        };
        m.title = Some(clean);
        prov(&mut m, "title", match how {
            Some(h) => format!("{why}: {}", h.trim_start_matches("<title> ")),
            None => why,
        });
    }

    // ----- dates ------------------------------------------------------------------------------------
    let mut cands: Vec<(u32, usize, String, String)> = Vec::new();
    fn push(cands: &mut Vec<(u32, usize, String, String)>, rank: u32, iso: String, why: String) {
        let order = cands.len();
        cands.push((rank, order, iso, why));
    }
    if let Some((d, why)) = original.published.clone() {
        push(&mut cands, RANK_DATELINE, d, why);
    }
    if let Some(p) = ld.published.as_deref().and_then(|v| dates::parse_machine(v, lang)) {
        let weak = ld.published_is_created || ld.kind.split(',').all(|k| k.ends_with("page"));
        let what = if ld.published_is_created { "dateCreated" } else { "datePublished" };
        push(&mut cands, if weak { RANK_JSONLD_WEAK } else { RANK_JSONLD }, p, format!("JSON-LD {what} ({})", ld.kind));
    }
    for k in PUBLISHED_KEYS {
        if let Some(p) = tags.all(k).iter().find_map(|v| dates::parse_machine(v, lang)) {
            push(&mut cands, RANK_META, p, format!("meta {k}"));
        }
    }
    for prop in ["datepublished", "datecreated"] {
        if let Some(p) = tags.items.iter().filter(|(k, _, n)| k == prop && !zones.is_chrome(*n)).find_map(|(_, v, _)| dates::parse_machine(v, lang)) {
            push(&mut cands, RANK_MICRODATA, p, format!("microdata itemprop={prop}"));
        }
    }
    let mut visible = byline::visible_dates(dom, &zones, &tags, lang);
    // A relative dateline ("il y a 2 heures") with no absolute date near it: the page's other
    // dates (text, sidebars) are not the article's (fixture meta-date-relative-fr).
    let relative = visible.iter().any(|c| c.why == byline::RELATIVE);
    visible.retain(|c| c.why != byline::RELATIVE && !(relative && c.rank < byline::RANK_HINTED));
    // Inline script data is scanned only when nothing better exists (it can be megabytes).
    let best_so_far = cands.iter().map(|c| c.0).chain(visible.iter().filter(|c| !c.modified).map(|c| c.rank)).max().unwrap_or(0);
    if best_so_far < byline::RANK_SCRIPT_DATA && page_url.and_then(dates::url_date).is_none() {
        visible.extend(byline::script_dates(dom));
    }
    let mut visible_modified: Option<(String, String)> = None;
    let mut vis: Vec<&byline::DateCandidate> = visible.iter().collect();
    vis.sort_by_key(|c| (std::cmp::Reverse(c.rank), !zones.after_h1(c.node), c.node));
    for c in &vis {
        if c.modified {
            if visible_modified.is_none() {
                visible_modified = Some((c.iso.clone(), c.why.clone()));
            }
        } else {
            push(&mut cands, c.rank, c.iso.clone(), c.why.clone());
        }
    }
    if let Some(u) = page_url.and_then(dates::url_date) {
        push(&mut cands, RANK_URL, u, "the URL's date".into());
    }
    cands.sort_by_key(|(rank, order, _, _)| (std::cmp::Reverse(*rank), *order));
    // A machine date-time whose day differs by one from the date the article shows its readers
    // is the same moment in another time zone (UTC): the page's own day wins. (htmldate-eval:
    // 31 pages were one day off from their visible dateline.)
    if let Some(first) = cands.first() {
        // Only a UTC or zone-less value: one with a real offset is already the publisher's local
        // time, and its day is the label's (htmldate-eval: 3 pages; fixture meta-date-offset-vs-print-de).
        if first.0 >= RANK_MICRODATA && first.0 < RANK_DATELINE && first.2.contains('T') && !dates::has_local_offset(&first.2) {
            let day = dates::day_number(&first.2);
            let shown = vis.iter().find(|c| {
                !c.modified && (byline::RANK_HINTED..=byline::RANK_TIME_PUBDATE).contains(&c.rank) && !c.iso.contains('T') || c.rank == byline::RANK_KEYWORD
            });
            if let (Some(day), Some(c)) = (day, shown) {
                if dates::day_number(&c.iso).is_some_and(|d| (d - day).abs() == 1) {
                    let why = format!("{} (the page's own day; {} gives {})", c.why, first.3, first.2);
                    cands.insert(0, (first.0, 0, c.iso.clone(), why));
                }
            }
        }
    }
    if cands.first().is_some_and(|c| c.0 == RANK_URL) {
        let day = cands[0].2.clone();
        if let Some(pos) = cands.iter().skip(1).position(|c| c.2.starts_with(&day) && c.2.len() > day.len()) {
            let c = cands.remove(pos + 1);
            cands.insert(0, (c.0, c.1, c.2, format!("{} (agrees with the URL's date)", c.3)));
        }
    }
    // The date the article shows its readers in the headline's block wins over a declared date
    // (JSON-LD, meta, URL) that is earlier, when every dateline there agrees: the CMS keeps the
    // day the story was first filed or drafted, the page shows the day it was put out
    // (htmldate-eval: 16 pages right, 1 wrong; fixture meta-date-shown-vs-declared-de). A date
    // labelled as an update never counts here, and an earlier shown date is more often an event
    // or a teaser than the article's day.
    if let (Some(first), Some(h1)) = (cands.first(), zones.h1) {
        if (RANK_MICRODATA..RANK_DATELINE).contains(&first.0) {
            let header: Vec<&&byline::DateCandidate> = vis
                .iter()
                .filter(|c| !c.modified && c.rank >= byline::RANK_HINTED && c.node >= h1 && c.node.index() - h1.index() <= HEADLINE_BLOCK)
                .collect();
            let day_of = |iso: &str| iso.get(..10).unwrap_or(iso).to_string();
            if let Some(c) = header.first() {
                let day = day_of(&c.iso);
                if day.len() == 10 && header.iter().all(|h| day_of(&h.iso) == day) && day > day_of(&first.2) {
                    let why = format!("{} (the date shown under the headline; {} gives {})", c.why, first.3, first.2);
                    cands.insert(0, (first.0, 0, c.iso.clone(), why));
                }
            }
        }
    }
    // The generic meta keys (`date`, `dc.date`, `dcterms.date`) name no event: CMSs fill them
    // at publication, at the last edit or when the page is generated. A dated element of the
    // article after the headline wins over them (htmldate-eval: 3 pages right, 1 wrong;
    // fixture meta-date-generic-meta-fr).
    if cands.first().is_some_and(|c| c.0 == RANK_META && GENERIC_DATE_KEYS.iter().any(|k| c.3 == format!("meta {k}"))) {
        let shown = vis.iter().find(|c| !c.modified && c.rank >= byline::RANK_HINTED && zones.after_h1(c.node));
        if let (Some(c), Some(first)) = (shown, cands.first()) {
            if c.iso.get(..10) != first.2.get(..10) {
                let why = format!("{} (the article's own dateline; {} gives {})", c.why, first.3, first.2);
                cands.insert(0, (first.0, 0, c.iso.clone(), why));
            }
        }
    }
    if let Some((_, _, iso, why)) = cands.into_iter().next() {
        m.published = Some(iso);
        prov(&mut m, "published", why);
    }
    let modified = ld
        .modified
        .as_deref()
        .and_then(|v| dates::parse_machine(v, lang))
        .map(|d| (d, "JSON-LD dateModified".to_string()))
        .or_else(|| MODIFIED_KEYS.iter().find_map(|k| tags.all(k).iter().find_map(|v| dates::parse_machine(v, lang)).map(|d| (d, format!("meta {k}")))))
        .or(visible_modified);
    if let Some((d, why)) = modified {
        // A page that states only when it was last edited (wikis, documentation, "Stand:" pages)
        // was published no later than that: the edit date is the best bound we have, and the
        // provenance says so (fixture meta-date-only-modified-de). Not with a relative dateline,
        // whose absolute date is unknown on purpose.
        if m.published.is_none() && !relative {
            m.published = Some(d.clone());
            prov(&mut m, "published", format!("{why} (the page gives no publication date, only its last edit)"));
        }
        m.modified = Some(d);
        prov(&mut m, "modified", why);
    }
    // A month permalink (/2018/08/slug) still dates the page to its month; reduced precision is
    // valid ISO 8601 and citations print it as such (fixture meta-date-url-month-fr).
    if m.published.is_none() && !relative {
        if let Some(ym) = page_url.and_then(dates::url_month) {
            m.published = Some(ym);
            prov(&mut m, "published", "the URL's year and month (the page gives no day)".into());
        }
    }
    // Some CMS put the date only in the summary they write for search engines ("Notice of 14
    // January 2020"): a single date there is the page's, when nothing else dates it (fixture
    // meta-date-description-en). Two dates are a range or an event, not a dateline.
    if m.published.is_none() && !relative {
        if let Some((k, v)) = tags.first(&["og:description", "description", "twitter:description", "dc.description"]) {
            let found = dates::find_dates(&v, lang, 2);
            if let [only] = found.as_slice() {
                m.published = Some(only.iso.clone());
                prov(&mut m, "published", format!("the only date in meta {k}"));
            }
        }
    }

    if m.published.is_none() && !relative {
        if let Some((d, why)) = dates::markup_date(dom) {
            m.published = Some(d);
            prov(&mut m, "published", why);
        }
    }

    // ----- excerpt ------------------------------------------------------------------------------------
    if let Some((k, v)) = tags.first(&["og:description", "description", "twitter:description", "dc.description", "dcterms.description"]) {
        m.excerpt = Some(v);
        prov(&mut m, "excerpt", k.to_string());
    } else if let Some(d) = ld.description.clone() {
        m.excerpt = Some(d);
        prov(&mut m, "excerpt", "JSON-LD description".into());
    }
    m
}

/// Links to an author's page just after the headline, in an unclassed block ("<a
/// href=/autor/maria-lopez/>María López</a>"): the first one and the links beside it, outside
/// page chrome; a list of them further down is another article's (fixture
/// meta-byline-author-path-link-es). The last source of authors.
fn author_page_links(dom: &Dom, zones: &byline::Zones, tags: &tags::Tags) -> Option<(Vec<String>, String)> {
    let h1 = zones.h1?;
    let mut links = tags.author_path_links.iter().filter(|(_, n)| *n > h1 && !zones.is_chrome(*n));
    let (first_text, first) = links.next().filter(|(_, n)| n.index() - h1.index() < 200)?;
    let parent = dom.parent(*first);
    let mut names = vec![first_text.clone()];
    names.extend(links.filter(|(_, n)| dom.parent(*n) == parent).map(|(t, _)| t.clone()));
    Some((names, format!("link to an author page {}", dom.describe(*first))))
}

/// "Aktuel24 - Toute l'actualité du Maroc" → "Aktuel24" when the page's `<title>` ends with
/// " - Aktuel24" (or " | ", " – ", " — "), or when the page's host names it ("Hespress
/// Français - Actualités du Maroc" on fr.hespress.com): the title or the address says which part
/// names the site, and the second value says which (fixtures meta-site-name-tagline-fr,
/// meta-site-name-tagline-host-fr).
fn site_without_tagline(site: &str, doc_title: Option<&str>, host: Option<&str>) -> Option<(String, &'static str)> {
    for sep in [" - ", " | ", " – ", " — ", " : "] {
        let Some((name, tagline)) = site.split_once(sep) else { continue };
        let name = name.trim();
        if name.is_empty() || name.split_whitespace().count() > 5 || tagline.split_whitespace().count() < 2 {
            continue;
        }
        let ends = doc_title.is_some_and(|title| [" - ", " | ", " – ", " — ", " · "].iter().any(|t| title.ends_with(&format!("{t}{name}"))));
        if ends {
            return Some((name.to_string(), "the <title> ends with the name"));
        }
        let key = authors::norm_key(name);
        let in_host = host.is_some_and(|h| h.split('.').any(|l| l.len() >= 4 && key.starts_with(&authors::norm_key(l))));
        if in_host {
            return Some((name.to_string(), "the host names it"));
        }
    }
    None
}

/// True when the nearest enclosing microdata item of `n` is an article (Article, BlogPosting,
/// NewsArticle, …) outside page chrome: its itemprops are the article's own (a sidebar's list
/// of other posts is chrome).
fn in_article_item(dom: &Dom, zones: &Zones, n: NodeId) -> bool {
    dom.ancestors(n).take(60).find(|&a| dom.attr(a, "itemscope").is_some()).is_some_and(|a| {
        !zones.is_chrome(a) && dom.attr(a, "itemtype").is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            t.contains("article") || t.contains("posting") || t.contains("report")
        })
    })
}

/// Same site: equal hosts, or one a subdomain of the other (www., m., fr.).
fn same_site(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}
