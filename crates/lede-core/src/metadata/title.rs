//! Choosing the headline among `<title>`, OpenGraph/Twitter/Dublin Core titles, the JSON-LD
//! `headline` and the `<h1>`, and cutting the " | Site" part off.

use crate::text::{collapse_ws, is_unspaced_script};

/// Separators between a headline and a site name, widest first. Chinese and Japanese
/// titles write the bar full-width or unspaced ("标题|新华网", "見出し｜毎日新聞") and the
/// colon full-width; those come last, tried only when no spaced separator cut the title.
const SEPARATORS: &[&str] = &[
    " | ", " || ", " :: ", " — ", " – ", " - ", " · ", " • ", " » ", " // ", " / ", "_", " : ", ": ", "｜",
    "|", "：",
];

/// What the title is chosen from.
pub(crate) struct Candidates<'a> {
    pub(crate) document: Option<&'a str>,
    pub(crate) meta: Option<&'a str>,
    pub(crate) json_ld: Option<&'a str>,
    pub(crate) h1s: &'a [String],
    /// Whether `h1s` are in fact `<h2>`s, trusted only when a declared title contains one.
    pub(crate) h2s: bool,
    /// The text of an element opening the first `<h1>` before more of its text.
    pub(crate) h1_label: Option<&'a str>,
    pub(crate) site_name: Option<&'a str>,
}

/// The headline, without the site's name.
pub(crate) fn choose(c: &Candidates<'_>) -> Option<String> {
    let sources: Vec<&str> =
        [c.json_ld, c.meta, c.document].into_iter().flatten().filter(|s| !s.trim().is_empty()).collect();
    // An <h1> that one of the declared titles contains is the headline as shown — unless
    // the rest of that title is itself declared as the title: then the <h1> is the site's
    // masthead ("Blog Name: Post" beside og:title "Post").
    // "&" and "and" read the same: a title may abbreviate the headline it declares.
    let declared: Vec<String> = sources.iter().map(|s| norm(s).replace(" & ", " and ")).collect();
    let names_the_post = |rest: &str| {
        let rest = rest.trim_start_matches(|ch: char| !ch.is_alphanumeric());
        !rest.is_empty() && declared.iter().any(|d| d == rest)
    };
    if let Some(t) = labelled_h1(c.h1s.first(), c.h1_label, &sources, &declared) {
        return Some(t);
    }
    for h1 in c.h1s.iter().take(3) {
        // Permalink anchors ("Models¶", "Usage #") are no part of the headline.
        let h1 = h1.trim_end_matches(['¶', '#', ' ']);
        let h = norm(h1).replace(" & ", " and ");
        if h.chars().count() >= 4
            && declared.iter().any(|s| {
                *s == h
                    || s.starts_with(&h)
                        && is_separator_start(&s[h.len()..])
                        && !names_the_post(&s[h.len()..])
                    || s.ends_with(&h) && h.len() * 2 >= s.len()
            })
        {
            return Some(h1.to_owned());
        }
    }
    // Otherwise an <h1> that shares most of its words with a declared title: pages often
    // declare an SEO variant of the headline they show. When the words are the same, the
    // declared form wins (the <h1> may carry curly quotes, "¶" anchors or "™").
    for h1 in c.h1s.iter().take(if c.h2s { 0 } else { 2 }) {
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
    let best = c.meta.or(c.json_ld).or(c.document);
    let stripped = best.map(|b| strip_site(b, c.site_name, c.document));
    // A declared title that is only the site's name (or nothing but separators) says
    // nothing about this page; the first <h1> does.
    let empty = stripped.as_deref().is_none_or(|t| {
        let core = t.trim_matches(|ch: char| !ch.is_alphanumeric());
        let same = |a: &str, b: &str| {
            words_in_order(&a.replace('&', " and ")) == words_in_order(&b.replace('&', " and "))
        };
        core.is_empty() || c.site_name.is_some_and(|s| same(s, core))
    });
    if empty {
        if let Some(h1) = c.h1s.first().filter(|h| !c.h2s && h.split_whitespace().count() >= 2) {
            return Some(h1.clone());
        }
    }
    stripped
        .map(|t| t.trim_start_matches(|ch: char| ch.is_whitespace() || "|-–—:·•»".contains(ch)).to_owned())
}

/// The declared title that the first `<h1>` shows after a label in an element of its own
/// ("<span>Player</span> Squad 2024 - 2025" beside the declared "Squad 2024 - 2025"):
/// forums and shops print a thread prefix or a badge inside the headline's element, and
/// the declared title leaves it out.
fn labelled_h1(
    h1: Option<&String>,
    label: Option<&str>,
    sources: &[&str],
    declared: &[String],
) -> Option<String> {
    let label = norm(label?);
    let h = norm(h1?).replace(" & ", " and ");
    let rest = h.strip_prefix(label.as_str())?.trim_start();
    if label.split_whitespace().count() > 3 || rest.split_whitespace().count() < 2 {
        return None;
    }
    sources.iter().zip(declared).find(|(_, d)| d.as_str() == rest).map(|(s, _)| collapse_ws(s))
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
            // "Page | Section | Site": the same separator again sets off a section name,
            // which goes by the rules for an unknown site.
            return if head.contains(sep) { strip_site(head, None, None) } else { head.to_owned() };
        }
        if let Some(j) = title.find(sep) {
            let (first, rest) = (title[..j].trim(), title[j + sep.len()..].trim());
            // A leading part is the site only if it is no more than the site's name: a
            // headline may mention its site ("… @ Site's blog :: Host").
            let first_n = norm(first);
            let only_site =
                site_n.as_deref().is_some_and(|s| first_n == s || s.contains(&first_n) && first_n.len() > 2);
            if only_site && !rest.is_empty() {
                return rest.to_owned();
            }
        }
        // Without a known site name, a short tail after a strong separator reads as one.
        let words = title_words;
        let strong = matches!(
            *sep,
            " | " | " || " | " :: " | " — " | " – " | " - " | " · " | " • " | " » " | "_" | "｜" | "|"
        );
        let document_has_it = document.is_some_and(|d| norm(d).ends_with(&tn));
        // After a bar or a dash proper, a tagline may be longer than the headline
        // ("Stripe Payments | Global Payment Processing Platform"); after a hyphen, no.
        let bar = matches!(*sep, " | " | " || " | " — " | " – " | " · " | " • " | "｜" | "|");
        if strong
            && words(tail) <= if bar { 6 } else { 4 }
            && (bar || words(head) >= words(tail))
            && (words(head) >= 2 || document_has_it)
            && !hn.is_empty()
        {
            return strip_site(head, site, document);
        }
    }
    title
}

/// Words in a title part, where a run of Chinese or Japanese characters counts one word per
/// two characters (their usual word length): "新能源汽车发展规划发布" is a headline, not one
/// word, and "新浪网" a short site name.
fn title_words(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| match w.chars().filter(|&c| is_unspaced_script(c)).count() {
            0 => 1,
            n => n.div_ceil(2),
        })
        .sum()
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

#[cfg(test)]
mod tests {
    use super::strip_site;

    #[test]
    fn chinese_and_japanese_site_suffixes() {
        for (title, site, headline) in [
            ("新能源汽车发展规划发布_新闻中心_新浪网", None, "新能源汽车发展规划发布"),
            ("新能源汽车发展规划发布 - 新闻 - 人民网", None, "新能源汽车发展规划发布"),
            ("新能源汽车发展规划发布|新华网", None, "新能源汽车发展规划发布"),
            ("政府、新たな経済対策を決定｜毎日ニュース", None, "政府、新たな経済対策を決定"),
            ("政府、新たな経済対策を決定 ｜ 毎日ニュース", None, "政府、新たな経済対策を決定"),
            ("政府、新たな経済対策を決定：日本経済新聞", Some("日本経済新聞"), "政府、新たな経済対策を決定"),
        ] {
            assert_eq!(strip_site(title, site, Some(title)), headline, "{title}");
        }
        // Without the site's name a full-width colon may set off a topic, and stays.
        assert_eq!(strip_site("特集：政府の経済対策", None, None), "特集：政府の経済対策");
    }
}
