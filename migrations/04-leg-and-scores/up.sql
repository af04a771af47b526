-- Issue 23 (SPEC §14): leg pain as its own 0–10 score beside back pain, and the outcome scores a
-- physio takes (entered as totals; the questionnaires' items are not reproduced) with the
-- user's schedule for each. Nullable leg pain: journals before this had none.

ALTER TABLE checkins ADD COLUMN leg_pain INTEGER CHECK (leg_pain BETWEEN 0 AND 10);

CREATE TABLE scores (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    instrument TEXT NOT NULL CHECK (instrument IN ('odi', 'rmdq', 'peg', 'promis-pi', 'startback')),
    date       TEXT NOT NULL,
    value      REAL NOT NULL,
    psych      INTEGER CHECK (psych BETWEEN 0 AND 5),
    note       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX scores_date ON scores(date);

-- How often the user means to take each instrument (`score every odi 2w`): one live row each.
CREATE TABLE score_schedules (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    instrument TEXT NOT NULL CHECK (instrument IN ('odi', 'rmdq', 'peg', 'promis-pi', 'startback')),
    every_days INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 366),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX score_schedules_live ON score_schedules(instrument) WHERE deleted_at IS NULL;

-- A return plan (SPEC §14): the user's and the physio's weekly target in hours or TSS, grown
-- by their ramp. Weeks are derived from the journal; only the plan itself is stored. One
-- running plan at a time (stopped_on NULL); a stopped one stays for the record.
CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    unit        TEXT NOT NULL CHECK (unit IN ('hours', 'tss')),
    target      REAL NOT NULL CHECK (target > 0),
    ramp        REAL NOT NULL CHECK (ramp >= 0 AND ramp <= 0.5),
    start_date  TEXT NOT NULL,
    stopped_on  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
