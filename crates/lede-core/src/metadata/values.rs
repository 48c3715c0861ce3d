//! Cleaning the values every metadata source reads: text (entities, whitespace, template
//! placeholders), language tags, and keyword tags.

use crate::text::collapse_ws;

/// Collapsed text, with the HTML entities that JSON-LD strings often carry decoded; `None`
/// if nothing is left or only a template's placeholder ("nil", "undefined").
pub(crate) fn clean_text(s: &str) -> Option<String> {
    let s = if s.contains('&') { decode_entities(s) } else { s.to_owned() };
    let s = collapse_ws(&s);
    let placeholder =
        ["nil", "null", "none", "undefined", "n/a", "false"].iter().any(|p| s.eq_ignore_ascii_case(p));
    (!s.is_empty() && !placeholder).then_some(s)
}

/// Decodes the few named entities and all numeric ones.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
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

/// A BCP 47-style tag from `en_US`, `en-us`, `EN`: language lowercase, region uppercase.
pub(crate) fn language_tag(s: &str) -> Option<String> {
    let s = s.trim().split([',', ';']).next()?.trim();
    let mut parts = s.split(['-', '_']);
    let lang = parts.next()?;
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = lang.to_ascii_lowercase();
    for p in parts {
        if p.is_empty() || p.len() > 8 || !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
            break;
        }
        tag.push('-');
        match p.len() {
            2 => tag.push_str(&p.to_ascii_uppercase()),
            4 => {
                let mut c = p.chars();
                tag.extend(c.next().map(|c| c.to_ascii_uppercase()));
                tag.push_str(&c.as_str().to_ascii_lowercase());
            }
            _ => tag.push_str(&p.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

/// Adds a tag unless it is empty or already there (case-insensitively).
pub(crate) fn push_tag(tags: &mut Vec<String>, t: &str) {
    let t = t.trim();
    if t.is_empty() || t.len() > 100 || tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
        return;
    }
    tags.push(t.to_owned());
}
