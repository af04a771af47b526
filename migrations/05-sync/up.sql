-- Sync between computers (issue 24, SPEC §13). Every write of a synced row is stamped with a
-- hybrid logical clock (HLC: milliseconds since 1970 times 65536 plus a counter) by the
-- triggers below, so no write path can forget it; a delete or purge leaves a tombstone that is
-- never dropped. While the sync engine applies another device's rows it sets
-- `sync_clock.applying` and stamps them itself with the other device's stamp.
-- The device id is not stored here: it lives in a machine-local file beside the journal.
-- Milliseconds come from julianday(), which every SQLite reads (unixepoch 'subsec' needs
-- 3.42), so another tool's write to the journal is stamped too.
CREATE TABLE sync_clock (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    hlc      INTEGER NOT NULL,
    applying INTEGER NOT NULL DEFAULT 0,
    -- Milliseconds added to the wall clock: 0 except in simulated-device tests.
    skew_ms  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_clock (id, hlc, applying, skew_ms) VALUES (1, 0, 0, 0);

-- The stamp of every synced row's current version. `device` is '' for a version written on
-- this journal and not yet published (the engine fills in its device id when it publishes);
-- `base_*` is the version this one replaced here, so a version the writer never saw is known
-- to be concurrent. `shadowed`: live in its own version but put in the trash here because
-- another row won its natural key (one check-in per date); `purged`: a tombstone.
CREATE TABLE sync_stamps (
    tbl         TEXT NOT NULL,
    uuid        TEXT NOT NULL,
    hlc         INTEGER NOT NULL,
    device      TEXT NOT NULL,
    base_hlc    INTEGER,
    base_device TEXT,
    purged      INTEGER NOT NULL DEFAULT 0,
    shadowed    INTEGER NOT NULL DEFAULT 0,
    dirty       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tbl, uuid)
) WITHOUT ROWID;
CREATE INDEX sync_stamps_dirty ON sync_stamps(dirty) WHERE dirty = 1;
CREATE INDEX sync_stamps_shadowed ON sync_stamps(tbl) WHERE shadowed = 1;

-- Versions that lost to a concurrent one: shown by `sync conflicts`, taken back by `sync keep`.
CREATE TABLE sync_conflicts (
    id            INTEGER PRIMARY KEY,
    tbl           TEXT NOT NULL,
    uuid          TEXT NOT NULL,
    hlc           INTEGER NOT NULL,
    device        TEXT NOT NULL,
    purged        INTEGER NOT NULL DEFAULT 0,
    row_json      TEXT,
    reason        TEXT NOT NULL,
    winner_uuid   TEXT NOT NULL,
    winner_hlc    INTEGER NOT NULL,
    winner_device TEXT NOT NULL,
    found_at      TEXT NOT NULL,
    kept_at       TEXT,
    UNIQUE (tbl, uuid, hlc, device)
);

-- Versions that refer to a record this journal has not received yet (a dose whose medication
-- comes in another device's segment): kept here and applied as soon as the parent arrives, so
-- no segment waits on another and every later row still goes through.
CREATE TABLE sync_parked (
    tbl          TEXT NOT NULL,
    uuid         TEXT NOT NULL,
    hlc          INTEGER NOT NULL,
    device       TEXT NOT NULL,
    version_json TEXT NOT NULL,
    waits_for    TEXT NOT NULL,
    PRIMARY KEY (tbl, uuid)
) WITHOUT ROWID;

-- Per other device, the last of its segments applied here (committed with the segment).
CREATE TABLE sync_watermarks (
    device     TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL,
    hlc        INTEGER NOT NULL,
    applied_at TEXT NOT NULL
) WITHOUT ROWID;

-- Rows already in the journal are stamped from their updated_at (never later than now), so a
-- first sync publishes them all.

INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'settings', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM settings;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'dated_settings', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM dated_settings;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'checkins', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM checkins;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'activities', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM activities;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'exercises', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM exercises;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'programmes', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM programmes;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'programme_items', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM programme_items;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'rehab_sessions', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM rehab_sessions;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'rehab_session_items', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM rehab_session_items;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'medications', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM medications;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'doses', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM doses;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'events', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM events;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'psfs_items', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM psfs_items;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'psfs_ratings', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM psfs_ratings;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'criteria', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM criteria;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'scores', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM scores;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'score_schedules', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM score_schedules;
INSERT INTO sync_stamps (tbl, uuid, hlc, device)
    SELECT 'plans', uuid, MIN(COALESCE(CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER) * 65536, 0), CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) * 65536), '' FROM plans;
UPDATE sync_clock SET hlc = COALESCE((SELECT MAX(hlc) FROM sync_stamps), 0);

CREATE TRIGGER settings_sync_insert AFTER INSERT ON settings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('settings', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER settings_sync_update AFTER UPDATE ON settings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('settings', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER settings_sync_delete AFTER DELETE ON settings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('settings', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER dated_settings_sync_insert AFTER INSERT ON dated_settings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('dated_settings', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER dated_settings_sync_update AFTER UPDATE ON dated_settings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('dated_settings', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER dated_settings_sync_delete AFTER DELETE ON dated_settings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('dated_settings', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER checkins_sync_insert AFTER INSERT ON checkins
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('checkins', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER checkins_sync_update AFTER UPDATE ON checkins
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('checkins', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER checkins_sync_delete AFTER DELETE ON checkins
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('checkins', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER activities_sync_insert AFTER INSERT ON activities
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('activities', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER activities_sync_update AFTER UPDATE ON activities
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('activities', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER activities_sync_delete AFTER DELETE ON activities
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('activities', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER exercises_sync_insert AFTER INSERT ON exercises
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('exercises', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER exercises_sync_update AFTER UPDATE ON exercises
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('exercises', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER exercises_sync_delete AFTER DELETE ON exercises
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('exercises', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER programmes_sync_insert AFTER INSERT ON programmes
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('programmes', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER programmes_sync_update AFTER UPDATE ON programmes
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('programmes', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER programmes_sync_delete AFTER DELETE ON programmes
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('programmes', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER programme_items_sync_insert AFTER INSERT ON programme_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('programme_items', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER programme_items_sync_update AFTER UPDATE ON programme_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('programme_items', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER programme_items_sync_delete AFTER DELETE ON programme_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('programme_items', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER rehab_sessions_sync_insert AFTER INSERT ON rehab_sessions
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('rehab_sessions', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER rehab_sessions_sync_update AFTER UPDATE ON rehab_sessions
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('rehab_sessions', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER rehab_sessions_sync_delete AFTER DELETE ON rehab_sessions
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('rehab_sessions', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER rehab_session_items_sync_insert AFTER INSERT ON rehab_session_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('rehab_session_items', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER rehab_session_items_sync_update AFTER UPDATE ON rehab_session_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('rehab_session_items', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER rehab_session_items_sync_delete AFTER DELETE ON rehab_session_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('rehab_session_items', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER medications_sync_insert AFTER INSERT ON medications
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('medications', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER medications_sync_update AFTER UPDATE ON medications
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('medications', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER medications_sync_delete AFTER DELETE ON medications
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('medications', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER doses_sync_insert AFTER INSERT ON doses
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('doses', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER doses_sync_update AFTER UPDATE ON doses
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('doses', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER doses_sync_delete AFTER DELETE ON doses
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('doses', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER events_sync_insert AFTER INSERT ON events
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('events', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER events_sync_update AFTER UPDATE ON events
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('events', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER events_sync_delete AFTER DELETE ON events
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('events', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER psfs_items_sync_insert AFTER INSERT ON psfs_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('psfs_items', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER psfs_items_sync_update AFTER UPDATE ON psfs_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('psfs_items', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER psfs_items_sync_delete AFTER DELETE ON psfs_items
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('psfs_items', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER psfs_ratings_sync_insert AFTER INSERT ON psfs_ratings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('psfs_ratings', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER psfs_ratings_sync_update AFTER UPDATE ON psfs_ratings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('psfs_ratings', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER psfs_ratings_sync_delete AFTER DELETE ON psfs_ratings
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('psfs_ratings', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER criteria_sync_insert AFTER INSERT ON criteria
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('criteria', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER criteria_sync_update AFTER UPDATE ON criteria
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('criteria', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER criteria_sync_delete AFTER DELETE ON criteria
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('criteria', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER scores_sync_insert AFTER INSERT ON scores
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('scores', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER scores_sync_update AFTER UPDATE ON scores
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('scores', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER scores_sync_delete AFTER DELETE ON scores
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('scores', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER score_schedules_sync_insert AFTER INSERT ON score_schedules
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('score_schedules', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER score_schedules_sync_update AFTER UPDATE ON score_schedules
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('score_schedules', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER score_schedules_sync_delete AFTER DELETE ON score_schedules
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('score_schedules', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER plans_sync_insert AFTER INSERT ON plans
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('plans', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER plans_sync_update AFTER UPDATE ON plans
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('plans', NEW.uuid, (SELECT hlc FROM sync_clock), '', 0, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 0, shadowed = 0, dirty = 1;
END;
CREATE TRIGGER plans_sync_delete AFTER DELETE ON plans
WHEN (SELECT applying FROM sync_clock) = 0
BEGIN
    UPDATE sync_clock SET hlc = MAX((CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) + skew_ms) * 65536, hlc + 1);
    INSERT INTO sync_stamps (tbl, uuid, hlc, device, purged, shadowed, dirty)
        VALUES ('plans', OLD.uuid, (SELECT hlc FROM sync_clock), '', 1, 0, 1)
        ON CONFLICT (tbl, uuid) DO UPDATE SET
            base_hlc = CASE WHEN device = '' THEN base_hlc ELSE hlc END,
            base_device = CASE WHEN device = '' THEN base_device ELSE device END,
            hlc = excluded.hlc, device = '', purged = 1, shadowed = 0, dirty = 1;
END;
