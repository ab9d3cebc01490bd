//! The weekly review read from the store (see `domain::review` for the rules), and the one line
//! "what I take into next week" kept per week.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::checkins::day;
use super::urges::{utc, utc_at};
use super::{Result, Store, StoreError};
use crate::domain::review::{self, Review, TAKEAWAY_MAX_CHARS};

/// A week's line in the JSON export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekNoteRecord {
    /// `YYYY-Www`.
    pub week: String,
    pub takeaway: String,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

impl Store {
    /// The review of the week that starts on `start`, as of `today` (days not yet over count
    /// as not sober yet).
    pub fn week_review(&self, start: NaiveDate, today: NaiveDate) -> Result<Review> {
        self.in_one_read(|store| {
            let end = start.checked_add_days(Days::new(6)).unwrap_or(start);
            let before = start.checked_sub_days(Days::new(7)).unwrap_or(start);
            let pattern_from = end.checked_sub_days(Days::new(review::PATTERN_DAYS - 1)).unwrap_or(end);
            let checkins = store.checkins_between(pattern_from.min(before), end)?;
            let urges = store.urges_between(before, end)?;
            let week = |from: NaiveDate| -> Result<review::WeekNumbers> {
                let to = from.checked_add_days(Days::new(6)).unwrap_or(from);
                let days: Vec<_> =
                    checkins.iter().filter(|c| c.date >= from && c.date <= to).cloned().collect();
                let urges: Vec<_> =
                    urges.iter().filter(|u| u.at.date() >= from && u.at.date() <= to).cloned().collect();
                Ok(review::numbers(
                    &days,
                    &urges,
                    store.habit_ticks(from, to)?,
                    store.sober_days(from, to, today)?,
                ))
            };
            let this_week = |d: NaiveDate| d >= start && d <= end;
            let week_checkins = checkins.iter().filter(|c| this_week(c.date));
            let week_urges = urges.iter().filter(|u| this_week(u.at.date()));
            let triggers = week_checkins
                .clone()
                .flat_map(|c| c.triggers.iter().map(String::as_str))
                .chain(week_urges.map(|u| u.trigger.as_str()));
            let pattern_days: Vec<_> = checkins.iter().filter(|c| c.date >= pattern_from).cloned().collect();
            Ok(Review {
                start,
                this: week(start)?,
                before: week(before)?,
                helped: review::most_frequent(
                    week_checkins.flat_map(|c| c.helped.iter().map(String::as_str)),
                ),
                triggers: review::most_frequent(triggers),
                patterns: review::patterns(&pattern_days),
                takeaway: store.takeaway(&review::week_label(start))?.unwrap_or_default(),
            })
        })
    }

    /// "What I take into next week" for the week `YYYY-Www`.
    pub fn takeaway(&self, week: &str) -> Result<Option<String>> {
        self.conn()
            .prepare_cached("SELECT takeaway FROM week_review WHERE week = ?1")
            .and_then(|mut s| s.query_row([week], |r| r.get(0)).optional())
            .map_err(|e| self.sql_error(e))
    }

    /// Keeps the week's line; an empty line removes it. `changed_at` is UTC.
    pub fn save_takeaway(&mut self, week: &str, text: &str, changed_at: NaiveDateTime) -> Result<()> {
        let text = text.trim();
        if text.chars().count() > TAKEAWAY_MAX_CHARS || text.contains('\n') {
            return Err(StoreError::Record(format!("one line of at most {TAKEAWAY_MAX_CHARS} characters")));
        }
        self.write(|tx| {
            if text.is_empty() {
                tx.prepare_cached("DELETE FROM week_review WHERE week = ?1")?.execute([week])?;
            } else {
                upsert(tx, week, text, changed_at)?;
            }
            Ok(())
        })
    }

    /// Habit days ticked done from `from` to `to`.
    fn habit_ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<u32> {
        self.conn()
            .prepare_cached("SELECT count(*) FROM habit_mark WHERE mark = 'done' AND date BETWEEN ?1 AND ?2")
            .and_then(|mut s| s.query_row([day(from), day(to)], |r| r.get(0)))
            .map_err(|e| self.sql_error(e))
    }

    /// Sober days from `from` to `to` on the first counter (days that are over, from its start,
    /// without a slip); `None` without a counter.
    fn sober_days(&self, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Result<Option<u32>> {
        let Some(first) = self.counters()?.into_iter().next() else { return Ok(None) };
        let slips = self.slip_dates(&first, today)?;
        let last_over = today.pred_opt().unwrap_or(today);
        let days = from
            .iter_days()
            .take_while(|d| *d <= to && *d <= last_over)
            .filter(|d| *d >= first.counter.start && !slips.contains(d))
            .count();
        Ok(Some(days as u32))
    }
}

fn upsert(tx: &Transaction, week: &str, text: &str, changed_at: NaiveDateTime) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO week_review (week, takeaway, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(week) DO UPDATE SET takeaway = excluded.takeaway, updated_at = excluded.updated_at",
    )?
    .execute(params![week, text, utc(changed_at)])?;
    Ok(())
}

pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<WeekNoteRecord>> {
    conn.prepare_cached("SELECT week, takeaway, updated_at FROM week_review ORDER BY week")?
        .query_map([], |r| {
            Ok(WeekNoteRecord { week: r.get(0)?, takeaway: r.get(1)?, updated_at: utc_at(r, 2)? })
        })?
        .collect()
}

pub(super) fn validate(records: &[WeekNoteRecord]) -> std::result::Result<(), String> {
    for r in records {
        let week_ok = review::parse_week(&r.week, false).is_some_and(|d| review::week_label(d) == r.week);
        if !week_ok || r.takeaway.trim().is_empty() || r.takeaway.chars().count() > TAKEAWAY_MAX_CHARS {
            return Err(format!(
                "week {}: not a week written YYYY-Www, or an empty or too long line",
                r.week
            ));
        }
    }
    Ok(())
}

/// Merges one week's line: added when missing, replaced by a newer, different one.
pub(super) fn import(tx: &Transaction, record: &WeekNoteRecord) -> rusqlite::Result<bool> {
    let current = tx
        .prepare_cached("SELECT takeaway, updated_at FROM week_review WHERE week = ?1")?
        .query_row([&record.week], |r| Ok((r.get::<_, String>(0)?, utc_at(r, 1)?)))
        .optional()?;
    let replace = match current {
        None => true,
        Some((text, updated_at)) => text != record.takeaway && record.updated_at > updated_at,
    };
    if replace {
        upsert(tx, &record.week, &record.takeaway, record.updated_at)?;
    }
    Ok(replace)
}
