//! Language and direction: `<html lang>`, `content-language`, og:locale, JSON-LD inLanguage, then
//! the text itself (Arabic script → "ar", rtl).

use crate::dom::Dom;

/// A BCP 47 tag cleaned up: "fr_FR" → "fr-FR", "EN-us" → "en-US"; None when not a tag.
pub fn normalize_tag(raw: &str) -> Option<String> {
    let first = raw.split([',', ';']).next()?.trim();
    if first.is_empty() || first.len() > 20 || !first.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let mut parts = first.split(['-', '_']);
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary;
    for p in parts {
        out.push('-');
        if p.len() == 2 {
            out.push_str(&p.to_ascii_uppercase());
        } else if p.len() == 4 {
            let mut c = p.chars();
            out.extend(c.next().map(|c| c.to_ascii_uppercase()));
            out.push_str(&c.as_str().to_ascii_lowercase());
        } else {
            out.push_str(&p.to_ascii_lowercase());
        }
    }
    Some(out)
}

/// Primary subtag of a language tag.
pub fn primary(tag: &str) -> String {
    tag.split('-').next().unwrap_or("").to_ascii_lowercase()
}

/// Right-to-left languages.
pub fn is_rtl_lang(tag: &str) -> bool {
    matches!(primary(tag).as_str(), "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug")
}

/// Guesses the language of `text` from its script and frequent words (Arabic, French, English,
/// Spanish, German). None when unsure.
pub fn guess(text: &str) -> Option<&'static str> {
    let (mut arabic, mut latin, mut hebrew) = (0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        match c as u32 {
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => arabic += 1,
            0x0590..=0x05FF => hebrew += 1,
            _ if c.is_alphabetic() => latin += 1,
            _ => {}
        }
    }
    if arabic > latin && arabic > hebrew && arabic >= 20 {
        return Some("ar");
    }
    if hebrew > latin && hebrew >= 20 {
        return Some("he");
    }
    let mut scores = [("fr", 0usize), ("en", 0), ("es", 0), ("de", 0)];
    for w in text.split(|c: char| !c.is_alphabetic() && c != '\'').take(3000) {
        let w = w.to_lowercase();
        let lang = match w.as_str() {
            "le" | "les" | "des" | "est" | "une" | "dans" | "pour" | "qui" | "sur" | "avec" | "du" | "au" => 0,
            "the" | "and" | "of" | "is" | "to" | "in" | "that" | "with" | "for" | "was" => 1,
            "el" | "los" | "las" | "que" | "por" | "con" | "una" | "del" | "es" | "para" => 2,
            "der" | "die" | "und" | "das" | "ist" | "nicht" | "mit" | "den" | "ein" | "eine" | "auf" => 3,
            _ => continue,
        };
        scores[lang].1 += 1;
    }
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    (scores[0].1 >= 5 && scores[0].1 >= 2 * scores[1].1).then_some(scores[0].0)
}

/// `<html dir>` or `<body dir>` when given.
pub fn declared_dir(dom: &Dom) -> Option<String> {
    for n in [dom.html(), dom.body()].into_iter().flatten() {
        if let Some(d) = dom.attr(n, "dir").map(|d| d.trim().to_ascii_lowercase()) {
            if d == "rtl" || d == "ltr" {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_guesses() {
        assert_eq!(normalize_tag("fr_FR").as_deref(), Some("fr-FR"));
        assert_eq!(normalize_tag("EN-us").as_deref(), Some("en-US"));
        assert_eq!(normalize_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize_tag("{{lang}}"), None);
        assert_eq!(guess("نشر في هسبريس يوم 12 مارس 2021 خبر عن الاقتصاد الوطني والتنمية"), Some("ar"));
        assert_eq!(guess("Le Maroc et les États-Unis ont signé une feuille de route pour la décennie dans le cadre des accords"), Some("fr"));
        assert!(is_rtl_lang("ar-MA") && !is_rtl_lang("fr"));
    }
}
