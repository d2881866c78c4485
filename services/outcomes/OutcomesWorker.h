#pragma once

#include "core/Clock.h"
#include "moves/MoveRow.h"
#include "outcomes/Outcome.h"
#include "outcomes/OutcomeService.h"
#include "outcomes/OutcomeStats.h"
#include "scoring/ApsCalculator.h"

#include <QList>
#include <QObject>
#include <memory>

namespace caseyos {

class Database;

// Lives on the storage thread (WorkspaceClient::storageThread()) with a Database connection of its own,
// opened on first use. OutcomesClient posts to its slots; results come back as signals.
class OutcomesWorker : public QObject
{
    Q_OBJECT
public:
    OutcomesWorker(
        QString databasePath, const Clock& clock, ApsWeights weights = {}, QObject* parent = nullptr);
    ~OutcomesWorker() override;

public Q_SLOTS:
    void record(const caseyos::OutcomeInput& input); // → recorded or failed
    void loadStats(int days, const QString& contactEmail); // → statsLoaded or failed

Q_SIGNALS:
    // `rows`: the recorded-for move and every re-scored move as list rows, in rank order.
    void recorded(const caseyos::OutcomeRecordResult& result, const QList<caseyos::MoveRow>& rows);
    void statsLoaded(const caseyos::OutcomeStats& stats);
    void failed(const QString& message);

private:
    bool ensureOpen();

    QString m_databasePath;
    const Clock& m_clock;
    ApsWeights m_weights;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OutcomeService> m_service;
};

} // namespace caseyos
