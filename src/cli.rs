//! The command line: options for the TUI, and subcommands that run without it. The help of
//! each command and option is in `i18n/cli.rs`, per language, and put in by `localized.rs`, so
//! `--help` and a wrong command line speak the language chosen; no help is written here.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::{App, Tab};
use crate::content::{Content, RegionId, exercises};
use crate::domain::breathing::Length;
use crate::domain::parse;
use crate::i18n::Lang;

mod localized;

pub use localized::{command, early_lang, parse};

#[derive(Debug, Parser)]
#[command(name = "mestring", version)]
pub struct Cli {
    #[arg(long, env = "MESTRING_LANG", value_name = "LANG", global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[arg(long, value_enum, global = true)]
    pub region: Option<Region>,

    #[arg(long)]
    pub mouse: bool,

    #[arg(long, env = "MESTRING_DATA_DIR", value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    #[arg(long, env = "MESTRING_CONFIG", value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    #[arg(long, global = true)]
    pub bell: bool,

    /// Plain mode, for screen readers and braille displays: lines that stay in the scrollback,
    /// no full screen, colour or animation; answer with a number or a word and Enter. Also
    /// MESTRING_PLAIN=1, or `plain: true` in the settings file.
    #[arg(long, env = "MESTRING_PLAIN", global = true, value_parser = clap::builder::FalseyValueParser::new())]
    pub plain: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The app's start-up choices. Precedence: a flag or `MESTRING_*` variable, then the
    /// settings file, then `LANG` / `NO_COLOR`, then the defaults. `NO_COLOR` always wins
    /// over a colour theme: it is the user saying this terminal must not get colour.
    pub fn options(&self, settings: &crate::config::Settings) -> crate::app::Options {
        use crate::i18n::Lang;
        let lang_env = std::env::var("LANG").ok();
        let lang = self.lang.or(settings.lang).unwrap_or_else(|| Lang::resolve(None, lang_env.as_deref()));
        crate::app::Options {
            lang,
            region: self.region(settings),
            theme: crate::theme::Theme::choose(settings.theme, std::env::var_os("NO_COLOR").as_deref()),
            mouse: self.mouse,
            bell: self.bell || settings.bell,
        }
    }
}

impl Cli {
    /// The region: the flag, else the settings file's, else Norway.
    pub fn region(&self, settings: &crate::config::Settings) -> RegionId {
        self.region.map(RegionId::from).or(settings.region).unwrap_or_default()
    }
}

/// The region the welcome suggests: the flag, else the locale's country, else Norway.
pub fn suggested_region(cli: &Cli) -> RegionId {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|l| !l.is_empty()));
    cli.region
        .map(RegionId::from)
        .or_else(|| locale.as_deref().and_then(region_from_locale))
        .unwrap_or_default()
}

/// The region a locale such as `en_GB.UTF-8` or `nb_NO` names, for the welcome to suggest.
pub fn region_from_locale(tag: &str) -> Option<RegionId> {
    let territory = tag.split(['.', '@']).next()?.split_once(['_', '-'])?.1.to_ascii_uppercase();
    match territory.as_str() {
        "NO" => Some(RegionId::Norway),
        "SE" => Some(RegionId::Sweden),
        "DK" => Some(RegionId::Denmark),
        "GB" | "IE" => Some(RegionId::UkIreland),
        "US" => Some(RegionId::Us),
        _ => None,
    }
}

/// The languages `--lang` takes, as a value's error: the message lists them in the language of
/// the rest of the command line's messages.
#[derive(Debug)]
pub struct Choices(pub String);

impl std::fmt::Display for Choices {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Choices {}

/// `--lang` (and `MESTRING_LANG`): nb or en, also as a locale tag (`nb_NO.UTF-8`, `nn`, `en_GB`);
/// anything else is a wrong command line, not a silent default.
fn parse_lang(text: &str) -> Result<Lang, Choices> {
    Lang::from_tag(text).ok_or_else(|| Choices(Lang::ALL.map(Lang::code).join(", ")))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Checkin(CheckinArgs),
    Status,
    Export(ExportArgs),
    Import {
        file: PathBuf,
        /// Where the file comes from: mestring (default), or daylio (its CSV export: mood 1-5,
        /// activities as what helped, note).
        #[arg(long, value_enum, default_value_t = ImportFrom::Mestring)]
        from: ImportFrom,
    },
    Urge(UrgeArgs),
    Review(ReviewArgs),
    Remind(RemindArgs),
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    Man,
    Faq(TextQuery),
    Techniques(TextQuery),
    HelpLines {
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    Doctor {
        #[arg(long, value_name = "DATE|FILE")]
        restore: Option<String>,
    },
    Breathe(BreatheArgs),
    /// Share your data with your other machines through a folder you already sync (Syncthing,
    /// Nextcloud, a USB stick), end-to-end encrypted. Without a subcommand: write this
    /// machine's new changes there and read the other machines'.
    Sync(SyncArgs),
}

impl Command {
    /// Subcommands that open the full-screen app (at some screen) instead of running without it.
    pub fn opens_app(&self) -> bool {
        matches!(self, Command::Breathe(_))
    }

    /// `checkin` with no value to record (a day may be given), in a terminal: the check-in is
    /// asked as a conversation instead, for the day given or today.
    pub fn checkin_conversation(&self) -> Option<Option<NaiveDate>> {
        use std::io::IsTerminal;
        let Command::Checkin(args) = self else { return None };
        let given = CheckinArgs { date: None, ..args.clone() };
        let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        (given == CheckinArgs::default() && terminal).then_some(args.date)
    }
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub action: Option<SyncAction>,
    /// Run this command to get the passphrase (its first line of output), e.g. `pass show
    /// mestring`. Otherwise MESTRING_PASSWORD_FILE, MESTRING_PASSWORD, or a prompt.
    #[arg(long, value_name = "COMMAND", global = true)]
    pub password_command: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SyncAction {
    /// Set this machine up with DIR: a new folder gets a new key (the passphrase is asked
    /// twice); a folder another machine set up is joined with its passphrase.
    Init {
        dir: PathBuf,
        /// Keep the unlocked key in the OS keyring, so syncing (and the app) need no passphrase.
        #[arg(long)]
        keyring: bool,
        /// Encrypt the daily backups with the sync key.
        #[arg(long)]
        encrypt_backups: bool,
        /// scrypt work factor (log2 N) for a new folder's key file. Default: about a second
        /// of work on this machine.
        #[arg(long, hide = true, value_parser = clap::value_parser!(u8).range(1..=22))]
        scrypt_work_factor: Option<u8>,
    },
    /// Show the folder, this machine's id, the other machines seen, the last sync and the key's
    /// fingerprint.
    Status,
}

#[derive(Debug, Args)]
pub struct BreatheArgs {
    #[arg(long, value_name = "ID")]
    pub pattern: Option<String>,
    #[arg(long, conflicts_with = "cycles", value_parser = clap::value_parser!(u16).range(1..=60))]
    pub minutes: Option<u16>,
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=300))]
    pub cycles: Option<u16>,
}

impl BreatheArgs {
    /// The session length asked for, if any.
    pub fn length(&self) -> Option<Length> {
        self.minutes.map(Length::Minutes).or(self.cycles.map(Length::Cycles))
    }
}

/// Puts the app where a subcommand that opens it asks: `breathe` opens the breathing screen,
/// and with `--pattern` a session that is already running. An unknown pattern is a usage error.
pub fn open_app_at(app: &mut App, command: &Command) -> Result<(), String> {
    let Command::Breathe(args) = command else { return Ok(()) };
    app.show(Tab::Breathe);
    match &args.pattern {
        Some(id) => app.start_exercise(id, args.length()).map_err(|e| {
            let lang = app.options().lang;
            let t = lang.strings().cli;
            let said = t
                .unknown_exercise
                .replace("{name}", &e.0)
                .replace("{choices}", &exercise_ids(app.content(), lang));
            format!("{}: {said}", t.error)
        }),
        None => Ok(()),
    }
}

/// The ids `breathe --pattern` accepts from content, for the message when one is unknown.
pub fn exercise_ids(content: &Content, lang: Lang) -> String {
    let breathing = exercises::breathing(content, lang).iter().map(|p| p.id.as_str());
    let guided = exercises::mindfulness(content, lang).iter().map(|m| m.id.as_str());
    breathing.chain(guided).collect::<Vec<_>>().join(", ")
}

/// Words to look for in content printed as text, for pipes and screen readers.
#[derive(Debug, Args)]
pub struct TextQuery {
    pub words: Vec<String>,
    #[arg(long, value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// Plain text, wrapped to the terminal (80 columns in a pipe).
    Text,
    /// Markdown.
    Md,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct CheckinArgs {
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub mood: Option<u8>,
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub craving: Option<u8>,
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub stress: Option<u8>,
    #[arg(long, value_name = "HOURS", value_parser = parse::sleep)]
    pub sleep: Option<u8>,
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub sleep_quality: Option<u8>,
    #[arg(long, value_enum)]
    pub used: Option<YesNo>,
    #[arg(long)]
    pub substance: Option<String>,
    #[arg(long)]
    pub amount: Option<String>,
    #[arg(long = "trigger", value_name = "TRIGGER")]
    pub triggers: Vec<String>,
    #[arg(long, value_enum, value_delimiter = ',')]
    pub halt: Vec<HaltPart>,
    #[arg(long = "helped", value_name = "WHAT")]
    pub helped: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long, value_parser = parse::date)]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HaltPart {
    Hungry,
    Angry,
    Lonely,
    Tired,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    #[arg(long, value_parser = parse::date)]
    pub from: Option<NaiveDate>,
    #[arg(long, value_parser = parse::date)]
    pub to: Option<NaiveDate>,
    /// Encrypt with the sync key (set up with `mestring sync init`), for a file to keep or
    /// carry elsewhere; `mestring import` reads it back with the passphrase.
    #[arg(long)]
    pub encrypt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFrom {
    Mestring,
    Daylio,
}

#[derive(Debug, Args)]
pub struct UrgeArgs {
    /// How strong, 0 (barely) to 10 (the strongest); with --outcome, how strong it is now.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub intensity: Option<u8>,
    /// What set it off: an id such as stress, loneliness, conflict, boredom, or your own words.
    #[arg(long, conflicts_with = "outcome")]
    pub trigger: Option<String>,
    /// A free note.
    #[arg(long, conflicts_with = "outcome")]
    pub note: Option<String>,
    /// How the last craving (of the last 24 hours) went.
    #[arg(long, value_enum)]
    pub outcome: Option<OutcomeArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutcomeArg {
    Passed,
    Used,
    StillThere,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The week, as an ISO week: 2026-W47. Default: this week.
    #[arg(long, value_name = "YYYY-Www", value_parser = parse_week)]
    pub week: Option<String>,
    #[arg(long, value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
}

fn parse_week(text: &str) -> Result<String, String> {
    match crate::domain::review::parse_week(text, false) {
        Some(monday) => Ok(crate::domain::review::week_label(monday)),
        None => Err(format!("{text:?} is not a week: write it as 2026-W47")),
    }
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Also send a desktop notification, where a desktop session is present.
    #[arg(long)]
    pub notify: bool,
    /// Remind every day at this time: a systemd user timer, or the crontab line to add.
    #[arg(long, value_name = "HH:MM", value_parser = parse::time_of_day, conflicts_with = "uninstall")]
    pub install: Option<chrono::NaiveTime>,
    /// Remove the daily reminder.
    #[arg(long)]
    pub uninstall: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Region {
    #[value(alias = "no")]
    Norway,
    #[value(alias = "se")]
    Sweden,
    #[value(alias = "dk")]
    Denmark,
    #[value(name = "uk-ireland", alias = "uk", alias = "ie")]
    UkIreland,
    #[value(name = "us")]
    Us,
}

impl From<Region> for RegionId {
    fn from(region: Region) -> Self {
        match region {
            Region::Norway => RegionId::Norway,
            Region::Sweden => RegionId::Sweden,
            Region::Denmark => RegionId::Denmark,
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

    #[test]
    fn the_welcome_suggests_the_region_of_the_locale() {
        use crate::content::RegionId;
        assert_eq!(super::region_from_locale("en_GB.UTF-8"), Some(RegionId::UkIreland));
        assert_eq!(super::region_from_locale("nb_NO.UTF-8"), Some(RegionId::Norway));
        assert_eq!(super::region_from_locale("en_US"), Some(RegionId::Us));
        assert_eq!(super::region_from_locale("sv_SE@euro"), Some(RegionId::Sweden));
        assert_eq!(super::region_from_locale("C.UTF-8"), None);
        assert_eq!(super::region_from_locale("de_DE"), None);
    }

    #[test]
    fn breathe_takes_a_pattern_and_a_length() {
        use clap::Parser;

        use super::{Cli, Command};
        use crate::domain::breathing::Length;
        let cli =
            Cli::try_parse_from(["mestring", "breathe", "--bell", "--pattern", "4-7-8", "--minutes", "3"])
                .unwrap();
        assert!(cli.bell);
        let Some(Command::Breathe(args)) = &cli.command else { panic!("breathe") };
        assert!(cli.command.as_ref().is_some_and(Command::opens_app));
        assert_eq!(args.pattern.as_deref(), Some("4-7-8"));
        assert_eq!(args.length(), Some(Length::Minutes(3)));
        assert!(Cli::try_parse_from(["mestring", "breathe", "--minutes", "3", "--cycles", "4"]).is_err());
        assert!(Cli::try_parse_from(["mestring", "breathe", "--minutes", "0"]).is_err());
        assert!(
            super::exercise_ids(&crate::content::Content::new(None), crate::i18n::Lang::En)
                .contains("urge-surfing")
        );
    }
}
