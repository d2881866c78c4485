#include "execution/MoveLink.h"

#include "storage/Database.h"
#include "storage/MoveEventRepository.h"
#include "storage/MoveRepository.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QJsonObject eventDetails(const ExecutionRecord& record)
{
    QJsonObject details { { u"execution_id"_s, record.id }, { u"action"_s, toString(record.action) } };
    if (!record.error.isEmpty())
        details.insert(u"error"_s, record.error);
    return details;
}

} // namespace

MoveLink::MoveLink(Database& db, const QDateTime& now)
    : m_db(db)
    , m_now(now)
{
}

QString MoveLink::refusal(Database& db, qint64 moveId)
{
    QString error;
    const std::optional<Move> move = MoveRepository(db).find(moveId, &error);
    if (!move)
        return error.isEmpty() ? u"No move with id %1"_s.arg(moveId) : error;
    if (move->status == MoveStatus::Dismissed)
        return u"Move %1 is dismissed; reopen it first"_s.arg(moveId);
    return {};
}

namespace {

// Applies `change` to the move and writes `eventType`; a missing move (deleted meanwhile) is not an error.
template<typename Change>
bool changeMove(Database& db, const ExecutionRecord& record, const QDateTime& now, const QString& eventType,
    Change change, QString* error)
{
    if (!record.moveId)
        return true;
    MoveRepository moves(db);
    std::optional<Move> move = moves.find(*record.moveId, error);
    if (!move)
        return error == nullptr || error->isEmpty();
    if (move->status == MoveStatus::Dismissed)
        return true;
    Move after = *move;
    change(after);
    after.updatedAt = now;
    return moves.update(after, error)
        && MoveEventRepository(db).insert(after.id, eventType, now, eventDetails(record), error);
}

} // namespace

bool MoveLink::started(const ExecutionRecord& record, QString* error)
{
    return changeMove(
        m_db, record, m_now, u"move_execution_started"_s,
        [](Move& m) {
            if (m.status != MoveStatus::Completed) {
                m.status = MoveStatus::InProgress;
                m.snoozedUntil = {};
            }
        },
        error);
}

bool MoveLink::succeeded(const ExecutionRecord& record, QString* error)
{
    const QDateTime now = m_now;
    return changeMove(
        m_db, record, now, u"move_executed"_s,
        [now](Move& m) {
            m.status = MoveStatus::Completed;
            if (!m.completedAt.isValid())
                m.completedAt = now;
            m.executedAt = now;
        },
        error);
}

bool MoveLink::failed(const ExecutionRecord& record, QString* error)
{
    return changeMove(
        m_db, record, m_now, u"move_execution_failed"_s,
        [](Move& m) {
            if (m.status != MoveStatus::Completed)
                m.status = MoveStatus::Failed;
        },
        error);
}

bool MoveLink::reverted(const ExecutionRecord& record, QString* error)
{
    const QString type = record.state == ExecutionState::Cancelled ? u"move_execution_cancelled"_s
                                                                   : u"move_execution_undone"_s;
    return changeMove(
        m_db, record, m_now, type,
        [](Move& m) {
            m.status = MoveStatus::Pending;
            m.completedAt = {};
            m.executedAt = {};
        },
        error);
}

} // namespace caseyos
