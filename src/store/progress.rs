//! What the knowledge screens remember: favourite techniques, the quiz's Leitner boxes and round
//! history, and the recovery phase the person marked. One row per change, like the check-ins.
//!
//! Each row carries the time it was last changed, so an import merges without a doubt: newer
//! wins, favourites and rounds are added when missing, and importing twice changes nothing.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::versions::{utc_ms, utc_ms_at};
use super::{Result, Store};
use crate::clock::Moment;
use crate::domain::quiz::{BOXES, Card, RoundKind, RoundRecord};

/// To the millisecond: two rounds in one second are two rounds. A round's end is local time, a
/// time to show; when a row last changed is UTC (`versions::UTC_MS_FORMAT`).
const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3f";
const DATE_FORMAT: &str = "%Y-%m-%d";

/// What the knowledge screens start from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Technique ids.
    pub favourites: BTreeSet<String>,
    pub cards: Vec<Card>,
    /// Oldest first.
    pub rounds: Vec<RoundRecord>,
    /// The id of the phase in `phases.ron` the person says they are in.
    pub phase: Option<String>,
}

/// A card with the time (UTC) of the answer that put it where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCard {
    #[serde(flatten)]
    pub card: Card,
    pub answered_at: NaiveDateTime,
}

/// The phase mark and when (UTC) it was set or removed (`phase: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseMark {
    pub phase: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// The knowledge screens' part of a JSON export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressExport {
    pub favourites: Vec<String>,
    pub quiz_cards: Vec<StoredCard>,
    pub quiz_rounds: Vec<RoundRecord>,
    pub phase: Option<PhaseMark>,
}

impl Store {
    pub fn load_progress(&self) -> Result<Progress> {
        let export = self.export_progress()?;
        Ok(Progress {
            favourites: export.favourites.into_iter().collect(),
            cards: export.quiz_cards.into_iter().map(|c| c.card).collect(),
            rounds: export.quiz_rounds,
            phase: export.phase.and_then(|mark| mark.phase),
        })
    }

    /// The techniques marked as favourites, for the techniques screen when it is first shown.
    pub fn favourites(&self) -> Result<BTreeSet<String>> {
        let read = || -> rusqlite::Result<BTreeSet<String>> {
            self.conn()
                .prepare_cached("SELECT technique FROM favourite_technique")?
                .query_map([], |r| r.get(0))?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// The id of the phase the person marked, for the start screen: one row, no other progress.
    pub fn marked_phase(&self) -> Result<Option<String>> {
        read_phase(self.conn()).map(|mark| mark.and_then(|m| m.phase)).map_err(|e| self.sql_error(e))
    }

    pub fn set_favourite(&mut self, technique: &str, favourite: bool, at: Moment) -> Result<()> {
        self.write(|tx| {
            if favourite {
                tx.execute(
                    "INSERT OR IGNORE INTO favourite_technique (technique, added_at) VALUES (?1, ?2)",
                    params![technique, utc_ms(at.utc)],
                )?;
            } else {
                tx.execute("DELETE FROM favourite_technique WHERE technique = ?1", [technique])?;
            }
            Ok(())
        })
    }

    /// Inserts or replaces the card for its statement.
    pub fn save_card(&mut self, card: &Card, at: Moment) -> Result<()> {
        let stored = StoredCard { card: card.clone(), answered_at: at.utc };
        self.write(|tx| upsert_card(tx, &stored))
    }

    pub fn add_round(&mut self, round: &RoundRecord) -> Result<()> {
        self.write(|tx| insert_round(tx, round))
    }

    /// Marks the phase the person is in, or removes the mark with `None`.
    pub fn set_phase(&mut self, phase: Option<&str>, at: Moment) -> Result<()> {
        self.write(|tx| {
            let mark = PhaseMark { phase: phase.map(str::to_owned), updated_at: at.utc };
            upsert_phase(tx, &mark)
        })
    }

    pub fn export_progress(&self) -> Result<ProgressExport> {
        let read = || -> rusqlite::Result<ProgressExport> {
            let conn = self.conn();
            let favourites = conn
                .prepare_cached("SELECT technique FROM favourite_technique ORDER BY technique")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let quiz_cards = conn
                .prepare_cached(
                    "SELECT statement, leitner_box, due, answered_at FROM quiz_card ORDER BY statement",
                )?
                .query_map([], |r| {
                    let card = Card { id: r.get(0)?, leitner_box: r.get(1)?, due: date_at(r, 2)? };
                    Ok(StoredCard { card, answered_at: utc_ms_at(r, 3)? })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let quiz_rounds = conn
                .prepare_cached(
                    "SELECT finished_at, kind, right_answers, total FROM quiz_round ORDER BY finished_at, rowid",
                )?
                .query_map([], |r| {
                    Ok(RoundRecord {
                        finished_at: time_at(r, 0)?,
                        kind: kind_from(&r.get::<_, String>(1)?),
                        right: r.get(2)?,
                        total: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let phase = read_phase(conn)?;
            Ok(ProgressExport { favourites, quiz_cards, quiz_rounds, phase })
        };
        read().map_err(|e| self.sql_error(e))
    }
}

/// Merges an export's knowledge part into the store inside `tx`; returns how many rows changed.
pub(super) fn import_progress(tx: &Transaction, incoming: &ProgressExport) -> rusqlite::Result<usize> {
    let mut changed = 0;
    for technique in &incoming.favourites {
        // The time it was added is not in the export; an imported favourite is old news.
        changed += tx.execute(
            "INSERT OR IGNORE INTO favourite_technique (technique, added_at) VALUES (?1, '1970-01-01T00:00:00.000Z')",
            [technique],
        )?;
    }
    for stored in &incoming.quiz_cards {
        let current: Option<NaiveDateTime> = tx
            .query_row("SELECT answered_at FROM quiz_card WHERE statement = ?1", [&stored.card.id], |r| {
                utc_ms_at(r, 0)
            })
            .optional()?;
        if current.is_none_or(|at| stored.answered_at > at) {
            upsert_card(tx, stored)?;
            changed += 1;
        }
    }
    // Rounds have no identity but their content: add as many copies as the export has more of.
    let mut wanted: HashMap<(String, &'static str, u8, u8), usize> = HashMap::new();
    for round in &incoming.quiz_rounds {
        *wanted.entry(round_key(round)).or_default() += 1;
    }
    for (key, count) in wanted {
        let have: i64 = tx.query_row(
            "SELECT count(*) FROM quiz_round WHERE finished_at = ?1 AND kind = ?2 AND right_answers = ?3 AND total = ?4",
            params![key.0, key.1, key.2, key.3],
            |r| r.get(0),
        )?;
        for _ in have.max(0) as usize..count {
            tx.execute(
                "INSERT INTO quiz_round (finished_at, kind, right_answers, total) VALUES (?1, ?2, ?3, ?4)",
                params![key.0, key.1, key.2, key.3],
            )?;
            changed += 1;
        }
    }
    if let Some(mark) = &incoming.phase {
        let newer = read_phase(tx)?.is_none_or(|current| mark.updated_at > current.updated_at);
        if newer {
            upsert_phase(tx, mark)?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Checks what an import would write, before anything is: boxes and scores must make sense.
pub(super) fn validate(incoming: &ProgressExport) -> std::result::Result<(), String> {
    for stored in &incoming.quiz_cards {
        if !(1..=BOXES).contains(&stored.card.leitner_box) {
            return Err(format!(
                "quiz card {}: box {} is not 1-{BOXES}",
                stored.card.id, stored.card.leitner_box
            ));
        }
    }
    for round in &incoming.quiz_rounds {
        if round.right > round.total {
            return Err(format!(
                "quiz round {}: {} right of {}",
                round.finished_at, round.right, round.total
            ));
        }
    }
    Ok(())
}

fn round_key(round: &RoundRecord) -> (String, &'static str, u8, u8) {
    (time(round.finished_at), kind_name(round.kind), round.right, round.total)
}

fn upsert_card(tx: &Transaction, stored: &StoredCard) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO quiz_card (statement, leitner_box, due, answered_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (statement) DO UPDATE SET
             leitner_box = excluded.leitner_box, due = excluded.due, answered_at = excluded.answered_at",
        params![
            stored.card.id,
            stored.card.leitner_box,
            stored.card.due.format(DATE_FORMAT).to_string(),
            utc_ms(stored.answered_at)
        ],
    )?;
    Ok(())
}

fn insert_round(tx: &Transaction, round: &RoundRecord) -> rusqlite::Result<()> {
    let (at, kind, right, total) = round_key(round);
    tx.execute(
        "INSERT INTO quiz_round (finished_at, kind, right_answers, total) VALUES (?1, ?2, ?3, ?4)",
        params![at, kind, right, total],
    )?;
    Ok(())
}

fn upsert_phase(tx: &Transaction, mark: &PhaseMark) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO chosen_phase (only, phase, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (only) DO UPDATE SET phase = excluded.phase, updated_at = excluded.updated_at",
        params![mark.phase, utc_ms(mark.updated_at)],
    )?;
    Ok(())
}

fn read_phase(conn: &rusqlite::Connection) -> rusqlite::Result<Option<PhaseMark>> {
    conn.query_row("SELECT phase, updated_at FROM chosen_phase WHERE only = 1", [], |r| {
        Ok(PhaseMark { phase: r.get(0)?, updated_at: utc_ms_at(r, 1)? })
    })
    .optional()
}

fn kind_name(kind: RoundKind) -> &'static str {
    match kind {
        RoundKind::Regular => "regular",
        RoundKind::Mistakes => "mistakes",
    }
}

/// The table's CHECK allows only the two names.
fn kind_from(name: &str) -> RoundKind {
    if name == "mistakes" { RoundKind::Mistakes } else { RoundKind::Regular }
}

fn time(at: NaiveDateTime) -> String {
    at.format(TIME_FORMAT).to_string()
}

fn time_at(row: &rusqlite::Row, index: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(index)?;
    NaiveDateTime::parse_from_str(&text, TIME_FORMAT).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn date_at(row: &rusqlite::Row, index: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(index)?;
    NaiveDate::parse_from_str(&text, DATE_FORMAT).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
