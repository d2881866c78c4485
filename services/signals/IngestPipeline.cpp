#include "signals/IngestPipeline.h"

#include "signals/SignalRules.h"
#include "storage/Database.h"
#include "storage/SignalBatchWriter.h"

#include <QDir>

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

bool IngestPipeline::writeBatch()
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
            for (Signal& signal : m_buffer) {
                RuleOutcome outcome = applySignalRules(signal, m_weights);
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
            return writer.finishBatch(&error);
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
