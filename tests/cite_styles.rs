//! Focused citation tests: the deliberate deviations from the CSL output (each with a hand-written
//! expected string), locale choice, time zones, title case, exports, errors, and hostile input.
//! The string-for-string comparison with citeproc-js is tests/cite_oracle.rs.

use lisible::{cite, Article};

const NB: char = '\u{a0}';
const NNB: char = '\u{202f}';

/// The reference aggregator page (tests/fixtures/pages/maghress-fr): Albayane read on Maghress.
fn maghress() -> Article {
    Article {
        title: Some("Maroc-USA : une feuille de route militaire pour la décennie 2020-2030".into()),
        outlet: Some("Albayane".into()),
        site_name: Some("Maghress".into()),
        published: Some("2020-10-04".into()),
        lang: Some("fr".into()),
        url: Some("https://www.maghress.com/fr/albayane/5012345".into()),
        source_url: Some("https://www.albayane.press.ma/maroc-usa.html".into()),
        ..Article::default()
    }
}

fn article(title: &str, authors: &[&str], outlet: Option<&str>, published: Option<&str>, lang: &str) -> Article {
    Article {
        title: Some(title.into()),
        authors: authors.iter().map(|a| a.to_string()).collect(),
        outlet: outlet.map(str::to_string),
        site_name: outlet.map(str::to_string),
        published: published.map(str::to_string),
        lang: Some(lang.into()),
        url: Some("https://news.example/a".into()),
        ..Article::default()
    }
}

fn text(a: &Article, style: &str, locale: Option<&str>, accessed: Option<&str>) -> String {
    cite::format(a, style, locale, accessed).expect("format").text
}

#[test]
fn d1_apa_french_and_arabic_dates_put_the_day_first() {
    let a = maghress();
    let t = text(&a, "apa", Some("fr"), None);
    assert!(t.contains("(2020, 4 octobre)."), "{t}");
    assert!(!t.contains("octobre 4"), "CSL's English order must not leak: {t}");
    let t = text(&a, "apa", Some("ar"), None);
    assert!(t.contains("(2020, 4 أكتوبر)."), "{t}");
    // English keeps APA's order.
    assert!(text(&a, "apa", Some("en"), None).contains("(2020, October 4)."));
}

#[test]
fn d2_french_first_of_the_month_is_1er() {
    let a = article("Les prix repartent à la hausse", &["Pierre Martin"], Some("L'Écho"), Some("2022-10-01"), "fr");
    assert_eq!(
        text(&a, "chicago", None, None),
        format!("Martin, Pierre. 2022. «{NB}Les prix repartent à la hausse{NB}». L’Écho, 1er octobre 2022. https://news.example/a.")
    );
    assert!(text(&a, "apa", None, None).contains("(2022, 1er octobre)"));
    assert!(text(&a, "iso690", None, Some("2024-05-01")).contains(&format!("[Consulté{NB}le{NB}1er{NB}mai{NB}2024]")));
    // 11 and 21 are not "1er"; English and Arabic never get it.
    let a = article("Titre", &[], Some("Le Monde"), Some("2022-10-21"), "fr");
    assert!(text(&a, "mla", None, None).contains(" 21 octobre 2022"));
    let a = article("Title", &[], Some("The Times"), Some("2022-10-01"), "en");
    assert!(text(&a, "mla", Some("fr"), None).contains(" 1er octobre 2022"));
    assert!(text(&a, "mla", Some("en"), None).contains(" 1 Oct. 2022"));
}

#[test]
fn d3_harvard_french_access_date_has_no_stray_colon() {
    let t = text(&maghress(), "harvard", None, Some("2020-10-05"));
    assert_eq!(
        t,
        format!(
            "Albayane (2020) «{NB}Maroc-USA{NNB}: une feuille de route militaire pour la décennie 2020-2030{NB}», 4 octobre. \
             Disponible sur: https://www.albayane.press.ma/maroc-usa.html (Consulté le 5 octobre 2020)."
        )
    );
    // English and Arabic keep Cite Them Right's "Accessed:".
    assert!(text(&maghress(), "harvard", Some("en"), Some("2020-10-05")).contains("(Accessed: October 5, 2020)."));
}

#[test]
fn d4_iso690_page_without_site_has_no_empty_container() {
    let mut a = article("Notes on sourdough baking", &["Sam Baker"], None, Some("2020-04-01"), "en");
    a.site_name = None;
    assert_eq!(
        text(&a, "iso690", Some("en"), None),
        "BAKER, Sam, 2020. Notes on sourdough baking. Online. 1 April 2020. Available from: https://news.example/a"
    );
}

#[test]
fn d5_apa_undated_page_without_access_date_has_no_dangling_retrieved() {
    let a = article("About our newsroom", &[], None, None, "en");
    let t = text(&a, "apa", Some("en"), None);
    assert_eq!(t, "About our newsroom. (n.d.). https://news.example/a");
    let with = text(&a, "apa", Some("en"), Some("2024-02-29"));
    assert!(with.ends_with("Retrieved February 29, 2024, from https://news.example/a"), "{with}");
}

#[test]
fn aggregator_cites_the_outlet_and_the_original_url() {
    let a = maghress();
    for s in cite::styles() {
        let c = cite::format(&a, s.id, None, Some("2020-10-05")).expect("format");
        assert!(c.text.contains("https://www.albayane.press.ma/maroc-usa.html"), "{}: {}", s.id, c.text);
        assert!(!c.text.contains("maghress.com"), "{} cites the aggregator URL: {}", s.id, c.text);
        assert!(c.text.contains("Albayane"), "{}: {}", s.id, c.text);
    }
    // The exports say where it was read.
    assert!(text(&a, "ris", None, None).contains("DB  - Maghress\n"));
    assert!(text(&a, "bibtex", None, None).contains("note = {via Maghress},"));
}

#[test]
fn locale_comes_from_the_article_then_the_argument() {
    let a = maghress();
    assert!(text(&a, "mla", None, None).starts_with('«'), "fr article, no locale: French");
    for tag in ["en", "en-US", "EN-gb"] {
        assert!(text(&a, "mla", Some(tag), None).starts_with('“'), "{tag}");
    }
    for tag in ["fr", "fr-FR", "fr-CA"] {
        assert!(text(&a, "mla", Some(tag), None).starts_with('«'), "{tag}");
    }
    assert!(text(&a, "mla", Some("ar"), None).starts_with('"'));
    let mut de = a.clone();
    de.lang = Some("de".into());
    assert!(text(&de, "mla", None, None).starts_with('“'), "unsupported language falls back to en-US");
    de.lang = None;
    assert!(text(&de, "mla", None, None).starts_with('“'));
    assert!(cite::format(&a, "mla", Some("xx"), None).is_err());
    // Blank arguments mean "not given".
    assert_eq!(cite::format(&a, "mla", Some(" "), Some("")).unwrap(), cite::format(&a, "mla", None, None).unwrap());
}

#[test]
fn publisher_date_is_kept_across_midnight() {
    // 00:15 in Paris is still 31 December in UTC: the citation gives the publisher's date.
    let a = article("Bonne année", &["Hélène Roux"], Some("La Voix"), Some("2021-01-01T00:15:00+01:00"), "fr");
    assert!(text(&a, "chicago", None, None).contains("1er janvier 2021"));
    let a = article("Election night", &["Paul Turner"], Some("The Courier"), Some("2021-03-01T23:45:00-05:00"), "en");
    assert!(text(&a, "apa", None, None).contains("(2021, March 1)"));
}

#[test]
fn french_and_arabic_titles_are_never_title_cased() {
    let fr = article("la réforme des retraites adoptée", &["Claire Dubois"], Some("Le Quotidien"), Some("2023-03-16"), "fr");
    let ar = article("الحكومة تعلن عن برنامج جديد", &["محمد العلوي"], Some("هسبريس"), Some("2022-05-19"), "ar");
    for style in ["mla", "chicago", "chicago-notes"] {
        for loc in ["en", "fr", "ar"] {
            assert!(text(&fr, style, Some(loc), None).contains("la réforme des retraites adoptée"), "{style} {loc}");
            assert!(text(&ar, style, Some(loc), None).contains("الحكومة تعلن عن برنامج جديد"), "{style} {loc}");
        }
    }
    // English: MLA and Chicago title-case, APA keeps the sentence case as given.
    let en = article("the future of work: what comes next", &["Henry Scott"], Some("Rural Voices"), Some("2020-05-05"), "en");
    assert!(text(&en, "mla", None, None).contains("“The Future of Work: What Comes Next.”"));
    assert!(text(&en, "apa", None, None).contains("the future of work: what comes next."));
}

#[test]
fn html_italicises_what_the_style_italicises_and_escapes() {
    let a = article("Rivers & roads", &["Omar Haddad"], Some("Town & Country"), Some("2018-09-03"), "en");
    let c = cite::format(&a, "mla", None, None).unwrap();
    assert_eq!(c.text, "Haddad, Omar. “Rivers & Roads.” Town & Country, 3 Sept. 2018, https://news.example/a.");
    assert_eq!(c.html, "Haddad, Omar. “Rivers &amp; Roads.” <i>Town &amp; Country</i>, 3 Sept. 2018, https://news.example/a.");
    let b = cite::format(&a, "bibtex", None, None).unwrap();
    assert!(b.text.contains("title = {{Rivers \\& roads}}"), "{}", b.text);
    assert!(!b.html.contains("<i>"));
}

#[test]
fn chicago_notes_give_full_note_short_note_and_bibliography() {
    let a = article("Why the river keeps flooding", &["Robert Chen"], Some("Valley Times"), Some("2022-11-30"), "en");
    let c = cite::format(&a, "chicago-notes", None, None).unwrap();
    assert_eq!(c.note.as_deref(), Some("Robert Chen, “Why the River Keeps Flooding,” Valley Times, November 30, 2022, https://news.example/a."));
    assert_eq!(c.short_note.as_deref(), Some("Chen, “Why the River Keeps Flooding.”"));
    assert_eq!(c.text, "Chen, Robert. “Why the River Keeps Flooding.” Valley Times, November 30, 2022. https://news.example/a.");
    assert_eq!(c.note_html.as_deref(), Some("Robert Chen, “Why the River Keeps Flooding,” <i>Valley Times</i>, November 30, 2022, https://news.example/a."));
    // Other styles have no notes.
    assert!(cite::format(&a, "chicago", None, None).unwrap().note.is_none());
}

#[test]
fn exports() {
    let a = article("Why the river keeps flooding", &["Robert Chen", "AFP"], Some("Valley Times"), Some("2022-11-30"), "en");
    assert_eq!(
        text(&a, "bibtex", None, Some("2024-03-05")),
        "@article{chen2022,\n  author = {Chen, Robert and {AFP}},\n  title = {{Why the river keeps flooding}},\n  \
         journaltitle = {Valley Times},\n  entrysubtype = {newspaper},\n  date = {2022-11-30},\n  \
         url = {https://news.example/a},\n  urldate = {2024-03-05},\n  langid = {english},\n}"
    );
    assert_eq!(
        text(&a, "ris", None, Some("2024-03-05")),
        "TY  - NEWS\nAU  - Chen, Robert\nAU  - AFP\nTI  - Why the river keeps flooding\nT2  - Valley Times\nPY  - 2022\n\
         DA  - 2022/11/30\nUR  - https://news.example/a\nY2  - 2024/03/05\nLA  - en\nER  - "
    );
    let mut page = a.clone();
    page.outlet = None;
    assert!(text(&page, "ris", None, None).starts_with("TY  - ELEC\n"));
    assert!(text(&page, "bibtex", None, None).starts_with("@online{chen2022,\n"));
    let json: serde_json::Value = serde_json::from_str(&text(&a, "csl-json", None, None)).unwrap();
    assert_eq!(json[0]["type"], "article-newspaper");
    assert_eq!(json[0]["author"][1]["literal"], "AFP");
    assert_eq!(json[0]["issued"]["date-parts"][0][2], 30);
}

#[test]
fn names_people_and_organisations() {
    let a = article("T", &["Jean-Pierre Tremblay", "Ministère de la Santé", "Anne de Villiers", "MAP"], Some("Le Devoir"), Some("2023"), "fr");
    let t = text(&a, "apa", Some("fr"), None);
    assert!(t.starts_with(&format!("Tremblay, J.-P., Ministère de la Santé, de{NB}Villiers, A., & MAP. (2023).")), "{t}");
    let t = text(&a, "apa", Some("en"), None);
    assert!(t.starts_with("Tremblay, J.-P., Ministère de la Santé, de Villiers, A., & MAP. (2023)."), "{t}");
    // Chicago's bibliography demotes the particle after the given name.
    let t = text(&a, "chicago", Some("en"), None);
    assert!(t.starts_with("Tremblay, Jean-Pierre, Ministère de la Santé, Anne de Villiers, and MAP. 2023."), "{t}");
    let one = article("T", &["Anne de Villiers"], Some("Le Devoir"), Some("2023"), "fr");
    assert!(text(&one, "chicago", Some("en"), None).starts_with("Villiers, Anne de. 2023."));
}

#[test]
fn impossible_dates_keep_what_is_valid() {
    let a = article("T", &["Ann Lee"], Some("The Times"), Some("2023-02-29T10:00:00Z"), "en");
    assert!(text(&a, "mla", None, None).contains(", Feb. 2023,"));
    let a = article("T", &["Ann Lee"], Some("The Times"), Some("2024-02-29"), "en");
    assert!(text(&a, "mla", None, None).contains(", 29 Feb. 2024,"));
    let a = article("T", &["Ann Lee"], Some("The Times"), Some("2024-13-01"), "en");
    assert!(text(&a, "apa", None, None).contains("(2024)."));
    assert!(cite::format(&a, "apa", None, Some("2023-02-29")).is_err(), "impossible access date");
}

#[test]
fn errors_are_reported_not_panicked() {
    let a = maghress();
    assert!(cite::format(&a, "vancouver", None, None).is_err());
    assert!(cite::format(&a, "apa", None, Some("yesterday")).is_err());
    assert!(cite::format(&a, "apa", None, Some("2024-13-01")).is_err());
}

#[test]
fn styles_list_is_complete() {
    let ids: Vec<&str> = cite::styles().iter().map(|s| s.id).collect();
    assert_eq!(ids, ["apa", "mla", "chicago", "chicago-notes", "harvard", "iso690", "bibtex", "ris", "csl-json"]);
}

#[test]
fn hostile_input_never_panics() {
    let long = "é".repeat(10_000);
    let many: Vec<String> = (0..500).map(|i| format!("Nom{i} Prénom{i}")).collect();
    let cases = vec![
        Article::default(),
        Article { title: Some(String::new()), authors: vec![" ".into(), "".into()], ..Article::default() },
        Article { title: Some(long.clone()), authors: many, published: Some("2020-02-30T99:99".into()), ..Article::default() },
        Article { title: Some("\"\"\"' ' « » : ; ? !".into()), published: Some("20".into()), lang: Some("".into()), ..Article::default() },
        Article { title: Some("»« «« »»\u{a0}« x".into()), outlet: Some("« O »".into()), lang: Some("fr".into()), ..Article::default() },
        Article { title: Some("x".into()), published: Some("２０２０-01-01".into()), lang: Some("-".into()), ..Article::default() },
        Article { title: Some("a-".into()), published: Some("2020-1".into()), outlet: Some(" ".into()), ..Article::default() },
        Article { title: Some("🙂 emoji ".into()), authors: vec!["🙂 🙃".into()], published: Some("0000-00-00".into()), ..Article::default() },
    ];
    for a in &cases {
        for s in cite::styles() {
            for l in [None, Some("en"), Some("fr"), Some("ar")] {
                let c = cite::format(a, s.id, l, Some("2024-01-01")).expect("format");
                let leak = |t: &str| t.chars().any(|ch| ('\u{e000}'..='\u{e003}').contains(&ch));
                assert!(!leak(&c.text) && !leak(&c.html), "marker leaked: {}", c.text);
            }
        }
    }
}
