-- 0005: approvals for MCP tools that would send or change something outside CaseyOS, the MCP call log, and
-- email drafts made through MCP. Times are INTEGER milliseconds since the Unix epoch (UTC); NULL: not set.
-- Statements are separated by lines holding only ";;". CHECKs compare with OR, not IN (...) (see 0001).
--
-- An approval is a request to run one tool call (tool + its arguments, never secrets). It starts pending
-- (or approved at once when the user allowed the tool permanently: decided_by = 'allowed_tool') and is
-- decided once, by the user, in the app or with `caseyos approvals`. A rejected approval never runs.
-- executed_at stays NULL until an executor exists (another issue): an approved one is "would be executed".
CREATE TABLE approvals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tool TEXT NOT NULL,
    arguments TEXT NOT NULL DEFAULT '{}',
    summary TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status = 'pending' OR status = 'approved' OR status = 'rejected'),
    decided_by TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    executed_at INTEGER
)
;;
CREATE INDEX approvals_status ON approvals (status, created_at)
;;
-- Every MCP tools/call, append-only (a simple log; the hash-chained audit log is another issue's).
CREATE TABLE mcp_calls (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    tool TEXT NOT NULL,
    arguments TEXT NOT NULL DEFAULT '{}',
    is_error INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    approval_id INTEGER,
    duration_us INTEGER NOT NULL DEFAULT 0
)
;;
CREATE TABLE email_drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    move_id INTEGER,
    approval_id INTEGER,
    created_at INTEGER NOT NULL
)
