//! What sober days have saved: money and time, from what a day used to cost as the person
//! wrote it. Only their own figures, multiplied out; never an estimate of ours.

use serde::{Deserialize, Serialize};

/// Generous: a day's cost in the largest currency unit shown, times 100 (øre, pence, cents).
pub const MAX_COST_CENTS: u32 = 10_000_000;
/// A day has this many minutes.
pub const MAX_MINUTES: u16 = 1_440;
/// "What I save for" is a line.
pub const SAVE_FOR_MAX_CHARS: usize = 120;

/// What one day of using cost, as the person set it on a counter. Both parts are optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saving {
    /// In hundredths of the currency (øre, pence, cents).
    #[serde(default)]
    pub cost_cents: Option<u32>,
    /// Time a day took (getting, using, getting over it), in minutes.
    #[serde(default)]
    pub minutes: Option<u16>,
    /// What the money could buy: a line the person writes, shown at milestones.
    #[serde(default)]
    pub save_for: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the cost per day must be a number from 0, like 150 or 12.50")]
    Cost,
    #[error("the time per day must be minutes (90) or hours and minutes (1:30), at most 24 hours")]
    Time,
    #[error("\"what I save for\" is longer than {SAVE_FOR_MAX_CHARS} characters")]
    SaveFor,
}

impl Saving {
    pub fn is_empty(&self) -> bool {
        self.cost_cents.is_none() && self.minutes.is_none() && self.save_for.trim().is_empty()
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        if self.cost_cents.is_some_and(|c| c > MAX_COST_CENTS) {
            return Err(Invalid::Cost);
        }
        if self.minutes.is_some_and(|m| m > MAX_MINUTES) {
            return Err(Invalid::Time);
        }
        if self.save_for.chars().count() > SAVE_FOR_MAX_CHARS {
            return Err(Invalid::SaveFor);
        }
        Ok(())
    }

    /// Money saved over `sober_days`, in hundredths.
    pub fn money(&self, sober_days: u32) -> Option<u64> {
        self.cost_cents.map(|c| u64::from(c) * u64::from(sober_days))
    }

    /// Time saved over `sober_days`, in minutes.
    pub fn time(&self, sober_days: u32) -> Option<u64> {
        self.minutes.map(|m| u64::from(m) * u64::from(sober_days))
    }
}

/// Reads a cost as people write it: `150`, `12.50`, `12,5`, `1 200`. Empty is no cost.
pub fn parse_cost(text: &str) -> Result<Option<u32>, Invalid> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = text.split_once([',', '.']).unwrap_or((&text, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction) && fraction.len() <= 2) {
        return Err(Invalid::Cost);
    }
    let whole: u64 = whole.parse().map_err(|_| Invalid::Cost)?;
    let cents: u64 = format!("{fraction:0<2}").parse().map_err(|_| Invalid::Cost)?;
    let total = whole.checked_mul(100).and_then(|w| w.checked_add(cents)).ok_or(Invalid::Cost)?;
    u32::try_from(total).ok().filter(|c| *c <= MAX_COST_CENTS).map(Some).ok_or(Invalid::Cost)
}

/// Reads a time per day: `90` (minutes), `1:30` or `1h30`. Empty is no time.
pub fn parse_minutes(text: &str) -> Result<Option<u16>, Invalid> {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    let minutes = match text.split_once([':', 'h', 't']) {
        Some((h, m)) => {
            let m = m.trim_end_matches(['m', 'i', 'n']).trim();
            let m: u32 = if m.is_empty() { 0 } else { m.parse().map_err(|_| Invalid::Time)? };
            let h: u32 = h.trim().parse().map_err(|_| Invalid::Time)?;
            if m >= 60 {
                return Err(Invalid::Time);
            }
            h.checked_mul(60).and_then(|h| h.checked_add(m)).ok_or(Invalid::Time)?
        }
        None => text.trim_end_matches(['m', 'i', 'n']).trim().parse().map_err(|_| Invalid::Time)?,
    };
    u16::try_from(minutes).ok().filter(|m| *m <= MAX_MINUTES).map(Some).ok_or(Invalid::Time)
}

/// The currency people in a region count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    /// Norwegian, Swedish and Danish kroner: "4 500 kr".
    Kroner,
    /// "£4,500".
    Pound,
    /// "$4,500".
    Dollar,
}

impl Currency {
    /// An amount in hundredths, in whole units with the region's grouping ("4 500 kr",
    /// "£4,500"); hundredths are shown only below 100.
    pub fn format(self, cents: u64) -> String {
        let whole = cents / 100;
        let number = if whole < 100 && !cents.is_multiple_of(100) {
            let sep = if self == Currency::Kroner { ',' } else { '.' };
            format!("{whole}{sep}{:02}", cents % 100)
        } else {
            let group = if self == Currency::Kroner { '\u{a0}' } else { ',' };
            grouped(whole, group)
        };
        match self {
            Currency::Kroner => format!("{number}\u{a0}kr"),
            Currency::Pound => format!("£{number}"),
            Currency::Dollar => format!("${number}"),
        }
    }
}

fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_are_read_as_people_write_them() {
        assert_eq!(parse_cost("150"), Ok(Some(15_000)));
        assert_eq!(parse_cost("12,5"), Ok(Some(1_250)));
        assert_eq!(parse_cost("12.50"), Ok(Some(1_250)));
        assert_eq!(parse_cost(" 1 200 "), Ok(Some(120_000)));
        assert_eq!(parse_cost(""), Ok(None));
        assert_eq!(parse_cost("-5"), Err(Invalid::Cost));
        assert_eq!(parse_cost("12.345"), Err(Invalid::Cost));
        assert_eq!(parse_cost("99999999999"), Err(Invalid::Cost));
    }

    #[test]
    fn times_are_minutes_or_hours_and_minutes() {
        assert_eq!(parse_minutes("90"), Ok(Some(90)));
        assert_eq!(parse_minutes("1:30"), Ok(Some(90)));
        assert_eq!(parse_minutes("2h"), Ok(Some(120)));
        assert_eq!(parse_minutes("2t15"), Ok(Some(135)));
        assert_eq!(parse_minutes(""), Ok(None));
        assert_eq!(parse_minutes("1:75"), Err(Invalid::Time));
        assert_eq!(parse_minutes("25:00"), Err(Invalid::Time));
        assert_eq!(parse_minutes("lots"), Err(Invalid::Time));
    }

    #[test]
    fn savings_multiply_the_persons_own_figures_by_sober_days() {
        let s = Saving { cost_cents: Some(15_000), minutes: Some(90), save_for: String::new() };
        assert_eq!(s.money(30), Some(450_000));
        assert_eq!(s.time(30), Some(2_700));
        assert_eq!(Saving::default().money(30), None, "no cost given: nothing claimed");
    }

    #[test]
    fn amounts_are_written_the_regions_way() {
        assert_eq!(Currency::Kroner.format(450_000), "4\u{a0}500\u{a0}kr");
        assert_eq!(Currency::Pound.format(123_456_700), "£1,234,567");
        assert_eq!(Currency::Dollar.format(1_250), "$12.50");
        assert_eq!(Currency::Kroner.format(1_250), "12,50\u{a0}kr");
    }
}
