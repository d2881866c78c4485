-- 0010: what became of an approved MCP call (PRODUCT.md §8). An approved execute_move, or create_email_draft
-- with send, is handed to the executor (services/execution/ApprovedCalls) by the app, or by
-- `caseyos approvals approve`. The execution row carries approval_id and is the proof of the hand-over; the
-- executor sets executed_at when it succeeds. Statements are separated by lines holding only ";;".
--   execution_id  the execution it became (NULL: not handed over, or it could not run)
--   handoff       '' until handed over; then one line for people: "Execution 12 queued", or why it did
--                 not run ("Blocked: the kill switch is on"). A rejected approval never gets one.
ALTER TABLE approvals ADD COLUMN execution_id INTEGER
;;
ALTER TABLE approvals ADD COLUMN handoff TEXT NOT NULL DEFAULT ''
