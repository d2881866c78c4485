#include "StorageFloor.h"

#include "BenchSupport.h"
#include "storage/Database.h"

#include <sqlite3.h>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace caseyos::bench {

namespace {

// The statements of storage/SignalBatchWriter.cpp, with the ids taken from the stored rows.
constexpr const char* kFindSignal = "SELECT dedupe_key FROM signals WHERE dedupe_hash = ?1";
constexpr const char* kSignalColumns = "id, source, event_type, source_id, occurred_at, payload, dedupe_key, "
                                       "dedupe_hash, received_at, state, error, attempts, move_id";
constexpr const char* kMoveColumns
    = "id, title, description, action_type, action_context, domain, aps, revenue, urgency, effort, strategic, "
      "outcome_adjustment, reasoning, contact_email, contact_name, company, deal_id, status, dismiss_reason, "
      "due_by, snoozed_until, created_at, updated_at, completed_at, executed_at, signal_id, source";
constexpr const char* kInsertEvents
    = "INSERT INTO move_events (move_id, type, at, details) SELECT id, 'move_created', created_at, "
      "'{\"via\":\"import\"}' FROM moves WHERE id >= ?1 AND id < ?2";

struct ValueDeleter
{
    void operator()(sqlite3_value* v) const { sqlite3_value_free(v); }
};
using Row = std::vector<std::unique_ptr<sqlite3_value, ValueDeleter>>;

struct Statement
{
    sqlite3_stmt* stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};

QByteArray placeholders(int count)
{
    QByteArray text;
    for (int i = 1; i <= count; ++i)
        text += (i > 1 ? ", ?" : "?") + QByteArray::number(i);
    return text;
}

bool load(sqlite3* db, const QByteArray& sql, std::vector<Row>* rows, QString* error)
{
    Statement q;
    if (sqlite3_prepare_v2(db, sql.constData(), -1, &q.stmt, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    while (sqlite3_step(q.stmt) == SQLITE_ROW) {
        Row row;
        for (int i = 0; i < sqlite3_column_count(q.stmt); ++i)
            row.emplace_back(sqlite3_value_dup(sqlite3_column_value(q.stmt, i)));
        rows->push_back(std::move(row));
    }
    return true;
}

bool run(sqlite3_stmt* stmt, const Row& row)
{
    for (size_t i = 0; i < row.size(); ++i)
        sqlite3_bind_value(stmt, int(i) + 1, row[i].get());
    const bool ok = sqlite3_step(stmt) == SQLITE_DONE;
    sqlite3_reset(stmt);
    return ok;
}

} // namespace

StorageFloor measureStorageFloor(Database& stored, const QString& freshPath, int batchSize)
{
    StorageFloor result;
    std::vector<Row> signalRows;
    std::vector<Row> moveRows;
    if (!load(stored.rawHandle(), "SELECT " + QByteArray(kSignalColumns) + " FROM signals ORDER BY id",
            &signalRows, &result.error)
        || !load(stored.rawHandle(), "SELECT " + QByteArray(kMoveColumns) + " FROM moves ORDER BY signal_id",
            &moveRows, &result.error))
        return result;

    Database db;
    if (!db.open(freshPath, &result.error))
        return result;
    sqlite3* h = db.rawHandle();
    Statement find;
    Statement insertSignal;
    Statement insertMove;
    Statement insertEvents;
    const QByteArray signalSql = "INSERT INTO signals (" + QByteArray(kSignalColumns) + ") VALUES ("
        + placeholders(13) + ")";
    const QByteArray moveSql
        = "INSERT INTO moves (" + QByteArray(kMoveColumns) + ") VALUES (" + placeholders(27) + ")";
    for (auto [stmt, sql] : { std::pair { &find, QByteArray(kFindSignal) }, { &insertSignal, signalSql },
             { &insertMove, moveSql }, { &insertEvents, QByteArray(kInsertEvents) } }) {
        if (sqlite3_prepare_v3(h, sql.constData(), -1, SQLITE_PREPARE_PERSISTENT, &stmt->stmt, nullptr)
            != SQLITE_OK) {
            result.error = QString::fromUtf8(sqlite3_errmsg(h));
            return result;
        }
    }

    constexpr int kSignalId = 0;
    constexpr int kDedupeHash = 7;
    constexpr int kMoveId = 0;
    constexpr int kMoveSignalId = 25;
    Stopwatch timer;
    size_t nextMove = 0;
    for (size_t begin = 0; begin < signalRows.size() && result.error.isEmpty(); begin += size_t(batchSize)) {
        const size_t end = std::min(signalRows.size(), begin + size_t(batchSize));
        const size_t firstMove = nextMove;
        const bool ok = db.transaction(
            [&] {
                for (size_t i = begin; i < end; ++i) {
                    const Row& signal = signalRows[i];
                    sqlite3_bind_value(find.stmt, 1, signal[kDedupeHash].get());
                    while (sqlite3_step(find.stmt) == SQLITE_ROW) { }
                    sqlite3_reset(find.stmt);
                    if (!run(insertSignal.stmt, signal))
                        return false;
                    const qint64 id = sqlite3_value_int64(signal[kSignalId].get());
                    while (nextMove < moveRows.size()
                        && sqlite3_value_int64(moveRows[nextMove][kMoveSignalId].get()) == id) {
                        if (!run(insertMove.stmt, moveRows[nextMove++]))
                            return false;
                    }
                }
                if (nextMove == firstMove)
                    return true;
                sqlite3_bind_int64(insertEvents.stmt, 1, sqlite3_value_int64(moveRows[firstMove][kMoveId].get()));
                sqlite3_bind_int64(
                    insertEvents.stmt, 2, sqlite3_value_int64(moveRows[nextMove - 1][kMoveId].get()) + 1);
                const bool done = sqlite3_step(insertEvents.stmt) == SQLITE_DONE;
                sqlite3_reset(insertEvents.stmt);
                return done;
            },
            &result.error);
        if (!ok && result.error.isEmpty())
            result.error = QString::fromUtf8(sqlite3_errmsg(h));
    }
    result.seconds = timer.seconds();
    result.cpuSeconds = timer.cpuSeconds();
    result.signals = qint64(signalRows.size());
    result.moves = qint64(nextMove);
    if (result.error.isEmpty() && nextMove != moveRows.size())
        result.error = u"%1 of %2 moves were stored"_s.arg(nextMove).arg(moveRows.size());
    return result;
}

} // namespace caseyos::bench
