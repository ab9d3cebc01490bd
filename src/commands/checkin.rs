//! `mestring checkin`: records or updates a day's check-in from flags. Everything that can be
//! wrong with the flags is found before the database is opened, so a bad command writes nothing.

use super::{Env, Outcome, Usage};
use crate::cli::{CheckinArgs, HaltPart, YesNo};
use crate::content::Content;
use crate::content::{helplines, labels};
use crate::domain::checkin::{CheckIn, Slip};
use crate::store::{Store, backup};

pub fn run(args: &CheckinArgs, env: &Env) -> Outcome {
    // One moment for the whole command; UTC for "last changed" (see `Clock::now_utc`).
    let (now, changed_at) = (env.clock.now(), env.clock.now_utc());
    let today = now.date();
    let date = args.date.unwrap_or(today);
    if date > today {
        let said = env.lang.strings().cli.not_yet.replace("{date}", &date.to_string());
        return Err(Usage(said).into());
    }
    // Checked against a blank day first, so bad flags are refused before anything is opened.
    apply(args, env.content, CheckIn::blank(date, now)).validate().map_err(|e| Usage(e.to_string()))?;
    if args.mood.is_none() && !env.db_path.exists() {
        return Err(need_mood(date, env));
    }
    // The full check runs once a day, with the day's backup and before the first write, so a
    // damaged file is refused; later check-ins that day cost one write and its fsync.
    let backup_due = backup::due(&env.db_path, today);
    let mut store = if backup_due { Store::open_checked(&env.db_path)? } else { Store::open(&env.db_path)? };
    // The flags go onto the day as stored when the write starts: what the TUI or another
    // command changed before stays, and only the fields given here change.
    let saved = store.change_checkin(date, |stored| {
        let base = match stored {
            Some(existing) => existing,
            None if args.mood.is_some() => CheckIn::blank(date, now),
            None => return None,
        };
        Some(CheckIn { updated_at: changed_at, ..apply(args, env.content, base) })
    })?;
    let Some(checkin) = saved else { return Err(need_mood(date, env)) };
    let t = &env.lang.strings().checkin;
    println!("{} {date}.", t.cli_saved);
    if checkin.needs_support() {
        println!("{}", t.cli_support);
        for line in helplines::for_region(env.content, env.region).iter().flat_map(|r| &r.lines) {
            println!("  {:<14} {} ({})", line.number, line.name, line.hours.get(env.lang));
        }
    }
    // After the check-in is safe: people who only use the command line get backups too.
    if backup_due && let Err(e) = backup::make(&store, today) {
        eprintln!("mestring: {} {e}", t.backup_failed);
    }
    if backup_due && let Err(e) = crate::sync::backups::seal_plain(&store) {
        eprintln!("mestring: {} {e}", t.backup_failed);
    }
    Ok(())
}

fn need_mood(date: chrono::NaiveDate, env: &Env) -> Box<dyn std::error::Error> {
    Usage(env.lang.strings().cli.needs_mood.replace("{date}", &date.to_string())).into()
}

/// The day with the flags that were given applied; flags not given keep the day's values.
fn apply(args: &CheckinArgs, content: &Content, mut c: CheckIn) -> CheckIn {
    if let Some(mood) = args.mood {
        c.mood = mood;
    }
    if let Some(craving) = args.craving {
        c.craving = Some(craving);
    }
    if let Some(stress) = args.stress {
        c.stress = Some(stress);
    }
    if args.sleep.is_some() {
        c.sleep_half_hours = args.sleep;
    }
    if args.sleep_quality.is_some() {
        c.sleep_quality = args.sleep_quality;
    }
    let detail = args.substance.is_some() || args.amount.is_some();
    match (args.used, detail) {
        (Some(YesNo::No), _) => c.slip = None,
        (Some(YesNo::Yes), _) | (None, true) => {
            let slip = c.slip.get_or_insert_with(Slip::default);
            if let Some(substance) = &args.substance {
                slip.substance = substance.clone();
            }
            if let Some(amount) = &args.amount {
                slip.amount = amount.clone();
            }
        }
        (None, false) => {}
    }
    if !args.triggers.is_empty() {
        c.triggers = args.triggers.iter().map(|t| labels::trigger_id_for(content, t)).collect();
    }
    if !args.halt.is_empty() {
        c.halt.hungry = args.halt.contains(&HaltPart::Hungry);
        c.halt.angry = args.halt.contains(&HaltPart::Angry);
        c.halt.lonely = args.halt.contains(&HaltPart::Lonely);
        c.halt.tired = args.halt.contains(&HaltPart::Tired);
    }
    if !args.helped.is_empty() {
        c.helped = args.helped.iter().map(|h| labels::helped_id_for(content, h)).collect();
    }
    if let Some(note) = &args.note {
        c.note = note.clone();
    }
    c.normalised()
}
