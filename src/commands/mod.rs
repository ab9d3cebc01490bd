//! The subcommands that run without the TUI. Each prints its result on stdout and problems on
//! stderr; exit status 2 means the command line was wrong (nothing was written), 1 that the
//! data could not be read or written.

mod checkin;
mod diary;
mod doctor;
mod remind;
pub mod report;
mod review;
mod sync;
pub mod text;
mod urge;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{Cli, Command, ExportArgs, ExportFormat, ImportFrom};
use crate::clock::Clock;
use crate::content::Content;
use crate::content::RegionId;
use crate::i18n::Lang;
use crate::store::{Store, StoreError, location};

/// What a command needs besides its own arguments.
pub struct Env<'a> {
    pub content: &'a Content,
    pub lang: Lang,
    pub region: RegionId,
    pub clock: &'a dyn Clock,
    pub db_path: PathBuf,
    /// Weeks start on Sunday (the settings file's `week_start`), for the weekly review.
    pub sunday_first: bool,
}

/// A command line that parsed but asks for something impossible (exit status 2).
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for Usage {}

type Outcome = Result<(), Box<dyn Error>>;

pub fn run(cli: &Cli, command: &Command, content: &Content, lang: Lang, clock: &dyn Clock) -> ExitCode {
    restore_default_sigpipe();
    let db_path = match location::data_dir(cli.data_dir.as_deref()) {
        Ok(dir) => location::db_path(&dir),
        Err(e) => return fail(&e),
    };
    // The settings that concern commands (main reads the file too, and has named its problems).
    let settings = crate::config::config_path(cli.config.as_deref())
        .map(|path| crate::config::load(&path).settings)
        .unwrap_or_default();
    let sunday_first = settings.week_start == crate::config::WeekStart::Sunday;
    let env = Env { content, lang, region: cli.region(&settings), clock, db_path, sunday_first };
    let outcome = match command {
        Command::Checkin(args) => checkin::run(args, &env),
        Command::Status => status(&env),
        Command::Export(args) => export(args, &env),
        Command::Import { file, from: ImportFrom::Mestring } => import(file, &env),
        Command::Import { file, from: ImportFrom::Daylio } => diary::run(file, &env),
        Command::Urge(args) => urge::run(args, &env),
        Command::Review(args) => review::run(args, &env),
        Command::Remind(args) => remind::run(args, &env),
        Command::Doctor { restore } => doctor::run(restore.as_deref(), &env),
        Command::Completions { shell } => text::completions(*shell, lang),
        Command::Man => text::man(lang),
        Command::Faq(query) => text::faq(query, &env),
        Command::Techniques(query) => text::techniques(query, &env),
        Command::HelpLines { format } => text::help_lines(*format, &env),
        // Opens the app (see `Command::opens_app`); `main` never sends it here.
        Command::Breathe(_) => Ok(()),
        Command::Sync(args) => sync::run(args, &env),
    };
    // Content packs load as commands use them; a broken one is named, and the rest was used.
    for problem in content.take_problems() {
        eprintln!("mestring: {problem}");
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<Usage>() => {
            eprintln!("{}: {e}", lang.strings().cli.error);
            ExitCode::from(2)
        }
        Err(e) => fail(e.as_ref()),
    }
}

/// Rust ignores SIGPIPE, so `mestring faq | head` would end in a write error or a panic. Like
/// other command-line tools, the subcommands simply stop when the reader has gone away.
fn restore_default_sigpipe() {
    // SAFETY: called before any other thread exists; resets one signal's disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn fail(e: &dyn Error) -> ExitCode {
    eprintln!("mestring: {e}");
    ExitCode::FAILURE
}

/// Whether the database is there. Only "no such file" means it is not there yet: a data
/// directory that cannot be read, or is a file, is an error, not a day without a check-in.
fn database_exists(env: &Env) -> Result<bool, StoreError> {
    match std::fs::metadata(&env.db_path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(StoreError::Io { path: env.db_path.clone(), source }),
    }
}

/// One line for a shell prompt. Creates nothing: without a database there is no check-in.
fn status(env: &Env) -> Outcome {
    let t = &env.lang.strings().checkin;
    let today = env.clock.today();
    if !database_exists(env)? {
        println!("mestring: {}", t.status_not_yet);
        return Ok(());
    }
    let store = Store::open_read_only(&env.db_path)?;
    let done = store.checkin_on(today)?.is_some();
    let streak = store.streak(today)?;
    let mut line = format!("mestring: {}", if done { t.status_done } else { t.status_not_yet });
    if streak.days > 1 {
        line.push_str(&format!(" · {} {}", streak.days, t.streak_days));
    }
    line.push_str(&personal_status(&store, env)?);
    println!("{line}");
    Ok(())
}

/// The first counter and the habits still open today, as " · "-separated parts (or nothing).
fn personal_status(store: &Store, env: &Env) -> Result<String, Box<dyn Error>> {
    let g = &env.lang.strings().goals;
    let mut parts = String::new();
    if let Some(counter) = store.first_counter_today(env.clock.today())? {
        let days = g.days_n(counter.stats.current);
        parts.push_str(&format!(" · {}: {days} {}", counter.counter.name, g.status_sober));
    }
    let habits = store.habits_today(env.clock.now())?;
    let left = habits.iter().filter(|h| h.open()).count();
    match left {
        _ if habits.is_empty() => {}
        0 => parts.push_str(&format!(" · {}", g.status_habits_done)),
        1 => parts.push_str(&format!(" · 1 {}", g.status_habit_left)),
        n => parts.push_str(&format!(" · {n} {}", g.status_habits_left)),
    }
    Ok(parts)
}

fn export(args: &ExportArgs, env: &Env) -> Outcome {
    let (format, from, to) = (args.format, args.from, args.to);
    // Without dates, json and csv are everything, also days dated after today (a clock that ran
    // ahead, an import); the report for a therapist is the last two weeks.
    let today = env.clock.today();
    let (from, to) = match format {
        ExportFormat::Md => {
            let to = to.unwrap_or(today);
            (Some(from.unwrap_or(to - chrono::Days::new(13))), Some(to))
        }
        ExportFormat::Json | ExportFormat::Csv => (from, to),
    };
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        let t = env.lang.strings().cli;
        let said = t.from_after_to.replace("{from}", &from.to_string()).replace("{to}", &to.to_string());
        return Err(Usage(said).into());
    }
    let export = if database_exists(env)? {
        Store::open_read_only(&env.db_path)?.export(from, to, env.clock.now())?
    } else {
        Store::open_in_memory()?.export(from, to, env.clock.now())?
    };
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&export)? + "\n",
        ExportFormat::Csv => report::csv(&export.checkins),
        ExportFormat::Md => {
            let beside = report::Beside { counters: &export.counters, practice: &export.practice };
            let (from, to) = (from.unwrap_or(today), to.unwrap_or(today));
            report::markdown(env.content, &export.checkins, &beside, from, to, env.lang)
        }
    };
    let bytes = if args.encrypt { sync::seal(text.as_bytes(), env)? } else { text.into_bytes() };
    use std::io::Write;
    std::io::stdout().lock().write_all(&bytes)?;
    Ok(())
}

fn import(file: &Path, env: &Env) -> Outcome {
    // A file that cannot be opened is a wrong command line (2); one that is not text is bad
    // data (1), like one that is not an export.
    let bytes = std::fs::read(file).map_err(|e| Usage(format!("{}: {e}", file.display())))?;
    // `export --encrypt` wrote it: opened with the sync key.
    let bytes = if crate::sync::crypto::is_sealed(&bytes) { sync::open(&bytes, file, env)? } else { bytes };
    let json = String::from_utf8(bytes)
        .map_err(|_| -> Box<dyn Error> { format!("{}: not a text file", file.display()).into() })?;
    let summary =
        Store::open(&env.db_path)?.import_json(&json).map_err(|e| format!("{}: {e}", file.display()))?;
    let t = &env.lang.strings().checkin;
    println!(
        "{}",
        t.imported
            .replace("{added}", &summary.added.to_string())
            .replace("{updated}", &summary.updated.to_string())
            .replace("{unchanged}", &summary.unchanged.to_string())
    );
    println!("{}", env.lang.strings().learn.imported_progress.replace("{n}", &summary.progress.to_string()));
    if summary.personal > 0 {
        println!(
            "{}",
            env.lang.strings().goals.imported_personal.replace("{n}", &summary.personal.to_string())
        );
    }
    let p = summary.practice;
    println!(
        "{}",
        env.lang
            .strings()
            .breathe
            .imported
            .replace("{sessions}", &p.sessions_added.to_string())
            .replace("{added}", &p.patterns_added.to_string())
            .replace("{updated}", &p.patterns_updated.to_string())
    );
    if summary.retention > 0 {
        println!("{}", env.lang.strings().urges.imported.replace("{n}", &summary.retention.to_string()));
    }
    Ok(())
}
