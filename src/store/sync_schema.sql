-- Migration 7: sync (issue 17). Shipped migrations are never edited: a later change is a new one.
--
-- `sync_change` is filled by triggers, so every write path (the screens, `mestring checkin`,
-- `mestring import`, code written later) is covered without each store module knowing about
-- sync. One row per record ever changed: its kind and key, the order of its last change (`seq`),
-- and for a record that was deleted the version it had (`deleted`), which stays as a tombstone
-- so an older copy arriving later does not bring it back. Rows are never deleted, so the table
-- grows with the number of records, not with the number of changes.
CREATE TABLE sync_change (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    deleted TEXT,
    -- The highest version a change here wrote over. A change made with a clock that is behind
    -- gets a lower version than the one it replaced; sync then sends it one second above that,
    -- so every device agrees it is the newer one.
    replaced TEXT,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX sync_change_seq ON sync_change(seq);

-- Holds a row only inside the transaction that applies another device's events, so the rows
-- it writes are not sent back as this device's changes. No other connection ever sees the row.
CREATE TABLE sync_applying (only INTEGER PRIMARY KEY CHECK (only = 1));

-- This device's sync set-up; absent until `mestring sync init`.
CREATE TABLE sync_setup (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    folder TEXT NOT NULL,
    device TEXT NOT NULL,
    -- The public half of the sync key (encrypts exports and backups without the passphrase).
    recipient TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    next_file INTEGER NOT NULL,
    sent_seq INTEGER NOT NULL,
    password_command TEXT,
    keyring INTEGER NOT NULL DEFAULT 0 CHECK (keyring IN (0, 1)),
    encrypt_backups INTEGER NOT NULL DEFAULT 0 CHECK (encrypt_backups IN (0, 1)),
    last_sync TEXT,
    last_error TEXT
);

-- Every other device's file that was read and merged.
CREATE TABLE sync_read (
    device TEXT NOT NULL,
    file INTEGER NOT NULL,
    read_at TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (device, file)
) WITHOUT ROWID;

-- The triggers. Each logs (kind, key) with the next sequence number; a delete also logs the
-- version that was deleted. Children log their parent, whose record carries them. An upsert,
-- not INSERT OR REPLACE: a trigger's OR-clause gives way to the firing statement's (an
-- `INSERT OR IGNORE` would silently skip the log), an upsert does not.

CREATE TRIGGER sync_checkin_ins AFTER INSERT ON checkin WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('checkin', NEW.date, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_checkin_upd AFTER UPDATE ON checkin WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('checkin', NEW.date, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_checkin_del AFTER DELETE ON checkin WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('checkin', OLD.date, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_goal_ins AFTER INSERT ON goal WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('goal', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_goal_upd AFTER UPDATE ON goal WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('goal', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_goal_del AFTER DELETE ON goal WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('goal', OLD.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_goal_step_ins AFTER INSERT ON goal_step WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'goal', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM goal WHERE id = NEW.goal_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_goal_step_upd AFTER UPDATE ON goal_step WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'goal', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM goal WHERE id = NEW.goal_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_goal_step_del AFTER DELETE ON goal_step WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'goal', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM goal WHERE id = OLD.goal_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_habit_ins AFTER INSERT ON habit WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('habit', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_habit_upd AFTER UPDATE ON habit WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('habit', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_habit_del AFTER DELETE ON habit WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('habit', OLD.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_habit_mark_ins AFTER INSERT ON habit_mark WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'habit', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM habit WHERE id = NEW.habit_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_habit_mark_upd AFTER UPDATE ON habit_mark WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'habit', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM habit WHERE id = NEW.habit_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
-- A mark taken back is its own kind: the habit's record carries only the marks that exist.
CREATE TRIGGER sync_habit_mark_del AFTER DELETE ON habit_mark WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'habit_mark', uid || ' ' || OLD.date, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL FROM habit WHERE id = OLD.habit_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_counter_ins AFTER INSERT ON counter WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('counter', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_counter_upd AFTER UPDATE ON counter WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('counter', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_counter_del AFTER DELETE ON counter WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('counter', OLD.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_slip_ins AFTER INSERT ON slip WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'counter', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM counter WHERE id = NEW.counter_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_slip_upd AFTER UPDATE ON slip WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'counter', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM counter WHERE id = NEW.counter_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_slip_del AFTER DELETE ON slip WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'slip', uid || ' ' || OLD.date, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL FROM counter WHERE id = OLD.counter_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_plan_ins AFTER INSERT ON plan_item WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('plan', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_plan_upd AFTER UPDATE ON plan_item WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('plan', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_plan_del AFTER DELETE ON plan_item WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('plan', OLD.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_pattern_ins AFTER INSERT ON breathing_pattern WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('pattern', NEW.name, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_pattern_upd AFTER UPDATE ON breathing_pattern WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('pattern', NEW.name, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
-- Patterns travel by name: a renamed one is the old name deleted and the new one added.
CREATE TRIGGER sync_pattern_ren AFTER UPDATE OF name ON breathing_pattern
WHEN OLD.name IS NOT NEW.name AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('pattern', OLD.name, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_pattern_del AFTER DELETE ON breathing_pattern WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('pattern', OLD.name, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_favourite_ins AFTER INSERT ON favourite_technique WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('favourite', NEW.technique, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_favourite_del AFTER DELETE ON favourite_technique WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('favourite', OLD.technique, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.added_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_quiz_card_ins AFTER INSERT ON quiz_card WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('quiz_card', NEW.statement, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_quiz_card_upd AFTER UPDATE ON quiz_card WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('quiz_card', NEW.statement, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_quiz_round_ins AFTER INSERT ON quiz_round WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('quiz_round', NEW.finished_at, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_phase_ins AFTER INSERT ON chosen_phase WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('phase', 'phase', (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_phase_upd AFTER UPDATE ON chosen_phase WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('phase', 'phase', (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_practice_ins AFTER INSERT ON practice_session WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('practice', NEW.started_at, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
