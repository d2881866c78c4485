-- 0006: executions of moves (PRODUCT.md §7): the outbox, idempotency, undo. Times are INTEGER milliseconds
-- since the Unix epoch (UTC); NULL: not set. Statements are separated by lines holding only ";;". CHECKs
-- compare with OR, not IN (...) (see 0001).
--
-- A row is written (and committed) BEFORE any external call, so a crash or a retry can never perform an
-- action twice: the idempotency key (SHA-256 of move + action + canonical payload) is UNIQUE, and a row left
-- 'running' by a crash is reconciled with the remote system (performer find by remote_key) before anything
-- is retried.
--   queued     in the outbox, leaves at due_at unless cancelled first (sends: the undo window)
--   running    the external call may be under way (runner names the process)
--   succeeded  done; remote_ref names what was created (Gmail message id, draft id, Slack ts, …)
--   failed     the call failed or was stopped (error says why); submitting it again retries
--   cancelled  taken out of the outbox before it left: nothing went out
--   undone     done, then reversed (draft deleted, previous values restored)
CREATE TABLE executions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    move_id INTEGER,
    action TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    payload_hash TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    -- What the remote system sees (the Message-ID header is derived from it): the idempotency key, with
    -- "-<generation>" when a cancelled or undone execution is run again (a new object, never the old one).
    remote_key TEXT NOT NULL,
    generation INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL
        CHECK (state = 'queued' OR state = 'running' OR state = 'succeeded' OR state = 'failed'
            OR state = 'cancelled' OR state = 'undone'),
    due_at INTEGER,
    remote_ref TEXT NOT NULL DEFAULT '',
    undo_info TEXT NOT NULL DEFAULT '{}',
    error TEXT NOT NULL DEFAULT '',
    -- 1: interrupted mid-call on a service that cannot be asked whether it happened (Slack, X): look before
    -- running it again.
    uncertain INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    -- ",a@x.com,b@y.com,": the addresses written to, for the per-contact send cap.
    recipients TEXT NOT NULL DEFAULT '',
    runner TEXT NOT NULL DEFAULT '',
    approval_id INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER
)
;;
CREATE INDEX executions_state ON executions (state, due_at)
;;
CREATE INDEX executions_move ON executions (move_id, id)
;;
-- The send caps count sends by the time they leave (due_at).
CREATE INDEX executions_sends ON executions (action, due_at)
;;
-- Execution settings shared by every process on this data folder: the kill switch, the caps, the undo window.
CREATE TABLE execution_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
)
