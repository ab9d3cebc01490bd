//! `mestring urge`: write down a craving as it happens, or how the last one went. Everything
//! that can be wrong with the flags is found before the database is opened.

use super::{Env, Outcome, Usage, database_exists};
use crate::cli::{OutcomeArg, UrgeArgs};
use crate::content::labels;
use crate::domain::plan::Section;
use crate::domain::urges::{self, Urge};
use crate::store::Store;

impl From<OutcomeArg> for urges::Outcome {
    fn from(outcome: OutcomeArg) -> Self {
        match outcome {
            OutcomeArg::Passed => urges::Outcome::Passed,
            OutcomeArg::Used => urges::Outcome::Used,
            OutcomeArg::StillThere => urges::Outcome::StillThere,
        }
    }
}

pub fn run(args: &UrgeArgs, env: &Env) -> Outcome {
    match args.outcome {
        Some(outcome) => answer(outcome.into(), args.intensity, env),
        None => log(args, env),
    }
}

fn log(args: &UrgeArgs, env: &Env) -> Outcome {
    let at = env.clock.moment();
    let now = at.local;
    let Some(intensity) = args.intensity else {
        return Err(Usage(
            "give --intensity 0-10 to write down a craving, or --outcome to say how the last one went".into(),
        )
        .into());
    };
    let trigger = args.trigger.as_deref().map(|t| labels::trigger_id_for(env.content, t)).unwrap_or_default();
    let urge = Urge::new(now, intensity, &trigger, args.note.as_deref().unwrap_or_default());
    urge.validate().map_err(|e| Usage(e.to_string()))?;
    let mut store = Store::open(&env.db_path)?;
    store.log_urge(&urge, at)?;
    let t = &env.lang.strings().urges;
    let time = now.format("%H:%M").to_string();
    println!("{}", t.cli_logged.replace("{time}", &time).replace("{n}", &intensity.to_string()));
    println!("{}", t.cli_offer);
    let own_steps = store.plan_sections(&[Section::OnMyOwn])?;
    if !own_steps.is_empty() {
        println!("{}", t.cli_plan);
        for step in own_steps {
            println!("  - {}", step.item.text);
        }
    }
    println!("{}", t.cli_later);
    Ok(())
}

fn answer(outcome: urges::Outcome, intensity_now: Option<u8>, env: &Env) -> Outcome {
    let at = env.clock.moment();
    let nothing_open = || -> Box<dyn std::error::Error> {
        Usage(
            "there is no craving from the last 24 hours to answer; write one down with --intensity 0-10"
                .into(),
        )
        .into()
    };
    if !database_exists(env)? {
        return Err(nothing_open());
    }
    let mut store = Store::open(&env.db_path)?;
    let open = store.newest_open_urge(at.local)?.ok_or_else(nothing_open)?;
    store.answer_urge(open.id, outcome, intensity_now, at)?;
    let t = &env.lang.strings().urges;
    println!("{}", t.cli_answered.replace("{time}", &open.urge.at.format("%H:%M").to_string()));
    println!(
        "{}",
        match outcome {
            urges::Outcome::Passed => t.answered_passed,
            urges::Outcome::Used => t.answered_used,
            urges::Outcome::StillThere => t.answered_still,
        }
    );
    Ok(())
}
