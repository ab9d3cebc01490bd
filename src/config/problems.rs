//! What can be wrong in the settings file, named in the interface's language with the place
//! in the file, so a person can find and fix it.

use crate::i18n::{Lang, SettingsText};

/// A setting that could not be used, with where it stands in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub kind: ProblemKind,
}

/// Which values a setting takes, for the message about a value it does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// One of these words, each written in quotes.
    OneOf(Vec<&'static str>),
    Bool,
    /// A list of short texts.
    Texts,
    /// Action names to their keys.
    KeyMap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Larger than this many KiB: not read.
    TooLarge(u64),
    /// A FIFO, a device or a directory: not read, so never waited on.
    NotAFile,
    /// The file could not be read; the system's words.
    Unreadable(String),
    /// No settings in brackets.
    NotSettings,
    /// An entry without a name or a `:`.
    NoName,
    /// The closing bracket is missing.
    Unclosed,
    /// RON cannot read the value of this setting.
    Unparsable(String),
    Unknown(String),
    Wrong {
        setting: String,
        expected: Expected,
    },
}

impl Problem {
    /// The whole message, in the interface's language.
    pub fn describe(&self, t: &SettingsText) -> String {
        let what = match &self.kind {
            ProblemKind::TooLarge(kib) => t.problem_too_large.replace("{kib}", &kib.to_string()),
            ProblemKind::NotAFile => t.problem_not_a_file.to_owned(),
            ProblemKind::Unreadable(error) => t.problem_unreadable.replace("{error}", error),
            ProblemKind::NotSettings => t.problem_not_settings.to_owned(),
            ProblemKind::NoName => t.problem_no_name.to_owned(),
            ProblemKind::Unclosed => t.problem_unclosed.to_owned(),
            ProblemKind::Unparsable(setting) => t.problem_unparsable.replace("{setting}", setting),
            ProblemKind::Unknown(setting) => t.problem_unknown.replace("{setting}", setting),
            ProblemKind::Wrong { setting, expected } => {
                let template = match expected {
                    Expected::OneOf(choices) => {
                        let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
                        &t.problem_one_of.replace("{choices}", &quoted.join(", "))
                    }
                    Expected::Bool => t.problem_bool,
                    Expected::Texts => t.problem_texts,
                    Expected::KeyMap => t.problem_keys,
                };
                template.replace("{setting}", setting)
            }
        };
        t.problem_at
            .replace("{file}", &self.file)
            .replace("{line}", &self.line.to_string())
            .replace("{column}", &self.column.to_string())
            .replace("{what}", &what)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&Lang::En.strings().settings))
    }
}

impl std::error::Error for Problem {}
