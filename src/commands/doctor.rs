//! `mestring doctor`: checks the database thoroughly, lists the backups, and restores one.
//! It never repairs in place: a restore moves the current file aside, so nothing is lost.

use std::path::PathBuf;

use super::{Env, Outcome, Usage};
use crate::store::{Store, backup};

pub fn run(restore: Option<&str>, env: &Env) -> Outcome {
    let t = &env.lang.strings().checkin;
    let db = &env.db_path;
    let backups = backup::list(db)?;
    if let Some(which) = restore {
        let source = match which.parse::<chrono::NaiveDate>() {
            Ok(date) => backups.iter().find(|b| b.date == date).map(|b| b.path.clone()).ok_or_else(|| {
                Usage(env.lang.strings().cli.no_backup.replace("{date}", &date.to_string()))
            })?,
            Err(_) => PathBuf::from(which),
        };
        if !source.is_file() {
            let said = env.lang.strings().cli.not_a_file.replace("{path}", &source.display().to_string());
            return Err(Usage(said).into());
        }
        if backup::is_same_file(db, &source) {
            let message =
                format!("{} is the database itself, not a backup; nothing was changed", db.display());
            return Err(Usage(message).into());
        }
        let moved = if source.extension().is_some_and(|e| e == "age") {
            super::sync::restore_sealed(db, &source, env)?
        } else {
            backup::restore(db, &source, env.clock.now())?
        };
        println!("{} {} → {}.", t.doctor_restored, source.display(), db.display());
        if let Some(moved) = moved {
            println!("{} {}.", t.doctor_kept_as, moved.display());
        }
        return Ok(());
    }

    let mut healthy = true;
    println!("{}: {}", t.doctor_database, db.display());
    if !db.exists() {
        println!("  {}", t.doctor_not_created);
    } else {
        match Store::open_read_only(db).and_then(|store| store.integrity_check().map(|()| store)) {
            Ok(store) => {
                println!("  {}", t.doctor_integrity_ok);
                let count = store.checkin_count()?;
                match store.checkin_span()? {
                    Some((first, last)) => println!("  {}: {count} ({first} – {last})", t.doctor_checkins),
                    None => println!("  {}: 0", t.doctor_checkins),
                }
            }
            Err(e) if e.is_fatal() => {
                healthy = false;
                println!("  {}: {}", t.doctor_problem, e.describe(env.lang.strings()));
            }
            Err(e) => return Err(e.into()),
        }
    }
    println!("{}: {}", t.doctor_backups, backup::backup_dir(db).display());
    if backups.is_empty() {
        println!("  {}", t.doctor_no_backups);
    }
    for b in &backups {
        let damaged = if b.sound { String::new() } else { format!("  ({})", t.doctor_backup_damaged) };
        println!("  {}  {:>8} kB  {}{damaged}", b.date, b.bytes.div_ceil(1024), b.path.display());
    }
    if let Some(newest) = backups.iter().find(|b| b.sound) {
        println!("{} mestring doctor --restore {}", t.doctor_restore_hint, newest.date);
    }
    if healthy { Ok(()) } else { Err(t.doctor_needs_attention.into()) }
}
