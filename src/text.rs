//! Text helpers shared by the phases: whitespace, words, scripts, reading time.
//! (No regex crate: every matcher is plain string code, to keep the wasm small.)

/// Collapses runs of whitespace (including no-break spaces) to one space and trims. Copies the
/// words as slices (every phase normalizes text: no per-character push).
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let (mut i, mut word) = (0usize, None::<usize>);
    while i < b.len() {
        let (ws, w) = match b[i] {
            x if x < 0x80 => (matches!(x, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '), 1),
            _ => match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}', c.len_utf8()),
                None => (false, 1),
            },
        };
        if ws {
            if let Some(start) = word.take() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(s.get(start..i).unwrap_or(""));
            }
        } else if word.is_none() {
            word = Some(i);
        }
        i += w;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s.get(start..).unwrap_or(""));
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

/// Lowercase fragments looked for in short strings (class names, ids, links), ASCII letters
/// compared case-insensitively, without allocating: the string is lowercased once into a stack
/// buffer and the fragments are bucketed by their first two bytes, so most positions of the
/// string meet no candidate at all (instead of one `str::contains` searcher per fragment).
/// Several lists can share one scan ([`Needles::sets`]): each list is a bit of the result.
pub struct Needles {
    /// (fragment, bit of its list) of two bytes or more, sorted by [`pair_bucket`].
    words: Vec<(&'static [u8], u32)>,
    /// `words[start[k]..start[k + 1]]` are the fragments of bucket `k` (fixed-size tables:
    /// indexed by a byte or a masked bucket, without bounds checks in the scan).
    start: Box<[u16; PAIR_BUCKETS + 1]>,
    /// Bits of the one-byte fragments, by byte.
    single: Box<[u32; 256]>,
    /// The bits of the non-empty lists.
    all: u32,
}

/// Buckets of [`Needles`] (a power of two).
const PAIR_BUCKETS: usize = 1024;

/// The bucket of a fragment starting with bytes `a`, `b`.
#[inline]
fn pair_bucket(a: u8, b: u8) -> usize {
    (usize::from(a) * 37 + usize::from(b)) & (PAIR_BUCKETS - 1)
}

impl Needles {
    /// The set of `words` (lowercase; empty ones are ignored).
    pub fn new(words: &[&'static str]) -> Needles {
        Needles::sets(&[words])
    }

    /// Up to 32 lists in one set: list `i` is bit `1 << i` of [`Needles::find_ascii_ci`].
    pub fn sets(lists: &[&[&'static str]]) -> Needles {
        let mut w: Vec<(&'static [u8], u32)> = Vec::new();
        let mut single = Box::new([0u32; 256]);
        let mut all = 0u32;
        for (i, list) in lists.iter().enumerate().take(32) {
            for x in list.iter().map(|s| s.as_bytes()) {
                match x {
                    [] => continue,
                    [b] => single[usize::from(*b)] |= 1 << i,
                    _ => w.push((x, 1 << i)),
                }
                all |= 1 << i;
            }
        }
        let key = |x: &[u8]| pair_bucket(x[0], x[1]);
        w.sort_by_key(|(x, _)| key(x));
        let mut start = Box::new([0u16; PAIR_BUCKETS + 1]);
        for (k, s) in start.iter_mut().enumerate() {
            *s = w.iter().filter(|(x, _)| key(x) < k).count() as u16;
        }
        Needles { words: w, start, single, all }
    }

    /// The bits of the lists with a fragment in `hay`, ASCII letters compared case-insensitively
    /// (`hay.to_ascii_lowercase().contains(w)`).
    pub fn find_ascii_ci(&self, hay: &str) -> u32 {
        let h = hay.as_bytes();
        let mut buf = [0u8; 256];
        match buf.get_mut(..h.len()) {
            Some(b) => {
                for (d, s) in b.iter_mut().zip(h) {
                    *d = s.to_ascii_lowercase();
                }
                self.scan(b)
            }
            None => self.scan(&h.to_ascii_lowercase()),
        }
    }

    /// The bits of the lists with a fragment in `hay`, compared exactly (`hay.contains(w)`: for
    /// strings already lowercase, no copy).
    pub fn find_exact(&self, hay: &str) -> u32 {
        self.scan(hay.as_bytes())
    }

    /// True when a fragment occurs in `hay`, compared exactly.
    pub fn in_exact(&self, hay: &str) -> bool {
        self.find_exact(hay) != 0
    }

    /// True when a fragment occurs in `hay`, ASCII letters compared case-insensitively.
    pub fn in_ascii_ci(&self, hay: &str) -> bool {
        self.find_ascii_ci(hay) != 0
    }

    /// The bits of the lists with a fragment in `hay.to_lowercase()` (allocates only for
    /// non-ASCII text).
    pub fn find_lowercase(&self, hay: &str) -> u32 {
        if hay.is_ascii() {
            self.find_ascii_ci(hay)
        } else {
            self.find_ascii_ci(&hay.to_lowercase())
        }
    }

    /// True when a fragment occurs in `hay.to_lowercase()`.
    pub fn in_lowercase(&self, hay: &str) -> bool {
        self.find_lowercase(hay) != 0
    }

    /// Exact scan (the fragments are lowercase: `h` is lowered by the callers that ignore case).
    fn scan(&self, h: &[u8]) -> u32 {
        let mut found = 0u32;
        for i in 0..h.len() {
            let a = h[i];
            found |= self.single[usize::from(a)];
            if let Some(&b) = h.get(i + 1) {
                let k = pair_bucket(a, b);
                let (s, e) = (self.start[k], self.start[k + 1]);
                if s != e {
                    let rest = &h[i..];
                    for &(w, bit) in self.words.get(usize::from(s)..usize::from(e)).unwrap_or(&[]) {
                        // A byte loop: the fragments are short and `starts_with` calls memcmp.
                        if found & bit == 0 && rest.len() >= w.len() && w.iter().zip(rest).all(|(x, y)| x == y) {
                            found |= bit;
                        }
                    }
                }
            }
            if found == self.all {
                break;
            }
        }
        found
    }
}

#[cfg(test)]
mod needles_tests {
    use super::Needles;

    #[test]
    fn needles_match_as_lowercase_contains() {
        let n = Needles::new(&["date", "time", "by-line", "stand:", "نشر"]);
        for (hay, want) in [("Post-Date", true), ("TIMESTAMP", true), ("x-BY-LINE", true), ("Stand: 3", true), ("dat", false), ("", false), ("قد نشر", true), ("d\u{212A}", false)] {
            assert_eq!(n.in_lowercase(hay), want, "{hay}");
        }
        // Unicode lowercasing: the Kelvin sign is a 'k'.
        assert!(Needles::new(&["kk"]).in_lowercase("k\u{212A}"));
        assert!(!Needles::new(&["kk"]).in_ascii_ci("k\u{212A}"));
        assert!(n.in_exact("post-date") && !n.in_exact("Post-Date"));
        let sets = Needles::sets(&[&["side"], &["date"], &["x"]]);
        assert_eq!(sets.find_ascii_ci("SideBar-DATE"), 0b011);
        assert_eq!(sets.find_ascii_ci(&"y".repeat(300)), 0);
        assert_eq!(sets.find_ascii_ci(&format!("{}X", "y".repeat(300))), 0b100);
    }
}

#[cfg(test)]
mod normalize_tests {
    /// The per-character definition `normalize_ws` implements.
    fn reference(s: &str) -> String {
        let mut out = String::new();
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

    #[test]
    fn normalize_ws_collapses_every_whitespace_character() {
        let all: String = (0u32..0x3100).filter_map(char::from_u32).collect();
        for s in [all.as_str(), "", "  ", " a ", "a\u{a0}\u{200b}b", "\u{3000}x\u{2028}y\u{85}", "é  \t ب\r\n"] {
            assert_eq!(super::normalize_ws(s), reference(s), "{s:?}");
        }
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            let s = format!("a{c}b {c}");
            assert_eq!(super::normalize_ws(&s), reference(&s), "{c:?}");
        }
    }
}

/// Length of ASCII `b` with each run of ASCII whitespace counted once, and whether its first and
/// last bytes are whitespace; `None` when `b` is empty. A byte counts unless it and the byte
/// before are both whitespace: each pair of neighbours is tested on its own (the loop
/// vectorizes). Shared by the clutter context's and the extractor's text measures.
pub fn ascii_collapsed(b: &[u8]) -> Option<(usize, bool, bool)> {
    // '\t' '\n' 0x0b 0x0c '\r' are 9..=13.
    let ws = |x: u8| (x == b' ') | (x.wrapping_sub(9) < 5);
    let (&first, &last) = (b.first()?, b.last()?);
    let merged = b.iter().zip(b.get(1..).unwrap_or(&[])).map(|(&x, &y)| usize::from(ws(x) & ws(y))).sum::<usize>();
    Some((b.len() - merged, ws(first), ws(last)))
}

/// A spaceless key of a phrase, for an ASCII-case-insensitive prefilter ([`Needles::in_ascii_ci`])
/// on text not yet lowercased: the phrase's first word, or for a word mixing ASCII and other
/// letters its longest ASCII run ("publié": "publi", "réservé": "serv").
pub fn spaceless_key(phrase: &'static str) -> &'static str {
    let w = phrase.split(' ').next().unwrap_or(phrase);
    if w.is_ascii() || !w.chars().any(|c| c.is_ascii_alphabetic()) {
        w
    } else {
        w.split(|c: char| !c.is_ascii()).max_by_key(|r| r.len()).unwrap_or(w)
    }
}

/// `hay.to_ascii_lowercase().contains(needle)` for a lowercase ASCII `needle`, without the copy.
pub fn contains_ascii_ci(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    n.is_empty() || hay.as_bytes().windows(n.len()).any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

/// `s` without its whitespace, ASCII-lowercased, contains `needle` (lowercase ASCII, no
/// whitespace), without building that copy (inline-style checks).
pub fn squeezed_contains(s: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    let Some(&first) = n.first() else { return true };
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c.to_ascii_lowercase() != first {
            continue;
        }
        // Match the rest, skipping whitespace characters in `s`.
        let (mut k, mut j) = (1usize, i + 1);
        while k < n.len() {
            let Some(rest) = s.get(j..) else { break };
            let Some(ch) = rest.chars().next() else { break };
            if ch.is_whitespace() {
                j += ch.len_utf8();
                continue;
            }
            if ch.is_ascii() && (ch as u8).to_ascii_lowercase() == n[k] {
                k += 1;
                j += 1;
            } else {
                break;
            }
        }
        if k == n.len() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod squeeze_tests {
    #[test]
    fn squeezed_contains_is_the_filtered_copy_contains() {
        for s in ["position: fixed", "Position :\u{a0}Sticky; top:0", "posit ion:fixe", "x", "", "positionfixed", "top:0;position:\n fixed", "é position:fixed", "DISPLAY : None", "display:non", "visibility:\thidden;display:none"] {
            for needle in ["position:fixed", "position:sticky", "display:none", "visibility:hidden"] {
                let copy: String = s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
                assert_eq!(super::squeezed_contains(s, needle), copy.contains(needle), "{s:?} {needle}");
            }
        }
    }
}
