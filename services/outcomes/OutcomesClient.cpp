#include "outcomes/OutcomesClient.h"

#include "outcomes/OutcomesWorker.h"

#include <QMetaObject>
#include <QThread>

namespace caseyos {

void registerOutcomeMetaTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::OutcomeType>();
        qRegisterMetaType<caseyos::Outcome>();
        qRegisterMetaType<caseyos::OutcomeInput>();
        qRegisterMetaType<caseyos::OutcomeStats>();
        qRegisterMetaType<caseyos::OutcomeRecordResult>();
        qRegisterMetaType<caseyos::MoveRow>();
        qRegisterMetaType<QList<caseyos::MoveRow>>();
        return true;
    }();
    Q_UNUSED(registered);
}

OutcomesClient::OutcomesClient(
    QString databasePath, const Clock& clock, QThread* storageThread, QObject* parent, ApsWeights weights)
    : QObject(parent)
{
    registerOutcomeMetaTypes();
    auto* worker = new OutcomesWorker(std::move(databasePath), clock, weights);
    worker->moveToThread(storageThread);
    // Deleted on its own thread (its database connection belongs there) when the thread ends.
    connect(storageThread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &OutcomesWorker::recorded, this, &OutcomesClient::recorded);
    connect(worker, &OutcomesWorker::statsLoaded, this, &OutcomesClient::statsLoaded);
    connect(worker, &OutcomesWorker::failed, this, &OutcomesClient::failed);
    m_worker = worker;
}

OutcomesClient::~OutcomesClient()
{
    // deleteLater is thread-safe and runs after the calls already queued (a last record is never lost).
    // When the storage thread has already ended, the worker is gone and the pointer is null.
    if (m_worker)
        m_worker->deleteLater();
}

void OutcomesClient::record(const OutcomeInput& input)
{
    OutcomesWorker* worker = m_worker;
    if (!worker)
        return;
    QMetaObject::invokeMethod(
        worker, [worker, input] { worker->record(input); }, Qt::QueuedConnection);
}

void OutcomesClient::recordForMove(qint64 moveId, OutcomeType type, double confidence, const QString& note)
{
    OutcomeInput input;
    input.moveId = moveId;
    input.type = type;
    input.confidence = confidence;
    input.note = note;
    input.source = OutcomeSource::Manual;
    record(input);
}

void OutcomesClient::loadStats(int days, const QString& contactEmail)
{
    OutcomesWorker* worker = m_worker;
    if (!worker)
        return;
    QMetaObject::invokeMethod(
        worker, [worker, days, contactEmail] { worker->loadStats(days, contactEmail); },
        Qt::QueuedConnection);
}

} // namespace caseyos
