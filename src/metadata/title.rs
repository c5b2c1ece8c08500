//! The headline: declared titles, the `<title>` minus the site's suffix (" | Le Monde",
//! " - Hespress FR", " - Maghress"), inner dashes kept ("Maroc-USA", "2020-2030", "A - B" when B
//! is not the site), and agreement with the page's `<h1>`.

use super::authors::norm_key;

/// Separators between a headline and a site name, as they appear with spaces around them.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", " ~ "];

/// Removes a site name at the end (or start) of `title`. `sites` are the names the page gives
/// for itself, each with where it was read (og:site_name, publisher, application-name, a home
/// link, the author); `host` the page's host; `h1` the page's headline element. The second
/// value says what was removed and why, for the provenance.
pub fn strip_site(title: &str, sites: &[(String, String)], host: Option<&str>, h1: Option<&str>) -> (String, Option<String>) {
    let t = title.trim();
    // h1 agreement: the title starts (or ends) with the h1 and the rest is a site segment.
    if let Some(h) = h1.map(str::trim).filter(|h| h.chars().count() >= 8) {
        if t != h {
            for sep in SEPARATORS {
                if let Some(rest) = t.strip_prefix(h).and_then(|r| r.strip_prefix(sep.trim_end()).or_else(|| r.strip_prefix(sep))) {
                    if rest.split_whitespace().count() <= 6 {
                        return (h.to_string(), Some(format!("<title> minus '{} {}' (agrees with <h1>)", sep.trim(), rest.trim())));
                    }
                }
                if let Some(rest) = t.strip_suffix(h).and_then(|r| r.strip_suffix(sep.trim_start()).or_else(|| r.strip_suffix(sep))) {
                    if rest.split_whitespace().count() <= 3 && !rest.contains(':') {
                        return (h.to_string(), Some(format!("<title> minus '{} {}' (agrees with <h1>)", rest.trim(), sep.trim())));
                    }
                }
            }
        }
    }
    let site_keys: Vec<(String, &str)> = sites.iter().map(|(s, why)| (norm_key(s), why.as_str())).filter(|(k, _)| k.len() >= 2).collect();
    let host_labels: Vec<String> = host
        .map(|h| h.split('.').filter(|l| l.len() >= 3 && !matches!(*l, "www" | "com" | "org" | "net" | "press" | "info")).map(norm_key).collect())
        .unwrap_or_default();
    // Where the name that `seg` matches was read, if it names the site.
    let names_site = |seg: &str| -> Option<String> {
        let k = norm_key(seg);
        if k.is_empty() || seg.split_whitespace().count() > 6 {
            return None;
        }
        if let Some((_, why)) = site_keys.iter().find(|(s, _)| *s == k || (k.starts_with(s.as_str()) && k.len() <= s.len() + 3) || (s.starts_with(k.as_str()) && k.len() >= 4)) {
            return Some(why.to_string());
        }
        host_labels
            .iter()
            .any(|l| k == *l || (k.starts_with(l.as_str()) && k.len() <= l.len() + 3) || (l.len() >= 4 && k.contains(l.as_str()) && seg.split_whitespace().count() <= 3))
            .then(|| "the host".to_string())
    };
    // "Fandom name [Site]": a segment that ends with the site's name in brackets is the site's
    // label (fixture meta-title-bracketed-site-ar).
    let is_site = |seg: &str| -> Option<String> { names_site(seg).or_else(|| bracketed_tail(seg).and_then(&names_site)) };
    // "Maghress : Headline": a colon after the site's name, when the rest is the page's <h1> (a
    // colon is otherwise the headline's own: "Budget 2021 : ce qui change") (fixture
    // meta-title-colon-prefix-fr).
    if let Some(h) = h1.map(str::trim).filter(|h| h.chars().count() >= 8) {
        if let Some(head) = t.strip_suffix(h).map(str::trim_end).and_then(|r| r.strip_suffix(':').or_else(|| r.strip_suffix('：'))) {
            let head = head.trim();
            if let (false, Some(why)) = (head.is_empty(), is_site(head)) {
                return (h.to_string(), Some(format!("<title> minus site prefix '{head} :' ({why}, agrees with <h1>)")));
            }
        }
    }
    for sep in SEPARATORS {
        // Suffix: the LAST separator, so that inner dashes of the headline stay.
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            // A short tail that says it is a site ("My website", "Le blog de Léa")
            // after a headline of three words or more (fixture meta-title-site-noun-fr).
            let site = is_site(tail).or_else(|| (head.split_whitespace().count() >= 3 && is_site_label(tail)).then(|| "a site label".to_string()));
            if let (false, Some(why)) = (head.trim().is_empty(), site) {
                let (inner, inner_how) = strip_site(head, sites, host, None);
                let mut how = format!("<title> minus site suffix '{} {}' ({why})", sep.trim(), tail.trim());
                if let Some(more) = inner_how {
                    how.push_str(&format!(", then {}", more.trim_start_matches("<title> minus ")));
                }
                return (inner, Some(how));
            }
        }
        // Prefix: "Le Monde | Headline".
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if !tail.trim().is_empty() && head.split_whitespace().count() <= 3 && tail.split_whitespace().count() >= 2 {
                if let Some(why) = is_site(head) {
                    return (tail.trim().to_string(), Some(format!("<title> minus site prefix '{} {}' ({why})", head.trim(), sep.trim())));
                }
            }
        }
    }
    (t.to_string(), None)
}

/// A declared title (JSON-LD headline, og:title…) minus final segments that are exactly one of
/// the site's declared names (og:site_name, publisher…) or the author's ("Title - Author -
/// Medium"): nothing else is guessed, the headline is the publisher's own.
pub fn strip_declared(title: &str, sites: &[(String, String)]) -> (String, Option<String>) {
    let mut t = title.trim();
    let mut removed: Vec<String> = Vec::new();
    'outer: for _ in 0..3 {
        for sep in SEPARATORS {
            if let Some(i) = t.rfind(sep) {
                let (head, tail) = (&t[..i], &t[i + sep.len()..]);
                let k = norm_key(tail);
                if head.split_whitespace().count() >= 2 && !k.is_empty() {
                    if let Some((_, why)) = sites.iter().find(|(s, _)| norm_key(s) == k) {
                        removed.push(format!("'{} {}' ({why})", sep.trim(), tail.trim()));
                        t = head.trim();
                        continue 'outer;
                    }
                }
            }
        }
        break;
    }
    let how = (!removed.is_empty()).then(|| format!("minus site suffix {}", removed.join(", then ")));
    (t.to_string(), how)
}

/// Words that make a short title segment a site's label. Only unambiguous ones: "site",
/// "forum", "portail", "مدونة" (also the Moroccan family code), "موقع" (also a place) or
/// "بوابة" (a gate) name other things in headlines.
const SITE_NOUNS: &[&str] = &["website", "blog", "blogue", "weblog", "homepage", "webzine", "wiki", "siteweb"];

/// "My website", "Le blog de Léa": at most four words, one of them a site noun.
fn is_site_label(seg: &str) -> bool {
    let words: Vec<String> = seg.split_whitespace().map(norm_key).collect();
    !words.is_empty() && words.len() <= 4 && words.iter().any(|w| SITE_NOUNS.contains(&w.as_str()))
}

/// The text inside a final `[…]` or `(…)`.
fn bracketed_tail(seg: &str) -> Option<&str> {
    let seg = seg.trim();
    let (open, close) = if seg.ends_with(']') { ('[', ']') } else if seg.ends_with(')') { ('(', ')') } else { return None };
    let i = seg.rfind(open)?;
    seg.get(i + 1..seg.len() - close.len_utf8()).map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str, site: &str, host: &str) -> String {
        strip_site(t, &[(site.to_string(), "og:site_name".to_string())], Some(host), None).0
    }

    #[test]
    fn suffixes_go_inner_dashes_stay() {
        assert_eq!(
            s("Maroc-USA : une feuille de route militaire pour la décennie 2020-2030 - Maghress", "Maghress", "maghress.com"),
            "Maroc-USA : une feuille de route militaire pour la décennie 2020-2030"
        );
        assert_eq!(s("Le gouvernement adopte le budget | Le Monde", "Le Monde", "lemonde.fr"), "Le gouvernement adopte le budget");
        assert_eq!(s("Rabat - Casablanca : le TGV en 2030 - Hespress FR", "", "fr.hespress.com"), "Rabat - Casablanca : le TGV en 2030");
        assert_eq!(s("Une question - une réponse", "Maghress", "maghress.com"), "Une question - une réponse");
    }

    #[test]
    fn site_labels_and_bracketed_site_names() {
        assert_eq!(strip_site("How we rebuilt our kitchen – My website", &[], None, None).0, "How we rebuilt our kitchen");
        assert_eq!(strip_site("Dix jours dans le Haut Atlas | Le blog de Léa", &[], None, None).0, "Dix jours dans le Haut Atlas");
        // A two-word headline keeps its tail; so does a tail that names no site.
        assert_eq!(strip_site("Question - My website", &[], None, None).0, "Question - My website");
        assert_eq!(strip_site("Une question - une réponse claire", &[], None, None).0, "Une question - une réponse claire");
        assert_eq!(strip_site("Nouvelles fouilles à Volubilis - Le site antique", &[], None, None).0, "Nouvelles fouilles à Volubilis - Le site antique");
        assert_eq!(strip_site("البرلمان يناقش تعديلات جديدة - مدونة الأسرة", &[], None, None).0, "البرلمان يناقش تعديلات جديدة - مدونة الأسرة");
        let sites = [("Story Vault".to_string(), "the site's home link".to_string())];
        assert_eq!(strip_site("The Lighthouse - Chapter 3 | Sea Tales [Story Vault]", &sites, None, None).0, "The Lighthouse - Chapter 3");
        assert_eq!(strip_site("The Lighthouse - Chapter 3 | Sea Tales [Author's cut]", &sites, None, None).0, "The Lighthouse - Chapter 3 | Sea Tales [Author's cut]");
        let (t, how) = strip_site("Notes on SQL | Code | Jane Doe", &[("Jane Doe".to_string(), "the author's name".to_string())], None, None);
        assert_eq!(t, "Notes on SQL | Code");
        assert_eq!(how.as_deref(), Some("<title> minus site suffix '| Jane Doe' (the author's name)"));
    }

    #[test]
    fn declared_titles_lose_only_the_declared_site() {
        let sites = [("Aktuel24".to_string(), "og:site_name".to_string())];
        assert_eq!(strip_declared("Le budget 2025 adopté | Aktuel24", &sites).0, "Le budget 2025 adopté");
        assert_eq!(strip_declared("Le budget 2025 adopté - Aktuel", &sites).0, "Le budget 2025 adopté - Aktuel");
        assert_eq!(strip_declared("Maroc - Aktuel24", &sites).0, "Maroc - Aktuel24");
        assert_eq!(strip_declared("Le budget - My website", &sites).0, "Le budget - My website");
        let both = [("Medium".to_string(), "og:site_name".to_string()), ("Jane Doe".to_string(), "the author's name".to_string())];
        let (t, how) = strip_declared("The Great Big Lie - Jane Doe - Medium", &both);
        assert_eq!(t, "The Great Big Lie");
        assert_eq!(how.as_deref(), Some("minus site suffix '- Medium' (og:site_name), then '- Jane Doe' (the author's name)"));
    }

    #[test]
    fn h1_agreement() {
        let (t, _) = strip_site("Budget 2021 : ce qui change - Le Quotidien du Sud", &[], None, Some("Budget 2021 : ce qui change"));
        assert_eq!(t, "Budget 2021 : ce qui change");
        // A colon prefix goes only when it names the site and the rest is the <h1>.
        let sites = [("Maghress".to_string(), "og:site_name".to_string())];
        let (t, how) = strip_site("Maghress : Le port de Tanger Med franchit un record", &sites, None, Some("Le port de Tanger Med franchit un record"));
        assert_eq!(t, "Le port de Tanger Med franchit un record");
        assert_eq!(how.as_deref(), Some("<title> minus site prefix 'Maghress :' (og:site_name, agrees with <h1>)"));
        assert_eq!(strip_site("Budget 2021 : ce qui change", &sites, None, Some("ce qui change pour les ménages")).0, "Budget 2021 : ce qui change");
        assert_eq!(strip_site("Budget 2021 : ce qui change pour vous", &sites, None, Some("ce qui change pour vous")).0, "Budget 2021 : ce qui change pour vous");
    }
}
