//! Runs the real `mestring` binary as a plain command (no terminal) on a data directory the
//! test owns, and reads what it printed. The settings file is looked for inside that directory,
//! so a developer's own settings never change what a test sees.

use std::path::Path;
use std::process::{Command, ExitCode, Output};

use clap::Parser;
use mestring::cli::Cli;
use mestring::clock::Clock;
use mestring::i18n::Lang;

/// `mestring args` in English (`LANG`, with no `MESTRING_LANG` to override it).
pub fn mestring(data: &Path, args: &[&str]) -> Output {
    mestring_in("en_GB.UTF-8", data, args)
}

/// `mestring args` with `LANG` set to `lang` and no `MESTRING_LANG` to override it.
pub fn mestring_in(lang: &str, data: &Path, args: &[&str]) -> Output {
    command(lang, data, args).output().expect("run mestring")
}

/// The command `mestring_in` runs, for a test that adds to it (environment, spawning, killing).
/// No passphrase variable leaks in from the developer's shell.
pub fn command(lang: &str, data: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mestring"));
    command
        .args(args)
        .env("MESTRING_DATA_DIR", data)
        .env("MESTRING_CONFIG", data.join("config.ron"))
        .env("LANG", lang)
        .env_remove("MESTRING_LANG")
        .env_remove("MESTRING_PASSWORD")
        .env_remove("MESTRING_PASSWORD_FILE");
    command
}

/// `mestring --data-dir DATA args` in English, run in this process with a clock the test keeps
/// (the binary would read the system's).
pub fn run_with_clock(data: &Path, args: &[&str], clock: &dyn Clock) -> ExitCode {
    let dir = data.to_str().unwrap();
    let cli = Cli::parse_from(["mestring", "--data-dir", dir].iter().chain(args));
    mestring::commands::run(&cli, cli.command.as_ref().unwrap(), super::app::content(), Lang::En, clock)
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes `export` (what `mestring export --format json` printed) to a file in `root` and
/// imports that file twice into a new data directory there; returns what each import printed.
pub fn import_twice_into_new_dir(root: &Path, export: &[u8]) -> (String, String) {
    let file = root.join("export.json");
    std::fs::write(&file, export).expect("write the export");
    let other = root.join("other");
    let import = || stdout(&mestring(&other, &["import", file.to_str().unwrap()]));
    (import(), import())
}

/// All that `data` holds, as `mestring export --format json` writes it; fails the test if the
/// export fails.
pub fn exported_json(data: &Path) -> serde_json::Value {
    let out = mestring(data, &["export", "--format", "json"]);
    assert!(out.status.success(), "export failed: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("the export is JSON")
}
