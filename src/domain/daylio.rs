//! Reading Daylio's CSV export, for people who kept a mood diary there before. Daylio writes
//! one row per entry (`full_date,date,weekday,time,mood,activities,note_title,note`); a day
//! may have several. mestring keeps one check-in per day, so a day's entries become one: the
//! mood their rounded average, the activities (as "what helped") and notes together.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Daylio's five default moods, best first, as its English export names them.
const MOODS: [(&str, u8); 5] = [("rad", 5), ("good", 4), ("meh", 3), ("bad", 2), ("awful", 1)];

/// One day as read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaylioDay {
    pub date: NaiveDate,
    /// 1-5.
    pub mood: u8,
    /// Activities, each once, in the order first seen.
    pub activities: Vec<String>,
    pub note: String,
    /// The latest entry's time: the day's "last changed", so importing again changes nothing.
    pub last_entry: NaiveDateTime,
    /// How many of the file's rows made this day.
    pub entries: usize,
}

/// A row that was not taken, and why (1-based line number of the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotDaylio {
    #[error("the first line has no full_date and mood columns: this is not a Daylio CSV export")]
    Header,
    #[error("line {0}: a quoted field is not closed")]
    Quote(usize),
}

/// The days of a Daylio export, oldest first, and the rows left out with their reasons.
pub fn parse(text: &str) -> Result<(Vec<DaylioDay>, Vec<Skipped>), NotDaylio> {
    let rows = records(text.trim_start_matches('\u{feff}'))?;
    let Some((_, header)) = rows.first() else { return Err(NotDaylio::Header) };
    let column = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(date_at), Some(mood_at)) = (column("full_date"), column("mood")) else {
        return Err(NotDaylio::Header);
    };
    let (time_at, activities_at) = (column("time"), column("activities"));
    let (title_at, note_at) = (column("note_title"), column("note"));
    let mut days: Vec<(DaylioDay, u32)> = Vec::new();
    let mut skipped = Vec::new();
    for (line, row) in rows.iter().skip(1) {
        let field = |at: Option<usize>| at.and_then(|i| row.get(i)).map_or("", |s| s.trim());
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let Ok(date) = NaiveDate::parse_from_str(field(Some(date_at)), "%Y-%m-%d") else {
            skipped.push(Skipped { line: *line, reason: format!("no date: {:?}", field(Some(date_at))) });
            continue;
        };
        let Some(mood) = mood_value(field(Some(mood_at))) else {
            let reason = format!(
                "a mood mestring does not know: {:?} (it reads 1-5 and rad, good, meh, bad, awful)",
                field(Some(mood_at))
            );
            skipped.push(Skipped { line: *line, reason });
            continue;
        };
        let time = parse_time(field(time_at)).unwrap_or(NaiveTime::MIN);
        let note = [field(title_at), field(note_at)]
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| t.replace("<br>", "\n"))
            .collect::<Vec<_>>()
            .join("\n");
        let activities = field(activities_at).split('|').map(str::trim).filter(|a| !a.is_empty());
        let day = match days.iter_mut().find(|(d, _)| d.date == date) {
            Some(day) => day,
            None => {
                let new = DaylioDay {
                    date,
                    mood: 0,
                    activities: Vec::new(),
                    note: String::new(),
                    last_entry: date.and_time(time),
                    entries: 0,
                };
                days.push((new, 0));
                days.last_mut().expect("just pushed")
            }
        };
        let (d, mood_sum) = day;
        *mood_sum += u32::from(mood);
        d.entries += 1;
        d.last_entry = d.last_entry.max(date.and_time(time));
        for activity in activities {
            if !d.activities.iter().any(|a| a == activity) {
                d.activities.push(activity.to_owned());
            }
        }
        if !note.is_empty() {
            if !d.note.is_empty() {
                d.note.push_str("\n\n");
            }
            d.note.push_str(&note);
        }
    }
    let mut days: Vec<DaylioDay> = days
        .into_iter()
        .map(|(mut d, sum)| {
            // Rounded half up: two entries of 3 and 4 make a 4.
            d.mood = ((sum * 2 + d.entries as u32) / (2 * d.entries as u32)) as u8;
            d
        })
        .collect();
    days.sort_by_key(|d| d.date);
    Ok((days, skipped))
}

/// A mood as Daylio writes it: a digit 1-5 or one of its default names.
fn mood_value(text: &str) -> Option<u8> {
    if let Ok(n) = text.parse::<u8>() {
        return (1..=5).contains(&n).then_some(n);
    }
    MOODS.iter().find(|(name, _)| name.eq_ignore_ascii_case(text)).map(|(_, v)| *v)
}

/// `20:30` or `8:30 PM`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&text.to_ascii_uppercase(), "%I:%M %p"))
        .ok()
}

/// The CSV's records with the line each starts on: fields split on commas, double quotes
/// around a field that holds commas, quotes (doubled) or line breaks.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, NotDaylio> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let (mut line, mut row_line, mut quoted) = (1, 1, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push((row_line, std::mem::take(&mut row)));
                line += 1;
                row_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(NotDaylio::Quote(row_line));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push((row_line, row));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = "\u{feff}full_date,date,weekday,time,mood,activities,note_title,note\n\
        2026-11-20,November 20,Friday,20:30,good,walk | friends,,\"Long walk, felt \"\"lighter\"\"\"\n\
        2026-11-20,November 20,Friday,8:05 AM,meh,walk,,\n\
        2026-11-19,November 19,Thursday,21:00,awful,,Hard day,\"Two\nlines\"\n\
        2026-11-18,November 18,Wednesday,21:00,ecstatic,,,\n\
        yesterday,,,,good,,,\n";

    #[test]
    fn a_days_entries_become_one_day_and_unknown_rows_are_named() {
        let (days, skipped) = parse(EXPORT).unwrap();
        assert_eq!(days.len(), 2);
        let friday = &days[1];
        assert_eq!((friday.mood, friday.entries), (4, 2), "good and meh: 3.5 rounds to 4");
        assert_eq!(friday.activities, ["walk", "friends"]);
        assert_eq!(friday.note, "Long walk, felt \"lighter\"");
        assert_eq!(friday.last_entry.to_string(), "2026-11-20 20:30:00");
        assert_eq!((days[0].mood, days[0].note.as_str()), (1, "Hard day\nTwo\nlines"));
        assert_eq!(skipped.iter().map(|s| s.line).collect::<Vec<_>>(), [6, 7], "lines of the file");
        assert!(skipped[0].reason.contains("ecstatic"));
    }

    #[test]
    fn a_file_that_is_not_a_daylio_export_is_refused() {
        assert_eq!(parse("date,mood\n2026-11-20,4\n"), Err(NotDaylio::Header));
        assert_eq!(parse(""), Err(NotDaylio::Header));
        assert_eq!(parse("full_date,mood\n2026-11-20,\"4\n"), Err(NotDaylio::Quote(2)));
    }

    #[test]
    fn moods_are_digits_or_daylios_names() {
        assert_eq!(mood_value("5"), Some(5));
        assert_eq!(mood_value("Rad"), Some(5));
        assert_eq!(mood_value("0"), None);
        assert_eq!(parse_time("8:30 pm"), NaiveTime::from_hms_opt(20, 30, 0));
    }
}
