#include "outcomes/OutcomeRepository.h"

#include "core/Timestamps.h"
#include "outcomes/OutcomeAdjustment.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kOutcomeColumns = u"id, type, source, confidence, impact, contact_email, move_id, deal_id, signal_id, "
                         "note, context, occurred_at, created_at"_s;

std::optional<qint64> optionalId(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// A row the schema's CHECKs admitted always has a known type and source; the fallbacks only guard against a
// hand-edited database.
Outcome outcomeFromQuery(const QSqlQuery& q)
{
    Outcome o;
    o.id = q.value(0).toLongLong();
    o.type = outcomeTypeFromString(q.value(1).toString()).value_or(OutcomeType::EmailSent);
    o.category = categoryOf(o.type);
    o.source = outcomeSourceFromString(q.value(2).toString()).value_or(OutcomeSource::Manual);
    o.confidence = q.value(3).toDouble();
    o.impact = q.value(4).toDouble();
    o.contactEmail = q.value(5).toString();
    o.moveId = optionalId(q.value(6));
    o.dealId = q.value(7).toString();
    o.signalId = optionalId(q.value(8));
    o.note = q.value(9).toString();
    o.context = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    o.occurredAt = fromEpochMs(q.value(11).toLongLong());
    o.createdAt = fromEpochMs(q.value(12).toLongLong());
    return o;
}

QList<Outcome> selectOutcomes(QSqlQuery& q, QString* error)
{
    QList<Outcome> list;
    if (!q.exec()) {
        setError(error, q);
        return list;
    }
    while (q.next())
        list.append(outcomeFromQuery(q));
    return list;
}

// SQLite's default limit on bound parameters is 32 766 since 3.32; stay far below it.
constexpr qsizetype kEmailsPerStatement = 500;

} // namespace

OutcomeRepository::OutcomeRepository(Database& db)
    : m_db(db)
{
}

bool OutcomeRepository::insert(Outcome& outcome, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO outcomes (type, category, source, confidence, impact, contact_email, move_id, "
              "deal_id, signal_id, note, context, occurred_at, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    outcome.category = categoryOf(outcome.type);
    outcome.contactEmail = normalizeContactEmail(outcome.contactEmail);
    q.addBindValue(toString(outcome.type));
    q.addBindValue(toString(outcome.category));
    q.addBindValue(toString(outcome.source));
    q.addBindValue(outcome.confidence);
    q.addBindValue(outcome.impact);
    q.addBindValue(textValue(outcome.contactEmail));
    q.addBindValue(idOrNull(outcome.moveId));
    q.addBindValue(textValue(outcome.dealId));
    q.addBindValue(idOrNull(outcome.signalId));
    q.addBindValue(textValue(outcome.note));
    q.addBindValue(jsonText(outcome.context));
    q.addBindValue(toEpochMs(outcome.occurredAt));
    q.addBindValue(toEpochMs(outcome.createdAt));
    if (!q.exec())
        return setError(error, q);
    outcome.id = q.lastInsertId().toLongLong();
    return true;
}

std::optional<Outcome> OutcomeRepository::find(qint64 id, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s + kOutcomeColumns + u" FROM outcomes WHERE id = ?"_s);
    q.addBindValue(id);
    const QList<Outcome> found = selectOutcomes(q, error);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<Outcome> OutcomeRepository::forMove(qint64 moveId, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    // "move_id IS NOT NULL" lets SQLite use the partial index outcomes_move.
    q.prepare(u"SELECT "_s + kOutcomeColumns
        + u" FROM outcomes WHERE move_id = ? AND move_id IS NOT NULL ORDER BY occurred_at, id"_s);
    q.addBindValue(moveId);
    return selectOutcomes(q, error);
}

QList<Outcome> OutcomeRepository::forContact(const QString& email, int limit, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kOutcomeColumns
        + u" FROM outcomes WHERE contact_email = ? ORDER BY occurred_at DESC, id DESC LIMIT ?"_s);
    q.addBindValue(normalizeContactEmail(email));
    q.addBindValue(limit < 0 ? -1 : limit);
    return selectOutcomes(q, error);
}

double OutcomeRepository::adjustment(const QString& email, qint64 nowMs, QString* error) const
{
    const QString key = normalizeContactEmail(email);
    if (key.isEmpty())
        return 0.0;
    return adjustments({ key }, nowMs, error).value(key, 0.0);
}

QHash<QString, double> OutcomeRepository::adjustments(
    const QStringList& emails, qint64 nowMs, QString* error) const
{
    QStringList keys;
    keys.reserve(emails.size());
    for (const QString& email : emails) {
        const QString key = normalizeContactEmail(email);
        if (!key.isEmpty())
            keys.append(key);
    }
    keys.removeDuplicates();
    QHash<QString, double> result;
    for (qsizetype start = 0; start < keys.size(); start += kEmailsPerStatement) {
        const QStringList chunk = keys.mid(start, kEmailsPerStatement);
        QSqlQuery q(m_db.sql());
        q.setForwardOnly(true);
        // Ordered by contact so each contact's rows arrive together: one accumulator at a time. The
        // outcomes_contact index serves both the lookup and the order, and covers the columns.
        q.prepare(u"SELECT contact_email, impact, occurred_at FROM outcomes WHERE contact_email IN ("_s
            + QStringList(chunk.size(), u"?"_s).join(u',') + u") ORDER BY contact_email"_s);
        for (const QString& key : chunk)
            q.addBindValue(key);
        if (!q.exec()) {
            setError(error, q);
            return {};
        }
        QString current;
        AdjustmentAccumulator accumulator(nowMs);
        auto finishContact = [&] {
            if (!current.isEmpty() && accumulator.count() > 0)
                result.insert(current, accumulator.value());
        };
        while (q.next()) {
            const QString email = q.value(0).toString();
            if (email != current) {
                finishContact();
                current = email;
                accumulator = AdjustmentAccumulator(nowMs);
            }
            accumulator.add(q.value(1).toDouble(), q.value(2).toLongLong());
        }
        finishContact();
    }
    return result;
}

QList<OutcomeTypeAggregate> OutcomeRepository::typeAggregates(
    qint64 fromMs, qint64 toMs, const QString& email, QString* error) const
{
    const QString key = normalizeContactEmail(email);
    QList<OutcomeTypeAggregate> list;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    if (!key.isEmpty()) {
        // One contact: a short range of outcomes_contact; grouping its few rows costs nothing.
        q.prepare(u"SELECT type, COUNT(*), TOTAL(impact), TOTAL(impact > 0), TOTAL(impact < 0) FROM outcomes "
                  "WHERE contact_email = ? AND occurred_at >= ? AND occurred_at <= ? GROUP BY type"_s);
        q.addBindValue(key);
        q.addBindValue(fromMs);
        q.addBindValue(toMs);
        if (!q.exec()) {
            setError(error, q);
            return {};
        }
        while (q.next()) {
            const auto type = outcomeTypeFromString(q.value(0).toString());
            if (type)
                list.append({ *type, q.value(1).toLongLong(), q.value(2).toDouble(),
                    qint64(q.value(3).toDouble()), qint64(q.value(4).toDouble()) });
        }
        return list;
    }
    // Everyone: one range of outcomes_type per type, so every outcome of the window is read once and nothing
    // is sorted (a GROUP BY over the window sorted 100 000 rows; SQLite only skip-scans after ANALYZE).
    q.prepare(u"SELECT COUNT(*), TOTAL(impact), TOTAL(impact > 0), TOTAL(impact < 0) FROM outcomes "
              "WHERE type = ? AND occurred_at >= ? AND occurred_at <= ?"_s);
    for (OutcomeType type : allOutcomeTypes()) {
        q.addBindValue(toString(type));
        q.addBindValue(fromMs);
        q.addBindValue(toMs);
        if (!q.exec() || !q.next()) {
            setError(error, q);
            return {};
        }
        const qint64 count = q.value(0).toLongLong();
        if (count > 0)
            list.append({ type, count, q.value(1).toDouble(), qint64(q.value(2).toDouble()),
                qint64(q.value(3).toDouble()) });
        q.finish();
    }
    return list;
}

QList<OutcomeRangeAggregate> OutcomeRepository::rangeAggregates(
    const QList<qint64>& boundaries, const QString& email, QString* error) const
{
    const QString key = normalizeContactEmail(email);
    QList<OutcomeRangeAggregate> list;
    if (boundaries.size() < 2)
        return list;
    // One range query per day on the occurred_at index (covering): each outcome is read once and nothing is
    // sorted, and the day boundaries are exact local midnights whatever the zone's offset or DST.
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT COUNT(*), TOTAL(impact) FROM outcomes WHERE "_s
        + (key.isEmpty() ? QString() : u"contact_email = ? AND "_s)
        + u"occurred_at >= ? AND occurred_at < ?"_s);
    for (qsizetype i = 0; i + 1 < boundaries.size(); ++i) {
        if (!key.isEmpty())
            q.addBindValue(key);
        q.addBindValue(boundaries.at(i));
        q.addBindValue(boundaries.at(i + 1));
        if (!q.exec() || !q.next()) {
            setError(error, q);
            return {};
        }
        list.append(
            { boundaries.at(i), boundaries.at(i + 1), q.value(0).toLongLong(), q.value(1).toDouble() });
        q.finish();
    }
    return list;
}

qint64 OutcomeRepository::count(QString* error) const
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT COUNT(*) FROM outcomes"_s) || !q.next()) {
        setError(error, q);
        return 0;
    }
    return q.value(0).toLongLong();
}

QList<qint64> OutcomeRepository::openMoveIds(const QString& email, QString* error) const
{
    const QString key = normalizeContactEmail(email);
    QList<qint64> ids;
    if (key.isEmpty())
        return ids;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    // Written to match the partial index moves_contact (COLLATE NOCASE, contact_email <> '').
    q.prepare(u"SELECT id FROM moves WHERE contact_email = ? COLLATE NOCASE AND contact_email <> '' "
              "AND (status = 'pending' OR status = 'snoozed' OR status = 'in_progress') ORDER BY id"_s);
    q.addBindValue(key);
    if (!q.exec()) {
        setError(error, q);
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

} // namespace caseyos
