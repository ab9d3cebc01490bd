use super::*;
use crate::clock::Moment;

#[test]
fn a_fresh_file_gets_our_pragmas_and_mode_0600() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let store = Store::open(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let journal: String = store.conn().pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(journal, "wal");
    let sync: i64 = store.conn().pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "FULL");
    let fk: i64 = store.conn().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    store.quick_check().unwrap();
    drop(store);
    Store::open(&path).expect("reopening our own file works");
}

#[test]
fn a_new_database_holds_its_whole_schema_in_its_own_file_when_it_appears() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let store = Store::open(&path).unwrap();
    // What another process starting now would see without this store's WAL: the main file.
    let copy = dir.path().join("copy.sqlite3");
    std::fs::copy(&path, &copy).unwrap();
    let seen = Connection::open(&copy).unwrap();
    let version: i64 = seen.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    let app_id: i32 = seen.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    assert_eq!((version, app_id), (migrations::MIGRATIONS.len() as i64, APPLICATION_ID));
    drop(store);
}

#[test]
fn one_shot_commands_keep_the_wal_and_the_tui_folds_it_when_it_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let wal_len = || std::fs::metadata(dir.path().join(format!("{DB_FILE}-wal"))).unwrap().len();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let mut one_shot = Store::open(&path).unwrap();
    one_shot.set_phase(Some("treatment"), Moment::in_utc(now)).unwrap();
    drop(one_shot);
    assert!(wal_len() > 0, "a one-shot write costs one fsync and leaves its WAL");
    let mut tui = Store::open(&path).unwrap();
    tui.fold_wal_on_close();
    drop(tui);
    assert_eq!(wal_len(), 0, "nothing for the next start to replay");
    assert_eq!(Store::open(&path).unwrap().marked_phase().unwrap().as_deref(), Some("treatment"));
}

#[test]
fn a_foreign_or_garbage_file_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "dear diary, this is not a database at all, not even close".repeat(100)).unwrap();
    let other = dir.path().join("other.sqlite3");
    Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    for path in [text, other] {
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).err().expect("refused");
        assert!(matches!(err, StoreError::NotOurs { .. }), "{err:?}");
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()) && message.contains("mestring doctor"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "{}", path.display());
        assert!(!PathBuf::from(format!("{}-wal", path.display())).exists());
    }
}
