//! `mestring import --from daylio FILE.csv`: days from Daylio's CSV export as check-ins (mood,
//! activities as what helped, note). Days mestring has already are left as they are, so
//! importing twice changes nothing; what was not taken is listed with the reason.

use std::path::Path;

use super::{Env, Outcome, Usage};
use crate::content::labels;
use crate::domain::checkin::CheckIn;
use crate::domain::daylio;
use crate::store::Store;

pub fn run(file: &Path, env: &Env) -> Outcome {
    // A file that cannot be opened is a wrong command line (2); one that is not Daylio's is bad
    // data (1), like a JSON file that is not an export.
    let text = std::fs::read_to_string(file).map_err(|e| -> Box<dyn std::error::Error> {
        let message = format!("{}: {e}", file.display());
        if e.kind() == std::io::ErrorKind::InvalidData { message.into() } else { Usage(message).into() }
    })?;
    let (days, skipped) = daylio::parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let checkins: Vec<CheckIn> = days
        .iter()
        .map(|d| {
            let mut c = CheckIn::blank(d.date, crate::clock::utc_from_local(d.last_entry));
            c.mood = d.mood;
            c.helped = d.activities.iter().map(|a| labels::helped_id_for(env.content, a)).collect();
            c.note = d.note.clone();
            c.normalised()
        })
        .collect();
    let summary = Store::open(&env.db_path)?.import_diary_days(&checkins)?;
    let t = &env.lang.strings().urges;
    println!(
        "{}",
        t.daylio_took
            .replace("{added}", &summary.added.to_string())
            .replace("{already}", &summary.already_here.to_string())
            .replace("{skipped}", &skipped.len().to_string())
    );
    if summary.added > 0 {
        println!("{}", t.daylio_scales);
    }
    if !skipped.is_empty() {
        println!("{}", t.daylio_left);
        for s in &skipped {
            println!("  {}:{}: {}", file.display(), s.line, s.reason);
        }
    }
    Ok(())
}
