//! Reading what people type: dates and hours of sleep, the same in forms and on the command line.

use chrono::NaiveDate;

/// A date written as `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22"))
}

/// A time of day written as `HH:MM` (24 hours).
pub fn time_of_day(text: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("\"{text}\" is not a time of day; write it as HH:MM, e.g. 20:00"))
}

/// Hours as the user writes them ("7", "7.5", "7,5") to half hours.
pub fn sleep(text: &str) -> Result<u8, String> {
    let hours: f64 =
        text.trim().replace(',', ".").parse().map_err(|_| format!("\"{text}\" is not a number of hours"))?;
    let halves = hours * 2.0;
    if !(0.0..=48.0).contains(&halves) || halves.fract() != 0.0 {
        return Err(format!("sleep must be 0 to 24 hours in half-hour steps, not {text}"));
    }
    Ok(halves as u8)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sleep_and_dates_parse_the_way_people_write_them() {
        assert_eq!(super::sleep("7,5"), Ok(15));
        assert_eq!(super::sleep("8"), Ok(16));
        assert!(super::sleep("7.2").is_err());
        assert!(super::sleep("25").is_err());
        assert!(super::date("2026-11-22").is_ok());
        assert!(super::date("22.11.2026").is_err());
        assert_eq!(super::time_of_day("20:00").map(|t| t.to_string()), Ok("20:00:00".to_owned()));
        assert!(super::time_of_day("25:00").is_err());
        assert!(super::time_of_day("8pm").is_err());
    }
}
