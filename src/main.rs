//! Parses the command line, reads the settings, and runs the TUI or a subcommand.

use std::process::ExitCode;

use clap::Parser;
use mestring::app::App;
use mestring::cli::{self, Cli};
use mestring::clock::SystemClock;
use mestring::config;
use mestring::store::{Store, location};

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    let config_path = config::config_path(cli.config.as_deref());
    mestring::content::packs::set_dir(config_path.as_deref().map(config::pack_dir));
    let loaded = config_path.as_deref().map(config::load).unwrap_or_default();
    let mut problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    problems.extend(mestring::key_overrides::install(&loaded.settings.keys));
    let options = cli.options(&loaded.settings);
    // `breathe` opens the app itself; every other subcommand runs without it.
    if let Some(command) = cli.command.as_ref().filter(|c| !c.opens_app()) {
        for problem in &problems {
            eprintln!("mestring: {problem}");
        }
        return Ok(mestring::commands::run(&cli, command, options.lang, &SystemClock));
    }
    // Cheap: a few pragmas and the schema version. The full check and the backup come after
    // the first frame; a store that cannot open is shown on the screens that need it.
    let store =
        location::data_dir(cli.data_dir.as_deref()).and_then(|dir| Store::open(&location::db_path(&dir)));
    let mut app = App::new(options, Box::new(SystemClock), store);
    app.settings_problems(problems);
    app.checkin.set_configured_triggers(&loaded.settings.triggers);
    app.history.set_sunday_first(loaded.settings.week_start == config::WeekStart::Sunday);
    app.set_settings(config_path, &loaded);
    if let Some(command) = &cli.command
        && let Err(message) = cli::open_app_at(&mut app, command)
    {
        eprintln!("mestring: {message}");
        return Ok(ExitCode::from(2));
    }
    mestring::run::run(app)?;
    Ok(ExitCode::SUCCESS)
}
