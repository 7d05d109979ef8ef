//! Big block digits for the day clock, the opening's GMV and the score:
//! a 3-row half-block font (as the mockups draw it) and a 5-row full-block
//! one for roomy panels. Pure: text in, lines out.

/// Which font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// 3 rows of half blocks (`▀▀█`), 3 columns a digit.
    Small,
    /// 5 rows of full blocks, 3 columns a digit.
    Tall,
}

impl Font {
    /// Rows the font takes.
    pub fn rows(self) -> usize {
        match self {
            Font::Small => 3,
            Font::Tall => 5,
        }
    }
}

fn small(c: char) -> Option<[&'static str; 3]> {
    Some(match c {
        '0' => ["█▀█", "█ █", "▀▀▀"],
        '1' => ["▀█ ", " █ ", "▀▀▀"],
        '2' => ["▀▀█", "█▀▀", "▀▀▀"],
        '3' => ["▀▀█", " ▀█", "▀▀▀"],
        '4' => ["█ █", "▀▀█", "  ▀"],
        '5' => ["█▀▀", "▀▀█", "▀▀▀"],
        '6' => ["█▀▀", "█▀█", "▀▀▀"],
        '7' => ["▀▀█", "  █", "  ▀"],
        '8' => ["█▀█", "█▀█", "▀▀▀"],
        '9' => ["█▀█", "▀▀█", "▀▀▀"],
        ':' => [" ", "▪", "▪"],
        ',' => [" ", " ", "▄"],
        '.' => [" ", " ", "▀"],
        '¥' => ["▀▄▀", "▀█▀", " ▀ "],
        '+' => ["   ", "▄█▄", " ▀ "],
        '-' | '−' => ["   ", "▄▄▄", "   "],
        ' ' => [" ", " ", " "],
        _ => return None,
    })
}

fn tall(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => ["██ ", " █ ", " █ ", " █ ", "███"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", " ██", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        ':' => [" ", "█", " ", "█", " "],
        ',' => [" ", " ", " ", "▄", "▀"],
        '.' => [" ", " ", " ", " ", "█"],
        '¥' => ["█ █", "▀█▀", "▀█▀", " █ ", " █ "],
        '+' => ["   ", " █ ", "███", " █ ", "   "],
        '-' | '−' => ["   ", "   ", "███", "   ", "   "],
        ' ' => [" ", " ", " ", " ", " "],
        _ => return None,
    })
}

/// `text` in big letters, one string per row; glyphs are separated by one
/// column. Characters the font lacks are left out.
pub fn big(text: &str, font: Font) -> Vec<String> {
    let mut rows = vec![String::new(); font.rows()];
    let mut first = true;
    for c in text.chars() {
        let glyph: Vec<&str> = match font {
            Font::Small => small(c).map(|g| g.to_vec()),
            Font::Tall => tall(c).map(|g| g.to_vec()),
        }
        .unwrap_or_default();
        if glyph.is_empty() {
            continue;
        }
        for (row, part) in rows.iter_mut().zip(glyph) {
            if !first {
                row.push(' ');
            }
            row.push_str(part);
        }
        first = false;
    }
    rows
}

/// The display width of [`big`]'s output for `text` (all rows are equal).
pub fn big_width(text: &str, font: Font) -> usize {
    big(text, font).first().map_or(0, |r| r.chars().count())
}

/// The tallest font whose rendering of `text` fits `w`×`h`, if any.
pub fn fitting(text: &str, w: usize, h: usize) -> Option<Font> {
    [Font::Tall, Font::Small]
        .into_iter()
        .find(|&f| f.rows() <= h && big_width(text, f) <= w)
}

/// Whole yuan with thousands separators and no cents, for big digits
/// (`¥168,200,000,000`).
pub fn big_yuan(f: crate::money::Fen) -> String {
    let s = super::hud::yuan(crate::money::Fen(f.get() / 100 * 100));
    s.trim_end_matches(".00").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_line_up_and_match_the_mockup() {
        let rows = big("21:38", Font::Small);
        assert_eq!(rows[0], "▀▀█ ▀█    ▀▀█ █▀█");
        assert_eq!(rows[1], "█▀▀  █  ▪  ▀█ █▀█");
        assert_eq!(rows[2], "▀▀▀ ▀▀▀ ▪ ▀▀▀ ▀▀▀");
        for font in [Font::Small, Font::Tall] {
            let rows = big("¥1,234.50 +−:", font);
            let w = rows[0].chars().count();
            assert!(rows.iter().all(|r| r.chars().count() == w), "{rows:?}");
            assert_eq!(w, big_width("¥1,234.50 +−:", font));
        }
    }

    #[test]
    fn unknown_characters_are_skipped_and_fitting_picks_the_tallest() {
        assert_eq!(big("a1", Font::Small), big("1", Font::Small));
        assert_eq!(fitting("12:00", 40, 6), Some(Font::Tall));
        assert_eq!(fitting("12:00", 40, 4), Some(Font::Small));
        assert_eq!(fitting("12:00", 5, 6), None);
        assert_eq!(
            big_yuan(crate::money::Fen(16_820_000_000_099)),
            "¥168,200,000,000"
        );
    }
}
