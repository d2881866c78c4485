-- 0003: notifications (PRODUCT.md §5) and what the background checks remember between runs.
-- Times are INTEGER milliseconds since the Unix epoch (UTC); NULL means "not set".
-- Statements are separated by lines holding only ";;". CHECKs compare with OR, not IN (...) (see 0001).
--
-- priority holds the weight itself (urgent 100, high 75, normal 50, low 25), so the unread order (weight, then
-- newest) is a plain ORDER BY that an index can serve; the names are the code's business.
-- move_id and signal_id carry no foreign keys: a move can be deleted and restored under the same id (undo),
-- and a notification about it should point at it again when it comes back.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 50
        CHECK (priority = 100 OR priority = 75 OR priority = 50 OR priority = 25),
    kind TEXT NOT NULL DEFAULT '',
    move_id INTEGER,
    signal_id INTEGER,
    created_at INTEGER NOT NULL,
    read_at INTEGER,
    dismissed_at INTEGER,
    snoozed_until INTEGER,
    expires_at INTEGER
)
;;
-- The unread list in its order, straight from the index (only rows still unread are in it).
CREATE INDEX notifications_unread ON notifications (priority DESC, created_at DESC, id DESC)
    WHERE read_at IS NULL AND dismissed_at IS NULL
;;
-- Signal-based checks (new leads, deal updates, replies): the highest signal id a check has looked at. A
-- signal's id grows with the order in which writes commit (one writer at a time), so "id > cursor" is exactly
-- "arrived since the check last ran", whatever the signals' own occurred_at says.
CREATE TABLE check_cursors (
    check_name TEXT PRIMARY KEY,
    last_signal_id INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
)
;;
-- Condition-based checks (overdue moves, stale moves, meetings starting soon): the items (move or signal ids)
-- the condition covered when it was last notified. A run notifies only for items not in this set, then
-- replaces the set with the current one, so an unchanged condition never notifies twice and an item that
-- leaves the condition and comes back (a reopened move) counts as new again.
CREATE TABLE check_items (
    check_name TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    noted_at INTEGER NOT NULL,
    PRIMARY KEY (check_name, item_id)
)
;;
-- The meeting check's own view of the calendar: for each event, the newest word on it (a booking or a
-- cancellation, by occurred_at then id) and the booking that set its current start. Kept up to date from the
-- calendar signals that arrive (check_cursors), so finding the meetings that start within 15 minutes is an
-- index range instead of a parse of every calendar payload ever received. No personal data: ids and times.
CREATE TABLE check_meetings (
    event_id TEXT PRIMARY KEY,
    booking_id INTEGER,
    start_at INTEGER,
    end_at INTEGER,
    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled = 0 OR cancelled = 1),
    latest_id INTEGER NOT NULL,
    latest_at INTEGER NOT NULL
)
;;
CREATE INDEX check_meetings_start ON check_meetings (start_at) WHERE cancelled = 0
