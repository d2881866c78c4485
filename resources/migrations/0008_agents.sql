-- 0008: the agents (services/agents). Times are INTEGER milliseconds since the Unix epoch (UTC). Statements are
-- separated by lines holding only ";;". CHECKs compare with OR, not IN (...) (see 0001).
--
-- Every run of an agent, kept so an Agents view can show each agent's last run and what it found. `result` is
-- the run's JSON (status, summary, findings with evidence, proposed moves, the core's output).
CREATE TABLE agent_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent TEXT NOT NULL,
    domain TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status = 'ok' OR status = 'needs_model' OR status = 'needs_account' OR status = 'needs_input'
            OR status = 'failed'),
    summary TEXT NOT NULL DEFAULT '',
    input TEXT NOT NULL DEFAULT '{}',
    result TEXT NOT NULL DEFAULT '{}',
    moves_created INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL
)
;;
CREATE INDEX agent_runs_agent ON agent_runs (agent, started_at)
;;
-- What each agent has proposed, by subject ("dana@acme.com", "deal:42"): an agent proposes a subject once,
-- ever, so running it again (or after the user dismissed the move) proposes nothing new. Written in the same
-- transaction as the move. No foreign key: the proposal outlives a deleted move on purpose.
CREATE TABLE agent_proposals (
    agent TEXT NOT NULL,
    subject TEXT NOT NULL,
    move_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (agent, subject)
)
