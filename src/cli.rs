//! The command line: options for the TUI, and subcommands that run without it.

use clap::{Parser, ValueEnum};

use crate::content::RegionId;

#[derive(Debug, Parser)]
#[command(
    name = "mestring",
    version,
    about = "An offline, private companion for recovery from substance addiction",
    long_about = "mestring is an offline, private, keyboard-first companion for people recovering from \
                  substance addiction. It is not treatment and no substitute for professional help.\n\
                  In Norway: medical emergency 113, legevakt 116 117, Mental Helse 116 123."
)]
pub struct Cli {
    /// Interface language: nb (Norwegian bokmål, default) or en. Also MESTRING_LANG, or LANG.
    #[arg(long, env = "MESTRING_LANG", value_name = "LANG")]
    pub lang: Option<String>,

    /// Which help lines to show. Chosen by where you are, not by language.
    #[arg(long, value_enum, default_value_t = Region::Norway)]
    pub region: Region,

    /// Let the mouse click tabs and rows and scroll. Off by default so you can select and copy
    /// text, such as a phone number, with the mouse.
    #[arg(long)]
    pub mouse: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Region {
    Norway,
    #[value(name = "uk-ireland", alias = "uk", alias = "ie")]
    UkIreland,
    #[value(name = "us")]
    Us,
}

impl From<Region> for RegionId {
    fn from(region: Region) -> Self {
        match region {
            Region::Norway => RegionId::Norway,
            Region::UkIreland => RegionId::UkIreland,
            Region::Us => RegionId::Us,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
