-- 0007: the hash-chained audit log (PRODUCT.md §9, issue 5 point 5; docs/audit-log.md). Times are INTEGER
-- milliseconds since the Unix epoch (UTC). Statements are separated by lines holding only ";;".
--
-- Each entry carries the SHA-256 of the entry before it (prev_hash; 64 zeros for the very first) and its own hash
-- over a canonical serialization of (id, at, kind, actor, subject, details, prev_hash), computed by
-- services/audit/AuditHash.cpp. The triggers below make the table append-only for ordinary code: an entry can only
-- be added right after the last one, never changed, and only removed from the front by pruning, which first
-- records a checkpoint (the last pruned entry's id and hash) so the remainder still verifies.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
)
;;
CREATE INDEX audit_log_kind ON audit_log (kind, id)
;;
-- One row per prune: the last pruned entry (last_id, last_hash), when, how many went, and the row's own hash over
-- those fields (checked by verify, so a changed checkpoint is found too).
CREATE TABLE audit_checkpoints (
    id INTEGER PRIMARY KEY,
    last_id INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    at INTEGER NOT NULL,
    pruned INTEGER NOT NULL,
    hash TEXT NOT NULL
)
;;
-- Appending: the new id follows the last one (or the last checkpoint when everything was pruned) and prev_hash is
-- that entry's hash. AuditLog takes the write lock (BEGIN IMMEDIATE) before reading the last hash, so two
-- processes cannot both append after the same entry; this trigger makes any other writer fail instead of forking.
CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT COALESCE((SELECT MAX(id) FROM audit_log),
                            (SELECT MAX(last_id) FROM audit_checkpoints), 0) + 1
  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                                   (SELECT last_hash FROM audit_checkpoints ORDER BY last_id DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: a new entry must follow the last one');
END
;;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END
;;
-- Deleting: only entries at or before the newest checkpoint (the pruning path: checkpoint first, then delete).
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.id > COALESCE((SELECT MAX(last_id) FROM audit_checkpoints), 0)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: only pruning (after a checkpoint) removes entries');
END
;;
-- A checkpoint names an existing entry by its true stored hash, past every earlier checkpoint.
CREATE TRIGGER audit_checkpoints_append BEFORE INSERT ON audit_checkpoints
WHEN NEW.last_hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.last_id)
  OR NEW.last_id <= COALESCE((SELECT MAX(last_id) FROM audit_checkpoints), 0)
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoints: a checkpoint must name an existing entry after the last checkpoint');
END
;;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoints are append-only');
END
;;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoints are append-only');
END
