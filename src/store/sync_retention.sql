-- Migration 12: sync follows migration 11's tables (urges, week lines, counters' savings) the
-- way `sync_schema.sql` follows the others: one row per record in `sync_change`, the version it
-- replaced on an update, the version it had on a delete. A saving is its counter's, so it is
-- logged under the counter's uid; a saving that goes with its counter leaves no tombstone of its
-- own (the counter's covers it).

CREATE TRIGGER sync_urge_ins AFTER INSERT ON urge WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('urge', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_urge_upd AFTER UPDATE ON urge WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('urge', NEW.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_urge_del AFTER DELETE ON urge WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('urge', OLD.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_week_note_ins AFTER INSERT ON week_review WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('week_note', NEW.week, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_week_note_upd AFTER UPDATE ON week_review WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('week_note', NEW.week, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_week_note_del AFTER DELETE ON week_review WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change VALUES ('week_note', OLD.week, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL) ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

CREATE TRIGGER sync_saving_ins AFTER INSERT ON counter_saving WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'saving', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, NULL FROM counter WHERE id = NEW.counter_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_saving_upd AFTER UPDATE ON counter_saving WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'saving', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), NULL, OLD.updated_at FROM counter WHERE id = NEW.counter_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;
CREATE TRIGGER sync_saving_del AFTER DELETE ON counter_saving WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN INSERT INTO sync_change SELECT 'saving', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change), OLD.updated_at, NULL FROM counter WHERE id = OLD.counter_id ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, replaced = max(coalesce(sync_change.replaced, ''), coalesce(excluded.replaced, '')); END;

-- What was kept before this version was never logged: logged now, after every change logged so
-- far, so the next sync sends it (a device's first file sends everything anyway).
INSERT INTO sync_change (kind, key, seq)
    SELECT 'urge', uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change) FROM urge
    UNION ALL SELECT 'week_note', week, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change) FROM week_review
    UNION ALL SELECT 'saving', c.uid, (SELECT coalesce(max(seq), 0) + 1 FROM sync_change)
        FROM counter_saving s JOIN counter c ON c.id = s.counter_id;
