//! The weekly review read from the store (see `domain::review` for the rules), and the one line
//! "what I take into next week" kept per week.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::checkins::day;
use super::versions::{utc, utc_at};
use super::{Result, Store, StoreError};
use crate::clock::Moment;
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

    /// Keeps the week's line; an empty line removes it.
    pub fn save_takeaway(&mut self, week: &str, text: &str, at: Moment) -> Result<()> {
        let text = text.trim();
        if text.chars().count() > TAKEAWAY_MAX_CHARS || text.contains('\n') {
            return Err(StoreError::Record(format!("one line of at most {TAKEAWAY_MAX_CHARS} characters")));
        }
        self.write(|tx| {
            if text.is_empty() {
                tx.prepare_cached("DELETE FROM week_review WHERE week = ?1")?.execute([week])?;
            } else {
                upsert(tx, week, text, at.utc)?;
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::savings::Saving;
    use crate::domain::sober::Counter;
    use crate::domain::urges::Urge;

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap().and_hms_opt(hour, 0, 0).unwrap()
    }

    #[test]
    fn week_lines_savings_and_urges_travel_in_the_export_and_twice_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let counter = Counter { name: "Alkohol".into(), start: at(1, 0).date(), follows_checkins: true };
        let id = store.add_counter(&counter, Moment::in_utc(at(1, 8))).unwrap();
        let saving = Saving { cost_cents: Some(15_000), minutes: None, save_for: "Lofoten".into() };
        store.save_saving(id, &saving, Moment::in_utc(at(1, 8))).unwrap();
        store.save_takeaway("2026-W47", "Ringe Kari", Moment::in_utc(at(22, 20))).unwrap();
        store.log_urge(&Urge::new(at(20, 14), 6, "stress", ""), Moment::in_utc(at(20, 13))).unwrap();
        let export = store.export(None, None, at(22, 21)).unwrap();
        assert_eq!((export.urges.len(), export.week_notes.len(), export.savings.len()), (1, 1, 1));
        let json = serde_json::to_string(&export).unwrap();
        let mut other = Store::open_in_memory().unwrap();
        assert_eq!(other.import_json(&json).unwrap().retention, 3);
        assert_eq!(other.import_json(&json).unwrap().retention, 0, "twice changes nothing");
        let again = other.export(None, None, at(22, 21)).unwrap();
        assert_eq!(
            (again.urges, again.week_notes, again.savings),
            (export.urges, export.week_notes, export.savings)
        );
        // A newer line for the week wins; an older one does not.
        store.save_takeaway("2026-W47", "Ringe Kari og Ola", Moment::in_utc(at(22, 22))).unwrap();
        let newer = serde_json::to_string(&store.export(None, None, at(22, 23)).unwrap()).unwrap();
        assert_eq!(other.import_json(&newer).unwrap().retention, 1);
        assert_eq!(other.takeaway("2026-W47").unwrap().as_deref(), Some("Ringe Kari og Ola"));
        assert_eq!(other.import_json(&json).unwrap().retention, 0);
    }

    #[test]
    fn an_export_of_the_version_before_imports_and_a_bad_week_is_refused_whole() {
        let mut store = Store::open_in_memory().unwrap();
        let v2 = r#"{"format": "mestring-export", "version": 2, "exported_at": "2026-11-22T09:30:00", "checkins": []}"#;
        assert!(store.import_json(v2).is_ok());
        let bad = r#"{"format": "mestring-export", "version": 3, "exported_at": "2026-11-22T09:30:00", "checkins": [],
            "week_notes": [{"week": "2026-W60", "takeaway": "x", "updated_at": "2026-11-22T09:30:00"}]}"#;
        assert!(store.import_json(bad).is_err());
        assert_eq!(store.takeaway("2026-W60").unwrap(), None);
    }

    #[test]
    fn the_review_counts_sober_days_that_are_over_and_habit_ticks_of_the_week() {
        let mut store = Store::open_in_memory().unwrap();
        let counter = Counter { name: "Alkohol".into(), start: at(18, 0).date(), follows_checkins: true };
        store.add_counter(&counter, Moment::in_utc(at(18, 8))).unwrap();
        // Wednesday the 18th to Saturday the 21st are over on Sunday the 22nd.
        let review = store.week_review(at(16, 0).date(), at(22, 0).date()).unwrap();
        assert_eq!((review.this.sober_days, review.before.sober_days), (Some(4), Some(0)));
        assert_eq!(review.this.habits_kept, 0);
        assert!(review.patterns.is_empty());
    }
}
