//! Another device's batch merged into this database: deletions by their version, puts by the
//! import's rules ([`exchange::merge`]: added when missing, replaced only by a newer version,
//! so reading a file twice changes nothing), all in one transaction with the note that the file
//! was read. The triggers stay quiet meanwhile (`sync_applying`), so what arrives is not sent
//! back as this device's change.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use super::event::{Batch, Change, Deletion, Record, export_of, parse_version};
use crate::clock::utc_from_local;
use crate::store::Store;
use crate::store::exchange::{self, Export, ImportError, ImportSummary};
use crate::store::versions::{UTC_MS_FORMAT, local_text_to_utc};

/// What one file did here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    pub events: usize,
    pub merged: ImportSummary,
    pub deleted: usize,
}

/// Longest favourite id accepted from another device (content ids are short).
const FAVOURITE_MAX: usize = 200;

pub fn apply(store: &mut Store, batch: Batch, at: DateTime<Utc>) -> Result<Applied, ImportError> {
    let events = batch.events.len();
    // Version 1 kept the versions of all but check-ins, urges, week lines and savings in local
    // time: read here in this system's time zone, as migration 13 read this database's.
    let local = batch.version < super::event::VERSION;
    let mut deletions = Vec::new();
    let mut favourites = Vec::new();
    let mut puts = Vec::new();
    for event in batch.events {
        match event.change {
            Change::Delete(d) if local => deletions.push(deletion_from_local(d)),
            Change::Delete(d) => deletions.push(d),
            Change::Put(Record::Favourite { technique, added_at }) => {
                if technique.trim().is_empty() || technique.len() > FAVOURITE_MAX {
                    return Err(ImportError::InvalidProgress(format!("favourite \"{technique}\"")));
                }
                favourites.push((technique, if local { utc_from_local(added_at) } else { added_at }));
            }
            Change::Put(record) => puts.push(record),
        }
    }
    let mut export = export_of(puts, at.naive_utc());
    if local {
        exchange::versions_from_local(&mut export);
    }
    let export = exchange::check(export)?;
    let (device, file) = (batch.device, batch.file);
    let (merged, deleted) = store.write(|tx| {
        tx.execute("INSERT INTO sync_applying (only) VALUES (1)", [])?;
        let mut deleted = 0;
        for d in &deletions {
            deleted += usize::from(delete(tx, d)?);
        }
        let export = without_deleted(tx, export)?;
        let merged = exchange::merge(tx, &export)?;
        for (technique, added_at) in &favourites {
            if !dead(tx, "favourite", technique, *added_at)? {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO favourite_technique (technique, added_at) VALUES (?1, ?2)",
                )?
                .execute(params![technique, added_at.format(UTC_MS_FORMAT).to_string()])?;
            }
        }
        super::setup::mark_read(tx, &device, file, events, at)?;
        tx.execute("DELETE FROM sync_applying", [])?;
        Ok((merged, deleted))
    })?;
    Ok(Applied { events, merged, deleted })
}

/// A deletion from a version 1 file, its version in UTC for the kinds that kept local time.
fn deletion_from_local(mut d: Deletion) -> Deletion {
    let local_kinds = ["goal", "habit", "habit_mark", "counter", "slip", "plan", "pattern", "favourite"];
    if local_kinds.contains(&d.kind.as_str())
        && let Some(utc) = local_text_to_utc(&d.version)
    {
        d.version = utc;
    }
    d
}

/// Drops the puts that a deletion known here has made obsolete (not newer than the version
/// that was deleted), so an old copy in a late file does not bring a deleted record back.
fn without_deleted(tx: &Transaction, mut export: Export) -> rusqlite::Result<Export> {
    let mut keep = Vec::with_capacity(export.checkins.len());
    for c in export.checkins {
        if !dead(tx, "checkin", &c.date.format("%Y-%m-%d").to_string(), c.updated_at)? {
            keep.push(c);
        }
    }
    export.checkins = keep;
    retain(&mut export.goals, |g| dead(tx, "goal", &g.uid, g.updated_at))?;
    retain(&mut export.plan, |p| dead(tx, "plan", &p.uid, p.updated_at))?;
    retain(&mut export.patterns, |p| dead(tx, "pattern", &p.name, p.updated_at))?;
    retain(&mut export.habits, |h| dead(tx, "habit", &h.uid, h.updated_at))?;
    for h in &mut export.habits {
        let uid = h.uid.clone();
        retain(&mut h.marks, |m| dead(tx, "habit_mark", &format!("{uid} {}", m.date), m.updated_at))?;
    }
    retain(&mut export.counters, |c| dead(tx, "counter", &c.uid, c.updated_at))?;
    for c in &mut export.counters {
        let uid = c.uid.clone();
        retain(&mut c.slips, |s| dead(tx, "slip", &format!("{uid} {}", s.date), s.updated_at))?;
    }
    retain(&mut export.urges, |u| dead(tx, "urge", &u.uid, u.updated_at))?;
    retain(&mut export.week_notes, |w| dead(tx, "week_note", &w.week, w.updated_at))?;
    retain(&mut export.savings, |s| dead(tx, "saving", &s.counter_uid, s.updated_at))?;
    Ok(export)
}

fn retain<T>(items: &mut Vec<T>, mut dead: impl FnMut(&T) -> rusqlite::Result<bool>) -> rusqlite::Result<()> {
    let mut keep = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if !dead(&item)? {
            keep.push(item);
        }
    }
    *items = keep;
    Ok(())
}

/// Whether this version of a record was deleted here or on a device whose deletion arrived.
fn dead(tx: &Transaction, kind: &str, key: &str, version: NaiveDateTime) -> rusqlite::Result<bool> {
    let deleted: Option<String> = tx
        .prepare_cached(
            "SELECT deleted FROM sync_change WHERE kind = ?1 AND key = ?2 AND deleted IS NOT NULL",
        )?
        .query_row([kind, key], |r| r.get(0))
        .optional()?;
    Ok(deleted.as_deref().and_then(parse_version).is_some_and(|deleted| version <= deleted))
}

/// Deletes the record if its version here is not newer than the deleted one, and remembers the
/// deletion either way. Returns whether a row went.
fn delete(tx: &Transaction, d: &Deletion) -> rusqlite::Result<bool> {
    let Some(version) = parse_version(&d.version) else { return Ok(false) };
    let (version_sql, delete_sql) = match d.kind.as_str() {
        "checkin" => {
            ("SELECT updated_at FROM checkin WHERE date = ?1", "DELETE FROM checkin WHERE date = ?1")
        }
        "goal" => ("SELECT updated_at FROM goal WHERE uid = ?1", "DELETE FROM goal WHERE uid = ?1"),
        "habit" => ("SELECT updated_at FROM habit WHERE uid = ?1", "DELETE FROM habit WHERE uid = ?1"),
        "counter" => ("SELECT updated_at FROM counter WHERE uid = ?1", "DELETE FROM counter WHERE uid = ?1"),
        "plan" => ("SELECT updated_at FROM plan_item WHERE uid = ?1", "DELETE FROM plan_item WHERE uid = ?1"),
        "pattern" => (
            "SELECT updated_at FROM breathing_pattern WHERE name = ?1",
            "DELETE FROM breathing_pattern WHERE name = ?1",
        ),
        "urge" => ("SELECT updated_at FROM urge WHERE uid = ?1", "DELETE FROM urge WHERE uid = ?1"),
        "week_note" => {
            ("SELECT updated_at FROM week_review WHERE week = ?1", "DELETE FROM week_review WHERE week = ?1")
        }
        "saving" => (
            "SELECT updated_at FROM counter_saving WHERE counter_id = (SELECT id FROM counter WHERE uid = ?1)",
            "DELETE FROM counter_saving WHERE counter_id = (SELECT id FROM counter WHERE uid = ?1)",
        ),
        "favourite" => (
            "SELECT added_at FROM favourite_technique WHERE technique = ?1",
            "DELETE FROM favourite_technique WHERE technique = ?1",
        ),
        "habit_mark" => (
            "SELECT updated_at FROM habit_mark WHERE habit_id = (SELECT id FROM habit WHERE uid = ?1) AND date = ?2",
            "DELETE FROM habit_mark WHERE habit_id = (SELECT id FROM habit WHERE uid = ?1) AND date = ?2",
        ),
        "slip" => (
            "SELECT updated_at FROM slip WHERE counter_id = (SELECT id FROM counter WHERE uid = ?1) AND date = ?2",
            "DELETE FROM slip WHERE counter_id = (SELECT id FROM counter WHERE uid = ?1) AND date = ?2",
        ),
        // A kind from a newer version: nothing here to delete.
        _ => return Ok(false),
    };
    let keys: Vec<&str> = match d.kind.as_str() {
        "habit_mark" | "slip" => match d.key.split_once(' ') {
            Some((uid, date)) => vec![uid, date],
            None => return Ok(false),
        },
        _ => vec![d.key.as_str()],
    };
    let params = rusqlite::params_from_iter(keys.iter());
    let local: Option<String> = tx.prepare_cached(version_sql)?.query_row(params, |r| r.get(0)).optional()?;
    let gone = match local.as_deref().and_then(parse_version) {
        Some(local) if local <= version => {
            tx.prepare_cached(delete_sql)?.execute(rusqlite::params_from_iter(keys.iter()))? > 0
        }
        _ => false,
    };
    tx.prepare_cached(
        "INSERT INTO sync_change (kind, key, seq, deleted) VALUES (?1, ?2, 0, ?3)
         ON CONFLICT (kind, key) DO UPDATE SET deleted = excluded.deleted
         WHERE sync_change.deleted IS NULL OR sync_change.deleted < excluded.deleted",
    )?
    .execute(params![d.kind, d.key, d.version])?;
    Ok(gone)
}

#[cfg(test)]
#[path = "inbox_tests.rs"]
mod tests;
