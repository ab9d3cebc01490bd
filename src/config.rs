//! The user's settings in `config.ron`, and where it (and the content packs beside it) live.
//!
//! The file is meant to be edited by hand too, so values are plain: strings, booleans, lists.
//! Reading is forgiving per setting: the file is split into its entries first (`entries.rs`), so
//! a value that cannot be read, a wrong value or an unknown setting costs that setting alone; it
//! is named with file, line and column in the interface's language (`problems.rs`), its default
//! is used, and the others still apply. A file with any problem is never
//! written over; the settings screen says so instead. Writing is atomic (a temporary file in
//! the same directory, synced, then renamed), mode 0600.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;
use ron::Value;

use crate::content::RegionId;
use crate::i18n::Lang;

mod entries;
mod problems;

pub use problems::{Expected, Problem, ProblemKind};

pub const CONFIG_FILE: &str = "config.ron";
/// A settings file larger than this was not written by a person; it is not read.
pub const MAX_CONFIG_BYTES: u64 = 256 * 1024;

/// The settings file: `--config` / `MESTRING_CONFIG`, else the XDG config dir (also on macOS).
/// `None` when no home directory can be found.
pub fn config_path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_owned());
    }
    let xdg = etcetera::base_strategy::Xdg::new().ok()?;
    Some(xdg.config_dir().join("mestring").join(CONFIG_FILE))
}

/// `content/` beside the settings file.
pub fn pack_dir(config_path: &Path) -> PathBuf {
    config_path.parent().unwrap_or(Path::new(".")).join("content")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// `None`: from `--lang`, `MESTRING_LANG` or `LANG`.
    pub lang: Option<Lang>,
    /// Which help lines and currency; `None`: from `--region`, else Norway. The welcome on the
    /// first start sets it.
    pub region: Option<RegionId>,
    pub theme: ThemeName,
    /// A terminal bell on each breathing phase change: the only cue that works with eyes closed.
    pub bell: bool,
    pub week_start: WeekStart,
    /// Start in the plain mode: lines for a screen reader instead of the full screen.
    pub plain: bool,
    /// The user's own triggers, offered in the check-in beside the built-in ones.
    pub triggers: Vec<String>,
    /// Action name (as in the help overlay's table, e.g. "quit") to its keys ("q", "ctrl-q").
    pub keys: BTreeMap<String, Vec<String>>,
}

/// Settings as read, with what was wrong. `writable` is false when writing would lose
/// something the user wrote (a problem in the file, or a file that could not be read).
#[derive(Debug, Default)]
pub struct Loaded {
    pub settings: Settings,
    pub problems: Vec<Problem>,
    pub writable: bool,
}

pub fn load(path: &Path) -> Loaded {
    let file = path.display().to_string();
    match crate::files::read_regular(path, MAX_CONFIG_BYTES) {
        Ok(text) => parse(&file, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Loaded { writable: true, ..Loaded::default() },
        // A FIFO, a device, a huge file: named, never waited on, never written over.
        Err(e) => {
            let kind = match e.kind() {
                std::io::ErrorKind::FileTooLarge => ProblemKind::TooLarge(MAX_CONFIG_BYTES >> 10),
                std::io::ErrorKind::InvalidInput => ProblemKind::NotAFile,
                _ => ProblemKind::Unreadable(e.to_string()),
            };
            let problem = Problem { file, line: 1, column: 1, kind };
            Loaded { problems: vec![problem], ..Loaded::default() }
        }
    }
}

pub fn parse(file: &str, text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let mut report = |line, column, kind| {
        loaded.problems.push(Problem { file: file.to_owned(), line, column, kind });
    };
    let Some(split) = entries::split(text) else {
        report(1, 1, ProblemKind::NotSettings);
        return loaded;
    };
    for (line, column) in &split.broken {
        report(*line, *column, ProblemKind::NoName);
    }
    if let Some((line, column)) = split.unclosed {
        report(line, column, ProblemKind::Unclosed);
    }
    let s = &mut loaded.settings;
    for entry in &split.entries {
        let name = entry.name.as_str();
        let Ok(value) = ron::from_str::<Value>(entry.value) else {
            report(entry.line, entry.column, ProblemKind::Unparsable(name.to_owned()));
            continue;
        };
        let result = match name {
            "lang" => one_of(&value, &[("nb", Lang::Nb), ("en", Lang::En)]).map(|l| s.lang = Some(l)),
            "region" => one_of(&value, REGIONS).map(|r| s.region = Some(r)),
            "theme" => one_of(
                &value,
                &[("dark", ThemeName::Dark), ("light", ThemeName::Light), ("mono", ThemeName::Mono)],
            )
            .map(|t| s.theme = t),
            "bell" => match value {
                Value::Bool(b) => {
                    s.bell = b;
                    Ok(())
                }
                _ => Err(Expected::Bool),
            },
            "plain" => match value {
                Value::Bool(b) => {
                    s.plain = b;
                    Ok(())
                }
                _ => Err(Expected::Bool),
            },
            "week_start" => one_of(&value, &[("monday", WeekStart::Monday), ("sunday", WeekStart::Sunday)])
                .map(|w| s.week_start = w),
            "triggers" => strings(&value).map(|t| s.triggers = t),
            "keys" => keys(&value).map(|k| s.keys = k),
            _ => {
                report(entry.line, entry.column, ProblemKind::Unknown(name.to_owned()));
                continue;
            }
        };
        if let Err(expected) = result {
            report(entry.line, entry.column, ProblemKind::Wrong { setting: name.to_owned(), expected });
        }
    }
    loaded.writable = loaded.problems.is_empty();
    loaded
}

/// The names `region` takes, as `--region` does.
pub const REGIONS: &[(&str, RegionId)] = &[
    ("norway", RegionId::Norway),
    ("sweden", RegionId::Sweden),
    ("denmark", RegionId::Denmark),
    ("uk-ireland", RegionId::UkIreland),
    ("us", RegionId::Us),
];

fn one_of<T: Copy>(value: &Value, choices: &[(&'static str, T)]) -> Result<T, Expected> {
    let wanted = || Expected::OneOf(choices.iter().map(|(n, _)| *n).collect());
    match value {
        Value::String(s) => {
            choices.iter().find(|(n, _)| n.eq_ignore_ascii_case(s.trim())).map(|(_, v)| *v).ok_or_else(wanted)
        }
        _ => Err(wanted()),
    }
}

fn strings(value: &Value) -> Result<Vec<String>, Expected> {
    let Value::Seq(items) = value else { return Err(Expected::Texts) };
    items
        .iter()
        .map(|v| match v {
            Value::String(s) if !s.trim().is_empty() && s.chars().count() <= 40 => Ok(s.trim().to_owned()),
            _ => Err(Expected::Texts),
        })
        .collect()
}

fn keys(value: &Value) -> Result<BTreeMap<String, Vec<String>>, Expected> {
    let Value::Map(map) = value else { return Err(Expected::KeyMap) };
    map.iter()
        .map(|(k, v)| match k {
            Value::String(action) => Ok((action.clone(), strings(v).map_err(|_| Expected::KeyMap)?)),
            _ => Err(Expected::KeyMap),
        })
        .collect()
}

/// The file as mestring writes it: every setting, with a line on what it does.
pub fn render(s: &Settings) -> String {
    let quote = |t: &str| format!("{t:?}");
    let list =
        |items: &[String]| format!("[{}]", items.iter().map(|t| quote(t)).collect::<Vec<_>>().join(", "));
    let lang = match s.lang {
        Some(l) => format!("lang: {},\n", quote(l.code())),
        None => "// lang: \"nb\", // or \"en\"; unset: from --lang, MESTRING_LANG or LANG\n".to_owned(),
    };
    let region = match REGIONS.iter().find(|(_, r)| Some(*r) == s.region) {
        Some((name, _)) => format!("    region: {}, // help lines and currency\n", quote(name)),
        None => String::new(),
    };
    let theme = match s.theme {
        ThemeName::Dark => "dark",
        ThemeName::Light => "light",
        ThemeName::Mono => "mono",
    };
    let week = match s.week_start {
        WeekStart::Monday => "monday",
        WeekStart::Sunday => "sunday",
    };
    let keys: Vec<String> = s.keys.iter().map(|(a, k)| format!("    {}: {},", quote(a), list(k))).collect();
    format!(
        "// mestring settings. The app writes this file when you change a setting on the\n\
         // Innstillinger/Settings screen; you may edit it by hand too.\n\
         (\n    {lang}{region}    theme: {}, // \"dark\", \"light\" or \"mono\"\n    bell: {}, // a bell on each breathing phase\n    \
         plain: {}, // lines for a screen reader instead of the full screen\n    \
         week_start: {}, // \"monday\" or \"sunday\"\n    triggers: {}, // your own triggers for the check-in\n    \
         keys: {{ // e.g. \"quit\": [\"q\", \"ctrl-q\"]\n{}{}    }},\n)\n",
        quote(theme),
        s.bell,
        s.plain,
        quote(week),
        list(&s.triggers),
        keys.join("\n"),
        if keys.is_empty() { "" } else { "\n" },
    )
}

/// Writes the settings atomically: a reader sees the old file or the new one, never half. The
/// directory is made 0700 and the file 0600, and no link planted beside it is followed.
pub fn save(path: &Path, settings: &Settings) -> std::io::Result<()> {
    crate::files::replace_private(path, render(settings).as_bytes())
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
