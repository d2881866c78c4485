#include "memory/MemoryStore.h"

#include "core/Timestamps.h"
#include "storage/Database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <map>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr double kFusionK = 60.0; // reciprocal rank fusion's usual constant
constexpr int kCandidates = 50; // from each list before merging
// Below this cosine a message is not "about" the query; without a floor every stored vector would join the
// fusion and outvote a lexical match with a place in a list it barely belongs to.
constexpr float kMinSimilarity = 0.3f;

template<typename T>
Result<T> sqlFailure(const QString& what, const QSqlQuery& q)
{
    return Result<T>::failure(what + u": "_s + q.lastError().text());
}

// The query's words as FTS5 strings (quoted, so no word is read as an operator), joined by `glue`.
QString ftsQuery(const QString& text, const QString& glue)
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+"_s);
    QStringList terms;
    for (auto it = word.globalMatch(text); it.hasNext();)
        terms.append(u'"' + it.next().captured(0) + u'"');
    return terms.join(glue);
}

MemoryMessage messageFrom(const QSqlQuery& q, int first = 0)
{
    MemoryMessage m;
    m.id = q.value(first).toLongLong();
    m.sessionId = q.value(first + 1).toLongLong();
    m.role = q.value(first + 2).toString();
    m.content = q.value(first + 3).toString();
    m.createdAt = fromEpochMs(q.value(first + 4).toLongLong());
    return m;
}

constexpr const char16_t* kSessionColumns
    = u"s.id, s.name, s.created_at, s.last_active, s.ended_at, s.summary, s.key_facts, "
      "(SELECT COUNT(*) FROM memory_messages m WHERE m.session_id = s.id)";

MemorySession sessionFrom(const QSqlQuery& q)
{
    MemorySession s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.createdAt = fromEpochMs(q.value(2).toLongLong());
    s.lastActive = fromEpochMs(q.value(3).toLongLong());
    if (!q.value(4).isNull())
        s.endedAt = fromEpochMs(q.value(4).toLongLong());
    s.summary = q.value(5).toString();
    const QString facts = q.value(6).toString();
    static const QRegularExpression quoted(u"\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    for (auto it = quoted.globalMatch(facts); it.hasNext();)
        s.keyFacts.append(it.next().captured(1));
    s.messageCount = q.value(7).toLongLong();
    return s;
}

} // namespace

MemoryStore::MemoryStore(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<qint64> MemoryStore::currentSession(qint64 nowMs)
{
    // At most one session is open (activate() ends the others); it continues unless it has been idle.
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT id, last_active FROM memory_sessions WHERE ended_at IS NULL "
                "ORDER BY last_active DESC, id DESC LIMIT 1"_s))
        return sqlFailure<qint64>(u"Cannot read the sessions"_s, q);
    if (q.next()) {
        if (nowMs - q.value(1).toLongLong() <= kMemorySessionIdleMs)
            return Result<qint64>::success(q.value(0).toLongLong());
        // Idle for more than an hour: it ended an hour after its last message.
        QSqlQuery close(m_db.sql());
        close.prepare(u"UPDATE memory_sessions SET ended_at = ? WHERE id = ?"_s);
        close.addBindValue(q.value(1).toLongLong() + kMemorySessionIdleMs);
        close.addBindValue(q.value(0).toLongLong());
        if (!close.exec())
            return sqlFailure<qint64>(u"Cannot end the idle session"_s, close);
    }
    QSqlQuery create(m_db.sql());
    create.prepare(u"INSERT INTO memory_sessions (name, created_at, last_active) VALUES ('', ?, ?)"_s);
    create.addBindValue(nowMs);
    create.addBindValue(nowMs);
    if (!create.exec())
        return sqlFailure<qint64>(u"Cannot start a session"_s, create);
    return Result<qint64>::success(create.lastInsertId().toLongLong());
}

Result<MemoryMessage> MemoryStore::remember(const QString& role, const QString& content)
{
    if (role != u"user"_s && role != u"assistant"_s && role != u"system"_s)
        return Result<MemoryMessage>::failure(u"Unknown role “%1”."_s.arg(role));
    if (content.trimmed().isEmpty())
        return Result<MemoryMessage>::failure(u"An empty message is not remembered."_s);
    const qint64 nowMs = toEpochMs(m_clock.now());
    MemoryMessage message;
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            const Result<qint64> session = currentSession(nowMs);
            if (!session) {
                error = session.error();
                return false;
            }
            QSqlQuery insert(m_db.sql());
            insert.prepare(u"INSERT INTO memory_messages (session_id, role, content, created_at) VALUES (?, ?, ?, ?)"_s);
            insert.addBindValue(session.value());
            insert.addBindValue(role);
            insert.addBindValue(content);
            insert.addBindValue(nowMs);
            QSqlQuery touch(m_db.sql());
            touch.prepare(u"UPDATE memory_sessions SET last_active = ? WHERE id = ?"_s);
            touch.addBindValue(nowMs);
            touch.addBindValue(session.value());
            if (!insert.exec() || !touch.exec()) {
                error = insert.lastError().text() + touch.lastError().text();
                return false;
            }
            message = { insert.lastInsertId().toLongLong(), session.value(), role, content, fromEpochMs(nowMs) };
            return true;
        },
        &error);
    if (!ok)
        return Result<MemoryMessage>::failure(u"Cannot remember the message: "_s + error);
    return Result<MemoryMessage>::success(message);
}

Result<QList<MemorySession>> MemoryStore::sessions() const
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT %1 FROM memory_sessions s ORDER BY s.last_active DESC, s.id DESC"_s.arg(kSessionColumns)))
        return sqlFailure<QList<MemorySession>>(u"Cannot read the sessions"_s, q);
    QList<MemorySession> list;
    while (q.next())
        list.append(sessionFrom(q));
    return Result<QList<MemorySession>>::success(list);
}

Result<MemorySession> MemoryStore::session(qint64 id) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT %1 FROM memory_sessions s WHERE s.id = ?"_s.arg(kSessionColumns));
    q.addBindValue(id);
    if (!q.exec())
        return sqlFailure<MemorySession>(u"Cannot read session %1"_s.arg(id), q);
    if (!q.next())
        return Result<MemorySession>::failure(u"There is no session %1."_s.arg(id));
    return Result<MemorySession>::success(sessionFrom(q));
}

Result<QList<MemoryMessage>> MemoryStore::messages(qint64 sessionId) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT id, session_id, role, content, created_at FROM memory_messages WHERE session_id = ? ORDER BY id"_s);
    q.addBindValue(sessionId);
    if (!q.exec())
        return sqlFailure<QList<MemoryMessage>>(u"Cannot read the messages"_s, q);
    QList<MemoryMessage> list;
    while (q.next())
        list.append(messageFrom(q));
    return Result<QList<MemoryMessage>>::success(list);
}

Result<MemorySession> MemoryStore::rename(qint64 sessionId, const QString& name)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE memory_sessions SET name = ? WHERE id = ?"_s);
    q.addBindValue(name.trimmed());
    q.addBindValue(sessionId);
    if (!q.exec())
        return sqlFailure<MemorySession>(u"Cannot rename the session"_s, q);
    return session(sessionId);
}

Result<MemorySession> MemoryStore::activate(qint64 sessionId)
{
    const qint64 nowMs = toEpochMs(m_clock.now());
    bool found = false;
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            QSqlQuery others(m_db.sql());
            others.prepare(u"UPDATE memory_sessions SET ended_at = ? WHERE ended_at IS NULL AND id <> ?"_s);
            others.addBindValue(nowMs);
            others.addBindValue(sessionId);
            QSqlQuery open(m_db.sql());
            open.prepare(u"UPDATE memory_sessions SET last_active = ?, ended_at = NULL WHERE id = ?"_s);
            open.addBindValue(nowMs);
            open.addBindValue(sessionId);
            if (!open.exec() || (open.numRowsAffected() > 0 && !others.exec())) {
                error = open.lastError().text() + others.lastError().text();
                return false;
            }
            found = open.numRowsAffected() > 0;
            return true;
        },
        &error);
    if (!ok)
        return Result<MemorySession>::failure(u"Cannot switch to the session: "_s + error);
    if (!found)
        return Result<MemorySession>::failure(u"There is no session %1."_s.arg(sessionId));
    return session(sessionId);
}

Result<MemorySession> MemoryStore::end(qint64 sessionId)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE memory_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL"_s);
    q.addBindValue(toEpochMs(m_clock.now()));
    q.addBindValue(sessionId);
    if (!q.exec())
        return sqlFailure<MemorySession>(u"Cannot end the session"_s, q);
    return session(sessionId);
}

Result<int> MemoryStore::forget(qint64 sessionId)
{
    QList<qint64> ids;
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            QSqlQuery list(m_db.sql());
            list.prepare(u"SELECT id FROM memory_messages WHERE session_id = ?"_s);
            list.addBindValue(sessionId);
            if (!list.exec()) {
                error = list.lastError().text();
                return false;
            }
            while (list.next())
                ids.append(list.value(0).toLongLong());
            // Messages first (their trigger removes the index entries), then the session; vectors cascade.
            for (const QString& sql : { u"DELETE FROM memory_vectors WHERE message_id IN "
                                         "(SELECT id FROM memory_messages WHERE session_id = ?)"_s,
                     u"DELETE FROM memory_messages WHERE session_id = ?"_s,
                     u"DELETE FROM memory_sessions WHERE id = ?"_s }) {
                QSqlQuery del(m_db.sql());
                del.prepare(sql);
                del.addBindValue(sessionId);
                if (!del.exec()) {
                    error = del.lastError().text();
                    return false;
                }
            }
            return true;
        },
        &error);
    if (!ok)
        return Result<int>::failure(u"Cannot forget the session: "_s + error);
    for (qint64 id : ids)
        m_index.remove(id);
    return Result<int>::success(int(ids.size()));
}

void MemoryStore::dropFromIndex(const QList<qint64>& messageIds)
{
    for (qint64 id : messageIds)
        m_index.remove(id);
}

Result<bool> MemoryStore::setEmbedding(qint64 messageId, const QString& model, std::span<const float> vector)
{
    if (vector.empty())
        return Result<bool>::failure(u"An empty embedding is not stored."_s);
    const QuantizedVector q = quantize(vector);
    QSqlQuery insert(m_db.sql());
    insert.prepare(u"INSERT OR REPLACE INTO memory_vectors (message_id, model, dims, scale, data) VALUES (?, ?, ?, ?, ?)"_s);
    insert.addBindValue(messageId);
    insert.addBindValue(model);
    insert.addBindValue(int(vector.size()));
    insert.addBindValue(double(q.scale));
    insert.addBindValue(q.data);
    if (!insert.exec())
        return sqlFailure<bool>(u"Cannot store the embedding"_s, insert);
    if (m_indexLoaded && model == m_indexModel)
        m_index.insert(messageId, q);
    return Result<bool>::success(true);
}

const VectorIndex& MemoryStore::vectorIndex(const QString& model)
{
    if (m_indexLoaded && model == m_indexModel)
        return m_index;
    m_index = VectorIndex();
    m_indexModel = model;
    m_indexLoaded = true;
    QSqlQuery count(m_db.sql());
    count.prepare(u"SELECT COUNT(*) FROM memory_vectors WHERE model = ?"_s);
    count.addBindValue(model);
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT message_id, scale, data FROM memory_vectors WHERE model = ?"_s);
    q.addBindValue(model);
    if (count.exec() && count.next() && q.exec()) {
        bool reserved = false;
        while (q.next()) {
            QuantizedVector v { float(q.value(1).toDouble()), q.value(2).toByteArray() };
            if (!reserved) {
                m_index = VectorIndex(int(v.data.size()));
                m_index.reserve(count.value(0).toLongLong());
                reserved = true;
            }
            m_index.insert(q.value(0).toLongLong(), v);
        }
    }
    return m_index;
}

Result<QList<MemoryHit>> MemoryStore::searchLexical(const QString& query, int limit) const
{
    QList<MemoryHit> hits;
    for (const QString& glue : { u" "_s, u" OR "_s }) { // every word, else any word
        const QString match = ftsQuery(query, glue);
        if (match.isEmpty())
            return Result<QList<MemoryHit>>::success(hits);
        QSqlQuery q(m_db.sql());
        q.prepare(u"SELECT m.id, m.session_id, m.role, m.content, m.created_at, "
                  "snippet(memory_fts, 0, '[', ']', '…', 12) FROM memory_fts "
                  "JOIN memory_messages m ON m.id = memory_fts.rowid "
                  "WHERE memory_fts MATCH ? ORDER BY rank LIMIT ?"_s);
        q.addBindValue(match);
        q.addBindValue(limit);
        if (!q.exec())
            return sqlFailure<QList<MemoryHit>>(u"Cannot search the memory"_s, q);
        while (q.next()) {
            MemoryHit hit;
            hit.message = messageFrom(q);
            hit.snippet = q.value(5).toString();
            hit.lexicalRank = int(hits.size()) + 1;
            hit.score = 1.0 / (kFusionK + hit.lexicalRank);
            hits.append(hit);
        }
        if (!hits.isEmpty())
            break;
    }
    return Result<QList<MemoryHit>>::success(hits);
}

Result<QList<MemoryMessage>> MemoryStore::messagesById(const QList<qint64>& ids) const
{
    QList<MemoryMessage> list;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT id, session_id, role, content, created_at FROM memory_messages WHERE id = ?"_s);
    for (qint64 id : ids) {
        q.addBindValue(id);
        if (!q.exec())
            return sqlFailure<QList<MemoryMessage>>(u"Cannot read a message"_s, q);
        if (q.next())
            list.append(messageFrom(q));
    }
    return Result<QList<MemoryMessage>>::success(list);
}

Result<QList<MemoryHit>> MemoryStore::search(
    const QString& query, int limit, const QString& model, std::span<const float> queryVector)
{
    const Result<QList<MemoryHit>> lexical = searchLexical(query, kCandidates);
    if (!lexical)
        return lexical;
    std::map<qint64, MemoryHit> merged;
    for (const MemoryHit& hit : lexical.value())
        merged[hit.message.id] = hit;
    if (!queryVector.empty() && !model.isEmpty()) {
        const QList<VectorHit> semantic = vectorIndex(model).search(queryVector, kCandidates);
        QList<qint64> missing;
        for (qsizetype i = 0; i < semantic.size() && semantic[i].score >= kMinSimilarity; ++i) {
            MemoryHit& hit = merged[semantic[i].id];
            hit.semanticRank = int(i) + 1;
            hit.similarity = semantic[i].score;
            hit.score += 1.0 / (kFusionK + hit.semanticRank);
            if (hit.message.id == 0)
                missing.append(semantic[i].id);
        }
        const Result<QList<MemoryMessage>> found = messagesById(missing);
        if (!found)
            return Result<QList<MemoryHit>>::failure(found.error());
        for (const MemoryMessage& m : found.value()) {
            MemoryHit& hit = merged[m.id];
            hit.message = m;
            hit.snippet = m.content.left(160).simplified();
        }
    }
    QList<MemoryHit> hits;
    for (auto& [id, hit] : merged)
        if (hit.message.id != 0) // a vector whose message vanished meanwhile
            hits.append(hit);
    std::stable_sort(hits.begin(), hits.end(), [](const MemoryHit& a, const MemoryHit& b) {
        return a.score > b.score || (a.score == b.score && a.message.id > b.message.id);
    });
    if (hits.size() > limit)
        hits.resize(limit);
    return Result<QList<MemoryHit>>::success(hits);
}

} // namespace caseyos
