//! A person's own breathing pattern: a name and four lengths (in, hold, out, hold) to the tenth
//! of a second, as typed in the pattern form and kept in the store.

use serde::{Deserialize, Serialize};

use super::breathing::{BreathKind, Step};

/// Longest step a person can type, in tenths: a minute is far beyond any breathing pattern,
/// and keeps a typo like "40" for "4,0" within reason.
pub const MAX_TENTHS: u16 = 600;
pub const MAX_NAME_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnPattern {
    /// The store's row id; 0 before it is saved.
    pub id: i64,
    pub name: String,
    /// In, hold, out, hold, in tenths of a second.
    pub tenths: [u16; 4],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NameMissing,
    NameTooLong,
    /// Another of the person's patterns has this name (names are unique regardless of case,
    /// because a pattern can be started by name). Found by the store, not by `parse`.
    NameTaken,
    /// Index 0..4 of the field that is not a number of seconds with at most one decimal.
    NotSeconds(usize),
    TooLong(usize),
    /// Breathing in and out cannot be zero; holds can.
    MustBreathe(usize),
}

const KINDS: [BreathKind; 4] = [BreathKind::In, BreathKind::Hold, BreathKind::Out, BreathKind::Hold];

impl OwnPattern {
    /// Checks what a person typed; the first problem found is reported.
    pub fn parse(id: i64, name: &str, fields: [&str; 4]) -> Result<Self, Problem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Problem::NameMissing);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(Problem::NameTooLong);
        }
        let mut tenths = [0; 4];
        for (i, field) in fields.iter().enumerate() {
            let t = parse_tenths(field).ok_or(Problem::NotSeconds(i))?;
            if t > MAX_TENTHS {
                return Err(Problem::TooLong(i));
            }
            if t == 0 && KINDS[i] != BreathKind::Hold {
                return Err(Problem::MustBreathe(i));
            }
            tenths[i] = t;
        }
        Ok(Self { id, name: name.to_owned(), tenths })
    }

    pub fn steps(&self) -> Vec<Step> {
        KINDS.iter().zip(self.tenths).map(|(kind, t)| Step::from_tenths(*kind, t)).collect()
    }

    /// The id a practice record keeps for this pattern.
    pub fn exercise_id(&self) -> String {
        format!("own:{}", self.id)
    }
}

/// "4", "4.5", "4,5", " 12 " (tenths 40, 45, 45, 120). More than one decimal, signs, and
/// anything else are refused rather than guessed at. A number too large to hold is read as the
/// largest, so it is refused as too long, not as "not a number".
pub fn parse_tenths(text: &str) -> Option<u16> {
    let text = text.trim();
    let (whole, tenth) = match text.split_once(['.', ',']) {
        Some((w, t)) => (w, t),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && tenth.is_empty()) || !digits(whole) || !digits(tenth) || tenth.len() > 1 {
        return None;
    }
    // Only digits are left, so a failed parse is a number too large.
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().unwrap_or(u64::MAX) };
    let tenth: u64 = if tenth.is_empty() { 0 } else { tenth.parse().ok()? };
    Some(u16::try_from(whole.saturating_mul(10).saturating_add(tenth)).unwrap_or(u16::MAX))
}

/// The form shows a saved value the way it would be typed: "4", "5,5".
pub fn tenths_text(tenths: u16, decimal: char) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}{decimal}{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn seconds_are_read_with_a_dot_or_a_comma() {
        assert_eq!(parse_tenths("4"), Some(40));
        assert_eq!(parse_tenths(" 5,5 "), Some(55));
        assert_eq!(parse_tenths("5.5"), Some(55));
        assert_eq!(parse_tenths(",5"), Some(5));
        assert_eq!(parse_tenths("0"), Some(0));
        for bad in ["", " ", "5.55", "-1", "4s", "1e3", ".", "4 5"] {
            assert_eq!(parse_tenths(bad), None, "{bad:?}");
        }
        assert_eq!(parse_tenths("5,"), Some(50), "a trailing separator is just a whole number");
    }

    #[test]
    fn a_pattern_needs_a_name_and_breath_in_and_out() {
        let ok = OwnPattern::parse(0, "  Kveldspust ", ["4", "0", "6,5", "0"]).unwrap();
        assert_eq!(ok.name, "Kveldspust");
        assert_eq!(ok.tenths, [40, 0, 65, 0]);
        assert_eq!(ok.steps()[2], Step::new(BreathKind::Out, Duration::from_millis(6_500)));
        assert_eq!(OwnPattern::parse(0, " ", ["4", "0", "6", "0"]), Err(Problem::NameMissing));
        assert_eq!(OwnPattern::parse(0, &"x".repeat(41), ["4", "0", "6", "0"]), Err(Problem::NameTooLong));
        assert_eq!(OwnPattern::parse(0, "a", ["4", "x", "6", "0"]), Err(Problem::NotSeconds(1)));
        assert_eq!(OwnPattern::parse(0, "a", ["0", "0", "6", "0"]), Err(Problem::MustBreathe(0)));
        assert_eq!(OwnPattern::parse(0, "a", ["4", "0", "0", "0"]), Err(Problem::MustBreathe(2)));
        assert_eq!(OwnPattern::parse(0, "a", ["4", "0", "6", "60,1"]), Err(Problem::TooLong(3)));
        for huge in ["999999", "99999999999999999999999"] {
            assert_eq!(OwnPattern::parse(0, "a", [huge, "0", "6", "0"]), Err(Problem::TooLong(0)), "{huge}");
        }
        assert_eq!(tenths_text(55, ','), "5,5");
        assert_eq!(tenths_text(40, ','), "4");
    }
}
