#include "storage/SignalBatchWriter.h"

#include "core/CanonicalJson.h"
#include "core/Timestamps.h"
#include "storage/Database.h"
#include "storage/FastText.h"

#include <QJsonObject>
#include <cstring>
#include <initializer_list>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr const char* kFindSignal = "SELECT dedupe_key FROM signals WHERE dedupe_hash = ?1";

constexpr const char* kInsertSignal
    = "INSERT INTO signals (source, event_type, source_id, occurred_at, payload, dedupe_key, dedupe_hash, "
      "received_at, state, error, attempts, move_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
      "?12)";

constexpr const char* kInsertMove
    = "INSERT INTO moves (id, title, description, action_type, action_context, domain, aps, revenue, "
      "urgency, "
      "effort, strategic, outcome_adjustment, reasoning, contact_email, contact_name, company, deal_id, "
      "status, "
      "dismiss_reason, due_by, snoozed_until, created_at, updated_at, completed_at, executed_at, signal_id, "
      "source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
      "?20, "
      "?21, ?22, ?23, ?24, ?25, ?26, ?27)";

// One statement for a whole batch's telemetry: SQLite's own loop is far cheaper than a bind/step per move.
constexpr const char* kInsertEvents
    = "INSERT INTO move_events (move_id, type, at, details) SELECT id, 'move_created', created_at, "
      "'{\"via\":\"import\"}' FROM moves WHERE id >= ?1 AND id < ?2";

// Reserves room for the UTF-8 of `strings` in `arena` before any is bound: binding uses SQLITE_STATIC
// pointers into the arena, so it must not reallocate until the statement has run.
void reserveFor(QByteArray& arena, std::initializer_list<const QString*> strings)
{
    qsizetype bytes = 0;
    for (const QString* s : strings)
        bytes += s->size() * 3;
    arena.resize(0);
    if (arena.capacity() < bytes)
        arena.reserve(bytes + 4096);
}

void bindText(QByteArray& arena, sqlite3_stmt* stmt, int index, const QString& text)
{
    const qsizetype start = arena.size();
    fasttext::appendUtf8(arena, text);
    sqlite3_bind_text(stmt, index, arena.constData() + start, int(arena.size() - start), SQLITE_STATIC);
}

void bindTimeOrNull(sqlite3_stmt* stmt, int index, const QDateTime& value)
{
    if (value.isValid())
        sqlite3_bind_int64(stmt, index, toEpochMs(value));
    else
        sqlite3_bind_null(stmt, index);
}

void bindJson(QByteArray& buffer, sqlite3_stmt* stmt, int index, const QJsonObject& object)
{
    buffer.resize(0); // keeps the capacity
    if (object.isEmpty())
        buffer.append("{}", 2);
    else
        appendCanonicalJson(buffer, object);
    sqlite3_bind_text(stmt, index, buffer.constData(), int(buffer.size()), SQLITE_STATIC);
}

// UTF-8 literals, so no QString is built per row.
const char* stateName(SignalState state)
{
    switch (state) {
    case SignalState::New:
        return "new";
    case SignalState::Processed:
        return "processed";
    case SignalState::Ignored:
        return "ignored";
    case SignalState::Failed:
        return "failed";
    }
    return "new";
}

const char* statusName(MoveStatus status)
{
    switch (status) {
    case MoveStatus::Pending:
        return "pending";
    case MoveStatus::InProgress:
        return "in_progress";
    case MoveStatus::Completed:
        return "completed";
    case MoveStatus::Dismissed:
        return "dismissed";
    case MoveStatus::Snoozed:
        return "snoozed";
    case MoveStatus::Failed:
        return "failed";
    }
    return "pending";
}

} // namespace

qint64 dedupeHash(const QString& dedupeKey)
{
    bool ok = false;
    const quint64 value = QStringView(dedupeKey).left(16).toULongLong(&ok, 16);
    if (ok)
        return qint64(value);
    // A key that is not hex (dedupeKey() never makes one) still gets a stable hash: FNV-1a.
    quint64 fnv = 14695981039346656037ULL;
    for (QChar c : dedupeKey)
        fnv = (fnv ^ c.unicode()) * 1099511628211ULL;
    return qint64(fnv);
}

SignalBatchWriter::SignalBatchWriter(Database& db)
    : m_handle(db.rawHandle())
{
    // Room for the usual row, so appending never reallocates (reserve() below the capacity is a no-op).
    m_text.reserve(8 * 1024);
    m_payloadBuffer.reserve(16 * 1024);
    m_contextBuffer.reserve(4 * 1024);
}

SignalBatchWriter::~SignalBatchWriter()
{
    sqlite3_finalize(m_findSignal);
    sqlite3_finalize(m_insertSignal);
    sqlite3_finalize(m_insertMove);
    sqlite3_finalize(m_insertEvents);
}

QString SignalBatchWriter::sqliteError() const
{
    return m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : u"the database is not open"_s;
}

bool SignalBatchWriter::prepare(sqlite3_stmt** stmt, const char* sql, QString* error)
{
    if (*stmt)
        return true;
    if (sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) == SQLITE_OK)
        return true;
    if (error)
        *error = sqliteError();
    return false;
}

bool SignalBatchWriter::beginBatch(QString* error)
{
    if (!m_handle) {
        if (error)
            *error = sqliteError();
        return false;
    }
    if (!prepare(&m_findSignal, kFindSignal, error) || !prepare(&m_insertSignal, kInsertSignal, error)
        || !prepare(&m_insertMove, kInsertMove, error) || !prepare(&m_insertEvents, kInsertEvents, error))
        return false;
    // AUTOINCREMENT keeps the highest id ever used in sqlite_sequence (a deleted move's id is never reused).
    sqlite3_stmt* next = nullptr;
    const char* sql = "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'moves'), 0), "
                      "COALESCE((SELECT MAX(id) FROM moves), 0)) + 1";
    if (!prepare(&next, sql, error))
        return false;
    const bool ok = sqlite3_step(next) == SQLITE_ROW;
    if (ok)
        m_firstMoveId = m_nextMoveId = sqlite3_column_int64(next, 0);
    else if (error)
        *error = sqliteError();
    sqlite3_finalize(next);
    return ok;
}

bool SignalBatchWriter::finishBatch(QString* error)
{
    if (m_nextMoveId == m_firstMoveId)
        return true;
    sqlite3_bind_int64(m_insertEvents, 1, m_firstMoveId);
    sqlite3_bind_int64(m_insertEvents, 2, m_nextMoveId);
    const bool ok = sqlite3_step(m_insertEvents) == SQLITE_DONE;
    if (!ok && error)
        *error = sqliteError();
    sqlite3_reset(m_insertEvents);
    m_firstMoveId = m_nextMoveId;
    return ok;
}

bool SignalBatchWriter::isStored(const Signal& signal, qint64 hash, bool* failed)
{
    sqlite3_stmt* f = m_findSignal;
    sqlite3_bind_int64(f, 1, hash);
    bool found = false;
    int rc;
    while (!found && (rc = sqlite3_step(f)) == SQLITE_ROW) {
        // The key is lowercase hex (ASCII), so comparing it with the stored UTF-8 needs no conversion.
        const auto* stored = reinterpret_cast<const char*>(sqlite3_column_text(f, 0));
        const int bytes = sqlite3_column_bytes(f, 0);
        found = bytes == signal.dedupeKey.size() && QLatin1StringView(stored, bytes) == signal.dedupeKey;
    }
    *failed = !found && rc != SQLITE_DONE;
    sqlite3_reset(f);
    return found;
}

SignalBatchWriter::Outcome SignalBatchWriter::write(
    const Signal& signal, const Move* move, qint64* signalId, qint64* moveId, QString* error)
{
    auto failed = [&](sqlite3_stmt* stmt) {
        if (error)
            *error = sqliteError();
        sqlite3_reset(stmt);
        return Outcome::Failed;
    };

    const qint64 hash = dedupeHash(signal.dedupeKey);
    bool lookupFailed = false;
    if (isStored(signal, hash, &lookupFailed))
        return Outcome::Duplicate; // stored earlier, or earlier in this batch
    if (lookupFailed)
        return failed(m_findSignal);

    sqlite3_stmt* s = m_insertSignal;
    reserveFor(
        m_text, { &signal.source, &signal.eventType, &signal.sourceId, &signal.dedupeKey, &signal.error });
    bindText(m_text, s, 1, signal.source);
    bindText(m_text, s, 2, signal.eventType);
    if (signal.sourceId.isNull())
        sqlite3_bind_null(s, 3);
    else
        bindText(m_text, s, 3, signal.sourceId);
    sqlite3_bind_int64(s, 4, toEpochMs(signal.occurredAt));
    bindJson(m_payloadBuffer, s, 5, signal.payload);
    bindText(m_text, s, 6, signal.dedupeKey);
    sqlite3_bind_int64(s, 7, hash);
    sqlite3_bind_int64(s, 8, toEpochMs(signal.receivedAt));
    sqlite3_bind_text(s, 9, stateName(signal.state), -1, SQLITE_STATIC);
    bindText(m_text, s, 10, signal.error);
    sqlite3_bind_int(s, 11, signal.attempts);
    if (move)
        sqlite3_bind_int64(s, 12, m_nextMoveId);
    else
        sqlite3_bind_null(s, 12);
    if (sqlite3_step(s) != SQLITE_DONE)
        return failed(s);
    sqlite3_reset(s);
    const qint64 newSignalId = sqlite3_last_insert_rowid(m_handle);
    if (signalId)
        *signalId = newSignalId;
    if (!move)
        return Outcome::Stored;

    const qint64 newMoveId = m_nextMoveId;
    sqlite3_stmt* m = m_insertMove;
    reserveFor(m_text,
        { &move->title, &move->description, &move->actionType, &move->domain, &move->reasoning,
            &move->contactEmail, &move->contactName, &move->company, &move->dealId, &move->dismissReason,
            &signal.source });
    sqlite3_bind_int64(m, 1, newMoveId);
    bindText(m_text, m, 2, move->title);
    bindText(m_text, m, 3, move->description);
    bindText(m_text, m, 4, move->actionType);
    bindJson(m_contextBuffer, m, 5, move->actionContext);
    bindText(m_text, m, 6, move->domain);
    sqlite3_bind_double(m, 7, move->aps);
    sqlite3_bind_double(m, 8, move->components.revenue);
    sqlite3_bind_double(m, 9, move->components.urgency);
    sqlite3_bind_double(m, 10, move->components.effort);
    sqlite3_bind_double(m, 11, move->components.strategic);
    sqlite3_bind_double(m, 12, move->outcomeAdjustment);
    bindText(m_text, m, 13, move->reasoning);
    bindText(m_text, m, 14, move->contactEmail);
    bindText(m_text, m, 15, move->contactName);
    bindText(m_text, m, 16, move->company);
    bindText(m_text, m, 17, move->dealId);
    sqlite3_bind_text(m, 18, statusName(move->status), -1, SQLITE_STATIC);
    bindText(m_text, m, 19, move->dismissReason);
    bindTimeOrNull(m, 20, move->dueBy);
    bindTimeOrNull(m, 21, move->snoozedUntil);
    const QDateTime created = move->createdAt.isValid() ? move->createdAt : signal.receivedAt;
    sqlite3_bind_int64(m, 22, toEpochMs(created));
    sqlite3_bind_int64(m, 23, toEpochMs(move->updatedAt.isValid() ? move->updatedAt : created));
    bindTimeOrNull(m, 24, move->completedAt);
    bindTimeOrNull(m, 25, move->executedAt);
    sqlite3_bind_int64(m, 26, newSignalId);
    bindText(m_text, m, 27, signal.source);
    if (sqlite3_step(m) != SQLITE_DONE)
        return failed(m);
    sqlite3_reset(m);

    ++m_nextMoveId;
    if (moveId)
        *moveId = newMoveId;
    return Outcome::Stored;
}

} // namespace caseyos
