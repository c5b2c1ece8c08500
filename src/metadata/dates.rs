//! The multilingual date parser: machine dates (ISO 8601, RFC 2822) and the dates people write
//! in French, Arabic, English, Spanish, German (and a few neighbours: Italian, Portuguese, Dutch),
//! with Arabic-Indic and Persian digits.
//!
//! Output is ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` when the text gives a time, with
//! the offset only when the text gives one. Relative dates ("il y a 2 heures") are not dates.
//! Numeric dates are day-first unless the language is US English; a field > 12 decides.

/// A date found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// ISO 8601 form.
    pub iso: String,
    /// Byte range of the date in the text.
    pub start: usize,
    /// End of the date (exclusive).
    pub end: usize,
}

/// Parses the first absolute date in `text` (ISO 8601 or written out) to ISO 8601.
/// `lang` (BCP 47) only decides month-first numeric dates (`en-US`).
///
/// ```
/// use lisible::metadata::dates::parse_date;
/// assert_eq!(parse_date("Publié le 12/12/2025 à 10h30", Some("fr")).as_deref(), Some("2025-12-12T10:30"));
/// assert_eq!(parse_date("نشر في هسبريس يوم ١٢ - ٠٣ - ٢٠٢١", Some("ar")).as_deref(), Some("2021-03-12"));
/// assert_eq!(parse_date("il y a 2 heures", Some("fr")), None);
/// ```
pub fn parse_date(text: &str, lang: Option<&str>) -> Option<String> {
    find_dates(text, lang, 1).into_iter().next().map(|f| f.iso)
}

/// Every absolute date in `text`, in order, at most `max`.
pub fn find_dates(text: &str, lang: Option<&str>, max: usize) -> Vec<Found> {
    // Every date has digits: most text nodes are rejected without tokenizing.
    if !text.chars().any(|c| digit_value(c).is_some()) {
        return Vec::new();
    }
    let toks = tokenize(text);
    let month_first = is_month_first(lang);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() && out.len() < max {
        if let Some((d, next)) = date_at(&toks, i, month_first) {
            let mut end = toks[next - 1].end;
            let mut iso = d.iso();
            if let Some((t, tnext)) = time_at(&toks, next) {
                iso.push('T');
                iso.push_str(&t);
                end = toks[tnext - 1].end;
            }
            out.push(Found { iso, start: toks[i].start, end });
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// A numeric date with a two-digit year (`8.5.12`, `05/08/12`), only where a byline makes it a
/// date (see `byline::visible_dates`): elsewhere such numbers are as often versions, scores or
/// references. Same separator twice, day-first unless US English; `yy` < 70 is 20yy (fixture
/// meta-date-byline-short-year-de).
pub fn short_year_date(text: &str, lang: Option<&str>) -> Option<Found> {
    if !text.chars().any(|c| digit_value(c).is_some()) {
        return None;
    }
    let toks = tokenize(text);
    let month_first = is_month_first(lang);
    for i in 0..toks.len() {
        let (Some((a, an, false)), Some(Kind::Sep(s)), Some((b, bn, _)), Some((c, cn, _))) =
            (numv(toks.get(i)), toks.get(i + 1).map(|t| &t.kind), numv(toks.get(i + 2)), numv(toks.get(i + 4)))
        else {
            continue;
        };
        if !standalone(&toks, i) || !matches!(s, '.' | '/' | '-') || !is_sep(toks.get(i + 3), &[*s]) || an > 2 || bn > 2 || cn != 2 {
            continue;
        }
        if !numeric_ends(&toks, i + 5, *s) {
            continue;
        }
        let year = if c < 70 { 2000 + c } else { 1900 + c };
        if let Some(d) = numeric(a, an, b, bn, year, 4, month_first) {
            return Some(Found { iso: d.iso(), start: toks[i].start, end: toks[i + 4].end });
        }
    }
    None
}

/// True when numeric dates are month-first for this language (US English).
fn is_month_first(lang: Option<&str>) -> bool {
    let l = lang.unwrap_or("").to_ascii_lowercase().replace('_', "-");
    l == "en-us"
}

/// Parses a machine-readable date value (meta content, JSON-LD, `datetime`): ISO 8601 first
/// (kept as given: precision and offset), then any written date.
pub fn parse_machine(value: &str, lang: Option<&str>) -> Option<String> {
    let v = value.trim();
    if let Some(iso) = parse_iso(v) {
        return Some(iso);
    }
    // Compact 20201004 / 20201004T103000 (sailthru, some CMS).
    let digits: String = v.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() == 8 && (v.len() == 8 || v[8..].starts_with(['T', ' '])) {
        let (y, m, d) = (num(&digits[0..4]), num(&digits[4..6]), num(&digits[6..8]));
        if valid(y, m as u32, d as u32) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    // Unix timestamps (seconds) in data attributes.
    if digits.len() == 10 && v.len() == 10 {
        let secs: i64 = v.parse().ok()?;
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        if (1995..=2100).contains(&y) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    parse_date(v, lang)
}

fn num(s: &str) -> i32 {
    s.parse().unwrap_or(0)
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Days since 1970-01-01 of the date part of an ISO 8601 value.
pub fn day_number(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Strict ISO 8601 at the start of `v`: `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by
/// `T` or a space and `HH:MM[:SS[.fff]]` and `Z` / `±HH[:]MM`. Fractions are dropped.
pub fn parse_iso(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let dig = |i: usize, n: usize| -> Option<i32> {
        let s = b.get(i..i + n)?;
        if s.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(s).ok()?.parse().ok()
        } else {
            None
        }
    };
    let y = dig(0, 4)?;
    let sep = *b.get(4)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let m = dig(5, 2)?;
    if b.get(7) != Some(&sep) {
        return None;
    }
    let d = dig(8, 2)?;
    if !valid(y, m as u32, d as u32) || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if matches!(b.get(10), Some(b'T') | Some(b' ')) {
        if let (Some(h), Some(b':'), Some(mi)) = (dig(11, 2), b.get(13), dig(14, 2)) {
            if h < 24 && mi < 60 {
                out.push_str(&format!("T{h:02}:{mi:02}"));
                let mut i = 16;
                if b.get(16) == Some(&b':') {
                    if let Some(s) = dig(17, 2) {
                        out.push_str(&format!(":{s:02}"));
                        i = 19;
                        if b.get(i) == Some(&b'.') || b.get(i) == Some(&b',') {
                            i += 1;
                            while b.get(i).is_some_and(u8::is_ascii_digit) {
                                i += 1;
                            }
                        }
                    }
                }
                while b.get(i) == Some(&b' ') {
                    i += 1;
                }
                match b.get(i) {
                    Some(b'Z') | Some(b'z') => out.push('Z'),
                    Some(&c @ (b'+' | b'-')) => {
                        if let Some(oh) = dig(i + 1, 2) {
                            let om = if b.get(i + 3) == Some(&b':') { dig(i + 4, 2) } else { dig(i + 3, 2) };
                            if oh < 15 {
                                out.push_str(&format!("{}{oh:02}:{:02}", c as char, om.unwrap_or(0)));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Some(out)
}

/// A calendar date with a plausibility window (the web's dates).
fn valid(y: i32, m: u32, d: u32) -> bool {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days
}

#[derive(Clone, Copy, Debug)]
struct Ymd {
    year: i32,
    month: u32,
    day: u32,
}

impl Ymd {
    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// Digits (any script, converted): value and digit count; `ord` when followed by an
    /// ordinal suffix (1er, 4th, 2º).
    Num { v: u32, n: usize, ord: bool },
    /// A word, lowercased, Latin accents and Arabic hamza/diacritics folded.
    Word(String),
    /// One punctuation character.
    Sep(char),
}

#[derive(Clone, Debug)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whitespace right before the token.
    space: bool,
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Folds a letter for matching: lowercase, Latin accents removed, Arabic alef forms unified,
/// Arabic diacritics and tatweel dropped (returns None for characters to drop).
fn fold(c: char, out: &mut String) {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' => out.push('a'),
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => out.push('e'),
        'î' | 'ï' | 'í' | 'Î' | 'Í' => out.push('i'),
        'ô' | 'ö' | 'ó' | 'õ' | 'Ô' | 'Ö' | 'Ó' => out.push('o'),
        'û' | 'ü' | 'ù' | 'ú' | 'Û' | 'Ü' | 'Ú' => out.push('u'),
        'ç' | 'Ç' => out.push('c'),
        'ñ' | 'Ñ' | 'ń' => out.push('n'),
        'ś' | 'ş' | 'Ş' | 'Ś' => out.push('s'),
        'ź' | 'ż' | 'Ź' | 'Ż' => out.push('z'),
        'ğ' | 'Ğ' => out.push('g'),
        'ı' | 'İ' => out.push('i'),
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        // Persian keheh and yeh are written for the Arabic letters (and the other way round).
        'ی' => out.push('ي'),
        'ک' => out.push('ك'),
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
        _ => out.extend(c.to_lowercase()),
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut space = false;
    while let Some((i, c)) = it.next() {
        if let Some(d) = digit_value(c) {
            let (mut v, mut n, mut end) = (d, 1usize, i + c.len_utf8());
            while let Some(&(j, c2)) = it.peek() {
                match digit_value(c2) {
                    Some(d2) => {
                        v = v.saturating_mul(10).saturating_add(d2);
                        n += 1;
                        end = j + c2.len_utf8();
                        it.next();
                    }
                    None => break,
                }
            }
            // Ordinal suffixes glued to the number: 1er, 1re, 4th, 2nd, 3rd, 1st, 2º, 3°, 1e.
            let mut ord = false;
            let rest = &text[end..];
            for suf in ["er", "re", "st", "nd", "rd", "th", "º", "°", "e", "ª"] {
                if let Some(after) = rest.strip_prefix(suf) {
                    if !after.chars().next().is_some_and(char::is_alphanumeric) {
                        ord = true;
                        end += suf.len();
                        while it.peek().is_some_and(|&(j, _)| j < end) {
                            it.next();
                        }
                        break;
                    }
                }
            }
            toks.push(Tok { kind: Kind::Num { v, n, ord }, start: i, end, space });
            space = false;
        } else if is_cjk(c) {
            toks.push(Tok { kind: Kind::Word(c.to_string()), start: i, end: i + c.len_utf8(), space });
            space = false;
        } else if c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0640}' {
            let mut w = String::new();
            fold(c, &mut w);
            let mut end = i + c.len_utf8();
            while let Some(&(j, c2)) = it.peek() {
                if (c2.is_alphabetic() && !is_cjk(c2)) || ('\u{064B}'..='\u{065F}').contains(&c2) || c2 == '\u{0640}' {
                    fold(c2, &mut w);
                    end = j + c2.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            toks.push(Tok { kind: Kind::Word(w), start: i, end, space });
            space = false;
        } else if c.is_whitespace() || c == '\u{200f}' || c == '\u{200e}' {
            space = true;
        } else {
            toks.push(Tok { kind: Kind::Sep(c), start: i, end: i + c.len_utf8(), space });
            space = false;
        }
    }
    toks
}

/// Month names (folded forms, see [`fold`]) → month number.
const MONTHS: &[(&str, u32)] = &[
    // French
    ("janvier", 1), ("janv", 1), ("fevrier", 2), ("fevr", 2), ("fev", 2), ("mars", 3), ("avril", 4), ("avr", 4),
    ("mai", 5), ("juin", 6), ("juillet", 7), ("juil", 7), ("aout", 8), ("septembre", 9), ("octobre", 10),
    ("novembre", 11), ("decembre", 12),
    // English
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
    ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
    ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    // German
    ("januar", 1), ("janner", 1), ("februar", 2), ("marz", 3), ("maerz", 3), ("mrz", 3), ("juni", 6), ("juli", 7),
    ("oktober", 10), ("okt", 10), ("dezember", 12), ("dez", 12),
    // Spanish
    ("enero", 1), ("ene", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("abr", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("ago", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12), ("dic", 12),
    // Portuguese, Italian, Dutch
    ("janeiro", 1), ("fevereiro", 2), ("marco", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9),
    ("outubro", 10), ("dezembro", 12), ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5),
    ("giugno", 6), ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12), ("januari", 1),
    ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
    // Russian, Ukrainian, Polish (genitive, as dates are written), Turkish
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6), ("июля", 7),
    ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12), ("січня", 1),
    ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5), ("червня", 6), ("липня", 7), ("серпня", 8),
    ("вересня", 9), ("жовтня", 10), ("листопада", 11), ("грудня", 12), ("stycznia", 1), ("lutego", 2),
    ("marca", 3), ("kwietnia", 4), ("maja", 5), ("czerwca", 6), ("lipca", 7), ("sierpnia", 8), ("wrzesnia", 9),
    ("pazdziernika", 10), ("listopada", 11), ("grudnia", 12), ("ocak", 1), ("subat", 2), ("mart", 3), ("nisan", 4),
    ("mayis", 5), ("haziran", 6), ("temmuz", 7), ("agustos", 8), ("eylul", 9), ("ekim", 10), ("kasim", 11), ("aralik", 12),
    // Arabic: Egyptian / Gulf set
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("ابريل", 4), ("مايو", 5), ("يونيو", 6), ("يونيه", 6),
    ("يوليو", 7), ("يوليه", 7), ("اغسطس", 8), ("سبتمبر", 9), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    // Arabic: Moroccan set
    ("ماي", 5), ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),
    // Arabic: Algerian / Tunisian set
    ("جانفي", 1), ("فيفري", 2), ("افريل", 4), ("جوان", 6), ("جويلية", 7), ("اوت", 8),
    // Arabic: Levantine set (the two-word names are matched in `month_at`)
    ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5), ("حزيران", 6), ("تموز", 7), ("اب", 8), ("ايلول", 9),
    // Persian names of the Gregorian months
    ("ژانويه", 1), ("فوريه", 2), ("اوريل", 4), ("مه", 5), ("ژوئن", 6), ("ژوئيه", 7), ("سپتامبر", 9),
    ("اكتبر", 10), ("نوامبر", 11), ("دسامبر", 12),
];

/// Months of the Solar Hijri (Jalali) calendar, Iran's and Afghanistan's civil calendar (folded
/// forms). Only matched with a Jalali year (see [`jalali_to_gregorian`]); fixture meta-date-jalali-fa.
const JALALI_MONTHS: &[(&str, u32)] = &[
    ("فروردين", 1), ("ارديبهشت", 2), ("خرداد", 3), ("تير", 4), ("مرداد", 5), ("امرداد", 5), ("شهريور", 6),
    ("مهر", 7), ("ابان", 8), ("اذر", 9), ("دي", 10), ("بهمن", 11), ("اسفند", 12),
    // Afghan (Dari) names
    ("حمل", 1), ("ثور", 2), ("جوزا", 3), ("سرطان", 4), ("اسد", 5), ("سنبله", 6), ("ميزان", 7), ("عقرب", 8),
    ("قوس", 9), ("جدي", 10), ("دلو", 11), ("حوت", 12),
];

/// Jalali years written on today's web (1921–2041): older or later four-digit years in that
/// range are not Jalali dates of web pages, and from 1421 on they overlap Hijri lunar years.
const JALALI_YEARS: std::ops::RangeInclusive<u32> = 1300..=1420;

/// A Jalali date → Gregorian, or None when the day does not exist. Farvardin 1 falls on the day of
/// the March equinox; its Gregorian day is computed with Borkowski's break-year rules (the
/// arithmetic the jalaali calendars use), exact for the whole of [`JALALI_YEARS`].
pub fn jalali_to_gregorian(jy: u32, jm: u32, jd: u32) -> Option<(i32, u32, u32)> {
    if !JALALI_YEARS.contains(&jy) || !(1..=12).contains(&jm) || jd == 0 || jd > if jm <= 6 { 31 } else { 30 } {
        return None;
    }
    let jy = jy as i64;
    // Years where the 33-year leap pattern shifts.
    const BREAKS: [i64; 12] = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635];
    let mut leap_j: i64 = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &b in &BREAKS[1..] {
        jump = b - jp;
        if jy < b {
            break;
        }
        leap_j += jump.div_euclid(33) * 8 + jump.rem_euclid(33).div_euclid(4);
        jp = b;
    }
    let n = jy - jp;
    leap_j += n.div_euclid(33) * 8 + (n.rem_euclid(33) + 3).div_euclid(4);
    if jump.rem_euclid(33) == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let gy = jy + 621;
    let leap_g = gy.div_euclid(4) - ((gy.div_euclid(100) + 1) * 3).div_euclid(4) - 150;
    let march = 20 + leap_j - leap_g;
    // Esfand has 29 days, 30 in a leap year: the next Farvardin 1 tells.
    let first = day_number(&format!("{gy:04}-03-{march:02}"))?;
    let offset = if jm <= 7 { (jm as i64 - 1) * 31 } else { 186 + (jm as i64 - 7) * 30 } + jd as i64 - 1;
    if jm == 12 {
        let (ny, nm, nd) = jalali_to_gregorian(jy as u32 + 1, 1, 1).unwrap_or((gy as i32 + 1, 3, 21));
        let next = day_number(&format!("{ny:04}-{nm:02}-{nd:02}"))?;
        if first + offset >= next {
            return None;
        }
    }
    let (y, m, d) = civil_from_days(first + offset);
    Some((y, m, d))
}

/// [`MONTHS`] as a map (built once).
static MONTH_INDEX: std::sync::LazyLock<std::collections::HashMap<&'static str, u32>> =
    std::sync::LazyLock::new(|| MONTHS.iter().copied().collect());

/// Month name at token `i`: (month, next token index). Handles the Levantine two-word names
/// (كانون الثاني = January, تشرين الأول = October …).
fn month_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let Kind::Word(w) = &toks.get(i)?.kind else { return None };
    let next_word = || match toks.get(i + 1).map(|t| &t.kind) {
        Some(Kind::Word(n)) => Some(n.as_str()),
        _ => None,
    };
    if w == "كانون" || w == "تشرين" {
        let second = match next_word()? {
            "الثاني" | "ثاني" => 2,
            "الاول" | "اول" => 1,
            _ => return None,
        };
        let m = match (w.as_str(), second) {
            ("كانون", 2) => 1,
            ("كانون", _) => 12,
            ("تشرين", 1) => 10,
            _ => 11,
        };
        return Some((m, i + 2));
    }
    if w.len() > 24 {
        return None;
    }
    let m = *MONTH_INDEX.get(w.as_str())?;
    let mut next = i + 1;
    // "Oct." / "janv."
    if matches!(toks.get(next).map(|t| &t.kind), Some(Kind::Sep('.'))) && w.len() <= 5 {
        next += 1;
    }
    Some((m, next))
}

fn is_word(t: Option<&Tok>, words: &[&str]) -> bool {
    matches!(t.map(|t| &t.kind), Some(Kind::Word(w)) if words.contains(&w.as_str()))
}

fn is_sep(t: Option<&Tok>, seps: &[char]) -> bool {
    matches!(t.map(|t| &t.kind), Some(Kind::Sep(c)) if seps.contains(c))
}

fn numv(t: Option<&Tok>) -> Option<(u32, usize, bool)> {
    match t.map(|t| &t.kind) {
        Some(Kind::Num { v, n, ord }) => Some((*v, *n, *ord)),
        _ => None,
    }
}

/// A number token that is a whole token (not glued to letters before it, e.g. "A320").
fn standalone(toks: &[Tok], i: usize) -> bool {
    i == 0 || toks[i].space || !matches!(toks[i - 1].kind, Kind::Word(_) | Kind::Num { .. })
}

fn year_of(v: u32, n: usize) -> Option<i32> {
    if n == 4 {
        Some(v as i32)
    } else {
        None
    }
}

/// A date starting at token `i`: (date, next token index).
fn date_at(toks: &[Tok], i: usize, month_first: bool) -> Option<(Ymd, usize)> {
    let t = toks.get(i)?;
    match &t.kind {
        Kind::Num { v, n, ord } => {
            if !standalone(toks, i) {
                return None;
            }
            let (v, n, ord) = (*v, *n, *ord);
            // Numeric: a SEP b SEP c, same separator both times (spaces allowed around it).
            if !ord {
                if let (Some(Kind::Sep(s1)), Some((b, bn, _))) = (toks.get(i + 1).map(|t| &t.kind), numv(toks.get(i + 2))) {
                    let s1 = *s1;
                    // "26 | 01 | 2022": some CMS print the date as pipe-separated fields; with a
                    // four-digit year only, pipes also separate menu numbers (unit test numeric_dates).
                    if matches!(s1, '-' | '/' | '.' | '–' | '|') {
                        if let (true, Some((c, cn, _))) = (is_sep(toks.get(i + 3), &[s1]), numv(toks.get(i + 4)).filter(|(_, cn, _)| s1 != '|' || *cn == 4)) {
                            if numeric_ends(toks, i + 5, s1) {
                                if let Some(d) = numeric(v, n, b, bn, c, cn, month_first) {
                                    return Some((d, i + 5));
                                }
                            }
                        }
                    }
                }
                // CJK: 2020年10月4日
                if n == 4 {
                    if let (true, Some((m, _, _)), true, Some((d, _, _)), true) = (
                        is_word(toks.get(i + 1), &["年"]),
                        numv(toks.get(i + 2)),
                        is_word(toks.get(i + 3), &["月"]),
                        numv(toks.get(i + 4)),
                        is_word(toks.get(i + 5), &["日"]),
                    ) {
                        if valid(v as i32, m, d) {
                            return Some((Ymd { year: v as i32, month: m, day: d }, i + 6));
                        }
                    }
                }
            }
            // Day [.] [de|of] Month [.|,] [de|del] Year
            if n <= 2 && (1..=31).contains(&v) {
                let mut j = i + 1;
                if is_sep(toks.get(j), &['.']) {
                    j += 1;
                }
                if is_word(toks.get(j), &["de", "of", "di", "van", "من"]) {
                    j += 1;
                }
                if let Some(d) = jalali_at(toks, j, v) {
                    return Some(d);
                }
                if let Some((m, mut k)) = month_at(toks, j) {
                    if is_sep(toks.get(k), &[',', '.']) {
                        k += 1;
                    }
                    if is_word(toks.get(k), &["de", "del", "do"]) {
                        k += 1;
                    }
                    if let Some((y, yn, _)) = numv(toks.get(k)) {
                        if let Some(y) = year_of(y, yn) {
                            if valid(y, m, v) && !toks.get(k + 1).is_some_and(|t| !t.space && matches!(t.kind, Kind::Num { .. })) {
                                return Some((Ymd { year: y, month: m, day: v }, k + 1));
                            }
                        }
                    }
                }
            }
            None
        }
        Kind::Word(_) => {
            // Month Day[,] Year  (October 4, 2020 / Oct. 4th 2020)
            let (m, j) = month_at(toks, i)?;
            let (d, dn, _) = numv(toks.get(j))?;
            if dn > 2 {
                return None;
            }
            let mut k = j + 1;
            if is_sep(toks.get(k), &[',', '.']) {
                k += 1;
            }
            let (y, yn, _) = numv(toks.get(k))?;
            let y = year_of(y, yn)?;
            if valid(y, m, d) {
                Some((Ymd { year: y, month: m, day: d }, k + 1))
            } else {
                None
            }
        }
        Kind::Sep(_) => None,
    }
}

/// "۲ تیر ۱۳۹۹": a day, a Jalali month name and a Jalali year from token `j` (the month).
fn jalali_at(toks: &[Tok], j: usize, day: u32) -> Option<(Ymd, usize)> {
    let Kind::Word(w) = &toks.get(j)?.kind else { return None };
    let m = JALALI_MONTHS.iter().find(|(name, _)| name == w)?.1;
    let (y, yn, _) = numv(toks.get(j + 1))?;
    if yn != 4 || toks.get(j + 2).is_some_and(|t| !t.space && matches!(t.kind, Kind::Num { .. })) {
        return None;
    }
    let (year, month, day) = jalali_to_gregorian(y, m, day)?;
    Some((Ymd { year, month, day }, j + 2))
}

/// True when a numeric date `a SEP b SEP c` really ends before token `k`: not part of a longer
/// dotted or dashed number (IP addresses, phone numbers, versions 1.2.13.4), nor glued to more
/// digits or letters.
fn numeric_ends(toks: &[Tok], k: usize, sep: char) -> bool {
    let longer = is_sep(toks.get(k), &[sep]) && numv(toks.get(k + 1)).is_some();
    let glued = toks.get(k).is_some_and(|t| !t.space && matches!(t.kind, Kind::Num { .. } | Kind::Word(_)));
    !longer && !glued
}

fn numeric(a: u32, an: usize, b: u32, bn: usize, c: u32, cn: usize, month_first: bool) -> Option<Ymd> {
    if an == 4 && bn <= 2 && cn <= 2 && JALALI_YEARS.contains(&a) {
        // 1399/04/02: year-first with a Jalali year (fixture meta-date-jalali-fa).
        let (year, month, day) = jalali_to_gregorian(a, b, c)?;
        return Some(Ymd { year, month, day });
    }
    if an == 4 && bn <= 2 && cn <= 2 {
        let y = a as i32;
        return valid(y, b, c).then_some(Ymd { year: y, month: b, day: c });
    }
    if an > 2 || bn > 2 || cn != 4 {
        return None;
    }
    let y = c as i32;
    // A field > 12 decides; otherwise day-first unless US English.
    let (d, m) = if a > 12 {
        (a, b)
    } else if b > 12 || month_first {
        (b, a)
    } else {
        (a, b)
    };
    valid(y, m, d).then_some(Ymd { year: y, month: m, day: d })
}

/// A time right after a date: "à 10h30", "- 09:24", "at 3:46 PM", "um 10:30 Uhr", "الساعة 10:30".
/// Returns "HH:MM[:SS][offset]" and the next token index.
fn time_at(toks: &[Tok], mut i: usize) -> Option<(String, usize)> {
    for _ in 0..3 {
        match toks.get(i).map(|t| &t.kind) {
            Some(Kind::Sep(',' | '-' | '–' | '—' | '|' | '@' | '/' | '·' | '•' | '،')) => i += 1,
            Some(Kind::Word(w)) if matches!(w.as_str(), "a" | "at" | "um" | "a las" | "las" | "alle" | "ore" | "kl" | "الساعة" | "على" | "le" | "h") => i += 1,
            _ => break,
        }
    }
    let (h, hn, _) = numv(toks.get(i))?;
    if hn > 2 || h > 23 {
        return None;
    }
    let hsep = toks.get(i + 1)?;
    let ok = matches!(hsep.kind, Kind::Sep(':')) || matches!(&hsep.kind, Kind::Word(w) if w == "h");
    if !ok || hsep.space {
        return None;
    }
    let (mi, min, _) = numv(toks.get(i + 2))?;
    if min != 2 || mi > 59 {
        return None;
    }
    let mut next = i + 3;
    let mut sec = None;
    if is_sep(toks.get(next), &[':']) {
        if let Some((s, 2, _)) = numv(toks.get(next + 1)) {
            if s < 60 {
                sec = Some(s);
                next += 2;
            }
        }
    }
    let mut h = h;
    if is_word(toks.get(next), &["pm", "p"]) {
        if h < 12 {
            h += 12;
        }
        next += 1;
    } else if is_word(toks.get(next), &["am", "a"]) {
        if h == 12 {
            h = 0;
        }
        next += 1;
    }
    if is_word(toks.get(next), &["uhr"]) {
        next += 1;
    }
    let mut s = format!("{h:02}:{mi:02}");
    if let Some(sec) = sec {
        s.push_str(&format!(":{sec:02}"));
    }
    // Offset as the page gives it: Z, +01:00, +0100, GMT, UTC, GMT+1.
    match toks.get(next).map(|t| &t.kind) {
        Some(Kind::Word(w)) if w == "z" || w == "gmt" || w == "utc" => {
            let mut off = "Z".to_string();
            next += 1;
            if let (Some(Kind::Sep(c @ ('+' | '-'))), Some((oh, ohn, _))) = (toks.get(next).map(|t| &t.kind), numv(toks.get(next + 1))) {
                if ohn <= 2 && oh < 15 {
                    off = format!("{c}{oh:02}:00");
                    next += 2;
                } else if ohn == 4 && oh / 100 < 15 {
                    off = format!("{c}{:02}:{:02}", oh / 100, oh % 100);
                    next += 2;
                }
            }
            s.push_str(&off);
        }
        Some(Kind::Sep(c @ ('+' | '-'))) if !toks[next].space || toks.get(next + 1).is_some_and(|t| !t.space) => {
            if let Some((oh, ohn, _)) = numv(toks.get(next + 1)) {
                if ohn == 4 && oh / 100 < 15 && oh % 100 < 60 {
                    s.push_str(&format!("{c}{:02}:{:02}", oh / 100, oh % 100));
                    next += 2;
                } else if ohn == 2 && oh < 15 && is_sep(toks.get(next + 2), &[':']) {
                    if let Some((om, 2, _)) = numv(toks.get(next + 3)) {
                        s.push_str(&format!("{c}{oh:02}:{om:02}"));
                        next += 4;
                    }
                }
            }
        }
        _ => {}
    }
    Some((s, next))
}

/// A date in a URL path: /2020/10/04/, /2020-10-04-, /20201004/. Month-only paths are not dates.
pub fn url_date(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = match path.find("://") {
        Some(i) => &path[i + 3..],
        None => path,
    };
    let path = &path[path.find('/').unwrap_or(path.len())..];
    let b = path.as_bytes();
    let digits_at = |i: usize, n: usize| -> Option<u32> {
        let s = b.get(i..i + n)?;
        if s.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(s).ok()?.parse().ok()
        } else {
            None
        }
    };
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() || i > 0 && b[i - 1].is_ascii_alphabetic() && b.get(i - 1).is_none_or(|c| *c != b'/') {
            continue;
        }
        // Day-first 29-10-2021 / 29.10.2021 as a path segment (German and French CMS slugs;
        // unit test url_dates).
        if let (Some(d), Some(s @ (b'-' | b'.' | b'_')), Some(m)) = (digits_at(i, 2), b.get(i + 2).copied(), digits_at(i + 3, 2)) {
            if let (Some(true), Some(y)) = (b.get(i + 5).map(|c| *c == s), digits_at(i + 6, 4)) {
                if !b.get(i + 10).is_some_and(u8::is_ascii_digit) && y >= 1995 && valid(y as i32, m, d) {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        let Some(y) = digits_at(i, 4) else { continue };
        let sep = b.get(i + 4).copied();
        match sep {
            Some(s @ (b'/' | b'-' | b'_')) => {
                let Some(m) = digits_at(i + 5, 2).or_else(|| digits_at(i + 5, 1).filter(|_| b.get(i + 6) == Some(&s))) else { continue };
                let mlen = if m >= 10 || b.get(i + 6) != Some(&s) { 2 } else { 1 };
                if b.get(i + 5 + mlen) != Some(&s) {
                    continue;
                }
                let di = i + 6 + mlen;
                let Some(d) = digits_at(di, 2).or_else(|| digits_at(di, 1)) else { continue };
                let dlen = if digits_at(di, 2).is_some() { 2 } else { 1 };
                if b.get(di + dlen).is_some_and(u8::is_ascii_digit) {
                    continue;
                }
                // A one-digit "day" glued to the slug is the slug's number: /2023/10/3-fragen-an
                // is a month permalink (unit test url_dates).
                if dlen == 1 && s == b'/' && b.get(di + 1).is_some_and(|c| !matches!(c, b'/' | b'.')) {
                    continue;
                }
                if valid(y as i32, m, d) && y >= 1995 {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
            _ => {
                // 20201004 as a whole path segment or followed by a non-digit.
                if let (Some(m), Some(d)) = (digits_at(i + 4, 2), digits_at(i + 6, 2)) {
                    if !b.get(i + 8).is_some_and(u8::is_ascii_digit) && i > 0 && matches!(b[i - 1], b'/' | b'-' | b'_') && valid(y as i32, m, d) && y >= 1995 {
                        return Some(format!("{y:04}-{m:02}-{d:02}"));
                    }
                }
            }
        }
    }
    None
}

/// A year and month in a URL path, `/2018/08/slug` (Blogger and WordPress month permalinks), as
/// `YYYY-MM`: the publication month, a last resort when the page gives no day (unit test
/// url_dates).
pub fn url_month(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path.find("://").map_or(path, |i| &path[i + 3..]);
    let path = &path[path.find('/').unwrap_or(path.len())..];
    let segs: Vec<&str> = path.split('/').collect();
    segs.windows(3).find_map(|w| {
        let (y, m, next) = (w[0], w[1], w[2]);
        let year: u32 = if y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()) { y.parse().ok()? } else { return None };
        let month: u32 = if m.len() == 2 && m.bytes().all(|c| c.is_ascii_digit()) { m.parse().ok()? } else { return None };
        // Not /2020/10/04/ (a full date, url_date's) nor /2020/10 at the end (an archive page).
        let slug = !next.is_empty() && !next.bytes().all(|c| c.is_ascii_digit());
        ((1995..=2100).contains(&year) && (1..=12).contains(&month) && slug).then(|| format!("{year:04}-{month:02}"))
    })
}

/// True when an ISO date-time carries a non-zero UTC offset (`+01:00`, `-05:00`): its date part is
/// the publisher's local calendar day. `Z`, `+00:00` and zone-less values are not (unit test
/// local_offsets).
pub fn has_local_offset(iso: &str) -> bool {
    let Some(t) = iso.find('T') else { return false };
    let time = &iso[t..];
    match time.rfind(['+', '-']) {
        Some(i) => !matches!(&time[i + 1..], "00:00" | "0000" | "00"),
        None => false,
    }
}

/// Dates written for machines inside a string of markup (a link, an image path, an id, a comment,
/// a script): `2016/05/04`, `2020-04-24 21:36`, `20200216162947`, `news20190624_`. Each is a
/// whole run of digits and separators (no longer number around it), years 1995-2099. Returns the
/// day and its byte offset, at most `max`.
pub fn markup_dates(s: &str, max: usize) -> Vec<(String, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let dig = |i: usize, n: usize| -> Option<u32> {
        let x = b.get(i..i + n)?;
        if x.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(x).ok()?.parse().ok()
        } else {
            None
        }
    };
    let mut i = 0;
    while i + 8 <= b.len() && out.len() < max {
        if !b[i].is_ascii_digit() || i > 0 && b[i - 1].is_ascii_digit() || !matches!(b[i], b'1' | b'2') {
            i += 1;
            continue;
        }
        let Some(y) = dig(i, 4).filter(|y| (1995..=2099).contains(y)) else {
            i += 1;
            continue;
        };
        let found = match b.get(i + 4) {
            Some(&sep @ (b'-' | b'/' | b'_')) => match (dig(i + 5, 2), b.get(i + 7), dig(i + 8, 2)) {
                (Some(m), Some(&s2), Some(d)) if s2 == sep && !b.get(i + 10).is_some_and(u8::is_ascii_digit) => Some((m, d, i + 10)),
                _ => None,
            },
            _ => match (dig(i + 4, 2), dig(i + 6, 2)) {
                // YYYYMMDD alone, or a YYYYMMDDhhmmss time stamp.
                (Some(m), Some(d)) => {
                    let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                    let stamp = run == 14 && dig(i + 8, 2).is_some_and(|h| h < 24) && dig(i + 10, 2).is_some_and(|mi| mi < 60);
                    (run == 8 || stamp).then_some((m, d, i + run))
                }
                _ => None,
            },
        };
        match found {
            Some((m, d, end)) if valid(y as i32, m, d) => {
                out.push((format!("{y:04}-{m:02}-{d:02}"), i));
                i = end;
            }
            _ => i += 4,
        }
    }
    out
}

/// The last resort when nothing on the page dates it: the day most often written for machines in
/// its markup (links, image paths, ids, comments, scripts), ties going to the first. Upload
/// paths and cache stamps follow the page's creation closely (htmldate-eval: 6 of 19 undated
/// pages; fixture meta-date-markup-only-en). The caller says it is a guess.
pub fn markup_date(dom: &crate::dom::Dom) -> Option<(String, String)> {
    use crate::dom::NodeData;
    let mut budget = 3_000_000usize;
    let mut counts: Vec<(String, usize, String)> = Vec::new();
    let note = |s: &str, what: &str, counts: &mut Vec<(String, usize, String)>| {
        for (d, _) in markup_dates(s, 50) {
            if let Some(i) = counts.iter().position(|c| c.0 == d) {
                counts[i].1 += 1;
            } else if counts.len() < 500 {
                counts.push((d, 1, what.to_string()));
            }
        }
    };
    for n in dom.ids() {
        if budget == 0 {
            break;
        }
        match &dom.node_data(n) {
            NodeData::Comment(c) => {
                let c = c.get(..c.len().min(budget)).unwrap_or("");
                budget = budget.saturating_sub(c.len());
                note(c, "a comment", &mut counts);
            }
            NodeData::Element(e) => {
                if e.name == "script" {
                    let ty = e.attrs.iter().find(|&(k, _)| k == "type").map(|(_, v)| v.to_ascii_lowercase()).unwrap_or_default();
                    if !ty.contains("json") || !ty.contains("ld") {
                        let t = dom.text_content(n);
                        let t = t.get(..t.len().min(budget)).unwrap_or("");
                        budget = budget.saturating_sub(t.len());
                        note(t, "a script", &mut counts);
                    }
                }
                for (k, v) in e.attrs.iter() {
                    if matches!(k, "href" | "src" | "srcset" | "id" | "content" | "value" | "action") || k.starts_with("data-") {
                        budget = budget.saturating_sub(v.len());
                        note(v, if k == "href" { "a link" } else if k.contains("src") { "an image or script path" } else { "an attribute" }, &mut counts);
                    }
                }
            }
            _ => {}
        }
    }
    let best = counts.iter().enumerate().max_by_key(|(i, c)| (c.1, std::cmp::Reverse(*i)))?.1;
    Some((best.0.clone(), format!("a date in the page's markup ({}, seen {} time{}): a guess, the page shows no date", best.2, best.1, if best.1 == 1 { "" } else { "s" })))
}

/// Words that say a date is a modification, not the publication.
pub const UPDATE_WORDS: &[&str] = &[
    "update", "updated", "modifi", "mis a jour", "mise a jour", "actualis", "aktualisiert", "geandert",
    "last edited", "revised", "تحديث", "تم التحديث", "عدل", "actualizado", "atualizado", "aggiornato", "bijgewerkt",
];

/// Words that introduce the publication date.
pub const PUBLISH_WORDS: &[&str] = &[
    "publie", "published", "posted", "veroffentlicht", "erschienen", "publicado", "publicada", "pubblicato",
    "gepubliceerd", "نشر", "بتاريخ", "mis en ligne", "date de publication", "created", "cree le", "publication",
    "first published", "originally published", "stand:", "datum:",
];

/// Lowercases and folds accents (for keyword checks on visible text).
pub fn fold_text(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_date(s, Some("fr"))
    }

    #[test]
    fn french_formats() {
        assert_eq!(p("04 - 10 - 2020").as_deref(), Some("2020-10-04"));
        assert_eq!(p("04/10/2020").as_deref(), Some("2020-10-04"));
        assert_eq!(p("04.10.2020").as_deref(), Some("2020-10-04"));
        assert_eq!(p("4 octobre 2020").as_deref(), Some("2020-10-04"));
        assert_eq!(p("1er octobre 2020").as_deref(), Some("2020-10-01"));
        assert_eq!(p("samedi 13 décembre 2025").as_deref(), Some("2025-12-13"));
        assert_eq!(p("Publié le 12/12/2025 à 10h30").as_deref(), Some("2025-12-12T10:30"));
        assert_eq!(p("Le 24 janvier 2022 à 12h47").as_deref(), Some("2022-01-24T12:47"));
        assert_eq!(p("vendredi 23 octobre 2020 - 09:24").as_deref(), Some("2020-10-23T09:24"));
        assert_eq!(p("Mis à jour le 5 févr. 2021").as_deref(), Some("2021-02-05"));
        assert_eq!(p("il y a 2 heures"), None);
        assert_eq!(p("octobre 2020"), None);
    }

    #[test]
    fn local_offsets() {
        assert!(has_local_offset("2020-03-27T09:21:53+01:00"));
        assert!(has_local_offset("2020-08-24T20:23:33-04:00"));
        assert!(!has_local_offset("2020-08-25T00:23:33Z"));
        assert!(!has_local_offset("2020-08-25T00:23:33+00:00"));
        assert!(!has_local_offset("2020-08-25T00:23"));
        assert!(!has_local_offset("2020-08-25"));
    }

    #[test]
    fn pipe_separated_dates() {
        assert_eq!(p("26 | 01 | 2022").as_deref(), Some("2022-01-26"));
        assert_eq!(p("Publié le 04|10|2020").as_deref(), Some("2020-10-04"));
        assert_eq!(p("Page 1 | 2 | 3"), None);
        assert_eq!(p("12 | 10 | 20"), None);
    }

    #[test]
    fn jalali_dates() {
        // Farvardin 1 and leap years checked against the jdatetime package (test-only oracle).
        let table = [(1300, "1921-03-21", true), (1307, "1928-03-21", false), (1314, "1935-03-22", false), (1321, "1942-03-21", true), (1328, "1949-03-21", false), (1335, "1956-03-21", false), (1342, "1963-03-21", true), (1349, "1970-03-21", false), (1356, "1977-03-21", false), (1363, "1984-03-21", false), (1370, "1991-03-21", true), (1377, "1998-03-21", false), (1384, "2005-03-21", false), (1391, "2012-03-20", true), (1398, "2019-03-21", false), (1405, "2026-03-21", false), (1412, "2033-03-20", true), (1419, "2040-03-20", false)];
        for (jy, first, leap) in table {
            let (y, m, d) = jalali_to_gregorian(jy, 1, 1).unwrap();
            assert_eq!(format!("{y:04}-{m:02}-{d:02}"), first, "{jy}");
            assert_eq!(jalali_to_gregorian(jy, 12, 30).is_some(), leap, "{jy}");
        }
        assert_eq!(jalali_to_gregorian(1299, 1, 1), None);
        assert_eq!(jalali_to_gregorian(1421, 1, 1), None);
        assert_eq!(jalali_to_gregorian(1400, 7, 31), None);
        assert_eq!(p("دوشنبه ۲ تير ۱۳۹۹").as_deref(), Some("2020-06-22"));
        assert_eq!(p("۱۲ اسفند ۱۴۰۲").as_deref(), Some("2024-03-02"));
        assert_eq!(p("30 اسفند 1403").as_deref(), Some("2025-03-20"));
        assert_eq!(p("۱۴۰۱/۰۷/۱۸ - ۱۰:۳۰").as_deref(), Some("2022-10-10T10:30"));
        assert_eq!(p("۱۸ مهر ۱۴۰۱").as_deref(), Some("2022-10-10"));
        assert_eq!(p("۱۲ ژانویه ۲۰۲۲").as_deref(), Some("2022-01-12"));
        // Hijri lunar years are not converted, and a Jalali month needs a Jalali year.
        assert_eq!(p("15 صفر 1442"), None);
        assert_eq!(p("۲ تير ۲۰۲۰"), None);
    }

    #[test]
    fn short_years_only_when_asked() {
        assert_eq!(p("von Klaus Weber, 8.5.12"), None);
        let s = |t: &str, l: Option<&str>| short_year_date(t, l).map(|f| f.iso);
        assert_eq!(s(", 8.5.12 ", Some("de")).as_deref(), Some("2012-05-08"));
        assert_eq!(s("05/08/12", Some("en-US")).as_deref(), Some("2012-05-08"));
        assert_eq!(s("31.12.99", None).as_deref(), Some("1999-12-31"));
        assert_eq!(s("version 1.2.13.4", None), None);
        assert_eq!(s("8.5.12a", None), None);
        assert_eq!(s("31.02.12", None), None);
        assert_eq!(s("8.5.2012", None), None);
    }

    #[test]
    fn arabic_formats() {
        assert_eq!(p("12 مارس 2021").as_deref(), Some("2021-03-12"));
        assert_eq!(p("الجمعة 4 شتنبر 2020").as_deref(), Some("2020-09-04"));
        assert_eq!(p("٤ دجنبر ٢٠٢٠").as_deref(), Some("2020-12-04"));
        assert_eq!(p("۱۲ جوان ۲۰۱۹").as_deref(), Some("2019-06-12"));
        assert_eq!(p("3 كانون الثاني 2022").as_deref(), Some("2022-01-03"));
        assert_eq!(p("15 تشرين الأول 2021").as_deref(), Some("2021-10-15"));
        assert_eq!(p("1 آب 2020").as_deref(), Some("2020-08-01"));
        assert_eq!(p("7 أغسطس 2020").as_deref(), Some("2020-08-07"));
        assert_eq!(p("نشر في هسبريس يوم 12 - 03 - 2021").as_deref(), Some("2021-03-12"));
        assert_eq!(p("منذ ساعتين"), None);
    }

    #[test]
    fn english_spanish_german() {
        assert_eq!(parse_date("October 4, 2020", Some("en")).as_deref(), Some("2020-10-04"));
        assert_eq!(parse_date("Oct. 4th, 2020 at 3:46 PM", Some("en")).as_deref(), Some("2020-10-04T15:46"));
        assert_eq!(parse_date("4 de octubre de 2020", Some("es")).as_deref(), Some("2020-10-04"));
        assert_eq!(parse_date("4. Oktober 2020, 10:30 Uhr", Some("de")).as_deref(), Some("2020-10-04T10:30"));
        assert_eq!(parse_date("2020年10月4日", None).as_deref(), Some("2020-10-04"));
        assert_eq!(parse_date("15 августа 2016, 13:05", None).as_deref(), Some("2016-08-15T13:05"));
        assert_eq!(parse_date("14 Gennaio 2020", None).as_deref(), Some("2020-01-14"));
        assert_eq!(parse_date("3 Kasım 2020", None).as_deref(), Some("2020-11-03"));
    }

    #[test]
    fn numeric_ambiguity() {
        assert_eq!(parse_date("03/04/2021", Some("en-US")).as_deref(), Some("2021-03-04"));
        assert_eq!(parse_date("03/04/2021", Some("en-GB")).as_deref(), Some("2021-04-03"));
        assert_eq!(parse_date("03/04/2021", Some("fr")).as_deref(), Some("2021-04-03"));
        assert_eq!(parse_date("13/04/2021", Some("en-US")).as_deref(), Some("2021-04-13"));
        assert_eq!(parse_date("04/13/2021", Some("fr")).as_deref(), Some("2021-04-13"));
        assert_eq!(parse_date("31/02/2021", None), None);
        assert_eq!(parse_date("192.168.10.2020", None), None);
    }

    #[test]
    fn machine_values() {
        assert_eq!(parse_machine("2020-10-04T10:30:00+0100", None).as_deref(), Some("2020-10-04T10:30:00+01:00"));
        assert_eq!(parse_machine("2015-03-27T13:07:55.096Z", None).as_deref(), Some("2015-03-27T13:07:55Z"));
        assert_eq!(parse_machine("2020-10-04", None).as_deref(), Some("2020-10-04"));
        assert_eq!(parse_machine("2017-11-03 03:01:00.000000", None).as_deref(), Some("2017-11-03T03:01:00"));
        assert_eq!(parse_machine("Mon, 04 Oct 2020 10:30:00 GMT", None).as_deref(), Some("2020-10-04T10:30:00Z"));
        assert_eq!(parse_machine("20201004", None).as_deref(), Some("2020-10-04"));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2020-03-01").zip(day_number("2020-02-28")).map(|(a, b)| a - b), Some(2));
        assert_eq!(civil_from_days(day_number("2024-12-31").unwrap_or(0)), (2024, 12, 31));
    }

    #[test]
    fn url_dates() {
        assert_eq!(url_date("https://x.com/2020/10/04/slug").as_deref(), Some("2020-10-04"));
        assert_eq!(url_date("https://x.com/news/2020-10-04-slug").as_deref(), Some("2020-10-04"));
        assert_eq!(url_date("https://x.com/2020/10/slug"), None);
        assert_eq!(url_date("https://x.com/a/5012345"), None);
        assert_eq!(url_date("https://x.de/meldungen/29-10-2021").as_deref(), Some("2021-10-29"));
        assert_eq!(url_month("https://blog.example.com/2018/08/road-trip.html").as_deref(), Some("2018-08"));
        assert_eq!(url_month("https://x.com/2020/10/04/slug"), None);
        assert_eq!(url_month("https://x.com/archives/2020/10/"), None);
        assert_eq!(url_month("https://x.com/a/2020/13/slug"), None);
        assert_eq!(url_date("https://x.fr/actu/04.10.2020-incendie.html").as_deref(), Some("2020-10-04"));
        assert_eq!(url_date("https://x.com/v/12-34-2020"), None);
        assert_eq!(url_date("https://x.com/id/129-10-2021"), None);
        assert_eq!(url_date("https://blog.x.de/2023/10/3-fragen-an-die-leiterin/"), None);
        assert_eq!(url_month("https://blog.x.de/2023/10/3-fragen-an-die-leiterin/").as_deref(), Some("2023-10"));
        assert_eq!(url_date("https://x.com/2020/1/5/slug").as_deref(), Some("2020-01-05"));
    }

    #[test]
    fn dates_in_markup() {
        let days = |s: &str| markup_dates(s, 10).into_iter().map(|(d, _)| d).collect::<Vec<_>>();
        assert_eq!(days("https://x.org/files/2016/05/04/report-og.png"), ["2016-05-04"]);
        assert_eq!(days("<!-- cached 2020-04-24 21:36:31 -->"), ["2020-04-24"]);
        assert_eq!(days("Cached time: 20200216162947"), ["2020-02-16"]);
        assert_eq!(days("news20190624_k1001"), ["2019-06-24"]);
        // Longer numbers are ids, not dates; impossible days are not dates.
        assert!(days("/News/120200622120908039/x").is_empty());
        assert!(days("id=20201345 2019-02-30").is_empty());
        assert!(days("/2020/05/slug 1234567").is_empty());
    }
}
