//! Parses the command line, reads the settings, and runs the TUI or a subcommand.

use std::process::ExitCode;

use mestring::app::{App, Setup};
use mestring::cli;
use mestring::clock::SystemClock;
use mestring::config;
use mestring::content::Content;
use mestring::store::{Store, location};

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mestring_lang = std::env::var("MESTRING_LANG").ok();
    let lang_env = std::env::var("LANG").ok();
    let early = cli::early_lang(&args, mestring_lang.as_deref(), lang_env.as_deref());
    let cli = match cli::parse(early, args) {
        Ok(cli) => cli,
        Err(status) => return Ok(ExitCode::from(status)),
    };
    let config_path = config::config_path(cli.config.as_deref());
    let loaded = config_path.as_deref().map(config::load).unwrap_or_default();
    // The content packs beside the settings file; what the screens show, for the whole run.
    let content = Content::leak(config_path.as_deref().map(config::pack_dir));
    let setup = Setup::new(config_path, loaded);
    let options = cli.options(&setup.loaded.settings);
    // `breathe` opens the app itself, and so does a `checkin` that asks its questions; every
    // other subcommand runs without it.
    let conversation = cli.command.as_ref().and_then(|c| c.checkin_conversation());
    if let Some(command) = cli.command.as_ref().filter(|c| !c.opens_app() && conversation.is_none()) {
        for problem in setup.problems(options.lang) {
            eprintln!("mestring: {problem}");
        }
        return Ok(mestring::commands::run(&cli, command, content, options.lang, &SystemClock));
    }
    // Cheap: a few pragmas and the schema version. The full check and the backup come after
    // the first frame; a store that cannot open is shown on the screens that need it.
    let db_path = location::data_dir(cli.data_dir.as_deref()).map(|dir| location::db_path(&dir));
    // The very first start: no database yet. Asked before opening, which creates it.
    let first_start = db_path.as_ref().is_ok_and(|path| !path.exists()) && cli.command.is_none();
    let store = db_path.and_then(|path| Store::open(&path));
    let mut app = App::new(options, content, Box::new(SystemClock), store);
    let plain = cli.plain || setup.loaded.settings.plain;
    app.configure(setup);
    if let Some(date) = conversation {
        return mestring::plain::checkin(app, date);
    }
    // The welcome is drawn; the plain mode's reader starts on I dag, which says where to begin.
    if first_start && !plain {
        app.start_welcome(cli::suggested_region(&cli));
    }
    if let Some(command) = &cli.command
        && let Err(message) = cli::open_app_at(&mut app, command)
    {
        eprintln!("{message}");
        return Ok(ExitCode::from(2));
    }
    if plain {
        mestring::plain::run(app)?
    } else {
        mestring::run::run(app)?
    }
    Ok(ExitCode::SUCCESS)
}
