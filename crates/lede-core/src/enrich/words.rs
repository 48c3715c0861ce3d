//! Word counting that works across scripts.

use crate::text::is_unspaced_script;

/// Counts words: runs of letters/digits in space-separated scripts, and one word per
/// character in scripts written without spaces (Han, Hiragana, Katakana, Thai, …), which is
/// the usual convention for CJK word counts.
pub(crate) fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_unspaced_script(c) {
            count += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else if !(in_word && matches!(c, '\'' | '’' | '-')) {
            in_word = false;
        }
    }
    count
}

/// Chinese and Japanese characters read per minute: these are counted one word each, but a
/// reader takes in about twice as many of them as words of a spaced script.
pub(crate) const READING_CJK_CHARS_PER_MINUTE: usize = 500;

/// Minutes to read `text`, which holds `words` words (see [`word_count`]): its Chinese and
/// Japanese characters at [`READING_CJK_CHARS_PER_MINUTE`], the rest at `words_per_minute`.
pub(crate) fn reading_minutes(text: &str, words: usize, words_per_minute: usize) -> u32 {
    // Han and kana are encoded from lead byte 0xE3 (U+3000) up; text without such bytes
    // (nearly all text in other scripts) needs no walk over its characters.
    let han_kana = if text.bytes().any(|b| (0xE3..=0xF0).contains(&b)) {
        text.chars().filter(|&c| is_han_or_kana(c)).count().min(words)
    } else {
        0
    };
    let minutes = (words - han_kana) as f64 / words_per_minute as f64
        + han_kana as f64 / READING_CJK_CHARS_PER_MINUTE as f64;
    minutes.ceil() as u32
}

fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::{reading_minutes, word_count};

    #[test]
    fn counts_latin_cjk_and_rtl() {
        assert_eq!(word_count("It's a well-known fact, isn't it?"), 6);
        assert_eq!(word_count("北京欢迎你"), 5);
        assert_eq!(word_count("Tokyo 東京 2024"), 4);
        assert_eq!(word_count("مرحبا بالعالم"), 2);
    }

    #[test]
    fn chinese_and_japanese_read_at_a_rate_of_characters() {
        let zh = "国务院发布新能源汽车产业发展规划。".repeat(60);
        let words = word_count(&zh);
        assert_eq!(words, 960);
        // 960 characters are two minutes at 500 a minute, not five at 230 words a minute.
        assert_eq!(reading_minutes(&zh, words, 230), 2);
        let en = "word ".repeat(460);
        assert_eq!(reading_minutes(&en, word_count(&en), 230), 2);
    }
}
