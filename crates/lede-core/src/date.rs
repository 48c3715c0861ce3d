//! [`DateTime`]: a publication date as precise as the page gives it, serialised as ISO 8601.

use std::fmt;

use jiff::civil;
use jiff::tz::Offset;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date, or a date with a time, with an offset when the source states one.
///
/// Serialises as `2021-12-07`, `2021-12-07T10:00:00` or `2021-12-07T10:00:00+01:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateTime {
    /// A calendar day only.
    Date(civil::Date),
    /// A day and time with no stated offset.
    Local(civil::DateTime),
    /// A day and time at a stated UTC offset.
    Offset(civil::DateTime, Offset),
    /// A month only (`2021-12`); the date held is the month's first day.
    Month(civil::Date),
}

impl DateTime {
    /// The calendar day, whatever the precision.
    pub fn date(&self) -> civil::Date {
        match *self {
            DateTime::Date(d) | DateTime::Month(d) => d,
            DateTime::Local(dt) | DateTime::Offset(dt, _) => dt.date(),
        }
    }

    /// Parses ISO 8601 / RFC 3339 forms: `2021-12-07`, `2021-12-07T10:00`,
    /// `2021-12-07 10:00:00`, `2021-12-07T10:00:00Z`, `…+01:00`, `…+0100`, fractions of seconds.
    pub fn parse_iso(s: &str) -> Option<DateTime> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() == 7 && b[4] == b'-' {
            let y: i16 = s.get(0..4)?.parse().ok()?;
            let m: i8 = s.get(5..7)?.parse().ok()?;
            return civil::Date::new(y, m, 1).ok().map(DateTime::Month);
        }
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let date = parse_ymd(s.get(..10)?)?;
        let rest = s.get(10..)?;
        if rest.is_empty() {
            return Some(DateTime::Date(date));
        }
        let rest = rest.strip_prefix(['T', 't', ' ']).unwrap_or(rest);
        let (time_part, offset_part) = split_offset(rest);
        let time = parse_hms(time_part)?;
        let dt = date.to_datetime(time);
        match offset_part {
            None => Some(DateTime::Local(dt)),
            Some(o) => Some(DateTime::Offset(dt, parse_offset(o)?)),
        }
    }
}

fn parse_ymd(s: &str) -> Option<civil::Date> {
    let y: i16 = s.get(0..4)?.parse().ok()?;
    let m: i8 = s.get(5..7)?.parse().ok()?;
    let d: i8 = s.get(8..10)?.parse().ok()?;
    civil::Date::new(y, m, d).ok()
}

/// Splits `10:00:00+01:00` into the time and the offset (`Z`, `+01:00`, `-0500`).
fn split_offset(s: &str) -> (&str, Option<&str>) {
    if let Some(t) = s.strip_suffix(['Z', 'z']) {
        return (t, Some("Z"));
    }
    match s.rfind(['+', '-']) {
        Some(i) if i > 0 => (s[..i].trim_end(), Some(&s[i..])),
        _ => (s.trim_end(), None),
    }
}

fn parse_hms(s: &str) -> Option<civil::Time> {
    let mut parts = s.split(':');
    let h: i8 = parts.next()?.trim().parse().ok()?;
    let m: i8 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    let (sec, nanos) = match parts.next() {
        None => (0, 0),
        Some(p) => {
            let (whole, frac) = p.split_once(['.', ',']).unwrap_or((p, ""));
            let sec: i8 = whole.parse().ok()?;
            let digits: String = frac.chars().take_while(char::is_ascii_digit).take(9).collect();
            let nanos = if digits.is_empty() { 0 } else { format!("{digits:0<9}").parse().ok()? };
            (sec, nanos)
        }
    };
    if parts.next().is_some() {
        return None;
    }
    civil::Time::new(h, m, sec.min(59), nanos).ok()
}

fn parse_offset(s: &str) -> Option<Offset> {
    if s == "Z" {
        return Some(Offset::UTC);
    }
    let sign: i32 = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    if h > 18 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateTime::Date(d) => write!(f, "{d}"),
            DateTime::Month(d) => write!(f, "{}", d.strftime("%Y-%m")),
            DateTime::Local(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M:%S")),
            DateTime::Offset(dt, off) => {
                let secs = off.seconds();
                let sign = if secs < 0 { '-' } else { '+' };
                let secs = secs.abs();
                write!(
                    f,
                    "{}{sign}{:02}:{:02}",
                    dt.strftime("%Y-%m-%dT%H:%M:%S"),
                    secs / 3600,
                    secs % 3600 / 60
                )
            }
        }
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        DateTime::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date: {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_each_precision() {
        for s in [
            "2021-12",
            "2021-12-07",
            "2021-12-07T10:00:00",
            "2021-12-07T10:00:00+01:00",
            "2021-12-07T10:00:00-05:30",
        ] {
            assert_eq!(DateTime::parse_iso(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn accepts_common_variants() {
        let z = DateTime::parse_iso("2021-12-07T10:00:00.123Z").unwrap();
        assert_eq!(z.to_string(), "2021-12-07T10:00:00+00:00");
        let compact = DateTime::parse_iso("2021-12-07 10:00+0100").unwrap();
        assert_eq!(compact.to_string(), "2021-12-07T10:00:00+01:00");
    }

    #[test]
    fn rejects_non_ascii_in_the_date_without_panicking() {
        assert!(DateTime::parse_iso("2024-03-’02").is_none());
        assert!(DateTime::parse_iso("2024-’3").is_none());
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(DateTime::parse_iso("2021-02-30").is_none());
        assert!(DateTime::parse_iso("2021-13-01").is_none());
        assert!(DateTime::parse_iso("yesterday").is_none());
    }
}
