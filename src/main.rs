//! Parses the command line, installs error reporting, and runs the TUI or a subcommand.

use std::process::ExitCode;

use mestring::app::{App, Options};
use mestring::cli::{self, Cli};
use mestring::clock::SystemClock;
use mestring::i18n::Lang;
use mestring::store::{Store, location};
use mestring::theme::Theme;

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse_args();
    let config = mestring::config::config_path(cli.config.as_deref());
    mestring::content::packs::set_dir(config.as_deref().map(mestring::config::pack_dir));
    let lang_env = std::env::var("LANG").ok();
    let options = Options {
        lang: Lang::resolve(cli.lang.as_deref(), lang_env.as_deref()),
        region: cli.region.into(),
        theme: Theme::from_env(std::env::var_os("NO_COLOR").as_deref()),
        mouse: cli.mouse,
        bell: cli.bell,
    };
    // `breathe` opens the app itself; every other subcommand runs without it.
    if let Some(command) = cli.command.as_ref().filter(|c| !c.opens_app()) {
        return Ok(mestring::commands::run(&cli, command, options.lang, &SystemClock));
    }
    // Cheap: a few pragmas and the schema version. The full check and the backup come after
    // the first frame; a store that cannot open is shown on the screens that need it.
    let store =
        location::data_dir(cli.data_dir.as_deref()).and_then(|dir| Store::open(&location::db_path(&dir)));
    let mut app = App::new(options, Box::new(SystemClock), store);
    if let Some(command) = &cli.command
        && let Err(message) = cli::open_app_at(&mut app, command)
    {
        eprintln!("mestring: {message}");
        return Ok(ExitCode::from(2));
    }
    mestring::run::run(app)?;
    Ok(ExitCode::SUCCESS)
}
