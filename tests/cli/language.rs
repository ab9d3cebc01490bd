//! The command line speaks the language chosen: a language mestring does not have is a wrong
//! command line like any other, and `--help` and the errors are in `--lang`, `MESTRING_LANG`
//! or `LANG`.

use crate::support::cli::{mestring_in, stderr, stdout};

fn run(lang_env: &str, args: &[&str]) -> std::process::Output {
    let data = tempfile::tempdir().unwrap();
    mestring_in(lang_env, data.path(), args)
}

#[test]
fn a_language_mestring_does_not_have_exits_2_listing_the_languages() {
    for (env, said) in [
        ("en_GB.UTF-8", "error: \"de\" cannot be used for --lang; choose one of: nb, en"),
        ("nb_NO.UTF-8", "feil: «de» kan ikke brukes for --lang; velg en av: nb, en"),
    ] {
        let out = run(env, &["--lang", "de", "status"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
    }
    assert_eq!(
        run("en_GB.UTF-8", &["--lang", "nb_NO.UTF-8", "status"]).status.code(),
        Some(0),
        "a locale tag"
    );
}

#[test]
fn help_speaks_the_chosen_language() {
    let nb = stdout(&run("en_GB.UTF-8", &["--lang", "nb", "--help"]));
    for part in
        ["Bruk: mestring [VALG] [KOMMANDO]", "Kommandoer:", "Valg:", "Registrer eller endre en dags innsjekk"]
    {
        assert!(nb.contains(part), "{part:?} in:\n{nb}");
    }
    assert!(!nb.contains("Usage") && !nb.contains("Print help"), "{nb}");
    let checkin = stdout(&run("nb_NO.UTF-8", &["checkin", "--help"]));
    assert!(checkin.contains("Hvor sterkt suget var") && checkin.contains("Vis hjelpen"), "{checkin}");
    let en = stdout(&run("nb_NO.UTF-8", &["--lang", "en", "--help"]));
    assert!(en.contains("Usage: mestring [OPTIONS] [COMMAND]") && en.contains("Record or update"), "{en}");
}

#[test]
fn a_wrong_command_line_is_explained_in_the_chosen_language() {
    let out = run("nb_NO.UTF-8", &["checkin", "--moood", "3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("feil: ukjent valg «--moood»; mente du «--mood»?"), "{}", stderr(&out));
    assert!(stderr(&out).contains("Se «mestring --help»."), "{}", stderr(&out));
    let out = run("nb_NO.UTF-8", &["checkin", "--mood", "9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("feil: «9» kan ikke brukes for --mood"), "{}", stderr(&out));
    let out = run("nb_NO.UTF-8", &["--lang", "en", "chekin"]);
    assert!(
        stderr(&out).starts_with("error: unknown command \"chekin\"; did you mean \"checkin\"?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_command_that_asks_for_the_impossible_says_so_in_the_chosen_language() {
    let out = run("nb_NO.UTF-8", &["checkin", "--date", "2999-01-01", "--mood", "3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("feil: 2999-01-01 har ikke kommet ennå"), "{}", stderr(&out));
    let out = run("nb_NO.UTF-8", &["export", "--from", "2026-02-01", "--to", "2026-01-01"]);
    assert!(stderr(&out).starts_with("feil: --from 2026-02-01 er etter --to 2026-01-01"), "{}", stderr(&out));
    let out = run("en_GB.UTF-8", &["breathe", "--pattern", "juggling"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: no exercise is called \"juggling\"; choose one of: box"),
        "{}",
        stderr(&out)
    );
}
