//! Choosing the headline among `<title>`, OpenGraph/Twitter/Dublin Core titles, the JSON-LD
//! `headline` and the `<h1>`, and cutting the " | Site" part off.

use super::collapse_ws;

/// Separators between a headline and a site name, widest first.
const SEPARATORS: &[&str] =
    &[" | ", " || ", " :: ", " — ", " – ", " - ", " · ", " » ", " // ", " / ", "_", " : ", ": "];

/// What the title is chosen from.
pub(crate) struct Candidates<'a> {
    pub(crate) document: Option<&'a str>,
    pub(crate) meta: Option<&'a str>,
    pub(crate) json_ld: Option<&'a str>,
    pub(crate) h1s: &'a [String],
    pub(crate) site_name: Option<&'a str>,
}

/// The headline, without the site's name.
pub(crate) fn choose(c: &Candidates<'_>) -> Option<String> {
    let sources: Vec<&str> =
        [c.json_ld, c.meta, c.document].into_iter().flatten().filter(|s| !s.trim().is_empty()).collect();
    // An <h1> that one of the declared titles contains is the headline as shown.
    for h1 in c.h1s.iter().take(3) {
        let h = norm(h1);
        if h.chars().count() >= 4
            && sources.iter().any(|s| {
                let s = norm(s);
                s == h
                    || s.starts_with(&h) && is_separator_start(&s[h.len()..])
                    || s.ends_with(&h) && h.len() * 2 >= s.len()
            })
        {
            return Some(h1.clone());
        }
    }
    // Otherwise an <h1> that shares most of its words with a declared title: pages often
    // declare an SEO variant of the headline they show. When the words are the same, the
    // declared form wins (the <h1> may carry curly quotes, "¶" anchors or "™").
    for h1 in c.h1s.iter().take(2) {
        let words = word_set(h1);
        if words.len() < 2 {
            continue;
        }
        let mut best: Option<(f32, String)> = None;
        for s in &sources {
            let stripped = strip_site(s, c.site_name, c.document);
            let sw = word_set(&stripped);
            if words_in_order(&stripped) == words_in_order(h1) {
                return Some(stripped);
            }
            let ratio =
                words.iter().filter(|w| sw.contains(w)).count() as f32 / words.len().max(sw.len()) as f32;
            if best.as_ref().is_none_or(|(r, _)| ratio > *r) {
                best = Some((ratio, stripped));
            }
        }
        if best.is_some_and(|(r, _)| r >= 0.5) {
            return Some(h1.trim_end_matches(['¶', '#', ' ']).to_owned());
        }
    }
    let best = c.meta.or(c.json_ld).or(c.document)?;
    Some(strip_site(best, c.site_name, c.document))
}

fn is_separator_start(rest: &str) -> bool {
    SEPARATORS.iter().any(|s| rest.starts_with(s.trim_end()) || rest.starts_with(s))
}

/// `title` without a leading or trailing site name.
pub(crate) fn strip_site(title: &str, site: Option<&str>, document: Option<&str>) -> String {
    let title = collapse_ws(title);
    let site_n = site.map(norm).filter(|s| !s.is_empty());
    for sep in SEPARATORS {
        let Some(i) = title.rfind(sep) else { continue };
        let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
        if head.is_empty() || tail.is_empty() {
            continue;
        }
        let (hn, tn) = (norm(head), norm(tail));
        let is_site = |part: &str| {
            site_n
                .as_deref()
                .is_some_and(|s| part == s || part.contains(s) || s.contains(part) && part.len() > 2)
        };
        if is_site(&tn) {
            return head.to_owned();
        }
        if let Some(j) = title.find(sep) {
            let (first, rest) = (title[..j].trim(), title[j + sep.len()..].trim());
            if is_site(&norm(first)) && !rest.is_empty() {
                return rest.to_owned();
            }
        }
        // Without a known site name, a short tail after a strong separator reads as one.
        let words = |s: &str| s.split_whitespace().count();
        let strong =
            matches!(*sep, " | " | " || " | " :: " | " — " | " – " | " - " | " · " | " • " | " » " | "_");
        let document_has_it = document.is_some_and(|d| norm(d).ends_with(&tn));
        if strong
            && words(tail) <= 4
            && words(head) >= words(tail)
            && (words(head) >= 2 || document_has_it)
            && !hn.is_empty()
        {
            return strip_site(head, site, document);
        }
    }
    title
}

fn norm(s: &str) -> String {
    collapse_ws(s).to_lowercase()
}

fn word_set(s: &str) -> Vec<String> {
    let mut v: Vec<String> =
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn words_in_order(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}
