-- 0009: Jarvis memory (PRODUCT.md §6): sessions, every message, a full-text index and compact embeddings.
-- Times are INTEGER milliseconds since the Unix epoch (UTC); NULL means "not set".
-- Statements are separated by lines holding only ";;". CHECKs compare with OR, not IN (...) (see 0001).
CREATE TABLE memory_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    last_active INTEGER NOT NULL,
    ended_at INTEGER, -- set when the user ends it or it idles out; a new one starts on the next message
    summary TEXT NOT NULL DEFAULT '',
    key_facts TEXT NOT NULL DEFAULT '[]',
    summarized_at INTEGER
)
;;
CREATE INDEX memory_sessions_active ON memory_sessions (last_active DESC)
;;
CREATE TABLE memory_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES memory_sessions (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role = 'user' OR role = 'assistant' OR role = 'system'),
    content TEXT NOT NULL,
    created_at INTEGER NOT NULL
)
;;
CREATE INDEX memory_messages_session ON memory_messages (session_id, id)
;;
-- Lexical search (always available). External content: the text lives once, in memory_messages; the
-- triggers keep the index in step. porter stems English ("pricing" finds "price").
CREATE VIRTUAL TABLE memory_fts USING fts5 (
    content, content = 'memory_messages', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
)
;;
CREATE TRIGGER memory_messages_ai AFTER INSERT ON memory_messages BEGIN
    INSERT INTO memory_fts (rowid, content) VALUES (new.id, new.content);
END
;;
CREATE TRIGGER memory_messages_ad AFTER DELETE ON memory_messages BEGIN
    INSERT INTO memory_fts (memory_fts, rowid, content) VALUES ('delete', old.id, old.content);
END
;;
CREATE TRIGGER memory_messages_au AFTER UPDATE OF content ON memory_messages BEGIN
    INSERT INTO memory_fts (memory_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO memory_fts (rowid, content) VALUES (new.id, new.content);
END
;;
-- Semantic search (when an embeddings provider is configured): one unit vector per message, quantized to
-- signed bytes with its scale (a quarter of float32's size; 1536 dimensions = 1.5 KB). model names the
-- embeddings model, so vectors of another model are never compared.
CREATE TABLE memory_vectors (
    message_id INTEGER PRIMARY KEY REFERENCES memory_messages (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    dims INTEGER NOT NULL,
    scale REAL NOT NULL,
    data BLOB NOT NULL
)
