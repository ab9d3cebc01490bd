//! The command line in the language chosen: the help of every command and option from
//! `i18n/cli.rs`, the help's headings, and the messages of a wrong command line, which clap
//! would otherwise write in English. The language comes from `--lang`, `MESTRING_LANG` or
//! `LANG`, read before the command line is parsed (the settings file is read after).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};

use super::{Choices, Cli};
use crate::i18n::{CliText, Lang};

/// The language for the command line's own messages, from the arguments or the environment.
pub fn early_lang(args: &[OsString], mestring_lang: Option<&str>, lang_env: Option<&str>) -> Lang {
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        a.strip_prefix("--lang=").or_else(|| (a == "--lang").then(|| args.get(i + 1)?.to_str()).flatten())
    });
    flag.and_then(Lang::from_tag)
        .or_else(|| mestring_lang.and_then(Lang::from_tag))
        .unwrap_or_else(|| Lang::resolve(None, lang_env))
}

/// The command line definition with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let t = lang.strings().cli;
    let mut cmd = Cli::command()
        .about(t.about)
        .long_about(t.long_about)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .override_usage(format!("mestring [{}] [{}]", t.options_placeholder, t.command_placeholder))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .help(t.help_flag)
                .help_heading(t.options),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t.version_flag)
                .help_heading(t.options),
        );
    for (path, text) in t.items {
        cmd = match path.split_once('.') {
            Some(("", arg)) => cmd.mut_arg(arg, |a| localized_arg(a, text, t)),
            Some((sub, arg)) => cmd.mut_subcommand(sub, |c| c.mut_arg(arg, |a| localized_arg(a, text, t))),
            None => cmd.mut_subcommand(path, |c| c.about(*text)),
        };
    }
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |c| {
            let usage = subcommand_usage(&c, t);
            headings(c, t).override_usage(usage)
        });
    }
    let mut cmd = headings(cmd, t);
    cmd.build();
    cmd.mut_subcommand("help", |c| c.about(t.help_command))
}

fn localized_arg(arg: Arg, text: &'static str, t: &CliText) -> Arg {
    let heading = if arg.is_positional() { t.arguments } else { t.options };
    let arg = arg.help(text).help_heading(heading).hide_env(true);
    // The values and the default are in the text, in its language.
    if arg.get_action().takes_values() {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// "mestring faq [VALG] [WORDS]...": the usage line with the options' word in the language.
fn subcommand_usage(cmd: &clap::Command, t: &CliText) -> String {
    let mut usage = format!("mestring {} [{}]", cmd.get_name(), t.options_placeholder);
    for arg in cmd.get_arguments().filter(|a| a.is_positional()) {
        let name =
            arg.get_value_names().and_then(|n| n.first()).map_or(arg.get_id().as_str(), |n| n.as_str());
        let name = name.to_uppercase();
        let many = matches!(arg.get_action(), ArgAction::Append);
        usage.push_str(&match (arg.is_required_set(), many) {
            (true, _) => format!(" <{name}>"),
            (false, true) => format!(" [{name}]..."),
            (false, false) => format!(" [{name}]"),
        });
    }
    usage
}

fn headings(cmd: clap::Command, t: &CliText) -> clap::Command {
    cmd.subcommand_help_heading(t.commands)
        .help_template(format!("{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}", t.usage))
}

/// Parses `args` (the program's name first). `Err` is the exit status after help or the
/// version was printed, or after a wrong command line was explained in `lang`.
pub fn parse(lang: Lang, args: Vec<OsString>) -> Result<Cli, u8> {
    let parsed = command(lang).try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            0
        }
        _ => {
            let t = lang.strings().cli;
            eprintln!("{}: {}\n\n{}", t.error, message(&e, t), t.see_help);
            2
        }
    })
}

/// A wrong command line, said in `t`'s language.
fn message(e: &clap::Error, t: &CliText) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let arg = arg.split_whitespace().next().unwrap_or_default().to_owned();
    let fill =
        |template: &str| template.replace("{arg}", &arg).replace("{value}", &text(ContextKind::InvalidValue));
    let suggested = |said: String, kind| match text(kind) {
        s if s.is_empty() => said,
        s => format!("{said}; {}", t.did_you_mean.replace("{suggestion}", &s)),
    };
    let source = std::error::Error::source(e);
    match e.kind() {
        ErrorKind::InvalidValue => fill(t.invalid_value).replace("{choices}", &text(ContextKind::ValidValue)),
        ErrorKind::ValueValidation => match source {
            Some(choices) if choices.is::<Choices>() => {
                fill(t.invalid_value).replace("{choices}", &choices.to_string())
            }
            Some(detail) => fill(t.invalid_value_because).replace("{detail}", &detail.to_string()),
            None => fill(t.invalid_value_because).replace("{detail}", ""),
        },
        ErrorKind::UnknownArgument => suggested(fill(t.unknown_argument), ContextKind::SuggestedArg),
        ErrorKind::InvalidSubcommand => suggested(
            t.unknown_command.replace("{command}", &text(ContextKind::InvalidSubcommand)),
            ContextKind::SuggestedSubcommand,
        ),
        ErrorKind::MissingRequiredArgument => t.missing.replace("{args}", &text(ContextKind::InvalidArg)),
        ErrorKind::ArgumentConflict => fill(t.conflict).replace("{other}", &text(ContextKind::PriorArg)),
        _ => {
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            t.other_error.replace("{detail}", first.trim_start_matches("error: "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_its_help_in_every_language() {
        for lang in Lang::ALL {
            let mut cmd = command(lang);
            cmd.build();
            let t = lang.strings().cli;
            let named: Vec<&str> = t.items.iter().map(|(path, _)| *path).collect();
            let mut seen = Vec::new();
            for arg in cmd.get_arguments().filter(|a| !["help", "version"].contains(&a.get_id().as_str())) {
                seen.push(format!(".{}", arg.get_id()));
            }
            for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
                seen.push(sub.get_name().to_owned());
                for arg in sub.get_arguments().filter(|a| !a.is_global_set() && a.get_id() != "help") {
                    seen.push(format!("{}.{}", sub.get_name(), arg.get_id()));
                }
            }
            let mut sorted = named.clone();
            sorted.sort_unstable();
            seen.sort_unstable();
            assert_eq!(sorted, seen, "{lang:?}: one text for each, no more");
        }
        let paths = |lang: Lang| lang.strings().cli.items.iter().map(|(p, _)| *p).collect::<Vec<_>>();
        assert_eq!(paths(Lang::Nb), paths(Lang::En), "the same items in the same order");
    }

    #[test]
    fn the_language_is_read_before_the_command_line_is_parsed() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(early_lang(&args(&["mestring", "--lang", "en", "faq"]), None, Some("nb_NO")), Lang::En);
        assert_eq!(early_lang(&args(&["mestring", "--lang=nb"]), Some("en"), None), Lang::Nb);
        assert_eq!(early_lang(&args(&["mestring", "--lang", "de"]), None, Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(early_lang(&args(&["mestring"]), Some("en"), Some("nb_NO")), Lang::En);
        assert_eq!(early_lang(&args(&["mestring"]), None, None), Lang::Nb);
    }
}
