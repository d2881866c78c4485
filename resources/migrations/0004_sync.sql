-- 0004: incremental sync of the connected accounts (issue 4). Times are INTEGER milliseconds since the Unix epoch
-- (UTC); NULL means "not set". Statements are separated by lines holding only ";;". CHECKs compare with OR.
-- Only ids, cursors, times and counts live here: names, addresses, subjects and tokens never do (the signals
-- carry the payloads; the keychain holds the secrets).
--
-- One row per account and stream ("gmail", "calendar", "hubspot:deals", "hubspot:contacts"). `cursor` is the
-- provider's own position (a Gmail historyId, a Calendar syncToken, a HubSpot last-modified time with the ids
-- already seen at that time, as JSON). It is written in the same transaction as the signals of the page it
-- covers (IngestPipeline::flush(step)), so a crash can neither skip nor repeat events.
CREATE TABLE sync_state (
    account TEXT NOT NULL,
    stream TEXT NOT NULL,
    cursor TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'never'
        CHECK (status = 'never' OR status = 'running' OR status = 'ok' OR status = 'error'),
    last_error TEXT NOT NULL DEFAULT '',
    last_sync_at INTEGER,
    last_success_at INTEGER,
    full_syncs INTEGER NOT NULL DEFAULT 0,
    items_seen INTEGER NOT NULL DEFAULT 0,
    signals_made INTEGER NOT NULL DEFAULT 0,
    outcomes_made INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, stream)
)
;;
-- Outcomes a sync recorded, by a key naming what happened ("gmail:<account>:bounce:<message id>"), so an
-- outcome is recorded once even when a full resync sees its message or meeting again.
CREATE TABLE sync_outcome_keys (
    outcome_key TEXT PRIMARY KEY,
    outcome_id INTEGER NOT NULL
)
;;
-- Gmail threads in which the account's user has sent a message: a new inbound message in one of them is a reply.
CREATE TABLE sync_gmail_threads (
    account TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    PRIMARY KEY (account, thread_id)
)
;;
-- HubSpot deals as last seen: stage and pipeline ids and the amount, to detect changes.
CREATE TABLE sync_hubspot_deals (
    account TEXT NOT NULL,
    deal_id TEXT NOT NULL,
    pipeline TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT '',
    amount REAL,
    modified_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, deal_id)
)
;;
-- Calendar meetings as last seen: times and state only. scheduled_key is the dedupe key of the
-- meeting_scheduled signal that announced the current start (its payload describes the meeting when it ends).
CREATE TABLE sync_calendar_events (
    account TEXT NOT NULL,
    event_id TEXT NOT NULL,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled = 0 OR cancelled = 1),
    scheduled_key TEXT NOT NULL DEFAULT '',
    ended INTEGER NOT NULL DEFAULT 0 CHECK (ended = 0 OR ended = 1),
    PRIMARY KEY (account, event_id)
)
;;
CREATE INDEX sync_calendar_events_pending ON sync_calendar_events (account, end_at) WHERE ended = 0 AND cancelled = 0
