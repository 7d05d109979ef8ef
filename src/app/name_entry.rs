//! The high-score name field: letters (CJK too) typed at the results,
//! measured by display width so a name always fits its column.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The widest name, in terminal columns (6 CJK characters, 12 Latin).
pub const NAME_WIDTH: usize = 12;

/// The name being typed for a new high score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    /// What has been typed.
    pub text: String,
    /// The place on the table the score takes (1 = best).
    pub place: usize,
}

impl NameEntry {
    /// A field for `place`, starting with `prefill`.
    pub fn new(prefill: &str, place: usize) -> NameEntry {
        let mut e = NameEntry {
            text: String::new(),
            place,
        };
        for c in prefill.chars() {
            e.push(c);
        }
        e
    }

    /// Types `c`; false (nothing typed) for control characters or when it
    /// would not fit.
    pub fn push(&mut self, c: char) -> bool {
        let w = c.width().unwrap_or(0);
        if c.is_control() || w == 0 || self.width() + w > NAME_WIDTH {
            return false;
        }
        self.text.push(c);
        true
    }

    /// Deletes the last character.
    pub fn backspace(&mut self) {
        self.text.pop();
    }

    /// The display width typed so far.
    pub fn width(&self) -> usize {
        self.text.width()
    }

    /// The name to store: the text trimmed, if any is left.
    pub fn name(&self) -> Option<String> {
        let t = self.text.trim();
        (!t.is_empty()).then(|| t.to_string())
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, … `11th`, `12th`, `13th`, `21st`.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_not_chars_limits_the_name() {
        let mut e = NameEntry::new("", 1);
        for c in "双十一剁手党快乐".chars() {
            e.push(c);
        }
        assert_eq!(e.text, "双十一剁手党");
        assert_eq!(e.width(), NAME_WIDTH);
        assert!(!e.push('a'));
        e.backspace();
        assert!(e.push('a'));
        assert!(e.push('b'));
        assert_eq!(e.text, "双十一剁手ab");
        assert!(!NameEntry::new("", 1).push('\u{7}'));
    }

    #[test]
    fn blank_is_no_name_and_prefill_is_cut() {
        assert_eq!(NameEntry::new("   ", 2).name(), None);
        assert_eq!(
            NameEntry::new(" Li Wei ", 2).name().as_deref(),
            Some("Li Wei")
        );
        assert_eq!(NameEntry::new("abcdefghijklmnop", 2).text, "abcdefghijkl");
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal).into();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"
            ]
        );
    }
}
