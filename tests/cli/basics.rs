//! The command line outside the TUI: help, version, and usage errors.

use std::process::Command;

fn mestring(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mestring")).args(args).env_remove("MESTRING_LANG").output().unwrap()
}

#[test]
fn version_prints_name_and_version() {
    let out = mestring(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("mestring {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_lists_the_options_and_says_it_is_not_treatment() {
    let out = mestring(&["--lang", "en", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for option in ["--lang", "--region", "--mouse"] {
        assert!(help.contains(option), "help mentions {option}:\n{help}");
    }
    assert!(help.contains("not treatment"));
}

#[test]
fn an_unknown_region_is_a_usage_error_on_stderr() {
    let out = mestring(&["--region", "mars"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("mars"));
}
