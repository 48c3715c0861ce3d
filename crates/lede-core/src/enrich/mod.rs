//! Enrichment: what is derived from the body once it is chosen (plain text, word count,
//! reading time, language and direction) and the journalism layer (dateline, quotes, cited
//! outlets).

mod cues;
pub(crate) mod dateline;
mod outlets;
mod quotes;
mod tokens;
mod words;

use crate::model::{Article, Block, ReadingTimeSource};
use crate::options::Options;
use crate::text::{block_text, blocks_text};

use words::word_count;

/// Reading speed used for computed reading times, in words per minute: a common figure for
/// adult silent reading of non-fiction. A time the page states ("4 min read") wins over it.
pub const READING_WORDS_PER_MINUTE: usize = 230;

/// Fills the fields derived from the body.
pub(crate) fn finish(article: &mut Article, options: &Options) {
    article.text = blocks_text(&article.body);
    article.word_count = word_count(&article.text);
    if article.reading_time_source == ReadingTimeSource::Computed {
        article.reading_time_minutes =
            words::reading_minutes(&article.text, article.word_count, READING_WORDS_PER_MINUTE);
    }
    if article.language.is_none() {
        article.language = detect_language(&article.text);
    }
    let rtl = match rtl_share(&article.text) {
        Some(share) => share > 0.5,
        // No letters to judge by: fall back on the declared language.
        None => article.language.as_deref().is_some_and(|lang| {
            let primary = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            matches!(primary.as_str(), "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb")
        }),
    };
    if rtl {
        article.direction = Some("rtl".to_owned());
    }
    if options.journalism {
        journalism(article);
    }
}

/// Share of the letters (in the first few thousand) written in right-to-left scripts, or
/// `None` when there are no letters: the script decides direction, whatever the language.
fn rtl_share(text: &str) -> Option<f32> {
    let (mut rtl, mut letters) = (0u32, 0u32);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(4000) {
        letters += 1;
        if matches!(c as u32,
            0x0590..=0x08FF      // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
            | 0xFB1D..=0xFDFF    // Hebrew and Arabic presentation forms A
            | 0xFE70..=0xFEFF    // Arabic presentation forms B
            | 0x10800..=0x10FFF  // historic RTL scripts
            | 0x1E800..=0x1EFFF)
        // Adlam and others
        {
            rtl += 1;
        }
    }
    (letters > 0).then(|| rtl as f32 / letters as f32)
}

/// Finds the dateline, quotes and cited outlets of the article's text.
pub(crate) fn journalism(article: &mut Article) {
    let blocks = block_ranges(&article.body);
    if article.dateline.is_none() {
        let first =
            blocks.iter().take(3).find(|b| matches!(article.body.get(b.0), Some(Block::Paragraph { .. })));
        if let Some(&(_, start, end)) = first {
            article.dateline = article.text.get(start..end).and_then(dateline::detect).map(|(d, _)| d);
        }
    }
    let text = article.text.as_str();
    let tokens = tokens::tokenize(text);
    let mentions = outlets::mentions(text, &tokens);
    article.cited_outlets = outlets::cited(text, &tokens, &mentions);
    let quoted: Vec<(usize, usize, usize)> = blocks
        .into_iter()
        .filter(|b| {
            matches!(
                article.body.get(b.0),
                Some(Block::Paragraph { .. } | Block::Quote { .. } | Block::List { .. })
            )
        })
        .collect();
    // Titles in quote marks are told apart by their capitals, which German gives every noun.
    let capitalises_nouns =
        article.language.as_deref().is_some_and(|l| l.starts_with("de") || l.starts_with("lb"));
    let doc =
        quotes::Doc { text, tokens: &tokens, mentions: &mentions, title_case_titles: !capitalises_nouns };
    article.quotes = quotes::find(&doc, &quoted);
}

/// Each non-empty body block's index and byte range in [`Article::text`].
fn block_ranges(body: &[Block]) -> Vec<(usize, usize, usize)> {
    let mut ranges = Vec::with_capacity(body.len());
    let mut at = 0;
    for (i, block) in body.iter().enumerate() {
        let len = block_text(block).len();
        if len > 0 {
            ranges.push((i, at, at + len));
            at += len + 2;
        }
    }
    ranges
}

/// Detects the language of `text`, as a two-letter code where one exists.
fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(4000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && sample.chars().count() < 200 {
        return None;
    }
    Some(iso639_1(info.lang()).to_owned())
}

/// The ISO 639-1 code of every language whatlang knows.
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Hrv => "hr",
        Srp => "sr",
        Slv => "sl",
        Ell => "el",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Pes => "fa",
        Urd => "ur",
        Hin => "hi",
        Ben => "bn",
        Tam => "ta",
        Tel => "te",
        Mar => "mr",
        Guj => "gu",
        Kan => "kn",
        Mal => "ml",
        Pan => "pa",
        Tha => "th",
        Vie => "vi",
        Ind => "id",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Cat => "ca",
        Epo => "eo",
        Bel => "be",
        Kat => "ka",
        Hye => "hy",
        Aze => "az",
        Uzb => "uz",
        Cym => "cy",
        Afr => "af",
        Yid => "yi",
        Tgl => "tl",
        Jav => "jv",
        Mkd => "mk",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Amh => "am",
        Mya => "my",
        Ori => "or",
        Zul => "zu",
        Sna => "sn",
        Aka => "ak",
        Tuk => "tk",
        Lat => "la",
    }
}
