//! When a record last changed, as the store keeps it: UTC, marked `Z`. In local time an edit in
//! the hour that runs twice in autumn looked older than one made before it, and lost an import or
//! a sync. Check-ins moved to UTC in migration 8, the other records in migration 13; times people
//! are shown (when a goal was made, an urge logged) stay local (`checkins::TIME_FORMAT`).

use chrono::NaiveDateTime;
use rusqlite::Row;

use super::checkins::UTC_FORMAT;

/// To the millisecond, for the knowledge screens' rows (favourites, quiz boxes, the phase mark),
/// which always had milliseconds.
pub const UTC_MS_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3fZ";

pub(super) fn utc(t: NaiveDateTime) -> String {
    t.format(UTC_FORMAT).to_string()
}

pub(super) fn utc_ms(t: NaiveDateTime) -> String {
    t.format(UTC_MS_FORMAT).to_string()
}

pub(super) fn utc_at(row: &Row, index: usize) -> rusqlite::Result<NaiveDateTime> {
    parsed(row, index, UTC_FORMAT)
}

pub(super) fn utc_ms_at(row: &Row, index: usize) -> rusqlite::Result<NaiveDateTime> {
    parsed(row, index, UTC_MS_FORMAT)
}

fn parsed(row: &Row, index: usize, format: &str) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(index)?;
    NaiveDateTime::parse_from_str(&text, format).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, text.into())
    })
}

/// A time an earlier version kept as local text, read in this system's time zone (see
/// `clock::utc_from_local`) and written the way the store keeps it now, with milliseconds when
/// it had them. `None` for text that is no local time, such as one already in UTC.
pub fn local_text_to_utc(text: &str) -> Option<String> {
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
    let moment = crate::clock::utc_from_local(local);
    Some(if text.contains('.') { utc_ms(moment) } else { utc(moment) })
}

#[cfg(test)]
#[path = "versions_tests.rs"]
mod tests;
