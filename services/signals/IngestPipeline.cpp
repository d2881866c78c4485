#include "signals/IngestPipeline.h"

#include "outcomes/Outcome.h"
#include "outcomes/OutcomeService.h"
#include "signals/SignalRules.h"
#include "storage/Database.h"
#include "storage/SignalBatchWriter.h"

#include <QDir>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <vector>

using namespace Qt::StringLiterals;

namespace caseyos {

IngestPipeline::IngestPipeline(Database& db, const Clock& clock, ApsWeights weights, int batchSize)
    : m_db(db)
    , m_clock(clock)
    , m_weights(weights)
    , m_batchSize(qMax(1, batchSize))
{
    if (m_batchSize < 1'000'000)
        m_buffer.reserve(m_batchSize);
}

bool IngestPipeline::add(Signal signal)
{
    if (!m_report.fatalError.isEmpty())
        return false;
    if (!signal.receivedAt.isValid())
        signal.receivedAt = m_clock.now();
    if (!signal.occurredAt.isValid())
        signal.occurredAt = signal.receivedAt;
    m_buffer.append(std::move(signal));
    if (m_buffer.size() >= m_batchSize)
        return writeBatch();
    return true;
}

bool IngestPipeline::flush()
{
    if (!m_report.fatalError.isEmpty())
        return false;
    return m_buffer.isEmpty() || writeBatch();
}

bool IngestPipeline::flush(const TransactionStep& alsoWrite)
{
    if (!m_report.fatalError.isEmpty())
        return false;
    return writeBatch(alsoWrite);
}

bool IngestPipeline::applyOutcomeAdjustments(std::vector<RuleOutcome>& outcomes, QString* error)
{
    // Most imports happen before any outcome exists; one indexed probe per batch keeps them free of the
    // per-contact work below.
    QSqlQuery any(m_db.sql());
    if (!any.exec(u"SELECT EXISTS (SELECT 1 FROM outcomes)"_s) || !any.next()) {
        *error = any.lastError().text();
        return false;
    }
    if (!any.value(0).toBool())
        return true;
    QSet<QString> seen;
    QStringList contacts;
    for (const RuleOutcome& outcome : outcomes) {
        if (outcome.kind != RuleOutcome::Kind::CreateMove || outcome.move.contactEmail.isEmpty())
            continue;
        const QString email = normalizeContactEmail(outcome.move.contactEmail);
        if (!seen.contains(email)) {
            seen.insert(email);
            contacts.append(email);
        }
    }
    if (contacts.isEmpty())
        return true;
    QString lookupError;
    const QHash<QString, double> adjustments
        = OutcomeService(m_db, m_clock, m_weights).contactAdjustments(contacts, m_clock.now(), &lookupError);
    if (!lookupError.isEmpty()) {
        *error = lookupError;
        return false;
    }
    for (RuleOutcome& outcome : outcomes) {
        if (outcome.kind != RuleOutcome::Kind::CreateMove || outcome.move.contactEmail.isEmpty())
            continue;
        const double adjustment = adjustments.value(normalizeContactEmail(outcome.move.contactEmail), 0.0);
        if (adjustment != 0.0)
            applyAps(outcome.move, computeAps(outcome.move.components, adjustment, m_weights));
    }
    return true;
}

bool IngestPipeline::writeBatch(const TransactionStep& alsoWrite)
{
    // Counted per batch and merged only after the commit, so the report never counts rolled-back rows.
    int ingested = 0;
    int duplicates = 0;
    QList<qint64> created;
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            SignalBatchWriter writer(m_db);
            if (!writer.beginBatch(&error))
                return false;
            // Rules first, so the contacts of the new moves are known: a new move starts with its contact's
            // outcome adjustment (PRODUCT.md §2), like the moves that recording an outcome re-scores.
            std::vector<RuleOutcome> outcomes;
            outcomes.reserve(size_t(m_buffer.size()));
            for (const Signal& signal : std::as_const(m_buffer))
                outcomes.push_back(applySignalRules(signal, m_weights));
            if (!applyOutcomeAdjustments(outcomes, &error))
                return false;
            for (qsizetype i = 0; i < m_buffer.size(); ++i) {
                Signal& signal = m_buffer[i];
                RuleOutcome& outcome = outcomes[size_t(i)];
                const bool makesMove = outcome.kind == RuleOutcome::Kind::CreateMove;
                signal.state = makesMove ? SignalState::Processed : SignalState::Ignored;
                signal.error = makesMove ? QString() : outcome.reason;
                qint64 moveId = 0;
                switch (writer.write(signal, makesMove ? &outcome.move : nullptr, nullptr, &moveId, &error)) {
                case SignalBatchWriter::Outcome::Failed:
                    return false;
                case SignalBatchWriter::Outcome::Duplicate:
                    ++duplicates;
                    break;
                case SignalBatchWriter::Outcome::Stored:
                    ++ingested;
                    if (makesMove)
                        created.append(moveId);
                    break;
                }
            }
            if (!writer.finishBatch(&error))
                return false;
            return !alsoWrite || alsoWrite(m_db, &error);
        },
        &error);
    m_buffer.clear();
    if (!ok) {
        m_report.fatalError = u"Cannot write to the database %1: %2"_s.arg(
            QDir::toNativeSeparators(m_db.path()), error.isEmpty() ? m_db.lastError() : error);
        return false;
    }
    m_report.ingested += ingested;
    m_report.duplicates += duplicates;
    m_report.movesCreated += int(created.size());
    m_createdMoveIds += created;
    return true;
}

} // namespace caseyos
