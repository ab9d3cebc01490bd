use super::*;

#[test]
fn packs_sit_beside_the_settings_file() {
    let config = config_path(Some(Path::new("/srv/clinic/mestring.ron"))).unwrap();
    assert_eq!(pack_dir(&config), PathBuf::from("/srv/clinic/content"));
    assert_eq!(pack_dir(Path::new("config.ron")), PathBuf::from("content"));
}

#[test]
fn a_full_file_is_read() {
    let text = r#"(
        lang: "en",
        theme: "light",
        bell: true,
        plain: true,
        week_start: "sunday",
        triggers: ["payday", "work"],
        keys: {"quit": ["ctrl-q"]},
    )"#;
    let loaded = parse("c.ron", text);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(loaded.writable);
    let s = loaded.settings;
    assert_eq!(s.lang, Some(Lang::En));
    assert_eq!(s.theme, ThemeName::Light);
    assert!(s.bell);
    assert!(s.plain);
    assert_eq!(s.week_start, WeekStart::Sunday);
    assert_eq!(s.triggers, ["payday", "work"]);
    assert_eq!(s.keys["quit"], ["ctrl-q"]);
}

#[test]
fn a_broken_setting_is_named_with_its_line_and_the_others_still_apply() {
    let text = "(\n    theme: \"purple\",\n    bell: true,\n    colour: 3,\n)";
    let loaded = parse("c.ron", text);
    assert_eq!(loaded.settings.theme, ThemeName::Dark, "default for the broken one");
    assert!(loaded.settings.bell, "the good one applies");
    let messages: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(messages.iter().any(|m| m.starts_with("c.ron, line 2, column 5: theme:")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.starts_with("c.ron, line 4, column 5: colour: unknown")),
        "{messages:?}"
    );
    assert!(!loaded.writable, "a file with problems is not written over");
}

#[test]
fn a_value_ron_cannot_read_costs_that_setting_alone_and_is_placed_on_its_own_line() {
    // The default file names `lang` in a comment first: the problem is the real entry's line.
    let text = "// lang: \"nb\" is in a comment\n(\n    lang: \"en\",\n    bell: yes please,\n    theme: \"light\",\n)";
    let loaded = parse("c.ron", text);
    assert_eq!(loaded.settings.lang, Some(Lang::En));
    assert_eq!(loaded.settings.theme, ThemeName::Light);
    let places: Vec<(usize, usize, &ProblemKind)> =
        loaded.problems.iter().map(|p| (p.line, p.column, &p.kind)).collect();
    assert_eq!(places, [(4, 5, &ProblemKind::Unparsable("bell".into()))]);
    assert!(!loaded.writable);
    let nb = loaded.problems[0].describe(&Lang::Nb.strings().settings);
    assert!(nb.starts_with("c.ron, linje 4, kolonne 5: bell: verdien kan ikke leses"), "{nb}");
}

#[test]
fn garbage_truncated_wrong_type_and_deep_input_give_a_message_never_a_panic() {
    let deep = format!("(keys: {}{})", "[".repeat(10_000), "]".repeat(10_000));
    for text in [
        "",
        "(",
        "(theme: \"dark\"",
        "\u{0}\u{1}\u{2}",
        "42",
        "[1, 2]",
        "(bell: \"yes\")",
        "(triggers: [1])",
        &deep,
    ] {
        let loaded = parse("c.ron", text);
        assert!(!loaded.problems.is_empty(), "{text:.20?} has a problem");
        assert_eq!(loaded.settings, Settings { bell: loaded.settings.bell, ..Settings::default() });
    }
}

#[test]
fn what_is_written_reads_back_the_same() {
    let mut keys = BTreeMap::new();
    keys.insert("crisis".to_owned(), vec!["!".to_owned(), "F2".to_owned()]);
    let settings = Settings {
        lang: Some(Lang::Nb),
        region: Some(crate::content::RegionId::UkIreland),
        theme: ThemeName::Mono,
        bell: true,
        plain: true,
        week_start: WeekStart::Sunday,
        triggers: vec!["lønning".into(), "\"sitat\"".into()],
        keys,
    };
    let loaded = parse("c.ron", &render(&settings));
    assert!(loaded.problems.is_empty(), "{:?}\n{}", loaded.problems, render(&settings));
    assert_eq!(loaded.settings, settings);
    let defaults = parse("c.ron", &render(&Settings::default()));
    assert!(defaults.problems.is_empty(), "{:?}", defaults.problems);
    assert_eq!(defaults.settings, Settings::default());
}

#[test]
fn saving_is_atomic_private_and_a_missing_file_means_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join(CONFIG_FILE);
    let missing = load(&path);
    assert!(missing.problems.is_empty() && missing.writable);
    let settings = Settings { bell: true, ..Settings::default() };
    save(&path, &settings).unwrap();
    assert_eq!(load(&path).settings, settings);
    let names: Vec<_> =
        std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, [CONFIG_FILE], "no temporary file is left behind");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn a_huge_file_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(CONFIG_FILE);
    std::fs::write(&path, vec![b' '; (MAX_CONFIG_BYTES + 1) as usize]).unwrap();
    let loaded = load(&path);
    assert!(!loaded.writable);
    assert_eq!(loaded.problems[0].kind, ProblemKind::TooLarge(MAX_CONFIG_BYTES >> 10));
    assert!(loaded.problems[0].to_string().contains("not read"));
}

#[test]
fn the_written_file_reads_well() {
    insta::assert_snapshot!(render(&Settings { triggers: vec!["lønning".into()], ..Settings::default() }));
}

#[test]
fn a_new_settings_directory_is_private_and_a_planted_link_is_never_written_through() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("config/mestring");
    let path = dir.join(CONFIG_FILE);
    let victim = root.path().join("bashrc");
    std::fs::write(&victim, "keep me").unwrap();
    // Links at the names a temporary file used to have, and at the file itself.
    std::fs::create_dir_all(&dir).unwrap();
    for name in [format!(".{CONFIG_FILE}.tmp"), format!(".{CONFIG_FILE}.tmp-{}", std::process::id())] {
        symlink(&victim, dir.join(name)).unwrap();
    }
    symlink(&victim, &path).unwrap();
    save(&path, &Settings::default()).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(load(&path).problems.is_empty());
    assert_eq!(std::fs::symlink_metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);

    let fresh = root.path().join("new/deeper/mestring");
    save(&fresh.join(CONFIG_FILE), &Settings::default()).unwrap();
    for made in [root.path().join("new"), root.path().join("new/deeper"), fresh] {
        let mode = std::fs::metadata(&made).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", made.display());
    }
}

#[test]
fn a_fifo_or_a_device_is_named_and_never_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join(CONFIG_FILE);
    crate::files::make_fifo(&fifo);
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for path in [fifo, zero] {
        let loaded = load(&path);
        assert!(!loaded.writable, "{}", path.display());
        assert!(loaded.problems[0].kind == ProblemKind::NotAFile, "{:?}", loaded.problems);
    }
}
