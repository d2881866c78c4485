#include "storage/MoveRepository.h"

#include "core/Timestamps.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <cstring>
#include <limits>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Column order shared by SELECT and moveFromQuery.
const QString kMoveColumns
    = u"m.id, m.title, m.description, m.action_type, m.action_context, m.domain, m.aps, "
      "m.revenue, m.urgency, m.effort, m.strategic, m.outcome_adjustment, m.reasoning, "
      "m.contact_email, m.contact_name, m.company, m.deal_id, m.status, m.dismiss_reason, "
      "m.due_by, m.snoozed_until, m.created_at, m.updated_at, m.completed_at, "
      "m.executed_at, m.signal_id, m.source"_s;
constexpr int kMoveColumnCount = 27;

const QString kSignalRefColumns = u"s.id, s.source, s.event_type, s.source_id, s.dedupe_key"_s;

Move moveFromQuery(const QSqlQuery& q)
{
    Move m;
    m.id = q.value(0).toLongLong();
    m.title = q.value(1).toString();
    m.description = q.value(2).toString();
    m.actionType = q.value(3).toString();
    m.actionContext = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    m.domain = q.value(5).toString();
    m.aps = q.value(6).toDouble();
    m.components
        = { q.value(7).toDouble(), q.value(8).toDouble(), q.value(9).toDouble(), q.value(10).toDouble() };
    m.outcomeAdjustment = q.value(11).toDouble();
    m.reasoning = q.value(12).toString();
    m.contactEmail = q.value(13).toString();
    m.contactName = q.value(14).toString();
    m.company = q.value(15).toString();
    m.dealId = q.value(16).toString();
    m.status = moveStatusFromString(q.value(17).toString()).value_or(MoveStatus::Pending);
    m.dismissReason = q.value(18).toString();
    m.dueBy = fromEpochMs(q.value(19).toLongLong());
    m.snoozedUntil = fromEpochMs(q.value(20).toLongLong());
    m.createdAt = fromEpochMs(q.value(21).toLongLong());
    m.updatedAt = fromEpochMs(q.value(22).toLongLong());
    m.completedAt = fromEpochMs(q.value(23).toLongLong());
    m.executedAt = fromEpochMs(q.value(24).toLongLong());
    if (!q.value(25).isNull())
        m.signalId = q.value(25).toLongLong();
    return m;
}

MoveWithSignal moveWithSignalFromQuery(const QSqlQuery& q)
{
    MoveWithSignal result;
    result.move = moveFromQuery(q);
    result.source = q.value(26).toString();
    const int s = kMoveColumnCount;
    if (!q.value(s).isNull()) {
        MoveSignalRef ref;
        ref.id = q.value(s).toLongLong();
        ref.source = q.value(s + 1).toString();
        ref.eventType = q.value(s + 2).toString();
        ref.sourceId = q.value(s + 3).isNull() ? QString() : q.value(s + 3).toString();
        ref.dedupeKey = q.value(s + 4).toString();
        result.signal = ref;
    }
    return result;
}

// Binds every column but id, created_at, signal_id and source, in the order of the UPDATE below.
void bindMutableColumns(QSqlQuery& q, const Move& m)
{
    q.addBindValue(textValue(m.title));
    q.addBindValue(textValue(m.description));
    q.addBindValue(textValue(m.actionType));
    q.addBindValue(jsonText(m.actionContext));
    q.addBindValue(textValue(m.domain));
    q.addBindValue(m.aps);
    q.addBindValue(m.components.revenue);
    q.addBindValue(m.components.urgency);
    q.addBindValue(m.components.effort);
    q.addBindValue(m.components.strategic);
    q.addBindValue(m.outcomeAdjustment);
    q.addBindValue(textValue(m.reasoning));
    q.addBindValue(textValue(m.contactEmail));
    q.addBindValue(textValue(m.contactName));
    q.addBindValue(textValue(m.company));
    q.addBindValue(textValue(m.dealId));
    q.addBindValue(toString(m.status));
    q.addBindValue(textValue(m.dismissReason));
    q.addBindValue(msOrNull(m.dueBy));
    q.addBindValue(msOrNull(m.snoozedUntil));
    q.addBindValue(msOrNull(m.updatedAt));
    q.addBindValue(msOrNull(m.completedAt));
    q.addBindValue(msOrNull(m.executedAt));
}

const QString kMutableColumns
    = u"title, description, action_type, action_context, domain, aps, revenue, urgency, "
      "effort, strategic, outcome_adjustment, reasoning, contact_email, contact_name, "
      "company, deal_id, status, dismiss_reason, due_by, snoozed_until, updated_at, "
      "completed_at, executed_at"_s;

// Text columns whose values repeat across 100 000s of rows share one QString per distinct value, which saves
// most of their memory and allocations. Few values (action type, domain, source): a short list compared with
// memcmp. Many values (company: one per account): a hash map looked up by string_view (no allocation on a
// hit).
class FewStrings
{
public:
    QString get(const unsigned char* text, int bytes)
    {
        for (const auto& entry : m_entries) {
            if (entry.first.size() == bytes && std::memcmp(entry.first.constData(), text, size_t(bytes)) == 0)
                return entry.second;
        }
        const QByteArray key(reinterpret_cast<const char*>(text), bytes);
        QString value = QString::fromUtf8(key);
        if (m_entries.size() < 64)
            m_entries.push_back({ key, value });
        return value;
    }

private:
    std::vector<std::pair<QByteArray, QString>> m_entries;
};

class ManyStrings
{
public:
    QString get(const unsigned char* text, int bytes)
    {
        if (!text || bytes == 0)
            return QString();
        const std::string_view key(reinterpret_cast<const char*>(text), std::size_t(bytes));
        if (const auto it = m_values.find(key); it != m_values.end())
            return it->second;
        QString value = QString::fromUtf8(key.data(), qsizetype(key.size()));
        if (m_values.size() < kLimit)
            m_values.emplace(std::string(key), value);
        return value;
    }

private:
    static constexpr std::size_t kLimit = 50'000;
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view> {}(text); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_values;
};

// The rank order of ranksBefore(MoveRow) as a compact key, so sorting never touches the 232-byte rows.
struct RankKey
{
    double aps;
    qint64 due; // INT64_MAX for none: sorts last
    qint64 created;
    qint64 id;
    qsizetype index;

    bool operator<(const RankKey& o) const
    {
        if (aps != o.aps)
            return aps > o.aps;
        if (due != o.due)
            return due < o.due;
        if (created != o.created)
            return created < o.created;
        return id < o.id;
    }
};

// Reorders `rows` in place so that rows[i] becomes the old rows[order[i]], moving each row about once.
void applyOrder(QList<MoveRow>& rows, const std::vector<RankKey>& order)
{
    std::vector<bool> placed(order.size(), false);
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (placed[start] || std::size_t(order[start].index) == start) {
            placed[start] = true;
            continue;
        }
        MoveRow held = std::move(rows[qsizetype(start)]);
        std::size_t at = start;
        while (true) {
            const std::size_t from = std::size_t(order[at].index);
            placed[at] = true;
            if (from == start) {
                rows[qsizetype(at)] = std::move(held);
                break;
            }
            rows[qsizetype(at)] = std::move(rows[qsizetype(from)]);
            at = from;
        }
    }
}

QString columnText(sqlite3_stmt* stmt, int column)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(stmt, column)) : QString();
}

MoveStatus statusFromBytes(const unsigned char* text, int bytes)
{
    const QLatin1StringView view(reinterpret_cast<const char*>(text), bytes);
    if (view == "pending"_L1)
        return MoveStatus::Pending;
    if (view == "completed"_L1)
        return MoveStatus::Completed;
    if (view == "dismissed"_L1)
        return MoveStatus::Dismissed;
    if (view == "snoozed"_L1)
        return MoveStatus::Snoozed;
    if (view == "in_progress"_L1)
        return MoveStatus::InProgress;
    if (view == "failed"_L1)
        return MoveStatus::Failed;
    return MoveStatus::Pending;
}

} // namespace

MoveRepository::MoveRepository(Database& db)
    : m_db(db)
{
}

std::optional<Move> MoveRepository::find(qint64 id, QString* error) const
{
    const auto found = findWithSignal(id, error);
    if (!found)
        return std::nullopt;
    return found->move;
}

std::optional<MoveWithSignal> MoveRepository::findWithSignal(qint64 id, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s + kMoveColumns + u", "_s + kSignalRefColumns
        + u" FROM moves m LEFT JOIN signals s ON s.id = m.signal_id WHERE m.id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        setError(error, q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return moveWithSignalFromQuery(q);
}

bool MoveRepository::insert(Move& move, const QString& source, QString* error)
{
    QSqlQuery q(m_db.sql());
    const int columnCount = 4 + int(kMutableColumns.count(u',')) + 1;
    QStringList placeholders(columnCount, u"?"_s);
    q.prepare(u"INSERT INTO moves (id, created_at, signal_id, source, "_s + kMutableColumns + u") VALUES ("_s
        + placeholders.join(u", "_s) + u')');
    q.addBindValue(move.id > 0 ? QVariant(move.id) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(toEpochMs(move.createdAt));
    q.addBindValue(move.signalId ? QVariant(*move.signalId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(textValue(source));
    bindMutableColumns(q, move);
    if (!q.exec())
        return setError(error, q);
    if (move.id <= 0)
        move.id = q.lastInsertId().toLongLong();
    return true;
}

bool MoveRepository::update(const Move& move, QString* error)
{
    QString assignments;
    for (const QString& column : kMutableColumns.split(u", "_s))
        assignments += (assignments.isEmpty() ? QString() : u", "_s) + column + u" = ?"_s;
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE moves SET "_s + assignments + u" WHERE id = ?"_s);
    bindMutableColumns(q, move);
    q.addBindValue(move.id);
    if (!q.exec())
        return setError(error, q);
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = u"No move with id %1"_s.arg(move.id);
        return false;
    }
    return true;
}

bool MoveRepository::remove(qint64 id, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"DELETE FROM moves WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return setError(error, q);
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = u"No move with id %1"_s.arg(id);
        return false;
    }
    return true;
}

QList<MoveWithSignal> MoveRepository::today(int limit, QString* error) const
{
    // The ORDER BY matches the moves_rank index exactly, so SQLite walks the index and stops after `limit`
    // rows instead of sorting every pending move.
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kMoveColumns + u", "_s + kSignalRefColumns
        + u" FROM moves m LEFT JOIN signals s ON s.id = m.signal_id WHERE m.status = 'pending' "
          "ORDER BY m.aps DESC, (m.due_by IS NULL), m.due_by, m.created_at, m.id LIMIT ?"_s);
    q.addBindValue(limit < 0 ? -1 : limit);
    QList<MoveWithSignal> result;
    if (!q.exec()) {
        setError(error, q);
        return result;
    }
    while (q.next())
        result.append(moveWithSignalFromQuery(q));
    return result;
}

QList<MoveRow> MoveRepository::selectRows(const QString& where, QString* error) const
{
    // The raw SQLite API: loading 200 000 rows through QSqlQuery/QVariant costs several times as much.
    QList<MoveRow> rows;
    sqlite3* handle = m_db.rawHandle();
    if (!handle) {
        if (error)
            *error = u"The database is not open"_s;
        return rows;
    }
    const QByteArray sql
        = "SELECT id, title, action_type, domain, source, contact_email, company, status, aps, "
          "revenue, urgency, effort, strategic, outcome_adjustment, due_by, snoozed_until, "
          "created_at FROM moves "
        + where.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(handle));
        return rows;
    }
    if (where.isEmpty()) {
        // Reserving the exact size avoids growing (copying and first-touching) a 40 MB+ array several times.
        sqlite3_stmt* count = nullptr;
        if (sqlite3_prepare_v2(handle, "SELECT COUNT(*) FROM moves", -1, &count, nullptr) == SQLITE_OK
            && sqlite3_step(count) == SQLITE_ROW)
            rows.reserve(qsizetype(sqlite3_column_int64(count, 0)));
        sqlite3_finalize(count);
    }
    FewStrings kinds;
    ManyStrings companies;
    std::vector<RankKey> keys;
    keys.reserve(std::size_t(rows.capacity()));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        MoveRow& row = rows.emplace_back();
        row.id = sqlite3_column_int64(stmt, 0);
        row.title = columnText(stmt, 1);
        row.actionType = kinds.get(sqlite3_column_text(stmt, 2), sqlite3_column_bytes(stmt, 2));
        row.domain = kinds.get(sqlite3_column_text(stmt, 3), sqlite3_column_bytes(stmt, 3));
        row.source = kinds.get(sqlite3_column_text(stmt, 4), sqlite3_column_bytes(stmt, 4));
        row.contactEmail = columnText(stmt, 5);
        row.company = companies.get(sqlite3_column_text(stmt, 6), sqlite3_column_bytes(stmt, 6));
        row.status = statusFromBytes(sqlite3_column_text(stmt, 7), sqlite3_column_bytes(stmt, 7));
        row.aps = sqlite3_column_double(stmt, 8);
        row.components = { sqlite3_column_double(stmt, 9), sqlite3_column_double(stmt, 10),
            sqlite3_column_double(stmt, 11), sqlite3_column_double(stmt, 12) };
        row.outcomeAdjustment = sqlite3_column_double(stmt, 13);
        row.dueByMs = sqlite3_column_int64(stmt, 14);
        row.snoozedUntilMs = sqlite3_column_int64(stmt, 15);
        row.createdAtMs = sqlite3_column_int64(stmt, 16);
        keys.push_back({ row.aps, row.dueByMs != 0 ? row.dueByMs : std::numeric_limits<qint64>::max(),
            row.createdAtMs, row.id, rows.size() - 1 });
    }
    if (rc != SQLITE_DONE && error)
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(stmt);
    std::sort(keys.begin(), keys.end());
    applyOrder(rows, keys);
    return rows;
}

QList<MoveRow> MoveRepository::allRows(QString* error) const
{
    return selectRows({}, error);
}

QList<MoveRow> MoveRepository::rows(const QList<qint64>& ids, QString* error) const
{
    if (ids.isEmpty())
        return {};
    // Ids are integers, so writing them into the statement is safe.
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return selectRows(u"WHERE id IN ("_s + parts.join(u',') + u')', error);
}

QList<MoveRow> MoveRepository::rowsInRange(qint64 firstId, qint64 lastId, QString* error) const
{
    return selectRows(u"WHERE id BETWEEN %1 AND %2"_s.arg(firstId).arg(lastId), error);
}

QList<qint64> MoveRepository::expiredSnoozes(qint64 nowMs, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id FROM moves WHERE status = 'snoozed' AND snoozed_until <= ?"_s);
    q.addBindValue(nowMs);
    QList<qint64> ids;
    if (!q.exec()) {
        setError(error, q);
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool MoveRepository::wakeExpiredSnoozes(qint64 nowMs, QString* error)
{
    QSqlQuery events(m_db.sql());
    events.prepare(
        u"INSERT INTO move_events (move_id, type, at, details) SELECT id, 'move_reopened', ?, "
        "'{\"reason\":\"snooze expired\"}' FROM moves WHERE status = 'snoozed' AND snoozed_until <= ?"_s);
    events.addBindValue(nowMs);
    events.addBindValue(nowMs);
    if (!events.exec())
        return setError(error, events);
    QSqlQuery wake(m_db.sql());
    wake.prepare(u"UPDATE moves SET status = 'pending', snoozed_until = NULL, updated_at = ? "
                 "WHERE status = 'snoozed' AND snoozed_until <= ?"_s);
    wake.addBindValue(nowMs);
    wake.addBindValue(nowMs);
    return wake.exec() || setError(error, wake);
}

QHash<QString, qint64> MoveRepository::countByStatus(QString* error) const
{
    return countsByKey(m_db.sql(), u"SELECT status, COUNT(*) FROM moves GROUP BY status"_s, error);
}

} // namespace caseyos
