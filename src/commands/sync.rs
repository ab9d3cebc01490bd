//! `mestring sync`, `sync init DIR`, `sync status`, and the sync key's use by `export --encrypt`
//! and `import`. The work is in [`crate::sync`]; this prints it.

use std::error::Error;
use std::io::IsTerminal;
use std::path::Path;

use chrono::{DateTime, Local, Utc};

use super::{Env, Outcome, Usage};
use crate::cli::{SyncAction, SyncArgs};
use crate::i18n::SyncText;
use crate::store::Store;
use crate::sync::{self, InitOptions, Report, Setup, passphrase};

pub fn run(args: &SyncArgs, env: &Env) -> Outcome {
    let t = &env.lang.strings().sync;
    let command = args.password_command.as_deref();
    match &args.action {
        Some(SyncAction::Init { dir, keyring, encrypt_backups, scrypt_work_factor }) => {
            let options = InitOptions {
                password_command: command.map(str::to_owned),
                keyring: *keyring,
                encrypt_backups: *encrypt_backups,
                work_factor: *scrypt_work_factor,
            };
            init(dir, &options, env, t)
        }
        Some(SyncAction::Status) => status(env, t),
        None => sync_now(command, env, t),
    }
}

fn init(dir: &Path, options: &InitOptions, env: &Env, t: &SyncText) -> Outcome {
    let dir = absolute(dir)?;
    let mut store = Store::open_checked(&env.db_path)?;
    let folder = sync::Folder::new(&dir);
    // A new folder's passphrase is typed twice; joining checks it against the key file.
    let new = folder.read_key()?.is_none();
    let prompt = if new { (t.prompt_new, Some(t.prompt_again)) } else { (t.prompt, None) };
    let pass = passphrase::obtain(options.password_command.as_deref(), Some(prompt))?;
    let (joined, setup, report, keyring_problem) = sync::init(&mut store, &dir, &pass, options, Utc::now())?;
    let line = if joined == sync::Joined::Created { t.created } else { t.joined };
    println!("{}", line.replace("{dir}", &dir.display().to_string()));
    println!("{}: {}", t.fingerprint, setup.fingerprint);
    if new {
        println!("{}", t.keep_passphrase);
    }
    match keyring_problem {
        Some(reason) => eprintln!("mestring: {}", t.keyring_failed.replace("{reason}", &reason)),
        None if setup.keyring => println!("{}", t.keyring_kept),
        None => {}
    }
    print_report(&report, t)
}

fn sync_now(command: Option<&str>, env: &Env, t: &SyncText) -> Outcome {
    // Without a database there is no set-up either; none is created just to say so.
    if !env.db_path.exists() {
        return Err(t.not_set_up.into());
    }
    let mut store = Store::open_checked(&env.db_path)?;
    let setup = read_setup(&store, t)?;
    let command = command.or(setup.password_command.as_deref());
    let key = sync::unlock(&setup, || passphrase::obtain(command, Some((t.prompt, None))))?;
    let report = sync::sync(&mut store, &key, Utc::now())?;
    sync::backups::seal_plain(&store)?;
    print_report(&report, t)
}

fn print_report(report: &Report, t: &SyncText) -> Outcome {
    match &report.written {
        Some((path, n)) => {
            println!(
                "{}",
                t.wrote.replace("{n}", &n.to_string()).replace("{file}", &path.display().to_string())
            )
        }
        None => println!("{}", t.nothing_new),
    }
    let m = &report.merged;
    if report.files_read == 0 {
        println!("{}", t.nothing_read);
    } else {
        let other = m.merged.progress
            + m.merged.personal
            + m.merged.practice.sessions_added
            + m.merged.practice.patterns_added
            + m.merged.practice.patterns_updated;
        println!(
            "{}",
            t.read
                .replace("{files}", &report.files_read.to_string())
                .replace("{added}", &m.merged.added.to_string())
                .replace("{updated}", &m.merged.updated.to_string())
                .replace("{other}", &other.to_string())
                .replace("{deleted}", &m.deleted.to_string())
        );
    }
    if report.refused.is_empty() {
        return Ok(());
    }
    for refused in &report.refused {
        eprintln!("mestring: {refused}");
    }
    Err(t.refused.replace("{n}", &report.refused.len().to_string()).into())
}

fn status(env: &Env, t: &SyncText) -> Outcome {
    if !env.db_path.exists() {
        println!("{}", t.not_set_up);
        return Ok(());
    }
    let store = Store::open_existing(&env.db_path)?;
    let Some(setup) = sync::setup::read(store.conn()).map_err(|e| store.sql_error(e))? else {
        println!("{}", t.not_set_up);
        return Ok(());
    };
    let peers = sync::setup::peers(store.conn()).map_err(|e| store.sql_error(e))?;
    let width =
        [t.folder, t.device, t.others, t.last_sync, t.problem, t.fingerprint, t.keyring, t.encrypted_backups]
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            + 1;
    let row = |label: &str, value: &str| println!("{:<width$} {value}", format!("{label}:"));
    row(t.folder, &setup.folder.display().to_string());
    row(t.device, &setup.device);
    if peers.is_empty() {
        row(t.others, t.none_yet);
    }
    for (i, peer) in peers.iter().enumerate() {
        let last = peer.last_read.map_or_else(|| t.never.to_owned(), local);
        let detail = t.other_line.replace("{files}", &peer.files.to_string()).replace("{last}", &last);
        row(if i == 0 { t.others } else { "" }, &format!("{} ({detail})", peer.device));
    }
    row(t.last_sync, &setup.last_sync.map_or_else(|| t.never.to_owned(), local));
    if let Some(problem) = &setup.last_error {
        row(t.problem, problem);
    }
    row(t.fingerprint, &setup.fingerprint);
    row(t.keyring, if setup.keyring { t.on } else { t.off });
    row(t.encrypted_backups, if setup.encrypt_backups { t.on } else { t.off });
    Ok(())
}

fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

fn read_setup(store: &Store, t: &SyncText) -> Result<Setup, Box<dyn Error>> {
    sync::setup::read(store.conn()).map_err(|e| store.sql_error(e))?.ok_or_else(|| t.not_set_up.into())
}

/// The folder as an absolute path: it is stored, and later runs may start elsewhere.
fn absolute(dir: &Path) -> Result<std::path::PathBuf, Box<dyn Error>> {
    Ok(std::path::absolute(dir).map_err(|e| Usage(format!("{}: {e}", dir.display())))?)
}

/// `export --encrypt`: sealed to the sync key's public half, so no passphrase is needed.
pub fn seal(plain: &[u8], env: &Env) -> Result<Vec<u8>, Box<dyn Error>> {
    let t = &env.lang.strings().sync;
    if std::io::stdout().is_terminal() {
        return Err(Usage(t.encrypt_to_terminal.to_owned()).into());
    }
    let setup = if env.db_path.exists() {
        let store = Store::open_existing(&env.db_path)?;
        sync::setup::read(store.conn()).map_err(|e| store.sql_error(e))?
    } else {
        None
    };
    let setup = setup.ok_or_else(|| Usage(t.encrypt_needs_setup.to_owned()))?;
    Ok(sync::crypto::seal_to(&setup.recipient, plain)?)
}

/// An encrypted export given to `import`: opened with the sync key (keyring or passphrase).
pub fn open(sealed: &[u8], file: &Path, env: &Env) -> Result<Vec<u8>, Box<dyn Error>> {
    let t = &env.lang.strings().sync;
    let store = Store::open_existing(&env.db_path).map_err(|_| Usage(t.encrypt_needs_setup.to_owned()))?;
    let setup = read_setup(&store, t)?;
    let command = setup.password_command.clone();
    let key = sync::unlock(&setup, || passphrase::obtain(command.as_deref(), Some((t.prompt, None))))?;
    key.open(sealed).map_err(|e| format!("{}: {e}", file.display()).into())
}

/// `doctor --restore` of an encrypted backup: opened with the sync key into a private file
/// beside it, restored from there like a plain one, and the opened copy removed.
pub fn restore_sealed(
    db: &Path,
    sealed: &Path,
    env: &Env,
) -> Result<Option<std::path::PathBuf>, Box<dyn Error>> {
    let t = &env.lang.strings().sync;
    let setup =
        Store::open_existing(db).ok().and_then(|store| sync::setup::read(store.conn()).ok().flatten());
    let key = match setup {
        Some(setup) => {
            let command = setup.password_command.clone();
            sync::unlock(&setup, || passphrase::obtain(command.as_deref(), Some((t.prompt, None))))?
        }
        // The database is the broken file: the key from the folder named beside the backups.
        None => {
            let folder =
                sync::backups::folder_beside(db).ok_or_else(|| Usage(t.encrypt_needs_setup.to_owned()))?;
            let bytes = sync::Folder::new(&folder).read_key()?.ok_or(sync::SyncError::NoKeyFile(folder))?;
            sync::SyncKey::unwrap(&bytes, &passphrase::obtain(None, Some((t.prompt, None)))?)?
        }
    };
    let opened = sync::backups::open_sealed(sealed, &key)?;
    let restored = crate::store::backup::restore(db, &opened, env.clock.now());
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", opened.display()));
    }
    Ok(restored?)
}
