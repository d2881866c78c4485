#pragma once

#include "core/Clock.h"
#include "moves/MoveRow.h"
#include "outcomes/Outcome.h"
#include "outcomes/OutcomeService.h"
#include "outcomes/OutcomeStats.h"
#include "scoring/ApsCalculator.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QThread;

namespace caseyos {

class OutcomesWorker;

// The UI-thread side of outcomes: an OutcomesWorker on the storage thread (WorkspaceClient::storageThread(),
// so its writes never contend with the workspace's), reached by queued calls. Nothing here waits.
// The worker is deleted when this client is, or when the thread ends, whichever comes first; `clock` must
// outlive both.
class OutcomesClient : public QObject
{
    Q_OBJECT
public:
    OutcomesClient(QString databasePath, const Clock& clock, QThread* storageThread,
        QObject* parent = nullptr, ApsWeights weights = {});
    ~OutcomesClient() override;

    void record(const OutcomeInput& input);
    // What the detail pane's picker asks for (OutcomePicker::outcomeRequested): an outcome for a move, of its
    // contact, happening now, from the user.
    void recordForMove(qint64 moveId, caseyos::OutcomeType type, double confidence, const QString& note);
    void loadStats(int days, const QString& contactEmail = {});
    // False once the storage thread has ended (the worker went with it): calls are then dropped.
    bool hasWorker() const { return !m_worker.isNull(); }

Q_SIGNALS:
    // After a record: `rows` are the list rows to update in place (the completed move and the contact's
    // re-scored moves), in rank order.
    void recorded(const caseyos::OutcomeRecordResult& result, const QList<caseyos::MoveRow>& rows);
    void statsLoaded(const caseyos::OutcomeStats& stats);
    void failed(const QString& message);

private:
    QPointer<OutcomesWorker> m_worker;
};

// Registers the outcome types that cross threads in queued signals (called by OutcomesClient; harmless to
// call again).
void registerOutcomeMetaTypes();

} // namespace caseyos
