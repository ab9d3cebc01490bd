//! `mestring doctor`: checks the database thoroughly, lists the backups, and restores one.
//! It never repairs in place: a restore moves the current file aside, so nothing is lost.

use std::path::PathBuf;

use super::{Env, Outcome, Usage};
use crate::store::{Store, StoreError, backup};

pub fn run(restore: Option<&str>, env: &Env) -> Outcome {
    let db = &env.db_path;
    let backups = backup::list(db)?;
    if let Some(which) = restore {
        let source = match which.parse::<chrono::NaiveDate>() {
            Ok(date) => backups.iter().find(|b| b.date == date).map(|b| b.path.clone()).ok_or_else(|| {
                Usage(format!("there is no backup of {date}; run `mestring doctor` to list them"))
            })?,
            Err(_) => PathBuf::from(which),
        };
        if !source.is_file() {
            return Err(Usage(format!("{} is not a file", source.display())).into());
        }
        let moved = backup::restore(db, &source, env.clock.now())?;
        println!("Restored {} to {}.", source.display(), db.display());
        if let Some(moved) = moved {
            println!("The previous database was kept as {}.", moved.display());
        }
        return Ok(());
    }

    let mut healthy = true;
    println!("Database: {}", db.display());
    if !db.exists() {
        println!("  not created yet (it is made the first time you check in)");
    } else {
        match Store::open_existing(db).and_then(|store| store.integrity_check().map(|()| store)) {
            Ok(store) => {
                println!("  integrity: ok");
                let count = store.checkin_count()?;
                match store.checkin_span()? {
                    Some((first, last)) => println!("  check-ins: {count} ({first} – {last})"),
                    None => println!("  check-ins: 0"),
                }
            }
            Err(e @ (StoreError::NotOurs { .. } | StoreError::Damaged { .. } | StoreError::Newer { .. })) => {
                healthy = false;
                println!("  problem: {e}");
            }
            Err(e) => return Err(e.into()),
        }
    }
    println!("Backups: {}", backup::backup_dir(db).display());
    if backups.is_empty() {
        println!("  none yet (one is made each day mestring is used)");
    }
    for b in &backups {
        println!("  {}  {:>8} kB  {}", b.date, b.bytes.div_ceil(1024), b.path.display());
    }
    if let Some(newest) = backups.first() {
        println!("To restore one: mestring doctor --restore {}", newest.date);
    }
    if healthy { Ok(()) } else { Err("the database needs attention (see above)".into()) }
}
