//! Word counting that works across scripts.

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

/// Whether `c` belongs to a script written without spaces between words.
pub(crate) fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F
        | 0x0E00..=0x0E7F // Thai
        | 0x0E80..=0x0EFF // Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
    )
}

#[cfg(test)]
mod tests {
    use super::word_count;

    #[test]
    fn counts_latin_cjk_and_rtl() {
        assert_eq!(word_count("It's a well-known fact, isn't it?"), 6);
        assert_eq!(word_count("北京欢迎你"), 5);
        assert_eq!(word_count("Tokyo 東京 2024"), 4);
        assert_eq!(word_count("مرحبا بالعالم"), 2);
    }
}
