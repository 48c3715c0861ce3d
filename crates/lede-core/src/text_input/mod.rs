//! Plain-text input: a news page as a reader pastes it, turned into the same [`Article`] as
//! HTML input.
//!
//! The copy is read line by line. An optional ` date YYYY-MM-DD rest` header gives the date;
//! its rest is read like any other line, since it may be the headline, a lede, a caption, a
//! section label or navigation. Each line is classified on its own ([`lines`]); a caption is a
//! line repeated by the next one with a photo credit after it; hard-wrapped wire copy is joined
//! into paragraphs ([`paragraphs`]). The body starts at the first prose paragraph that is not a
//! dek (a dek is followed by a byline or reading time); what comes before it gives the title
//! and the description.

mod header;
mod lines;
mod paragraphs;

use lines::Line;

use crate::enrich;
use crate::error::{Error, Result};
use crate::model::{Article, Author, Block, Image, Inline, ReadingTimeSource};
use crate::options::Options;

/// Extracts the article from a pasted plain-text copy of a news page, found at `url`.
///
/// Never fails on text content; errors only for input over
/// [`Options::max_input_bytes`] or binary data.
pub(crate) fn extract(text: &str, url: Option<&str>, options: &Options) -> Result<Article> {
    if text.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge { size: text.len(), limit: options.max_input_bytes });
    }
    if text.bytes().take(4096).filter(|&b| b == 0).count() > 2 {
        return Err(Error::Binary);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut article = Article { url: url.map(str::to_owned), ..Article::default() };
    let mut raw: Vec<&str> = text.lines().collect();
    if let Some((date, rest)) = raw.first().and_then(|l| header::parse(l)) {
        article.published = Some(date);
        raw[0] = rest;
    }
    let items = read_items(&raw);
    if article.published.is_none() {
        article.published = header_date(&items, &raw);
    }
    let units = group(&items, &raw);
    // A prose first unit that is the header line's rest is the lede, not a dek.
    let from_line_one = article.published.is_some() && matches!(items.first(), Some(Item::Line(Line::Text)));
    assemble(&mut article, &units, from_line_one);
    take_dateline(&mut article);
    article.images.retain(|i| i.caption.is_some() || i.credit.is_some());
    dedup_captions(&mut article.images);
    article.is_article = !article.body.is_empty();
    article.confidence = if article.is_article { 0.9 } else { 0.0 };
    enrich::finish(&mut article, options);
    Ok(article)
}

/// A line with what it was read as.
#[derive(Debug, Clone)]
enum Item {
    Line(Line),
    Caption {
        caption: Option<String>,
        credit: Option<String>,
    },
    /// A line repeating another one (a headline or lede shown twice).
    Repeat,
}

/// The date the lines above the body state when there is no header line: the first
/// timestamp, dated byline or short dated line before the first long paragraph.
fn header_date(items: &[Item], raw: &[&str]) -> Option<crate::date::DateTime> {
    items
        .iter()
        .zip(raw)
        .take_while(|(_, l)| l.split_whitespace().count() < 30)
        .filter(|(item, _)| {
            matches!(item, Item::Line(Line::Timestamp | Line::Byline(_) | Line::Text | Line::ReadingTime(..)))
        })
        .find_map(|(_, l)| lines::date_of(l.trim()))
}

/// The dateline opening the first paragraph goes to [`Article::dateline`] and out of the
/// body, so the body starts with the story's first sentence; a date-only dateline ("Feb. 23,
/// 2015 --") dates a copy that has no other date.
fn take_dateline(article: &mut Article) {
    let Some(k) = article.body.iter().take(3).position(|b| matches!(b, Block::Paragraph { .. })) else {
        return;
    };
    let Block::Paragraph { content } = &mut article.body[k] else { return };
    let [Inline::Text { text }] = content.as_mut_slice() else { return };
    let Some((dateline, len)) = enrich::dateline::detect(text) else { return };
    let rest = text.get(len..).unwrap_or("").trim_start().to_owned();
    if article.published.is_none() {
        article.published = crate::metadata::date::parse(&dateline.text);
    }
    article.dateline = Some(dateline);
    if rest.is_empty() {
        article.body.remove(k);
    } else {
        *text = rest;
    }
}

/// Labels a page prints before a caption ("Main image: …", "Image caption, …").
const CAPTION_LABELS: &[&str] = &["Main image: ", "Image caption, ", "Media caption, ", "Caption: "];

/// One photo shown twice (the lead image and its repeat in a gallery or under a label) is
/// one caption; bare credits stay, since different photos share a photographer.
fn dedup_captions(images: &mut Vec<Image>) {
    for image in images.iter_mut() {
        if let Some(caption) = &mut image.caption {
            if let Some(rest) = CAPTION_LABELS.iter().find_map(|l| caption.strip_prefix(l)) {
                *caption = rest.trim().to_owned();
            }
        }
    }
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    images.retain(|i| match &i.caption {
        Some(c) => {
            let key = (c.clone(), i.credit.clone());
            let new = !seen.contains(&key);
            seen.push(key);
            new
        }
        None => true,
    });
}

/// A photo credit without its label and brackets: "Photo: Jane Doe" and "(Photo by Jane
/// Doe)" give "Jane Doe".
fn credit_text(credit: &str) -> String {
    const LABELS: &[&str] = &[
        "photograph:",
        "photo:",
        "photos:",
        "image:",
        "picture:",
        "source:",
        "credit:",
        "photo by",
        "photos by",
        "video by",
        "illustration by",
        "illustration:",
        "composite:",
        "© provided by",
        "©",
    ];
    let mut s = credit.trim().trim_start_matches(['|', ' ']);
    if s.starts_with('(') && s.ends_with(')') {
        s = &s[1..s.len() - 1];
    }
    for label in LABELS {
        if s.get(..label.len()).is_some_and(|h| h.eq_ignore_ascii_case(label)) {
            s = s[label.len()..].trim_start();
            break;
        }
    }
    s.trim().to_owned()
}

/// Classifies every line, pairing captions with the credited copy that follows them.
fn read_items(raw: &[&str]) -> Vec<Item> {
    let mut items: Vec<Item> = raw.iter().map(|l| Item::Line(lines::classify(l.trim()))).collect();
    join_wrapped_credits(raw, &mut items);
    names_beside_dates(raw, &mut items);
    for i in 0..items.len() {
        let line = raw[i].trim();
        if let (Item::Line(Line::PhotoCredit), Some((caption, credit))) =
            (&items[i], caption_with_credit(line))
        {
            items[i] = Item::Caption { caption: Some(caption.to_owned()), credit: credit.map(credit_text) };
            continue;
        }
        if matches!(items[i], Item::Line(Line::PhotoCredit)) {
            // A credit under a short captioning sentence is that caption's.
            let prev = (0..i).rev().find(|&j| !raw[j].trim().is_empty()).filter(|&j| i - j <= 2);
            let caption = prev.filter(|&j| {
                let p = raw[j].trim();
                matches!(items[j], Item::Line(Line::Text))
                    && p.ends_with('.')
                    && p.split_whitespace().count() <= 40
                    // A caption repeated with its credit is paired below.
                    && !line.starts_with(p)
            });
            if let Some(j) = caption {
                items[j] = Item::Repeat;
            }
            items[i] = Item::Caption {
                caption: caption.map(|j| raw[j].trim().to_owned()),
                credit: Some(credit_text(line)),
            };
            continue;
        }
        if matches!(items[i], Item::Line(Line::Text)) {
            if let Some((caption, credit)) = caption_with_credit(line) {
                items[i] =
                    Item::Caption { caption: Some(caption.to_owned()), credit: credit.map(credit_text) };
            }
        }
    }
    for i in 0..raw.len() {
        if !matches!(items[i], Item::Line(Line::Text)) {
            continue;
        }
        let line = raw[i].trim();
        let words = line.split_whitespace().count();
        // The next two non-blank lines that repeat this one, alone or with a credit.
        let repeats: Vec<usize> = (i + 1..raw.len().min(i + 5))
            .filter(|&j| !raw[j].trim().is_empty())
            .take(2)
            .take_while(|&j| raw[j].trim().starts_with(line))
            .collect();
        let Some(&last) = repeats.last() else { continue };
        let next = raw[last].trim();
        let credit = next[line.len()..].trim();
        if credit.is_empty() {
            if headline_like(line) || words >= 25 {
                repeats.iter().for_each(|&j| items[j] = Item::Repeat);
            } else {
                items[i] = Item::Caption { caption: Some(line.to_owned()), credit: None };
                repeats.iter().for_each(|&j| items[j] = Item::Repeat);
            }
        } else if next[line.len()..].starts_with(char::is_whitespace)
            && credit.split_whitespace().count() <= 14
            && !credit.ends_with(['.', '?', '!'])
        {
            items[i] = Item::Caption { caption: Some(line.to_owned()), credit: Some(credit_text(credit)) };
            repeats.iter().for_each(|&j| items[j] = Item::Repeat);
        } else if words >= 6 {
            // The lede on line 1, repeated as the start of the first paragraph.
            items[i] = Item::Repeat;
        }
    }
    items
}

/// A caption carrying its own credit: "FILE PHOTO: A view of Milan. REUTERS/Jane Doe/File
/// Photo", "Image caption, Crowds at the gates (Photo by John Roe)".
fn caption_with_credit(line: &str) -> Option<(&str, Option<&str>)> {
    if let Some(rest) = line.strip_prefix("Image caption, ").or_else(|| line.strip_prefix("Media caption, "))
    {
        return Some((rest.trim(), None));
    }
    const MARKERS: &[&str] = &[
        " REUTERS/",
        " Reuters/",
        " (AP Photo",
        " (Photo by ",
        " Photo: ",
        " (Photo: ",
        " AFP via Getty",
        " Getty Images",
        " Photograph: ",
        " Picture: ",
        " Source: ",
        " | Photo by ",
        " Photo by ",
        " (Credit: ",
    ];
    // A closing parenthesis naming a photographer and an agency ("(Jane Doe/AFP/Getty Images)").
    let bracketed = line
        .strip_suffix(')')
        .and_then(|l| l.rfind(" (").map(|i| (i, &l[i + 2..])))
        .filter(|(_, inner)| inner.contains('/') && inner.split_whitespace().count() <= 8)
        .map(|(i, _)| i);
    let at = MARKERS.iter().filter_map(|m| line.rfind(m)).chain(bracketed).min()?;
    let (caption, credit) = (line[..at].trim(), line[at..].trim());
    let credit_words = credit.split_whitespace().count();
    (caption.ends_with(['.', ')', '!', '?']) && credit_words <= 10 && !caption.is_empty())
        .then_some((caption, Some(credit)))
}

/// A bare name, or a name and the place it was filed from ("Jane Doe in Rome"), standing on
/// its line just above a date line is a byline.
fn names_beside_dates(raw: &[&str], items: &mut [Item]) {
    for i in 0..raw.len() {
        if !matches!(items[i], Item::Line(Line::Text)) {
            continue;
        }
        let line = raw[i].trim();
        let name = match line.split_once(" in ") {
            Some((name, place))
                if place.split_whitespace().count() <= 3 && place.starts_with(char::is_uppercase) =>
            {
                name
            }
            _ => line,
        };
        if !lines::looks_like_name(name, 4) || name.split_whitespace().count() > 3 {
            continue;
        }
        // Capitals shout a label ("PRESS RELEASE"); a line just under a byline (or its role
        // line) names its provider.
        if !name.chars().any(char::is_lowercase) {
            continue;
        }
        let mut above = (0..i).rev().filter(|&j| !raw[j].trim().is_empty()).take(2);
        if above.any(|j| matches!(items[j], Item::Line(Line::Byline(_)))) {
            continue;
        }
        let next = (i + 1..raw.len()).find(|&j| !raw[j].trim().is_empty());
        let dated = next.is_some_and(|j| {
            matches!(items[j], Item::Line(Line::Timestamp))
                || matches!(items[j], Item::Line(Line::Text)) && lines::date_of(raw[j].trim()).is_some()
        });
        if dated {
            items[i] = Item::Line(Line::Byline(vec![Author::new(name)]));
        }
    }
}

/// Wire credits wrapped over several lines ("(Reporting by A; Editing by B and C\nD)").
fn join_wrapped_credits(raw: &[&str], items: &mut [Item]) {
    for i in 0..raw.len() {
        let line = raw[i].trim();
        if !matches!(items[i], Item::Line(Line::Credits(_))) || !line.starts_with('(') || line.contains(')') {
            continue;
        }
        let mut joined = line.to_owned();
        for (j, next) in raw.iter().enumerate().take(i + 4).skip(i + 1) {
            joined.push(' ');
            joined.push_str(next.trim());
            if next.contains(')') {
                if let Line::Credits(authors) = lines::classify(&joined) {
                    items[i] = Item::Line(Line::Credits(authors));
                    (i + 1..=j).for_each(|k| items[k] = Item::Repeat);
                }
                break;
            }
        }
    }
}

/// A paragraph of text, or any other line.
#[derive(Debug, Clone)]
enum Unit {
    Text { text: String, lines: usize },
    Other(Item),
}

/// Groups text lines into paragraphs, joining hard-wrapped lines.
fn group(items: &[Item], raw: &[&str]) -> Vec<Unit> {
    let wrapped = paragraphs::is_wrapped(raw);
    let width = paragraphs::wrap_width(raw);
    let mut units: Vec<Unit> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Item::Line(Line::Text) => {
                let mut text = raw[i].trim().to_owned();
                let mut n = 1;
                // A headline standing alone (not a dateline opening a wrapped lede) stays alone.
                let first_text = !units.iter().any(|u| matches!(u, Unit::Text { .. }));
                let lone_headline = first_text
                    && raw[i].trim().chars().count() * 10 < width * 7
                    && headline_like(raw[i].trim())
                    && enrich::dateline::detect(raw[i].trim()).is_none();
                while wrapped
                    && !(n == 1 && lone_headline)
                    && i + 1 < items.len()
                    && matches!(items[i + 1], Item::Line(Line::Text))
                    && paragraphs::runs_on(raw[i], raw[i + 1], width)
                    && enrich::dateline::detect(raw[i + 1].trim()).is_none()
                {
                    i += 1;
                    n += 1;
                    text.push(' ');
                    text.push_str(raw[i].trim());
                }
                units.push(Unit::Text { text, lines: n });
            }
            Item::Line(Line::Blank) | Item::Repeat => {}
            other => units.push(Unit::Other(other.clone())),
        }
        i += 1;
    }
    merge_bare_datelines(&mut units);
    units
}

/// A dateline alone on its line ("SANTA FE, N.M. (AP) —") opens the paragraph after it.
fn merge_bare_datelines(units: &mut Vec<Unit>) {
    let mut k = 0;
    while k + 1 < units.len() {
        let bare = match &units[k] {
            Unit::Text { text, .. } => {
                enrich::dateline::detect(&format!("{text} x")).is_some_and(|(_, len)| len >= text.len())
            }
            Unit::Other(_) => false,
        };
        if bare {
            if let (Unit::Text { text: next, lines: m }, Unit::Text { text, lines }) =
                (units[k + 1].clone(), &mut units[k])
            {
                text.push(' ');
                text.push_str(&next);
                *lines += m;
                units.remove(k + 1);
            }
        }
        k += 1;
    }
}

/// Whether a line reads as a headline: a few words, capitalised, no closing period.
fn headline_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (2..=30).contains(&words)
        && s.len() <= 300
        && s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
        && !s.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', ',', ';', ':'])
        && (s.chars().any(char::is_lowercase) || words >= 5)
        && !s.starts_with(['•', '*', '-', '–'])
}

/// Navigation in title case: four or more capitalised words and not one function word
/// ("World Business Markets Sustainability Legal"), where a headline has some.
fn looks_like_menu(s: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "for", "on", "and", "with", "as", "at", "by", "is", "are",
        "after", "over", "from", "into", "amid", "says", "will", "be", "up", "out", "not", "no", "its",
        "his", "her", "who", "may", "can", "how", "why", "what", "when", "than", "but", "or", "if", "that",
        "this", "your", "you", "we", "it", "new", "more", "get", "has", "have", "was", "were",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 4
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words
            .iter()
            .any(|w| FUNCTION_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())))
}

/// Whether a paragraph reads as body prose.
fn is_prose(text: &str, lines: usize) -> bool {
    let words = text.split_whitespace().count();
    (words >= 6 && paragraphs::ends_sentence(text) && !headline_like(text))
        || (lines >= 2 && words >= 12)
        || words >= 40
        || enrich::dateline::detect(text).is_some()
}

fn is_header_meta(unit: &Unit) -> bool {
    matches!(unit, Unit::Other(Item::Line(Line::Byline(_) | Line::ReadingTime(..) | Line::Timestamp)))
}

/// Where the body starts: the first prose paragraph not followed closely by a byline or
/// reading time (which would make it a dek).
fn body_start(units: &[Unit], from_line_one: bool) -> usize {
    let prose = |u: &Unit| matches!(u, Unit::Text { text, lines } if is_prose(text, *lines));
    for (k, unit) in units.iter().enumerate() {
        if !prose(unit) {
            continue;
        }
        // The header line's rest is the lede unless a headline follows it, which makes it a
        // caption or a dek.
        let headline_follows = k == 0
            && units[1..]
                .iter()
                .take(2)
                .any(|u| matches!(u, Unit::Text { text, lines: 1 } if headline_like(text)));
        if k == 0 && from_line_one && headline_follows {
            continue;
        }
        let lede_on_line_one = k == 0 && from_line_one;
        let dek = k < 6 && !lede_on_line_one && units[k + 1..].iter().take(3).any(is_header_meta);
        if !dek {
            return k;
        }
    }
    // No prose: the first paragraph after the headline.
    let texts: Vec<usize> =
        units.iter().enumerate().filter(|(_, u)| matches!(u, Unit::Text { .. })).map(|(k, _)| k).collect();
    texts.get(1).or(texts.first()).copied().unwrap_or(units.len())
}

/// Fills the article from the units.
fn assemble(article: &mut Article, units: &[Unit], from_line_one: bool) {
    let start = body_start(units, from_line_one);
    let mut dek: Vec<&str> = Vec::new();
    for unit in &units[..start] {
        match unit {
            Unit::Text { text, .. }
                if article.title.is_none()
                    && headline_like(text)
                    && !lines::is_junk(text)
                    && !looks_like_menu(text) =>
            {
                article.title = Some(header::strip_site_suffix(text).to_owned());
            }
            Unit::Text { text, .. } => {
                let words = text.split_whitespace().count();
                if words <= 3
                    && !text.chars().any(char::is_lowercase)
                    && article.section.is_none()
                    && article.title.is_none()
                {
                    article.section = Some(text.clone());
                } else if article.title.is_some()
                    && (paragraphs::ends_sentence(text)
                        || text.starts_with(['•', '*', '-', '–'])
                        || words >= 8)
                {
                    dek.push(text);
                }
            }
            Unit::Other(item) => take_meta(article, item),
        }
    }
    if !dek.is_empty() {
        article.description = Some(dek.join("\n"));
    }
    let body = &units[start.min(units.len())..];
    let mut trailing_junk = false;
    for (k, unit) in body.iter().enumerate() {
        match unit {
            Unit::Text { text, lines } => {
                if trailing_junk {
                    continue;
                }
                if is_about_block(text) && k > 0 {
                    trailing_junk = true;
                    continue;
                }
                if k > 0 && is_teaser(body, k) {
                    continue;
                }
                let short_head = *lines == 1 && headline_like(text) && text.split_whitespace().count() <= 12;
                let content = vec![Inline::Text { text: text.clone() }];
                article.body.push(if short_head && k > 0 {
                    Block::Heading { level: 2, content }
                } else {
                    Block::Paragraph { content }
                });
            }
            Unit::Other(item) => take_meta(article, item),
        }
    }
}

/// Takes what a non-text line says: authors, reading time, a caption, a credit.
fn take_meta(article: &mut Article, item: &Item) {
    match item {
        Item::Line(Line::Byline(authors) | Line::Credits(authors)) => {
            add_authors(&mut article.authors, authors)
        }
        Item::Line(Line::ReadingTime(minutes, authors)) => {
            add_authors(&mut article.authors, authors);
            article.reading_time_minutes = *minutes;
            article.reading_time_source = ReadingTimeSource::Stated;
        }
        Item::Caption { caption, credit } => {
            article.images.push(Image {
                caption: caption.clone(),
                credit: credit.clone(),
                ..Image::default()
            });
        }
        Item::Line(Line::PhotoCredit) => {}
        _ => {}
    }
}

fn add_authors(list: &mut Vec<Author>, new: &[Author]) {
    for a in new {
        if !list.iter().any(|b| b.name == a.name && b.role == a.role) {
            list.push(a.clone());
        }
    }
}

/// "About Acme" standing alone after the body: the start of a stock boilerplate block.
fn is_about_block(text: &str) -> bool {
    text.starts_with("About ") && text.split_whitespace().count() <= 6 && !paragraphs::ends_sentence(text)
}

/// A teaser for another story: a headline-like line next to another one, or the last line.
fn is_teaser(body: &[Unit], k: usize) -> bool {
    let head = |u: Option<&Unit>| matches!(u, Some(Unit::Text { text, lines: 1 }) if headline_like(text));
    if !head(body.get(k)) {
        return false;
    }
    let next_text = body[k + 1..].iter().find(|u| matches!(u, Unit::Text { .. }));
    let prev_text = body[..k].iter().rev().find(|u| matches!(u, Unit::Text { .. }));
    next_text.is_none() || head(next_text) || (head(prev_text) && k > 1)
}
