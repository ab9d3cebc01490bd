//! Content on the command line, for pipes and screen readers; completions; the manual page.

use std::process::Output;

/// Each run gets a data directory of its own, in Norwegian unless `--lang` says otherwise.
fn mestring(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    crate::support::cli::mestring_in("nb_NO.UTF-8", data.path(), args)
}

/// What a successful run printed; any other run fails the test.
fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn faq_with_words_prints_only_the_matches_wrapped_to_80_columns() {
    let text = stdout(&mestring(&["faq", "parorende"]));
    assert!(text.contains("pårørende"), "{text}");
    assert!(!text.contains("Hvor lang tid tar det"), "unrelated questions are left out");
    assert!(text.lines().filter(|l| !l.starts_with("Kilde:")).all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn faq_without_words_prints_all_questions_and_markdown_on_request() {
    let md = stdout(&mestring(&["--lang", "en", "faq", "--format", "md"]));
    assert_eq!(md.matches("\n## ").count() + usize::from(md.starts_with("## ")), 32);
}

#[test]
fn techniques_search_finds_by_word() {
    let text = stdout(&mestring(&["techniques", "mindfulness"]));
    assert!(text.contains("Mindfulness"), "{text}");
}

#[test]
fn help_lines_follow_the_region_not_the_language() {
    let no = stdout(&mestring(&["--lang", "en", "help-lines"]));
    assert!(no.contains("116 117") && no.contains("113"), "{no}");
    let us = stdout(&mestring(&["help-lines", "--region", "us"]));
    assert!(us.contains("988") && !us.contains("116 117"), "{us}");
}

#[test]
fn completions_for_each_shell_and_a_manual_page() {
    assert!(stdout(&mestring(&["completions", "bash"])).contains("_mestring"));
    assert!(stdout(&mestring(&["completions", "zsh"])).contains("#compdef mestring"));
    assert!(stdout(&mestring(&["completions", "fish"])).contains("complete -c mestring"));
    let man = stdout(&mestring(&["man"]));
    assert!(man.contains(".TH mestring 1") && man.contains("help\\-lines"), "{man}");
}

#[test]
fn usage_errors_go_to_stderr_with_status_2() {
    let out = mestring(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn faq_and_techniques_cite_articles_by_title_and_say_they_are_no_substitute() {
    for args in [
        &["faq"][..],
        &["techniques"],
        &["--lang", "en", "faq", "--format", "md"],
        &["techniques", "--format", "md"],
    ] {
        let text = stdout(&mestring(args)).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            !text.contains(".txt") && !text.contains("Ofte stilte spørsmål"),
            "{args:?}: a file name or heading"
        );
        let end = text.trim_end_matches('*');
        assert!(
            end.ends_with("erstatter ikke profesjonell hjelp.")
                || end.ends_with("no substitute for professional help."),
            "{args:?}: {text}"
        );
    }
    let md = stdout(&mestring(&["faq", "--format", "md"]));
    assert!(md.trim_end().ends_with("erstatter ikke profesjonell hjelp.*"), "{md}");
    assert!(md.contains("Kilde: «Motivasjon i rehabilitering"), "{md}");
}

#[test]
fn an_answer_with_the_articles_figure_has_the_caveat() {
    let text = stdout(&mestring(&["faq", "Hvor", "lang", "tid", "merker"]));
    assert!(text.contains("2–3 måneder"), "{text}");
    assert!(text.contains("Artiklene viser ikke til kilder"), "{text}");
}

#[test]
fn faq_words_match_whole_words_and_beginnings_best_first() {
    let text = stdout(&mestring(&["faq", "paror"]));
    let first = text.lines().next().unwrap_or_default();
    assert!(first.contains("pårørende"), "the best match first, not an unrelated question: {first}");
}

#[test]
fn a_search_without_matches_says_so_and_exits_1() {
    for args in [&["faq", "xyzq"][..], &["techniques", "xyzq"], &["--lang", "en", "faq", "xyzq"]] {
        let out = mestring(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        let said = if args.contains(&"en") { "No matches for \"xyzq\"" } else { "Ingen treff på «xyzq»" };
        assert!(err.contains(said), "{args:?}: {err}");
    }
}
