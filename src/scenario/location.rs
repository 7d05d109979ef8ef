//! Byte offsets in a file's text, told as 1-based line and column numbers.

use std::fmt;

/// A position in a scenario file: 1-based line and column, the column
/// counted in characters (not bytes), as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Location {
    /// The position of byte `offset` in `text`. An offset past the end means
    /// the end of the text; one inside a character means that character.
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// `LINE:COLUMN`.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::Location;

    fn at(line: usize, column: usize) -> Location {
        Location { line, column }
    }

    #[test]
    fn counts_lines_and_characters_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(Location::of_offset(text, 0), at(1, 1));
        assert_eq!(Location::of_offset(text, 4), at(1, 5));
        assert_eq!(Location::of_offset(text, 6), at(2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(Location::of_offset(text, 10), at(2, 4));
    }

    #[test]
    fn clamps_offsets_past_the_end_and_inside_characters() {
        let text = "bé";
        assert_eq!(Location::of_offset(text, 99), at(1, 3));
        assert_eq!(Location::of_offset(text, 2), at(1, 2));
    }
}
