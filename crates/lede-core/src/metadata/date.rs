//! Reading dates the way pages write them, and judging whether a date can be the article's.
//!
//! Accepted: ISO 8601 / RFC 3339, RFC 2822, epoch seconds or milliseconds, `2021/12/07`,
//! `2021年12月7日`, `2021년 12월 7일`, European `07.12.2021`, slashed day-month forms when
//! unambiguous or when the page's language orders them, and month names in several
//! languages ("December 7, 2021", "7 Dec 2021", "7. Dezember 2021", "7 décembre 2021",
//! "7 декабря 2021", "٧ ديسمبر ٢٠٢١", "7 בדצמבר 2021"). Arabic-Indic, Persian and
//! full-width digits read as ASCII digits. Persian dates in the Solar Hijri calendar
//! ("۱۴۰۰/۰۹/۱۶", "۱۶ آذر ۱۴۰۰") are converted to the Gregorian one.

use std::borrow::Cow;

use jiff::civil;
use jiff::tz::Offset;

use crate::date::DateTime;
use crate::lexicon;

/// Which of day and month comes first in a slashed date ("05/11/2026") whose numbers could
/// be either, as the page's language writes it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Order {
    /// Nothing says: such a date is refused.
    Unknown,
    /// "05/11/2026" is the 5th of November: every language but American English.
    DayFirst,
    /// "05/11/2026" is the 11th of May: English as written in the United States and the
    /// few countries that follow its usage.
    MonthFirst,
}

impl Order {
    /// The order of a page declaring `lang` (`<html lang>`). Plain `en` says nothing:
    /// American and British sites both declare it.
    pub(crate) fn of(lang: Option<&str>) -> Order {
        let Some(lang) = lang.map(str::trim).filter(|l| !l.is_empty()) else { return Order::Unknown };
        let mut parts = lang.split(['-', '_']);
        let primary = parts.next().unwrap_or("");
        if !primary.eq_ignore_ascii_case("en") {
            return if primary.len() >= 2 { Order::DayFirst } else { Order::Unknown };
        }
        match parts.next() {
            None => Order::Unknown,
            Some(r)
                if ["us", "ph", "fm", "mh", "pw", "as", "gu", "pr", "vi", "um"]
                    .iter()
                    .any(|m| r.eq_ignore_ascii_case(m)) =>
            {
                Order::MonthFirst
            }
            // Canada writes both ways.
            Some(r) if r.eq_ignore_ascii_case("ca") => Order::Unknown,
            Some(_) => Order::DayFirst,
        }
    }
}

/// Parses a date as found in metadata or in a visible date line.
pub(crate) fn parse(s: &str) -> Option<DateTime> {
    parse_ordered(s, Order::Unknown)
}

/// As [`parse`], reading a slashed date whose day and month could be swapped in `order`.
pub(crate) fn parse_ordered(s: &str, order: Order) -> Option<DateTime> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    // Persian digits with a year of the current Solar Hijri centuries mark that calendar.
    let persian_digits = s.chars().any(|c| ('\u{6F0}'..='\u{6F9}').contains(&c));
    let s = &*ascii_digits(s);
    if let Some(d) = DateTime::parse_iso(s) {
        return Some(d);
    }
    if let Some(d) = parse_epoch(s) {
        return Some(d);
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        return Some(DateTime::Offset(z.datetime(), z.offset()));
    }
    // An ISO date followed by junk ("2021-12-07 at 10:00", "2021-12-07T10:00:00 GMT").
    if let Some(head) = s.get(..10) {
        if let Some(d) = DateTime::parse_iso(head) {
            return Some(d);
        }
    }
    let numeric = parse_numeric(s, order).map(|d| match persian_digits {
        true => solar_hijri(d.year(), d.month(), d.day()).unwrap_or(d),
        false => d,
    });
    numeric.or_else(|| parse_words(s)).map(DateTime::Date)
}

/// The ASCII digit a decimal digit of another script stands for: Arabic-Indic (Arabic),
/// extended Arabic-Indic (Persian, Urdu) and full-width (CJK) digits.
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '\u{660}'..='\u{669}' => 0x660,
        '\u{6F0}'..='\u{6F9}' => 0x6F0,
        '０'..='９' => 0xFF10,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// `s` with every digit as an ASCII digit (see [`ascii_digit`]).
fn ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(|c| !c.is_ascii_digit() && ascii_digit(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect())
}

/// Whether `d` can be an article's date: not before the web's news era, not after `today`
/// (plus a day for time zones). Without `today` (the caller did not say) no date is too
/// late: the core does not read the clock, so that output never depends on the run date.
pub(crate) fn plausible(d: &DateTime, today: Option<civil::Date>) -> bool {
    let day = d.date();
    day.year() >= 1993 && today.is_none_or(|today| today.tomorrow().is_ok_and(|t| day <= t))
}

/// A date in a URL path: `/2021/12/07/`, `/2021-12-07-`, `/20211207/`.
pub(crate) fn from_url_path(path: &str) -> Option<DateTime> {
    let b = path.as_bytes();
    let digits_at = |i: usize, n: usize| b.get(i..i + n).is_some_and(|w| w.iter().all(u8::is_ascii_digit));
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        if !digits_at(i, 4) || b.get(i + 4).is_some_and(u8::is_ascii_digit) && !digits_at(i, 8) {
            continue;
        }
        let num = |a: usize, n: usize| path.get(a..a + n).and_then(|t| t.parse::<i16>().ok());
        let parts = if digits_at(i, 8) && !b.get(i + 8).is_some_and(u8::is_ascii_digit) {
            (num(i, 4), num(i + 4, 2), num(i + 6, 2))
        } else if matches!(b.get(i + 4), Some(b'/' | b'-'))
            && digits_at(i + 5, 2)
            && matches!(b.get(i + 7), Some(b'/' | b'-'))
            && digits_at(i + 8, 2)
            && !b.get(i + 10).is_some_and(u8::is_ascii_digit)
        {
            (num(i, 4), num(i + 5, 2), num(i + 8, 2))
        } else {
            continue;
        };
        if let (Some(y), Some(m), Some(d)) = parts {
            if let Ok(date) = civil::Date::new(y, m as i8, d as i8) {
                if y >= 1993 {
                    return Some(DateTime::Date(date));
                }
            }
        }
    }
    // "/2023/october/03/".
    let segs: Vec<&str> = path.split('/').collect();
    for w in segs.windows(3) {
        let (Ok(y), Some(m), Ok(d)) = (w[0].parse::<i16>(), lexicon::month_number(w[1]), w[2].parse::<i8>())
        else {
            continue;
        };
        if let Ok(date) = civil::Date::new(y, m, d) {
            if y >= 1993 {
                return Some(DateTime::Date(date));
            }
        }
    }
    None
}

fn parse_epoch(s: &str) -> Option<DateTime> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    let ts = match s.len() {
        10 => jiff::Timestamp::from_second(n).ok()?,
        13 => jiff::Timestamp::from_millisecond(n).ok()?,
        _ => return None,
    };
    Some(DateTime::Offset(Offset::UTC.to_datetime(ts), Offset::UTC))
}

/// The first run of three numbers joined by `-`, `/`, `.`, `年月日` or `년월일` that reads as a
/// date.
fn parse_numeric(s: &str, order: Order) -> Option<civil::Date> {
    let mut nums: Vec<(u32, usize, char)> = Vec::with_capacity(4);
    let mut cur: Option<(u32, usize)> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(d) = c.to_digit(10) {
            let (v, len) = cur.unwrap_or((0, 0));
            cur = Some((v.saturating_mul(10).saturating_add(d), len + 1));
            continue;
        }
        if let Some((v, len)) = cur.take() {
            nums.push((v, len, c));
            // Korean puts a space after 년 and 월 ("2021년 12월 7일").
            if matches!(c, '년' | '월') {
                while chars.next_if_eq(&' ').is_some() {}
            }
            let joins = matches!(c, '-' | '/' | '.' | '年' | '月' | '년' | '월')
                && chars.peek().is_some_and(char::is_ascii_digit);
            if nums.len() == 3 {
                if let Some(d) = numeric_date(&nums, order) {
                    return Some(d);
                }
                nums.remove(0);
            }
            if !joins {
                nums.clear();
            }
        } else {
            nums.clear();
        }
    }
    if let Some((v, len)) = cur {
        nums.push((v, len, ' '));
        if nums.len() == 3 {
            return numeric_date(&nums, order);
        }
    }
    None
}

fn numeric_date(nums: &[(u32, usize, char)], order: Order) -> Option<civil::Date> {
    let [(a, alen, sep), (b, _, sep2), (c, clen, _)] = *nums else { return None };
    let make =
        |y: u32, m: u32, d: u32| civil::Date::new(y as i16, m as i8, d as i8).ok().filter(|_| y <= 2100);
    if alen == 4 {
        return make(a, b, c);
    }
    if clen != 4 || sep != sep2 {
        return None;
    }
    match sep {
        '.' | '-' => make(c, b, a),
        '/' if a > 12 => make(c, b, a),
        '/' if b > 12 || a == b => make(c, a, b),
        '/' if order == Order::DayFirst => make(c, b, a),
        '/' if order == Order::MonthFirst => make(c, a, b),
        _ => None,
    }
}

/// The Gregorian date of day `d` of month `m` of year `y` in the Solar Hijri calendar (the
/// arithmetic 33-year cycle, exact for this era); `None` for a year outside 1300–1500,
/// which is no Persian date a web page would carry.
fn solar_hijri(y: i16, m: i8, d: i8) -> Option<civil::Date> {
    if !(1300..=1500).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (jy, jm, jd) = (i64::from(y) + 1595, i64::from(m), i64::from(d));
    let mut days = -355_668 + 365 * jy + jy / 33 * 8 + (jy % 33 + 3) / 4 + jd;
    days += if jm < 7 { (jm - 1) * 31 } else { (jm - 7) * 30 + 186 };
    // `days` counts from 0000-01-01 of the proleptic Gregorian calendar.
    civil::date(0, 1, 1).checked_add(jiff::Span::new().days(days)).ok()
}

/// "December 7, 2021", "Dec. 7th 2021", "7 Dec 2021", "7. Dezember 2021", "7 de mayo de 2021".
fn parse_words(s: &str) -> Option<civil::Date> {
    #[derive(Clone, Copy)]
    enum Tok {
        Month(i8),
        Num(u32, usize),
        Other,
    }
    let toks: Vec<Tok> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del" | "of" | "the"))
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == 'م');
            // Ordinal suffixes, and the Arabic press's "م" (of the Common Era) after a year.
            if !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits.len() <= 4
                && (digits.len() == w.len()
                    || matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th" | "er" | "م"))
            {
                return Tok::Num(digits.parse().unwrap_or(0), digits.len());
            }
            lexicon::month_number(w).map_or(Tok::Other, Tok::Month)
        })
        .collect();
    let day = |t: Option<&Tok>| match t {
        Some(&Tok::Num(d, len)) if len <= 2 && (1..=31).contains(&d) => Some(d),
        _ => None,
    };
    // Solar Hijri years are in the 1300s and 1400s; Gregorian ones from 1900.
    let year = |t: Option<&Tok>| match t {
        Some(&Tok::Num(y, 4)) if (1300..=2100).contains(&y) => Some(y),
        _ => None,
    };
    for (i, t) in toks.iter().enumerate() {
        let Tok::Month(m) = *t else { continue };
        let before = |k: usize| i.checked_sub(k).and_then(|j| toks.get(j));
        let found = match (day(toks.get(i + 1)), year(toks.get(i + 2))) {
            (Some(d), Some(y)) => Some((y, d)),
            _ => match (day(before(1)), year(toks.get(i + 1))) {
                (Some(d), Some(y)) => Some((y, d)),
                // "2023 Jan 7" (citations).
                _ => match (year(before(1)), day(toks.get(i + 1))) {
                    (Some(y), Some(d)) => Some((y, d)),
                    _ => None,
                },
            },
        };
        if let Some((y, d)) = found {
            if m > 12 {
                if let Some(date) = solar_hijri(y as i16, m - 12, d as i8) {
                    return Some(date);
                }
            } else if let Some(date) = civil::Date::new(y as i16, m, d as i8).ok().filter(|_| y >= 1900) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        parse(s).map(|d| d.date().to_string())
    }

    #[test]
    fn parses_common_forms() {
        for s in [
            "2021-12-07",
            "2021-12-07T10:00:00+01:00",
            "Tue, 07 Dec 2021 10:00:00 +0000",
            "December 7, 2021",
            "Dec. 7th, 2021 at 3:00 pm",
            "7 Dec 2021",
            "07 December 2021",
            "2021/12/07",
            "07.12.2021",
            "7. Dezember 2021",
            "7 décembre 2021",
            "7 de diciembre de 2021",
            "2021年12月7日",
            "Cureus. 2021 Dec 7;15(1):e33475",
            "Published on Tuesday, December 7, 2021",
            "1638871200000",
        ] {
            assert_eq!(day(s).as_deref(), Some("2021-12-07"), "{s}");
        }
    }

    #[test]
    fn parses_dates_in_other_scripts() {
        for s in [
            "٧ ديسمبر ٢٠٢١",
            "7 كانون الأول 2021 - ٧ ديسمبر ٢٠٢١",
            "۲۰۲۱/۱۲/۰۷",
            "２０２１年１２月７日",
            "2021년 12월 7일",
            "7 декабря 2021 г.",
            "7 grudnia 2021",
            "7 Aralık 2021",
        ] {
            assert_eq!(day(s).as_deref(), Some("2021-12-07"), "{s}");
        }
        assert_eq!(day("15 أيلول 2021").as_deref(), Some("2021-09-15"));
        assert_eq!(day("25 בנובמבר 2026").as_deref(), Some("2026-11-25"));
        assert_eq!(day("25 dic 2026").as_deref(), Some("2026-12-25"));
        assert_eq!(day("25 нояб. 2026").as_deref(), Some("2026-11-25"));
        assert_eq!(day("25 mrt 2026").as_deref(), Some("2026-03-25"));
        assert_eq!(day("الأربعاء 25 نوفمبر 2026م").as_deref(), Some("2026-11-25"));
    }

    #[test]
    fn persian_dates_are_read_in_the_solar_hijri_calendar() {
        assert_eq!(day("۱۴۰۵/۰۹/۰۴").as_deref(), Some("2026-11-25"));
        assert_eq!(day("۴ آذر ۱۴۰۵").as_deref(), Some("2026-11-25"));
        assert_eq!(day("۱ فروردین ۱۴۰۳").as_deref(), Some("2024-03-20"));
        assert_eq!(day("۲۹ اسفند ۱۴۰۲").as_deref(), Some("2024-03-19"));
        // Western digits and a Gregorian year stay Gregorian.
        assert_eq!(day("2026/11/25").as_deref(), Some("2026-11-25"));
    }

    #[test]
    fn ambiguous_slashed_dates_are_refused() {
        assert_eq!(day("07/12/2021"), None);
        assert_eq!(day("12/27/2021").as_deref(), Some("2021-12-27"));
        assert_eq!(day("27/12/2021").as_deref(), Some("2021-12-27"));
    }

    #[test]
    fn the_page_language_orders_ambiguous_slashed_dates() {
        let day = |s: &str, lang: &str| parse_ordered(s, Order::of(Some(lang))).map(|d| d.date().to_string());
        assert_eq!(day("05/11/2026", "fr").as_deref(), Some("2026-11-05"));
        assert_eq!(day("05/11/2026 ore 10:30", "it-IT").as_deref(), Some("2026-11-05"));
        assert_eq!(day("05/11/2026", "en-GB").as_deref(), Some("2026-11-05"));
        assert_eq!(day("05/11/2026", "en-US").as_deref(), Some("2026-05-11"));
        assert_eq!(day("05/11/2026", "en"), None);
        // An impossible reading still loses, whatever the language says.
        assert_eq!(day("11/25/2026", "de").as_deref(), Some("2026-11-25"));
    }

    #[test]
    fn future_and_ancient_dates_are_implausible() {
        let today = Some(civil::date(2024, 5, 1));
        assert!(plausible(&parse("2024-05-02").unwrap(), today));
        assert!(!plausible(&parse("2031-01-01").unwrap(), today));
        assert!(!plausible(&parse("1970-01-01").unwrap(), today));
        assert!(plausible(&parse("2031-01-01").unwrap(), None), "no today, no upper bound");
        assert!(!plausible(&parse("1970-01-01").unwrap(), None));
    }

    #[test]
    fn url_path_dates() {
        let d = |p: &str| from_url_path(p).map(|d| d.to_string());
        assert_eq!(d("/2021/12/07/rain-returns").as_deref(), Some("2021-12-07"));
        assert_eq!(d("/news/2021-12-07-rain").as_deref(), Some("2021-12-07"));
        assert_eq!(d("/a/20211207/rain").as_deref(), Some("2021-12-07"));
        assert_eq!(d("/blog/2023/october/03/wine").as_deref(), Some("2023-10-03"));
        assert_eq!(d("/2021/12/rain"), None);
        assert_eq!(d("/item/123456789"), None);
    }
}
