//! Locale data (en-US, fr-FR, ar) as the CSL locale files give it: terms, month names, dates, quotes.

use super::item::Date;

/// A citation locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// en-US.
    En,
    /// fr-FR.
    Fr,
    /// ar.
    Ar,
}

/// No-break space.
pub const NBSP: char = '\u{a0}';

const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_EN_SHORT: [&str; 12] =
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const MONTHS_FR: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_AR: [&str; 12] =
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

impl Locale {
    /// "en", "en-US", "fr", "fr-FR", "ar", "ar-MA"... (case-insensitive); None for other languages.
    pub fn parse(tag: &str) -> Option<Locale> {
        let lang = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Locale::En),
            "fr" => Some(Locale::Fr),
            "ar" => Some(Locale::Ar),
            _ => None,
        }
    }

    /// The CSL locale name.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Fr => "fr-FR",
            Locale::Ar => "ar",
        }
    }

    /// Long month name (`m` in 1..=12).
    pub fn month(self, m: u8) -> &'static str {
        let i = usize::from(m.clamp(1, 12) - 1);
        match self {
            Locale::En => MONTHS_EN[i],
            Locale::Fr => MONTHS_FR[i],
            Locale::Ar => MONTHS_AR[i],
        }
    }

    /// Short month name (English abbreviates; the fr-FR and ar forms MLA uses are the long ones).
    pub fn month_short(self, m: u8) -> &'static str {
        match self {
            Locale::En => MONTHS_EN_SHORT[usize::from(m.clamp(1, 12) - 1)],
            _ => self.month(m),
        }
    }

    /// The day number; French writes the first of the month "1er" (deliberate deviation: the CSL fr-FR
    /// locale prints "1").
    pub fn day(self, d: u8) -> String {
        if self == Locale::Fr && d == 1 {
            "1er".to_string()
        } else {
            d.to_string()
        }
    }

    /// The locale's long date ("February 14, 2023", "14 février 2023", "14 فبراير، 2023").
    pub fn date_text(self, d: &Date) -> String {
        match (d.month, d.day) {
            (Some(m), Some(day)) => match self {
                Locale::En => format!("{} {}, {}", self.month(m), day, d.year),
                Locale::Fr => format!("{} {} {}", self.day(day), self.month(m), d.year),
                Locale::Ar => format!("{} {}، {}", day, self.month(m), d.year),
            },
            (Some(m), None) => match self {
                Locale::Ar => format!("{}، {}", self.month(m), d.year),
                _ => format!("{} {}", self.month(m), d.year),
            },
            _ => d.year.to_string(),
        }
    }

    /// Day month year with long months, no comma ("30 November 2022", "1er octobre 2022").
    pub fn date_dmy(self, d: &Date) -> String {
        let mut parts = Vec::new();
        if let (Some(_), Some(day)) = (d.month, d.day) {
            parts.push(self.day(day));
        }
        if let Some(m) = d.month {
            parts.push(self.month(m).to_string());
        }
        parts.push(d.year.to_string());
        parts.join(" ")
    }

    /// Day and month only ("14 February", "1er octobre", "مايو").
    pub fn day_month(self, d: &Date) -> Option<String> {
        let m = d.month?;
        Some(match d.day {
            Some(day) => format!("{} {}", self.day(day), self.month(m)),
            None => self.month(m).to_string(),
        })
    }

    /// Opening quote.
    pub fn open_quote(self) -> &'static str {
        match self {
            Locale::En => "\u{201c}",
            Locale::Fr => "«\u{a0}",
            Locale::Ar => "\"",
        }
    }

    /// Closing quote.
    pub fn close_quote(self) -> &'static str {
        match self {
            Locale::En => "\u{201d}",
            Locale::Fr => "\u{a0}»",
            Locale::Ar => "\"",
        }
    }

    /// Opening quote inside quotes.
    pub fn open_inner_quote(self) -> &'static str {
        match self {
            Locale::En => "\u{2018}",
            Locale::Fr => "\u{201c}",
            Locale::Ar => "'",
        }
    }

    /// Closing quote inside quotes.
    pub fn close_inner_quote(self) -> &'static str {
        match self {
            Locale::En => "\u{2019}",
            Locale::Fr => "\u{201d}",
            Locale::Ar => "'",
        }
    }

    /// Whether a following period or comma moves inside the quotes (American usage).
    pub fn punctuation_in_quote(self) -> bool {
        self == Locale::En
    }

    /// "and" between the last two names.
    pub fn and(self) -> &'static str {
        match self {
            Locale::En => "and",
            Locale::Fr => "et",
            Locale::Ar => "و",
        }
    }

    /// "et al.".
    pub fn et_al(self) -> &'static str {
        match self {
            Locale::En | Locale::Fr => "et al.",
            Locale::Ar => "وآخرون",
        }
    }

    /// "n.d." (short form, CSL term `no date`, form short).
    pub fn no_date(self) -> String {
        match self {
            Locale::En => "n.d.".into(),
            Locale::Fr => format!("s.{NBSP}d."),
            Locale::Ar => "د.ت".into(),
        }
    }

    /// "no date" (long form).
    pub fn no_date_long(self) -> &'static str {
        match self {
            Locale::En => "no date",
            Locale::Fr => "sans date",
            Locale::Ar => "دون تاريخ",
        }
    }

    /// "accessed" (CSL term `accessed`).
    pub fn accessed(self) -> &'static str {
        match self {
            Locale::En => "accessed",
            Locale::Fr => "consulté le",
            Locale::Ar => "تاريخ الوصول",
        }
    }

    /// "Available at" (CSL term `available at`).
    pub fn available_at(self) -> &'static str {
        match self {
            Locale::En => "available at",
            Locale::Fr => "disponible sur",
            Locale::Ar => "موجود في",
        }
    }
}

/// Upper-cases the first letter.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
