//! The personal plan: one row per entry, ordered within its section.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::versions::{utc, utc_at};
use super::{Result, Store, StoreError};
use crate::clock::Moment;
use crate::domain::plan::{Item, Section};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredItem {
    pub id: i64,
    pub section: Section,
    pub item: Item,
}

/// A plan entry in the JSON export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRecord {
    pub uid: String,
    pub section: Section,
    pub position: i64,
    pub updated_at: NaiveDateTime,
    #[serde(flatten)]
    pub item: Item,
}

fn item_from_row(row: &Row) -> rusqlite::Result<StoredItem> {
    let key: String = row.get(1)?;
    let section = Section::from_key(&key).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            format!("not a plan part: {key}").into(),
        )
    })?;
    Ok(StoredItem { id: row.get(0)?, section, item: Item { text: row.get(2)?, phone: row.get(3)? } })
}

const COLUMNS: &str = "id, section, text, phone";

impl Store {
    /// Every entry, by section in the plan's order, then by position.
    pub fn plan(&self) -> Result<Vec<StoredItem>> {
        let read = || -> rusqlite::Result<Vec<StoredItem>> {
            self.conn()
                .prepare_cached(&format!("SELECT {COLUMNS} FROM plan_item ORDER BY position, id"))?
                .query_map([], item_from_row)?
                .collect()
        };
        let mut items = read().map_err(|e| self.sql_error(e))?;
        items.sort_by_key(|i| i.section);
        Ok(items)
    }

    /// The entries of some sections only (the crisis overlay's contacts and own steps).
    pub fn plan_sections(&self, sections: &[Section]) -> Result<Vec<StoredItem>> {
        let read = |section: Section| -> rusqlite::Result<Vec<StoredItem>> {
            self.conn()
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM plan_item WHERE section = ?1 ORDER BY position, id"
                ))?
                .query_map([section.key()], item_from_row)?
                .collect()
        };
        let mut all = Vec::new();
        for section in sections {
            all.extend(read(*section).map_err(|e| self.sql_error(e))?);
        }
        Ok(all)
    }

    /// Adds an entry at the end of its section; returns its id.
    pub fn add_plan_item(&mut self, section: Section, item: &Item, at: Moment) -> Result<i64> {
        let item = item.clone().normalised();
        item.validate(section).map_err(|e| StoreError::Record(e.to_string()))?;
        self.write(|tx| {
            let next: i64 = tx
                .prepare_cached("SELECT coalesce(max(position) + 1, 0) FROM plan_item WHERE section = ?1")?
                .query_row([section.key()], |r| r.get(0))?;
            insert(tx, None, section, next, &item, at.utc)
        })
    }

    pub fn save_plan_item(&mut self, id: i64, section: Section, item: &Item, at: Moment) -> Result<()> {
        let item = item.clone().normalised();
        item.validate(section).map_err(|e| StoreError::Record(e.to_string()))?;
        self.write(|tx| {
            tx.prepare_cached("UPDATE plan_item SET text = ?2, phone = ?3, updated_at = ?4 WHERE id = ?1")?
                .execute(params![id, item.text, item.phone, utc(at.utc)])?;
            Ok(())
        })
    }

    pub fn delete_plan_item(&mut self, id: i64) -> Result<()> {
        self.write(|tx| tx.prepare_cached("DELETE FROM plan_item WHERE id = ?1")?.execute([id]).map(|_| ()))
    }

    /// Swaps two entries' places (moving one up or down its list).
    pub fn swap_plan_items(&mut self, a: i64, b: i64, at: Moment) -> Result<()> {
        self.write(|tx| {
            let position = |id: i64| -> rusqlite::Result<Option<i64>> {
                tx.prepare_cached("SELECT position FROM plan_item WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))
                    .optional()
            };
            let (Some(pa), Some(pb)) = (position(a)?, position(b)?) else { return Ok(()) };
            // Equal positions (from an import) would not move; the id order breaks the tie.
            let (pa, pb) = if pa == pb { (pa, pa + 1) } else { (pa, pb) };
            let mut set =
                tx.prepare_cached("UPDATE plan_item SET position = ?2, updated_at = ?3 WHERE id = ?1")?;
            set.execute(params![a, pb, utc(at.utc)])?;
            set.execute(params![b, pa, utc(at.utc)])?;
            Ok(())
        })
    }
}

fn insert(
    tx: &Transaction,
    uid: Option<&str>,
    section: Section,
    position: i64,
    item: &Item,
    updated_at: NaiveDateTime,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO plan_item (uid, section, position, text, phone, updated_at)
         VALUES (coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![uid, section.key(), position, item.text, item.phone, utc(updated_at)])?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<PlanRecord>> {
    let mut records: Vec<PlanRecord> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}, uid, position, updated_at FROM plan_item ORDER BY position, id"
        ))?
        .query_map([], |row| {
            let stored = item_from_row(row)?;
            Ok(PlanRecord {
                uid: row.get(4)?,
                section: stored.section,
                position: row.get(5)?,
                updated_at: utc_at(row, 6)?,
                item: stored.item,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    records.sort_by_key(|r| r.section);
    Ok(records)
}

/// Adds a missing entry or replaces an older one; returns whether it changed anything.
pub(super) fn import(tx: &Transaction, record: &PlanRecord) -> rusqlite::Result<bool> {
    let current: Option<(i64, NaiveDateTime, StoredItem, i64)> = tx
        .prepare_cached(&format!("SELECT {COLUMNS}, updated_at, position FROM plan_item WHERE uid = ?1"))?
        .query_row([&record.uid], |r| Ok((r.get(0)?, utc_at(r, 4)?, item_from_row(r)?, r.get(5)?)))
        .optional()?;
    let item = record.item.clone().normalised();
    match current {
        None => insert(tx, Some(&record.uid), record.section, record.position, &item, record.updated_at)
            .map(|_| true),
        Some((id, updated_at, stored, position)) if record.updated_at > updated_at => {
            let same = stored.section == record.section && stored.item == item && position == record.position;
            tx.prepare_cached(
                "UPDATE plan_item SET section = ?2, position = ?3, text = ?4, phone = ?5, updated_at = ?6 WHERE id = ?1",
            )?
            .execute(params![id, record.section.key(), record.position, item.text, item.phone, utc(record.updated_at)])?;
            Ok(!same)
        }
        Some(_) => Ok(false),
    }
}
