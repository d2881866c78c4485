-- 0001: signals, moves and move telemetry. Times are INTEGER milliseconds since the Unix epoch (UTC).
-- Statements are separated by lines holding only ";;" so the runner can split them without parsing SQL.
-- The schema_migrations table itself is created by the migration runner, not here.
-- CHECKs compare with OR, not IN (...): SQLite builds a temporary b-tree for every IN list it evaluates, which
-- made each insert several times slower (measured on the ingest hot path).
CREATE TABLE signals (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL
        CHECK (source = 'form' OR source = 'hubspot' OR source = 'gmail' OR source = 'calendar' OR source = 'manual'),
    event_type TEXT NOT NULL,
    source_id TEXT,
    occurred_at INTEGER NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    -- The full key (lowercase hex SHA-256), and its first 64 bits as an integer for the index: a random 64-char
    -- text key made the index four times as costly to insert into as an integer one (measured). Uniqueness is
    -- checked on the full key by the writer (look up by hash, compare keys), so a 64-bit collision between
    -- two different keys can never drop a signal.
    dedupe_key TEXT NOT NULL,
    dedupe_hash INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'new'
        CHECK (state = 'new' OR state = 'processed' OR state = 'ignored' OR state = 'failed'),
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    -- No foreign key: a move can be deleted and restored (undo) under the same id; the link is cleared on
    -- delete and written back on restore by the move service.
    move_id INTEGER
)
;;
CREATE INDEX signals_dedupe ON signals (dedupe_hash)
;;
-- No index on state: counting by state (health) scans in a few ms, and every index costs on each insert.
-- AUTOINCREMENT: a deleted move's id is never handed to a new move, so undo can restore it under the same
-- id and the telemetry of the deleted move never mixes with another move's.
CREATE TABLE moves (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    action_type TEXT NOT NULL,
    action_context TEXT NOT NULL DEFAULT '{}',
    domain TEXT NOT NULL DEFAULT 'sales' CHECK (domain = 'sales' OR domain = 'marketing' OR domain = 'cs'),
    aps REAL NOT NULL CHECK (aps >= 0 AND aps <= 100),
    revenue REAL NOT NULL,
    urgency REAL NOT NULL,
    effort REAL NOT NULL,
    strategic REAL NOT NULL,
    outcome_adjustment REAL NOT NULL DEFAULT 0,
    reasoning TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    deal_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status = 'pending' OR status = 'in_progress' OR status = 'completed' OR status = 'dismissed'
            OR status = 'snoozed' OR status = 'failed'),
    dismiss_reason TEXT NOT NULL DEFAULT '',
    due_by INTEGER,
    snoozed_until INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    completed_at INTEGER,
    executed_at INTEGER,
    signal_id INTEGER UNIQUE REFERENCES signals (id) ON DELETE SET NULL,
    source TEXT NOT NULL DEFAULT 'manual'
)
;;
-- Today's order (APS desc, due_by asc with none last, created_at, id) read straight from the index, so the
-- top 10 of 200 000 moves needs no sort. (due_by IS NULL) puts the moves without a due time last.
CREATE INDEX moves_rank ON moves (status, aps DESC, (due_by IS NULL), due_by, created_at, id)
;;
-- No index on contact_email yet: nothing looks moves up by contact before outcomes arrive, and a random text
-- index is the costliest part of an insert. The migration that adds outcome feedback adds the index it needs.
-- Telemetry outlives the move it describes (move_deleted), so no foreign key to moves.
CREATE TABLE move_events (
    id INTEGER PRIMARY KEY,
    move_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
)
;;
CREATE INDEX move_events_move ON move_events (move_id, at)
