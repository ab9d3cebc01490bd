//! The command line's help and error messages, per language: `mestring --help` and a wrong
//! command line speak the language chosen by `--lang`, `MESTRING_LANG` or `LANG`.

#[cfg_attr(test, derive(serde::Serialize))]
pub struct CliText {
    pub about: &'static str,
    pub long_about: &'static str,
    /// Before the usage line.
    pub usage: &'static str,
    /// In the usage line: where options and a command go.
    pub options_placeholder: &'static str,
    pub command_placeholder: &'static str,
    /// Headings of the help's parts.
    pub options: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    /// The `-h`/`--help` and `-V`/`--version` flags, and the `help` command.
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    pub help_command: &'static str,
    /// A wrong command line, each after `error`: "{value}" typed for "{arg}", "{choices}".
    pub error: &'static str,
    pub invalid_value: &'static str,
    pub invalid_value_because: &'static str,
    pub unknown_argument: &'static str,
    pub did_you_mean: &'static str,
    pub unknown_command: &'static str,
    pub missing: &'static str,
    pub conflict: &'static str,
    pub other_error: &'static str,
    pub see_help: &'static str,
    /// A command line that parsed but asks for something impossible: "{date}", "{path}",
    /// "{from}" and "{to}", "{name}" and "{choices}".
    pub not_yet: &'static str,
    pub needs_mood: &'static str,
    pub no_backup: &'static str,
    pub not_a_file: &'static str,
    pub from_after_to: &'static str,
    pub unknown_exercise: &'static str,
    /// The help of each command ("checkin") and option ("checkin.mood", or ".lang" for the
    /// options every command takes), in the order of `cli.rs`.
    pub items: &'static [(&'static str, &'static str)],
}

pub const NB: CliText = CliText {
    about: "En privat følgesvenn uten nett for deg som er på vei ut av rusavhengighet",
    long_about: "mestring er en privat følgesvenn i terminalen, uten nett og uten sporing, for deg som er på vei \
                 ut av rusavhengighet. Den er ikke behandling og erstatter ikke profesjonell hjelp.\n\
                 I Norge: medisinsk nødhjelp 113, legevakt 116 117, Mental Helses hjelpetelefon 116 123.",
    usage: "Bruk:",
    options_placeholder: "VALG",
    command_placeholder: "KOMMANDO",
    options: "Valg",
    commands: "Kommandoer",
    arguments: "Argumenter",
    help_flag: "Vis hjelpen",
    version_flag: "Vis versjonen",
    help_command: "Vis hjelpen, eller hjelpen til en kommando",
    error: "feil",
    invalid_value: "«{value}» kan ikke brukes for {arg}; velg en av: {choices}",
    invalid_value_because: "«{value}» kan ikke brukes for {arg} ({detail})",
    unknown_argument: "ukjent valg «{arg}»",
    did_you_mean: "mente du «{suggestion}»?",
    unknown_command: "ukjent kommando «{command}»",
    missing: "dette mangler: {args}",
    conflict: "{arg} kan ikke brukes sammen med {other}",
    other_error: "kommandolinjen kan ikke brukes ({detail})",
    see_help: "Se «mestring --help».",
    not_yet: "{date} har ikke kommet ennå; en innsjekk er for i dag eller en tidligere dag",
    needs_mood: "{date} har ingen innsjekk ennå: gi minst --mood 1-5",
    no_backup: "det finnes ingen sikkerhetskopi fra {date}; «mestring doctor» viser dem",
    not_a_file: "{path} er ingen fil",
    from_after_to: "--from {from} er etter --to {to}",
    unknown_exercise: "ingen øvelse heter «{name}»; velg en av: {choices}",
    items: &[
        (".lang", "Språket: nb (norsk bokmål, standard) eller en (engelsk). Også MESTRING_LANG, eller LANG."),
        (
            ".region",
            "Hvilke hjelpetelefoner (og hvilken valuta) som vises: norway, sweden, denmark, uk-ireland eller us. \
             Velges etter hvor du er, ikke etter språk. Standard: innstillingsfilens region, ellers norway.",
        ),
        (
            ".mouse",
            "La musen klikke på faner og rader og rulle. Av som standard, så du kan markere og kopiere tekst, \
             som et telefonnummer, med musen.",
        ),
        (
            ".data_dir",
            "Hvor dataene dine ligger (lages med tilgang 0700). Standard: $XDG_DATA_HOME/mestring, vanligvis \
             ~/.local/share/mestring, også på macOS. Også MESTRING_DATA_DIR.",
        ),
        (
            ".config",
            "Innstillingsfilen. Standard: $XDG_CONFIG_HOME/mestring/config.ron, vanligvis \
             ~/.config/mestring/config.ron. Innholdspakker leses fra content/ ved siden av. Også MESTRING_CONFIG.",
        ),
        (".bell", "Ring med terminalens bjelle ved hver ny pustefase, så du kan følge med lukkede øyne."),
        (
            ".plain",
            "Enkel modus, for skjermlesere og leselister: linjer som blir stående i terminalen, uten fullskjerm, \
             farger eller animasjon; svar med et tall eller et ord og Enter. Også MESTRING_PLAIN=1, eller \
             `plain: true` i innstillingsfilen.",
        ),
        ("checkin", "Registrer eller endre en dags innsjekk uten å åpne appen (for cron og vaner i skallet)"),
        (
            "checkin.mood",
            "Hvordan dagen er: 1 veldig tung, 2 tung, 3 helt ok, 4 bra, 5 veldig bra. Trengs for en ny dag.",
        ),
        ("checkin.craving", "Hvor sterkt suget var, 0 (ikke noe) til 10 (sterkest)."),
        ("checkin.stress", "Stress, 0 (ikke noe) til 10 (mest)."),
        ("checkin.sleep", "Timer søvn, i halvtimer: 7 eller 7,5."),
        ("checkin.sleep_quality", "Hvor godt du sov, 1 (dårlig) til 5 (veldig godt)."),
        ("checkin.used", "Om du brukte i dag: yes eller no. yes registrerer en sprekk, uten å dømme."),
        ("checkin.substance", "Hva du brukte (betyr --used yes)."),
        ("checkin.amount", "Hvor mye (betyr --used yes)."),
        (
            "checkin.triggers",
            "En trigger: en id som stress, loneliness, conflict, boredom, eller dine egne ord. Gjenta for flere; \
             erstatter dagens triggere.",
        ),
        ("checkin.halt", "HALT-sjekken: noen av hungry, angry, lonely, tired, skilt med komma."),
        ("checkin.helped", "Noe som hjalp: en teknikk-id eller dine egne ord. Gjenta for flere."),
        ("checkin.note", "Et fritt notat. Erstatter dagens notat."),
        ("checkin.date", "Dagen, ÅÅÅÅ-MM-DD. Standard: i dag (din lokale dato)."),
        (
            "status",
            "Én kort linje til ledeteksten: om du har sjekket inn i dag, rekken, dager på den første \
             rusfri-telleren og hvor mange vaner som gjenstår i dag",
        ),
        (
            "export",
            "Skriv innsjekkene til standard ut: et sammendrag av to uker til terapeuten din (md), en tabell \
             (csv), eller alt, til å importere igjen (json)",
        ),
        ("export.format", "md (standard), csv eller json."),
        ("export.from", "Første dag, ÅÅÅÅ-MM-DD. Standard for md: to uker før --to; ellers begynnelsen."),
        ("export.to", "Siste dag, ÅÅÅÅ-MM-DD. Standard: i dag."),
        (
            "export.encrypt",
            "Krypter med synkroniseringsnøkkelen (satt opp med `mestring sync init`); `mestring import` leser \
             den igjen med passordfrasen.",
        ),
        (
            "import",
            "Flett en JSON-eksport inn i dataene dine. Å importere samme fil to ganger endrer ingenting",
        ),
        ("import.file", "En fil skrevet av «mestring export --format json»."),
        ("import.from", "Hvor filen kommer fra: mestring (standard), eller daylio (CSV-eksporten derfra)."),
        (
            "urge",
            "Skriv ned et sug nå (--intensity, --trigger, --note), eller hvordan det siste gikk (--outcome)",
        ),
        ("urge.intensity", "Hvor sterkt, 0-10; med --outcome: hvor sterkt det er nå."),
        (
            "urge.trigger",
            "Hva satte det i gang: stress, loneliness, conflict, boredom ... eller dine egne ord.",
        ),
        ("urge.note", "Et fritt notat."),
        ("urge.outcome", "Hvordan det siste suget (siste døgn) gikk: passed, used eller still-there."),
        (
            "review",
            "Uken mot uken før: innsjekker, snitt, sug og hvordan de endte, vaner, rusfrie dager, hva som \
             hjalp, triggere og mønstre i registreringene dine",
        ),
        ("review.week", "Uken, som ISO-uke: 2026-W47. Standard: denne uken."),
        ("review.format", "text (standard) eller md."),
        ("remind", "Én vennlig linje når dagens innsjekk eller en vane gjenstår; ingenting når alt er gjort"),
        ("remind.notify", "Send også et skrivebordsvarsel der det finnes en skrivebordsøkt."),
        (
            "remind.install",
            "Påminn hver dag klokken TT:MM: en systemd-timer, eller crontab-linjen å legge inn.",
        ),
        ("remind.uninstall", "Fjern den daglige påminnelsen."),
        (
            "completions",
            "Skriv et fullføringsskript for skallet: «mestring completions bash > \
             ~/.local/share/bash-completion/completions/mestring»",
        ),
        ("completions.shell", "bash, zsh, fish, elvish eller powershell."),
        ("man", "Skriv manualsiden (roff): «mestring man > mestring.1 && man ./mestring.1»"),
        ("faq", "Skriv spørsmålene og svarene som passer ORD (alle uten ORD), som ren tekst"),
        ("faq.words", "Ord som alle må finnes (store og små bokstaver og æ/ø/å skrevet ae/o/aa går fint)."),
        ("faq.format", "text (standard, ren tekst brutt til terminalen) eller md (Markdown)."),
        ("techniques", "Skriv mestringsteknikkene som passer ORD (alle uten ORD), som ren tekst"),
        (
            "techniques.words",
            "Ord som alle må finnes (store og små bokstaver og æ/ø/å skrevet ae/o/aa går fint).",
        ),
        (
            "sync",
            "Del dataene dine med de andre maskinene dine gjennom en mappe du allerede synkroniserer (Syncthing, \
             Nextcloud, en minnepinne), kryptert fra ende til ende. Uten underkommando: skriv denne maskinens \
             nye endringer dit og les de andre maskinenes",
        ),
        ("techniques.format", "text (standard, ren tekst brutt til terminalen) eller md (Markdown)."),
        ("help-lines", "Skriv hjelpetelefonene for regionen (--region), som ren tekst"),
        ("help-lines.format", "text (standard, ren tekst brutt til terminalen) eller md (Markdown)."),
        ("doctor", "Sjekk databasen, vis sikkerhetskopiene og gjenopprett en"),
        (
            "doctor.restore",
            "Gjenopprett sikkerhetskopien fra denne datoen (ÅÅÅÅ-MM-DD) eller denne filen. Databasen du har \
             flyttes til side, den slettes ikke. Lukk mestring overalt først.",
        ),
        ("breathe", "Åpne pusteskjermen, eller gå rett inn i en økt med --pattern"),
        (
            "breathe.pattern",
            "Et pustemønster (box, 4-7-8, resonance, physiological-sigh, calm-4-6), en mindfulness-øvelse \
             (urge-surfing, grounding-54321, body-scan, stop), eller navnet på et av dine egne mønstre.",
        ),
        ("breathe.minutes", "Hvor lenge du vil puste, i minutter, 1 til 60 (rundet til hele runder)."),
        ("breathe.cycles", "Hvor lenge du vil puste, i runder av mønsteret, 1 til 300."),
    ],
};

pub const EN: CliText = CliText {
    about: "An offline, private companion for recovery from substance addiction",
    long_about: "mestring is an offline, private, keyboard-first companion for people recovering from \
                 substance addiction. It is not treatment and no substitute for professional help.\n\
                 In Norway: medical emergency 113, legevakt 116 117, Mental Helses hjelpetelefon 116 123.",
    usage: "Usage:",
    options_placeholder: "OPTIONS",
    command_placeholder: "COMMAND",
    options: "Options",
    commands: "Commands",
    arguments: "Arguments",
    help_flag: "Print help",
    version_flag: "Print version",
    help_command: "Print this message or the help of the given command",
    error: "error",
    invalid_value: "\"{value}\" cannot be used for {arg}; choose one of: {choices}",
    invalid_value_because: "\"{value}\" cannot be used for {arg} ({detail})",
    unknown_argument: "unknown option \"{arg}\"",
    did_you_mean: "did you mean \"{suggestion}\"?",
    unknown_command: "unknown command \"{command}\"",
    missing: "this is missing: {args}",
    conflict: "{arg} cannot be used with {other}",
    other_error: "the command line cannot be used ({detail})",
    see_help: "See \"mestring --help\".",
    not_yet: "{date} has not come yet; a check-in is for today or an earlier day",
    needs_mood: "{date} has no check-in yet: give at least --mood 1-5",
    no_backup: "there is no backup of {date}; \"mestring doctor\" lists them",
    not_a_file: "{path} is not a file",
    from_after_to: "--from {from} is after --to {to}",
    unknown_exercise: "no exercise is called \"{name}\"; choose one of: {choices}",
    items: &[
        (".lang", "Interface language: nb (Norwegian bokmål, default) or en. Also MESTRING_LANG, or LANG."),
        (
            ".region",
            "Which help lines (and currency) to show: norway, sweden, denmark, uk-ireland or us. Chosen by \
             where you are, not by language. Default: the settings file's region, else norway.",
        ),
        (
            ".mouse",
            "Let the mouse click tabs and rows and scroll. Off by default so you can select and copy text, \
             such as a phone number, with the mouse.",
        ),
        (
            ".data_dir",
            "Where your data is kept (created with mode 0700). Default: $XDG_DATA_HOME/mestring, usually \
             ~/.local/share/mestring, also on macOS. Also MESTRING_DATA_DIR.",
        ),
        (
            ".config",
            "The settings file. Default: $XDG_CONFIG_HOME/mestring/config.ron, usually \
             ~/.config/mestring/config.ron. Content packs are read from content/ beside it. Also MESTRING_CONFIG.",
        ),
        (
            ".bell",
            "Ring the terminal bell at each new breathing phase, so you can follow with your eyes closed.",
        ),
        (
            ".plain",
            "Plain mode, for screen readers and braille displays: lines that stay in the scrollback, no full \
             screen, colour or animation; answer with a number or a word and Enter. Also MESTRING_PLAIN=1, or \
             `plain: true` in the settings file.",
        ),
        ("checkin", "Record or update a day's check-in without opening the app (for cron and shell habits)"),
        (
            "checkin.mood",
            "How the day feels: 1 very hard, 2 hard, 3 okay, 4 good, 5 very good. Needed for a new day.",
        ),
        ("checkin.craving", "How strong the craving was, 0 (none) to 10 (strongest)."),
        ("checkin.stress", "Stress, 0 (none) to 10 (the most)."),
        ("checkin.sleep", "Hours slept, in half hours: 7 or 7.5."),
        ("checkin.sleep_quality", "How well you slept, 1 (poorly) to 5 (very well)."),
        ("checkin.used", "Whether you used today: yes or no. yes records a slip, without judgement."),
        ("checkin.substance", "What you used (implies --used yes)."),
        ("checkin.amount", "How much (implies --used yes)."),
        (
            "checkin.triggers",
            "A trigger: an id such as stress, loneliness, conflict, boredom, or your own words. Repeat for \
             more; replaces the day's triggers.",
        ),
        ("checkin.halt", "The HALT check: any of hungry, angry, lonely, tired, comma-separated."),
        ("checkin.helped", "Something that helped: a technique id or your own words. Repeat for more."),
        ("checkin.note", "A free note. Replaces the day's note."),
        ("checkin.date", "The day, YYYY-MM-DD. Default: today (your local date)."),
        (
            "status",
            "One short line for a shell prompt: checked in today or not, the streak, days on the first sober \
             counter, and how many habits are left today",
        ),
        (
            "export",
            "Write check-ins to standard output: a two-week summary for your therapist (md), a table (csv), or \
             everything, re-importable (json)",
        ),
        ("export.format", "md (default), csv or json."),
        (
            "export.from",
            "First day, YYYY-MM-DD. Default for md: two weeks before --to; otherwise the beginning.",
        ),
        ("export.to", "Last day, YYYY-MM-DD. Default: today."),
        (
            "export.encrypt",
            "Encrypt with the sync key (set up with `mestring sync init`); `mestring import` reads it back with \
             the passphrase.",
        ),
        ("import", "Merge a JSON export into your data. Importing the same file twice changes nothing"),
        ("import.file", "A file written by \"mestring export --format json\"."),
        ("import.from", "Where the file comes from: mestring (default), or daylio (its CSV export)."),
        (
            "urge",
            "Write down a craving now (--intensity, --trigger, --note), or how the last one went (--outcome)",
        ),
        ("urge.intensity", "How strong, 0-10; with --outcome, how strong it is now."),
        ("urge.trigger", "What set it off: stress, loneliness, conflict, boredom ... or your own words."),
        ("urge.note", "A free note."),
        ("urge.outcome", "How the last craving (of the last day) went: passed, used or still-there."),
        (
            "review",
            "The week against the week before: check-ins, averages, cravings and how they ended, habits, \
             sober days, what helped, triggers and patterns in your entries",
        ),
        ("review.week", "The week, as an ISO week: 2026-W47. Default: this week."),
        ("review.format", "text (default) or md."),
        ("remind", "One gentle line when today's check-in or a habit is left; nothing when all is done"),
        ("remind.notify", "Also send a desktop notification, where a desktop session is present."),
        ("remind.install", "Remind every day at HH:MM: a systemd user timer, or the crontab line to add."),
        ("remind.uninstall", "Remove the daily reminder."),
        (
            "completions",
            "Print a shell completion script: \"mestring completions bash > \
             ~/.local/share/bash-completion/completions/mestring\"",
        ),
        ("completions.shell", "bash, zsh, fish, elvish or powershell."),
        ("man", "Print the manual page (roff): \"mestring man > mestring.1 && man ./mestring.1\""),
        ("faq", "Print the questions and answers that match WORDS (all without WORDS), as plain text"),
        ("faq.words", "Words that must all occur (forgiving of case and of æ/ø/å spelled ae/o/aa)."),
        ("faq.format", "text (default, plain text wrapped to the terminal) or md (Markdown)."),
        ("techniques", "Print the coping techniques that match WORDS (all without WORDS), as plain text"),
        ("techniques.words", "Words that must all occur (forgiving of case and of æ/ø/å spelled ae/o/aa)."),
        (
            "sync",
            "Share your data with your other machines through a folder you already sync (Syncthing, Nextcloud, \
             a USB stick), end-to-end encrypted. Without a subcommand: write this machine's new changes there \
             and read the other machines'",
        ),
        ("techniques.format", "text (default, plain text wrapped to the terminal) or md (Markdown)."),
        ("help-lines", "Print the help lines for the region (--region), as plain text"),
        ("help-lines.format", "text (default, plain text wrapped to the terminal) or md (Markdown)."),
        ("doctor", "Check the database, list the backups, and restore one"),
        (
            "doctor.restore",
            "Restore the backup of this date (YYYY-MM-DD) or this file. The current database is moved aside, \
             not deleted. Close mestring everywhere first.",
        ),
        ("breathe", "Open the breathing screen, or go straight into a session with --pattern"),
        (
            "breathe.pattern",
            "A breathing pattern (box, 4-7-8, resonance, physiological-sigh, calm-4-6), a mindfulness exercise \
             (urge-surfing, grounding-54321, body-scan, stop), or the name of one of your own patterns.",
        ),
        ("breathe.minutes", "How long to breathe, in minutes, 1 to 60 (rounded to whole cycles)."),
        ("breathe.cycles", "How long to breathe, in cycles of the pattern, 1 to 300."),
    ],
};
