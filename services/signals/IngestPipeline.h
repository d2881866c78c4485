#pragma once

#include "core/Clock.h"
#include "core/Signal.h"
#include "scoring/ApsCalculator.h"
#include "signals/IngestReport.h"

#include <QList>
#include <QVector>

#include <functional>
#include <vector>

namespace caseyos {

class Database;
struct RuleOutcome;

// signals → dedupe → rules → APS → persist. Signals are buffered and written one batch per write
// transaction: a signal and the move it makes are committed together, so a crash at any moment leaves
// whole batches only and a re-run completes the import without duplicates (dedupe keys are UNIQUE).
class IngestPipeline
{
public:
    static constexpr int kDefaultBatchSize = 5000;

    IngestPipeline(Database& db, const Clock& clock, ApsWeights weights = {}, int batchSize = kDefaultBatchSize);

    // Buffers one valid signal (its dedupe key set); writes a batch when full. False after a storage error.
    bool add(Signal signal);
    bool flush(); // writes what is buffered
    // Writes what is buffered and runs `alsoWrite` inside the same write transaction (even when nothing is
    // buffered), so a connector's cursor commits together with the signals it covers: a crash can then
    // neither skip nor repeat events. `alsoWrite` returning false rolls the whole batch back (error in *error).
    using TransactionStep = std::function<bool(Database& db, QString* error)>;
    bool flush(const TransactionStep& alsoWrite);

    IngestReport& report() { return m_report; }
    const QList<qint64>& createdMoveIds() const { return m_createdMoveIds; }

private:
    bool writeBatch(const TransactionStep& alsoWrite = {});
    bool applyOutcomeAdjustments(std::vector<RuleOutcome>& outcomes, QString* error);
    Database& m_db;
    const Clock& m_clock;
    ApsWeights m_weights;
    int m_batchSize;
    QVector<Signal> m_buffer;
    IngestReport m_report;
    QList<qint64> m_createdMoveIds;
};

} // namespace caseyos
