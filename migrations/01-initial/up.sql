-- The whole journal schema (SPEC §4). Every record: integer id, stable uuid, UTC timestamps,
-- soft delete. Dates are ISO text (YYYY-MM-DD), local date-times 'YYYY-MM-DDTHH:MM:SS'.
-- Sets (locations, character, red flags, tags) are comma-separated sorted text.

CREATE TABLE checkins (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    date          TEXT NOT NULL,
    pain          INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    worst_pain    INTEGER CHECK (worst_pain BETWEEN 0 AND 10),
    locations     TEXT NOT NULL DEFAULT '',
    character     TEXT NOT NULL DEFAULT '',
    sleep_hours   REAL CHECK (sleep_hours BETWEEN 0 AND 24),
    sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
    mood          INTEGER CHECK (mood BETWEEN 1 AND 5),
    stress        INTEGER CHECK (stress BETWEEN 1 AND 5),
    energy        INTEGER CHECK (energy BETWEEN 1 AND 5),
    sitting_hours REAL CHECK (sitting_hours BETWEEN 0 AND 24),
    workday       INTEGER CHECK (workday IN (0, 1)),
    tags          TEXT NOT NULL DEFAULT '',
    note          TEXT,
    red_flags     TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
-- One live check-in per date; deleted ones stay in the trash beside a newer one.
CREATE UNIQUE INDEX checkins_live_date ON checkins(date) WHERE deleted_at IS NULL;
CREATE INDEX checkins_date ON checkins(date);

CREATE TABLE activities (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    kind               TEXT NOT NULL,
    start_at           TEXT NOT NULL,
    date               TEXT NOT NULL,
    elapsed_s          INTEGER NOT NULL CHECK (elapsed_s > 0),
    moving_s           INTEGER,
    distance_m         REAL,
    ascent_m           REAL,
    avg_power_w        REAL,
    normalized_power_w REAL,
    avg_hr             REAL,
    max_hr             REAL,
    rpe                INTEGER CHECK (rpe BETWEEN 1 AND 10),
    intensity          TEXT,
    tss                REAL,
    load_source        TEXT CHECK (load_source IN ('power', 'hr', 'rpe', 'manual')),
    pain_before        INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_during        INTEGER CHECK (pain_during BETWEEN 0 AND 10),
    pain_after         INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    stopped_for_pain   INTEGER NOT NULL DEFAULT 0,
    bike               TEXT,
    note               TEXT,
    source             TEXT NOT NULL DEFAULT 'manual',
    source_hash        TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
);
CREATE INDEX activities_date ON activities(date);
CREATE INDEX activities_start ON activities(start_at);
CREATE INDEX activities_source_hash ON activities(source_hash);

CREATE TABLE exercises (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    sets       INTEGER,
    reps       INTEGER,
    hold_s     INTEGER,
    per_side   INTEGER NOT NULL DEFAULT 0,
    cues       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX exercises_live_name ON exercises(name) WHERE deleted_at IS NULL;

CREATE TABLE programmes (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    active_from     TEXT NOT NULL,
    active_to       TEXT,
    target_per_week INTEGER NOT NULL CHECK (target_per_week BETWEEN 0 AND 21),
    note            TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX programmes_active ON programmes(active_from, active_to);

CREATE TABLE programme_items (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    exercise_id  INTEGER NOT NULL REFERENCES exercises(id),
    position     INTEGER NOT NULL,
    sets         INTEGER,
    reps         INTEGER,
    hold_s       INTEGER,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX programme_items_programme ON programme_items(programme_id);
CREATE INDEX programme_items_exercise ON programme_items(exercise_id);

CREATE TABLE rehab_sessions (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    date         TEXT NOT NULL,
    programme_id INTEGER REFERENCES programmes(id),
    minutes      INTEGER,
    pain_before  INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after   INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX rehab_sessions_date ON rehab_sessions(date);
CREATE INDEX rehab_sessions_programme ON rehab_sessions(programme_id);

CREATE TABLE rehab_session_items (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    session_id  INTEGER NOT NULL REFERENCES rehab_sessions(id),
    exercise_id INTEGER NOT NULL REFERENCES exercises(id),
    sets        INTEGER,
    reps        INTEGER,
    load_kg     REAL,
    hold_s      INTEGER,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX rehab_session_items_session ON rehab_session_items(session_id);
CREATE INDEX rehab_session_items_exercise ON rehab_session_items(exercise_id);

CREATE TABLE medications (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    class        TEXT NOT NULL,
    unit         TEXT NOT NULL,
    usual_dose   REAL NOT NULL CHECK (usual_dose > 0),
    max_daily    REAL CHECK (max_daily > 0),
    as_needed    INTEGER NOT NULL DEFAULT 1,
    times_a_day  INTEGER,
    course_start TEXT,
    course_end   TEXT,
    note         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX medications_live_name ON medications(name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE doses (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    medication_id INTEGER NOT NULL REFERENCES medications(id),
    taken_at      TEXT NOT NULL,
    date          TEXT NOT NULL,
    amount        REAL NOT NULL CHECK (amount > 0),
    pain_before   INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    note          TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX doses_date ON doses(date);
CREATE INDEX doses_medication ON doses(medication_id);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    date       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX events_date ON events(date);

CREATE TABLE psfs_items (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX psfs_items_live_name ON psfs_items(name) WHERE deleted_at IS NULL;

CREATE TABLE psfs_ratings (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    item_id    INTEGER NOT NULL REFERENCES psfs_items(id),
    date       TEXT NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX psfs_ratings_item ON psfs_ratings(item_id);
CREATE INDEX psfs_ratings_date ON psfs_ratings(date);

CREATE TABLE criteria (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    position   INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

-- Settings with a history (ftp_w, lthr_bpm, max_hr_bpm, weight_kg): value in force from a date.
CREATE TABLE dated_settings (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    key        TEXT NOT NULL,
    from_date  TEXT NOT NULL,
    value      REAL NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX dated_settings_live ON dated_settings(key, from_date) WHERE deleted_at IS NULL;

-- Plain settings (thresholds and the like), key → text value.
CREATE TABLE settings (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX settings_live_key ON settings(key) WHERE deleted_at IS NULL;
