//! The header line of a pasted copy: ` date YYYY-MM-DD rest` (or `YYYY-MM`).

use crate::date::DateTime;

/// Splits a ` date …` first line into its date and the rest of the line (trimmed).
pub(crate) fn parse(line: &str) -> Option<(DateTime, &str)> {
    let rest = line.trim_start().strip_prefix("date ")?.trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let date = DateTime::parse_iso(rest.get(..end)?)?;
    Some((date, rest.get(end..)?.trim()))
}

/// Site-name separators that follow a headline ("… | KOB 4", "… - Reuters").
const SUFFIX_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " « ", " » "];

/// A headline without its trailing site name: the last separated part goes when it is short
/// (four words at most) and the headline before it is longer than it.
pub(crate) fn strip_site_suffix(title: &str) -> &str {
    for sep in SUFFIX_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let tail_words = tail.split_whitespace().count();
            let pipe = sep.trim() == "|";
            if tail_words > 0
                && tail_words <= 4
                && head.split_whitespace().count() > tail_words + 1
                && (pipe || !tail.ends_with('.'))
            {
                return strip_site_suffix(head.trim_end());
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_day_and_month_dates() {
        let (d, rest) = parse(" date 2021-12-07 Biden meets Putin").unwrap();
        assert_eq!((d.to_string().as_str(), rest), ("2021-12-07", "Biden meets Putin"));
        let (d, rest) = parse(" date 2023-05").unwrap();
        assert_eq!((d.to_string().as_str(), rest), ("2023-05", ""));
        assert!(parse("Biden meets Putin").is_none());
        assert!(parse(" date soon").is_none());
    }

    #[test]
    fn strips_site_suffixes() {
        assert_eq!(strip_site_suffix("Storm hits the coast | KOB 4"), "Storm hits the coast");
        assert_eq!(strip_site_suffix("Storm hits the coast - Reuters"), "Storm hits the coast");
        assert_eq!(strip_site_suffix("Ukraine - live"), "Ukraine - live");
    }
}
