//! Parses the command line, installs error reporting, and runs the TUI.

use clap::Parser;
use mestring::app::{App, Options};
use mestring::cli::Cli;
use mestring::clock::SystemClock;
use mestring::i18n::Lang;
use mestring::theme::Theme;

fn main() -> color_eyre::Result<()> {
    color_eyre::install()?;
    let cli = Cli::parse();
    let lang_env = std::env::var("LANG").ok();
    let options = Options {
        lang: Lang::resolve(cli.lang.as_deref(), lang_env.as_deref()),
        region: cli.region.into(),
        theme: Theme::from_env(std::env::var_os("NO_COLOR").as_deref()),
        mouse: cli.mouse,
    };
    mestring::run::run(App::new(options, Box::new(SystemClock)))
}
