#include "execution/ExecutionRepository.h"

#include "execution/ActionPayloads.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kExecutionColumns
    = u"id, move_id, action, payload, payload_hash, idempotency_key, remote_key, generation, state, "
      "due_at, remote_ref, undo_info, error, uncertain, attempts, runner, approval_id, created_at, "
      "updated_at, started_at, finished_at"_s;

QJsonObject parseObject(const QVariant& value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

std::optional<qint64> optionalId(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

ExecutionRecord readRow(const QSqlQuery& q)
{
    ExecutionRecord r;
    r.id = q.value(0).toLongLong();
    r.moveId = optionalId(q.value(1));
    r.action = actionKindFromString(q.value(2).toString()).value_or(ActionKind::CreateTask);
    r.payload = parseObject(q.value(3));
    r.payloadHash = q.value(4).toString();
    r.idempotencyKey = q.value(5).toString();
    r.remoteKey = q.value(6).toString();
    r.generation = q.value(7).toInt();
    r.state = executionStateFromString(q.value(8).toString()).value_or(ExecutionState::Failed);
    r.dueAt = fromEpochMs(q.value(9).toLongLong());
    r.remoteRef = q.value(10).toString();
    r.undoInfo = parseObject(q.value(11));
    r.error = q.value(12).toString();
    r.uncertain = q.value(13).toBool();
    r.attempts = q.value(14).toInt();
    r.runner = q.value(15).toString();
    r.approvalId = optionalId(q.value(16));
    r.createdAt = fromEpochMs(q.value(17).toLongLong());
    r.updatedAt = fromEpochMs(q.value(18).toLongLong());
    r.startedAt = fromEpochMs(q.value(19).toLongLong());
    r.finishedAt = fromEpochMs(q.value(20).toLongLong());
    return r;
}

QString recipientsColumn(const ExecutionRecord& r)
{
    const QStringList list = payloadRecipients(r.action, r.payload);
    return list.isEmpty() ? QString(u""_s) : QString(u',' + list.join(u',') + u',');
}

void bindCommon(QSqlQuery& q, const ExecutionRecord& r)
{
    q.addBindValue(idOrNull(r.moveId));
    q.addBindValue(toString(r.action));
    q.addBindValue(jsonText(r.payload));
    q.addBindValue(r.payloadHash);
    q.addBindValue(r.idempotencyKey);
    q.addBindValue(r.remoteKey);
    q.addBindValue(r.generation);
    q.addBindValue(toString(r.state));
    q.addBindValue(msOrNull(r.dueAt));
    q.addBindValue(textValue(r.remoteRef));
    q.addBindValue(jsonText(r.undoInfo));
    q.addBindValue(textValue(r.error));
    q.addBindValue(r.uncertain ? 1 : 0);
    q.addBindValue(r.attempts);
    q.addBindValue(recipientsColumn(r));
    q.addBindValue(textValue(r.runner));
    q.addBindValue(idOrNull(r.approvalId));
    q.addBindValue(toEpochMs(r.updatedAt));
    q.addBindValue(msOrNull(r.startedAt));
    q.addBindValue(msOrNull(r.finishedAt));
}

} // namespace

ExecutionRepository::ExecutionRepository(Database& db)
    : m_db(db)
{
}

bool ExecutionRepository::insert(ExecutionRecord& record, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"INSERT INTO executions (move_id, action, payload, payload_hash, idempotency_key, remote_key, "
        "generation, state, due_at, remote_ref, undo_info, error, uncertain, attempts, recipients, runner, "
        "approval_id, updated_at, started_at, finished_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindCommon(q, record);
    q.addBindValue(toEpochMs(record.createdAt));
    if (!q.exec())
        return setError(error, q);
    record.id = q.lastInsertId().toLongLong();
    return true;
}

bool ExecutionRepository::update(const ExecutionRecord& record, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"UPDATE executions SET move_id = ?, action = ?, payload = ?, payload_hash = ?, idempotency_key = ?, "
        "remote_key = ?, generation = ?, state = ?, due_at = ?, remote_ref = ?, undo_info = ?, error = ?, "
        "uncertain = ?, attempts = ?, recipients = ?, runner = ?, approval_id = ?, updated_at = ?, "
        "started_at = ?, finished_at = ? WHERE id = ?"_s);
    bindCommon(q, record);
    q.addBindValue(record.id);
    if (!q.exec())
        return setError(error, q);
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = u"No execution with id %1"_s.arg(record.id);
        return false;
    }
    return true;
}

bool ExecutionRepository::transition(
    qint64 id, ExecutionState from, ExecutionState to, const QString& runner, qint64 nowMs, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE executions SET state = ?, runner = ?, updated_at = ? WHERE id = ? AND state = ?"_s);
    q.addBindValue(toString(to));
    q.addBindValue(textValue(runner));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    q.addBindValue(toString(from));
    if (!q.exec())
        return setError(error, q);
    return q.numRowsAffected() == 1;
}

QList<ExecutionRecord> ExecutionRepository::select(
    const QString& where, const QVariantList& values, QString* error) const
{
    QSqlQuery q(m_db.sql());
    QList<ExecutionRecord> out;
    q.prepare(u"SELECT "_s + kExecutionColumns + u" FROM executions "_s + where);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        setError(error, q);
        return out;
    }
    while (q.next())
        out.append(readRow(q));
    return out;
}

std::optional<ExecutionRecord> ExecutionRepository::find(qint64 id, QString* error) const
{
    const QList<ExecutionRecord> rows = select(u"WHERE id = ?"_s, { id }, error);
    return rows.isEmpty() ? std::nullopt : std::optional<ExecutionRecord>(rows.first());
}

std::optional<ExecutionRecord> ExecutionRepository::findByKey(const QString& key, QString* error) const
{
    const QList<ExecutionRecord> rows = select(u"WHERE idempotency_key = ?"_s, { key }, error);
    return rows.isEmpty() ? std::nullopt : std::optional<ExecutionRecord>(rows.first());
}

QList<ExecutionRecord> ExecutionRepository::inState(ExecutionState state, QString* error) const
{
    return select(u"WHERE state = ? ORDER BY id"_s, { toString(state) }, error);
}

QList<ExecutionRecord> ExecutionRepository::dueQueued(qint64 nowMs, QString* error) const
{
    return select(u"WHERE state = 'queued' AND due_at <= ? ORDER BY due_at, id"_s, { nowMs }, error);
}

std::optional<QDateTime> ExecutionRepository::nextDue(QString* error) const
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT MIN(due_at) FROM executions WHERE state = 'queued'"_s)) {
        setError(error, q);
        return std::nullopt;
    }
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return fromEpochMs(q.value(0).toLongLong());
}

QList<ExecutionRecord> ExecutionRepository::forMove(qint64 moveId, QString* error) const
{
    return select(u"WHERE move_id = ? ORDER BY id DESC"_s, { moveId }, error);
}

QList<ExecutionRecord> ExecutionRepository::recent(int limit, QString* error) const
{
    return select(u"ORDER BY id DESC LIMIT ?"_s, { limit }, error);
}

int ExecutionRepository::countSends(
    ActionKind action, qint64 fromMs, qint64 toMs, const QString& recipient, QString* error) const
{
    QSqlQuery q(m_db.sql());
    QString sql = u"SELECT COUNT(*) FROM executions WHERE action = ? AND due_at >= ? AND due_at < ? "
                  "AND (state = 'queued' OR state = 'running' OR state = 'succeeded')"_s;
    if (!recipient.isEmpty())
        sql += u" AND instr(recipients, ?) > 0"_s;
    q.prepare(sql);
    q.addBindValue(toString(action));
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!recipient.isEmpty())
        q.addBindValue(QString(u',' + recipient.toLower() + u','));
    if (!q.exec() || !q.next()) {
        setError(error, q);
        return -1;
    }
    return q.value(0).toInt();
}

} // namespace caseyos
