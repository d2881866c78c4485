-- 0002: outcomes (PRODUCT.md §4), the feedback that re-scores a contact's open moves (PRODUCT.md §2).
-- Times are INTEGER milliseconds since the Unix epoch (UTC); statements are separated by ";;" lines; CHECKs use
-- OR rather than IN (see 0001).
-- No foreign keys to moves or signals: a move can be deleted and restored under the same id (undo), and an
-- outcome is history that outlives the move it was recorded for.
CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL
        CHECK (type = 'email_sent' OR type = 'email_opened' OR type = 'email_clicked' OR type = 'email_replied'
            OR type = 'email_bounced' OR type = 'email_unsubscribed' OR type = 'meeting_booked'
            OR type = 'meeting_held' OR type = 'meeting_no_show' OR type = 'meeting_rescheduled'
            OR type = 'deal_created' OR type = 'deal_stage_advanced' OR type = 'deal_stage_regressed'
            OR type = 'deal_won' OR type = 'deal_lost' OR type = 'task_completed' OR type = 'task_overdue'
            OR type = 'positive_response' OR type = 'negative_response' OR type = 'no_response'),
    category TEXT NOT NULL
        CHECK (category = 'email' OR category = 'meeting' OR category = 'deal' OR category = 'task'
            OR category = 'general'),
    source TEXT NOT NULL DEFAULT 'manual'
        CHECK (source = 'gmail' OR source = 'hubspot' OR source = 'calendar' OR source = 'manual'
            OR source = 'system'),
    confidence REAL NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
    -- default impact × confidence, so always within the types' range [−5, +10]
    impact REAL NOT NULL CHECK (impact >= -5 AND impact <= 10),
    -- Lowercased, '' when the outcome is about no one in particular.
    contact_email TEXT NOT NULL DEFAULT '',
    move_id INTEGER,
    deal_id TEXT NOT NULL DEFAULT '',
    signal_id INTEGER,
    note TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '{}',
    -- When it happened (detected_at); created_at is when it was recorded here.
    occurred_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
)
;;
-- Stats over a window (100 000 outcomes in < 100 ms, tests/bench/bench_outcome_stats). Both indexes cover their
-- queries, so the table itself is never read:
-- counts and impact per type: one range of this index per type (type = ? AND occurred_at in the window); a
-- GROUP BY type over an occurred_at index had to sort every row of the window, several times slower;
CREATE INDEX outcomes_type ON outcomes (type, occurred_at, impact)
;;
-- net impact per local day: one range of this index per day.
CREATE INDEX outcomes_time ON outcomes (occurred_at, impact)
;;
-- One contact's stats and outcome adjustment: a range of this index, also covering.
CREATE INDEX outcomes_contact ON outcomes (contact_email, occurred_at, type, impact)
;;
-- The outcomes of one move (its detail, its history). Most outcomes from connectors name no move.
CREATE INDEX outcomes_move ON outcomes (move_id) WHERE move_id IS NOT NULL
;;
-- Re-scoring finds a contact's open moves by email, ignoring case (payloads spell addresses as they like).
-- Partial: moves about no one are never looked up this way, and skipping them keeps inserts cheaper.
CREATE INDEX moves_contact ON moves (contact_email COLLATE NOCASE) WHERE contact_email <> ''
