//! Quotation marks and apostrophes inside a field, as citeproc-js's "flip-flopper" renders them:
//! straight quotes and the locale's own quote marks are paired; each pair is printed with the
//! locale's outer quotes, or its inner quotes when the field is itself quoted (and so on, alternating);
//! unpaired marks stay as typed, and a straight `'` that is not a quote becomes the apostrophe `’`.

use super::locale::Locale;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `"` (opened after a space or "(").
    Double,
    /// `'` (opened after a space or "(").
    Single,
    /// The locale's outer quotes (“ ” in English, « » in French).
    LocaleOuter,
    /// The locale's inner quotes (‘ ’ in English, “ ” in French).
    LocaleInner,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Outer,
    Inner,
}

fn flip(l: Level) -> Level {
    match l {
        Level::Outer => Level::Inner,
        Level::Inner => Level::Outer,
    }
}

/// Letters citeproc turns `’` into `'` between (Latin, Greek, Cyrillic; not Arabic).
fn romanesque(c: char) -> bool {
    c.is_alphabetic() && ((c as u32) < 0x0590 || (0x1E00..=0x1FFF).contains(&(c as u32)))
}

/// A recognised mark: its text and, for an opener, its kind.
struct Tag {
    text: String,
    opener: Option<Kind>,
}

fn alternatives(loc: Locale) -> Vec<(String, Option<Kind>)> {
    let mut alts: Vec<(String, Option<Kind>)> = vec![
        (" \"".into(), Some(Kind::Double)),
        (" '".into(), Some(Kind::Single)),
        ("(\"".into(), Some(Kind::Double)),
        ("('".into(), Some(Kind::Single)),
    ];
    let straight = |q: &str| matches!(q, "\"" | "'");
    let outer = !straight(loc.open_quote());
    let inner = !straight(loc.open_inner_quote());
    if outer {
        alts.push((loc.open_quote().into(), Some(Kind::LocaleOuter)));
    }
    if inner {
        alts.push((loc.open_inner_quote().into(), Some(Kind::LocaleInner)));
    }
    alts.push(("\"".into(), None));
    alts.push(("'".into(), None));
    if outer {
        alts.push((loc.close_quote().into(), None));
    }
    if inner {
        alts.push((loc.close_inner_quote().into(), None));
    }
    alts
}

fn closer(kind: Kind, loc: Locale) -> &'static str {
    match kind {
        Kind::Double => "\"",
        Kind::Single => "'",
        Kind::LocaleOuter => loc.close_quote(),
        Kind::LocaleInner => loc.close_inner_quote(),
    }
}

/// Renders the marks of `s` for `loc`; `quoted` when the field is printed inside quotes. Returns the
/// text and the length in bytes of the closing quotes the field ends with (0 if none), so that
/// American punctuation can move inside them.
pub(crate) fn render(s: &str, loc: Locale, quoted: bool) -> (String, usize) {
    if !s.contains(['"', '\'', '\u{2019}', '\u{2018}', '\u{201c}', '\u{201d}', '«', '»']) {
        return (s.to_string(), 0);
    }
    // ’ between two letters is an apostrophe: make it a plain ' so that it pairs with nothing.
    let chars: Vec<char> = s.chars().collect();
    let mut src = String::with_capacity(s.len() + 1);
    src.push(' ');
    for (i, &c) in chars.iter().enumerate() {
        let between = i > 0 && chars.get(i - 1).is_some_and(|&p| romanesque(p)) && chars.get(i + 1).is_some_and(|&n| romanesque(n));
        src.push(if c == '\u{2019}' && between { '\'' } else { c });
    }

    // Split into strings and tags (strings[k] precedes tags[k]; one more string than tags).
    let alts = alternatives(loc);
    let mut strings: Vec<String> = vec![String::new()];
    let mut tags: Vec<Tag> = Vec::new();
    let mut rest = src.as_str();
    while let Some(c) = rest.chars().next() {
        if let Some((t, k)) = alts.iter().find(|(t, _)| rest.starts_with(t.as_str())) {
            tags.push(Tag { text: t.clone(), opener: *k });
            strings.push(String::new());
            rest = &rest[t.len()..];
        } else {
            if let Some(last) = strings.last_mut() {
                last.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    if tags.is_empty() {
        return (s.to_string(), 0);
    }

    // Pair the marks (citeproc's processTags).
    let mut stack: Vec<(Kind, usize)> = Vec::new();
    for i in 0..tags.len() {
        let next_first = strings[i + 1].chars().next();
        if tags[i].text == "'" && next_first.is_some_and(|c| !",.?:; ".contains(c)) {
            strings[i + 1].insert(0, '\u{2019}');
            tags[i].text.clear();
            continue;
        }
        if tags[i].text == " '" && next_first == Some(' ') {
            strings[i + 1].insert_str(0, " \u{2019}");
            tags[i].text.clear();
            continue;
        }
        loop {
            if let Some(kind) = tags[i].opener {
                stack.push((kind, i));
                break;
            }
            if let Some(&(kind, _)) = stack.last() {
                if tags[i].text == closer(kind, loc) {
                    stack.pop();
                    break;
                }
            }
            // A closer that closes nothing: the pending opener is not a quote after all.
            let fix = stack.last().map(|&(_, p)| p).unwrap_or(i);
            if tags[i].text == "'" {
                strings[i + 1].insert(0, '\u{2019}');
                tags[i].text.clear();
            } else {
                let failed = std::mem::take(&mut tags[fix].text);
                strings[fix + 1].insert_str(0, &failed);
                tags[fix].opener = None;
            }
            if !stack.is_empty() && tags[i].text != "'" && !tags[i].text.is_empty() {
                stack.pop();
                continue;
            }
            if !tags[i].text.is_empty() {
                let t = std::mem::take(&mut tags[i].text);
                strings[i + 1].insert_str(0, &t);
            }
            break;
        }
    }
    // Openers never closed stay as typed (a single one as an apostrophe).
    while let Some((_, p)) = stack.pop() {
        let t = std::mem::take(&mut tags[p].text);
        let lit = if t == " '" || t == "'" { " \u{2019}".to_string() } else { t };
        strings[p + 1].insert_str(0, &lit);
        tags[p].opener = None;
    }

    // The first straight quote of the field decides which of " and ' prints as the outer quotes.
    let mut single_first = None;
    let mut out = String::with_capacity(src.len());
    let mut levels: Vec<Level> = Vec::new();
    let mut trailing_close = 0;
    out.push_str(&strings[0]);
    for (i, tag) in tags.iter().enumerate() {
        if !tag.text.is_empty() {
            trailing_close = 0;
            if let Some(kind) = tag.opener {
                if matches!(tag.text.as_str(), " \"" | " '" | "(\"" | "('") {
                    single_first.get_or_insert(kind == Kind::Single);
                    // The space or parenthesis before a straight quote belongs to the text.
                    if let Some(c) = tag.text.chars().next() {
                        out.push(c);
                    }
                }
                let level = match (levels.last(), quoted) {
                    (Some(&l), _) => flip(l),
                    (None, true) => Level::Inner,
                    (None, false) => match kind {
                        Kind::Double => {
                            if single_first == Some(true) {
                                Level::Inner
                            } else {
                                Level::Outer
                            }
                        }
                        Kind::Single => {
                            if single_first == Some(true) {
                                Level::Outer
                            } else {
                                Level::Inner
                            }
                        }
                        Kind::LocaleOuter => Level::Outer,
                        Kind::LocaleInner => Level::Inner,
                    },
                };
                levels.push(level);
                out.push_str(if level == Level::Outer { loc.open_quote() } else { loc.open_inner_quote() });
            } else {
                let level = levels.pop().unwrap_or(Level::Outer);
                let c = if level == Level::Outer { loc.close_quote() } else { loc.close_inner_quote() };
                out.push_str(c);
                trailing_close = c.len();
            }
        }
        if !strings[i + 1].is_empty() {
            trailing_close = 0;
        }
        out.push_str(&strings[i + 1]);
    }
    let text = out.strip_prefix(' ').map(str::to_string).unwrap_or(out);
    (text, trailing_close)
}
