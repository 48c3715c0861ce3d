//! Paragraphs of a pasted copy: one line per paragraph in most copies, but hard-wrapped wire
//! copy (about 60 columns) spreads a paragraph over several lines that must be joined.

/// Whether the copy is hard-wrapped: its long lines are all short of ~90 columns and most of
/// them stop mid-sentence.
pub(crate) fn is_wrapped(lines: &[&str]) -> bool {
    let long: Vec<&str> = lines.iter().map(|l| l.trim_end()).filter(|l| l.chars().count() >= 40).collect();
    if long.len() < 3 {
        return false;
    }
    let max = long.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let open = long.iter().filter(|l| !ends_sentence(l)).count();
    max <= 90 && open * 2 >= long.len()
}

/// The width a wrapped copy is set to: the longest of its lines.
pub(crate) fn wrap_width(lines: &[&str]) -> usize {
    lines.iter().map(|l| l.trim_end().chars().count()).max().unwrap_or(0)
}

/// Whether a line ends a sentence.
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '…', '"', '”', '’', ')', ':'])
}

/// Whether a wrapped line `line` runs on into `next` (the next line of the same group).
pub(crate) fn runs_on(line: &str, next: &str, width: usize) -> bool {
    if next.starts_with([' ', '\t']) || next.trim_start().starts_with(['•', '*']) {
        return false;
    }
    let len = line.trim_end().chars().count();
    !(ends_sentence(line) && len + 12 < width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_wire_wrapping() {
        let wrapped = [
            "GENEVA, Jan 23 (Reuters) - The World Health Organization",
            "said on Tuesday that the outbreak was slowing in most of the",
            "regions it monitors, but warned against complacency as the",
            "winter season began.",
        ];
        assert!(is_wrapped(&wrapped));
        let width = wrap_width(&wrapped);
        assert!(runs_on(wrapped[0], wrapped[1], width));
        assert!(!runs_on(wrapped[3], "  Next paragraph", width));
        let plain = [
            "President Biden is virtually meeting with Russian President Vladimir Putin on Tuesday, reports a paper.",
            "The conference, which began around 10 a.m., is intended to reaffirm support for Ukraine, he said.",
            "Biden's task of preventing a war is just one of several crises threatening the president now.",
        ];
        assert!(!is_wrapped(&plain));
    }
}
