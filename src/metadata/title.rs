//! The headline: declared titles, the `<title>` minus the site's suffix (" | Le Monde",
//! " - Hespress FR", " - Maghress"), inner dashes kept ("Maroc-USA", "2020-2030", "A - B" when B
//! is not the site), and agreement with the page's `<h1>`.

use super::authors::norm_key;

/// Separators between a headline and a site name, as they appear with spaces around them.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", " ~ "];

/// Removes a site name at the end (or start) of `title`. `sites` are the names the page gives
/// for itself (og:site_name, publisher, application-name, the host's labels); `h1` the page's
/// headline element.
pub fn strip_site(title: &str, sites: &[String], host: Option<&str>, h1: Option<&str>) -> (String, Option<String>) {
    let t = title.trim();
    // h1 agreement: the title starts (or ends) with the h1 and the rest is a site segment.
    if let Some(h) = h1.map(str::trim).filter(|h| h.chars().count() >= 8) {
        if t != h {
            for sep in SEPARATORS {
                if let Some(rest) = t.strip_prefix(h).and_then(|r| r.strip_prefix(sep.trim_end()).or_else(|| r.strip_prefix(sep))) {
                    if rest.split_whitespace().count() <= 6 {
                        return (h.to_string(), Some(format!("<title> minus '{}' (agrees with <h1>)", clip(sep.trim()) + " " + rest.trim())));
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
    let site_keys: Vec<String> = sites.iter().map(|s| norm_key(s)).filter(|k| k.len() >= 2).collect();
    let host_labels: Vec<String> = host
        .map(|h| h.split('.').filter(|l| l.len() >= 3 && !matches!(*l, "www" | "com" | "org" | "net" | "press" | "info")).map(norm_key).collect())
        .unwrap_or_default();
    let is_site = |seg: &str| -> bool {
        let k = norm_key(seg);
        if k.is_empty() || seg.split_whitespace().count() > 6 {
            return false;
        }
        site_keys.iter().any(|s| *s == k || (k.starts_with(s.as_str()) && k.len() <= s.len() + 3) || (s.starts_with(k.as_str()) && k.len() >= 4))
            || host_labels.iter().any(|l| k == *l || (k.starts_with(l.as_str()) && k.len() <= l.len() + 3) || (l.len() >= 4 && k.contains(l.as_str()) && seg.split_whitespace().count() <= 3))
    };
    for sep in SEPARATORS {
        // Suffix: the LAST separator, so that inner dashes of the headline stay.
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if !head.trim().is_empty() && is_site(tail) {
                let (inner, _) = strip_site(head, sites, host, None);
                return (inner, Some(format!("<title> minus site suffix '{} {}'", sep.trim(), tail.trim())));
            }
        }
        // Prefix: "Le Monde | Headline".
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if !tail.trim().is_empty() && is_site(head) && head.split_whitespace().count() <= 3 && tail.split_whitespace().count() >= 2 {
                return (tail.trim().to_string(), Some(format!("<title> minus site prefix '{} {}'", head.trim(), sep.trim())));
            }
        }
    }
    (t.to_string(), None)
}

fn clip(s: &str) -> String {
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str, site: &str, host: &str) -> String {
        strip_site(t, &[site.to_string()], Some(host), None).0
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
    fn h1_agreement() {
        let (t, _) = strip_site("Budget 2021 : ce qui change - Le Quotidien du Sud", &[], None, Some("Budget 2021 : ce qui change"));
        assert_eq!(t, "Budget 2021 : ce qui change");
    }
}
