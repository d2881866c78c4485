-- 0001: signals, moves and move telemetry. Times are INTEGER milliseconds since the Unix epoch (UTC).
-- Statements are separated by lines holding only ";;" so the runner can split them without parsing SQL.
CREATE TABLE moves (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    action_type TEXT NOT NULL,
    action_context TEXT NOT NULL DEFAULT '{}',
    domain TEXT NOT NULL DEFAULT 'sales' CHECK (domain IN ('sales', 'marketing', 'cs')),
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
        CHECK (status IN ('pending', 'in_progress', 'completed', 'dismissed', 'snoozed', 'failed')),
    dismiss_reason TEXT NOT NULL DEFAULT '',
    due_by INTEGER,
    snoozed_until INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    completed_at INTEGER,
    executed_at INTEGER,
    signal_id INTEGER UNIQUE,
    source TEXT NOT NULL DEFAULT 'manual'
)
;;
CREATE INDEX moves_rank ON moves (status, aps DESC, due_by, created_at)
;;
CREATE INDEX moves_contact ON moves (contact_email)
;;
CREATE TABLE signals (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('form', 'hubspot', 'gmail', 'calendar', 'manual')),
    event_type TEXT NOT NULL,
    source_id TEXT,
    occurred_at INTEGER NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    dedupe_key TEXT NOT NULL UNIQUE,
    received_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'processed', 'ignored', 'failed')),
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    move_id INTEGER
)
;;
CREATE INDEX signals_state ON signals (state)
;;
CREATE TABLE move_events (
    id INTEGER PRIMARY KEY,
    move_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
)
;;
CREATE INDEX move_events_move ON move_events (move_id, at)
