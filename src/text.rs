//! Text helpers shared by the phases: whitespace, words, scripts, reading time.
//! (No regex crate: every matcher is plain string code, to keep the wasm small.)

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Words: whitespace-separated tokens that contain a letter or digit.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// True for characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Arabic
/// presentation forms).
pub fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// "rtl" when most letters of `s` belong to a right-to-left script, else "ltr".
pub fn direction_of(s: &str) -> &'static str {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if is_rtl_char(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    if rtl > ltr {
        "rtl"
    } else {
        "ltr"
    }
}

/// Reading speed in characters per minute (Firefox Reader View's measured table) for a BCP 47
/// language tag; English's when unknown.
pub fn chars_per_minute(lang: Option<&str>) -> u32 {
    let primary = lang.unwrap_or("en").split(['-', '_']).next().unwrap_or("en").to_ascii_lowercase();
    match primary.as_str() {
        "ar" => 612,
        "de" => 920,
        "es" => 1025,
        "fr" => 998,
        "he" => 833,
        "it" => 950,
        "ja" => 357,
        "nl" => 978,
        "pl" => 916,
        "pt" => 913,
        "ru" => 986,
        "sk" => 885,
        "sv" => 917,
        "tr" => 1054,
        "zh" => 255,
        _ => 987,
    }
}

/// Minutes to read `text` (at least 1 for a non-empty text).
pub fn reading_minutes(text: &str, lang: Option<&str>) -> u32 {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
    if chars == 0 {
        return 0;
    }
    let cpm = chars_per_minute(lang);
    ((chars + cpm / 2) / cpm).max(1)
}

/// The first block of a blank-line separated text, cut to about 300 characters.
pub fn first_paragraph(text: &str) -> Option<String> {
    let p = text.split("\n\n").map(str::trim).find(|p| p.chars().count() >= 40)?;
    Some(truncate_words(p, 300))
}

/// Cuts `s` at a word boundary to at most `max` characters, adding "…" when cut.
pub fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Decodes the few HTML entities that pages leave in JSON strings, meta values and scanned
/// attributes (`&amp;`, `&quot;`, `&apos;`, `&lt;`, `&gt;`, `&nbsp;` as a space, numeric).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let Some(e) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..e];
        let c = match name {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some(' '),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_words() {
        assert_eq!(normalize_ws("  a\u{a0}\n b  "), "a b");
        assert_eq!(word_count("Publié dans Albayane le 04 - 10 - 2020"), 7);
    }

    #[test]
    fn direction() {
        assert_eq!(direction_of("نشر في هسبريس يوم 04 - 10 - 2020"), "rtl");
        assert_eq!(direction_of("Publié dans Albayane"), "ltr");
    }

    #[test]
    fn reading_time_by_language() {
        let fr = "a".repeat(998 * 3);
        assert_eq!(reading_minutes(&fr, Some("fr-FR")), 3);
        let ar = "ب".repeat(612 * 2);
        assert_eq!(reading_minutes(&ar, Some("ar")), 2);
        assert_eq!(reading_minutes("", None), 0);
        assert_eq!(reading_minutes("short", None), 1);
    }

    #[test]
    fn truncation_keeps_words() {
        assert_eq!(truncate_words("one two three four", 10), "one two…");
    }
}

/// `hay.contains(needle)`, by a plain byte scan on short strings (class names, labels: the
/// heuristics test them against many fragments, and `str::contains` sets up a searcher per call).
pub fn contains_fast(hay: &str, needle: &str) -> bool {
    if hay.len() > 64 {
        return hay.contains(needle);
    }
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return true };
    if h.len() < n.len() {
        return false;
    }
    let last_start = h.len() - n.len();
    let mut i = 0;
    while i <= last_start {
        if h[i] == first && h[i + 1..i + n.len()].iter().zip(rest).all(|(a, b)| a == b) {
            return true;
        }
        i += 1;
    }
    false
}
