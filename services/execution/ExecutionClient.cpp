#include "execution/ExecutionClient.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

void registerExecutionTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::ExecuteRequest>();
        qRegisterMetaType<caseyos::SubmitResult>();
        qRegisterMetaType<caseyos::ExecutionRecord>();
        qRegisterMetaType<QList<caseyos::ExecutionRecord>>();
        qRegisterMetaType<caseyos::ExecutionDraft>();
        qRegisterMetaType<caseyos::ExecutionLimits>();
        qRegisterMetaType<caseyos::MoveRow>();
        qRegisterMetaType<QList<caseyos::MoveRow>>();
        qRegisterMetaType<QList<qint64>>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

ExecutionClient::ExecutionClient(QString databasePath, const Clock& clock, PerformerSetup performers,
    Executor::AuditSink audit, QObject* parent)
    : QObject(parent)
{
    registerExecutionTypes();
    m_thread.setObjectName(u"execution"_s);
    m_worker = new ExecutionWorker(databasePath, clock, std::move(performers), std::move(audit));
    m_reader = new ExecutionReader(std::move(databasePath));
    m_worker->moveToThread(&m_thread);
    m_reader->moveToThread(&m_thread);
    // Both (and their connections) are destroyed on their own thread when it ends.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);

    connect(m_worker, &ExecutionWorker::ready, this, [this](bool on) {
        m_ready = true;
        m_killSwitch = on;
        Q_EMIT ready(on);
    });
    connect(m_worker, &ExecutionWorker::killSwitchChanged, this, [this](bool on) {
        m_killSwitch = on;
        Q_EMIT killSwitchChanged(on);
    });
    connect(m_worker, &ExecutionWorker::submitted, this, &ExecutionClient::submitted);
    connect(m_worker, &ExecutionWorker::queued, this, &ExecutionClient::queued);
    connect(m_worker, &ExecutionWorker::started, this, &ExecutionClient::started);
    connect(m_worker, &ExecutionWorker::finished, this, &ExecutionClient::finished);
    connect(m_worker, &ExecutionWorker::failed, this, &ExecutionClient::failed);
    connect(m_worker, &ExecutionWorker::undone, this, &ExecutionClient::undone);
    connect(m_worker, &ExecutionWorker::undoRefused, this, &ExecutionClient::undoRefused);
    connect(m_worker, &ExecutionWorker::error, this, &ExecutionClient::error);
    connect(m_worker, &ExecutionWorker::approvalsHandedOver, this, &ExecutionClient::approvalsHandedOver);
    connect(m_worker, &ExecutionWorker::limitsLoaded, this, &ExecutionClient::limitsLoaded);
    connect(m_worker, &ExecutionWorker::limitsSaved, this, &ExecutionClient::limitsSaved);
    connect(m_reader, &ExecutionReader::draftLoaded, this, &ExecutionClient::draftLoaded);
    connect(m_reader, &ExecutionReader::historyLoaded, this, &ExecutionClient::historyLoaded);
    connect(m_reader, &ExecutionReader::rowsLoaded, this, &ExecutionClient::rowsLoaded);
    m_thread.start();
}

ExecutionClient::~ExecutionClient()
{
    // Quit through the worker's queue: a submit already posted commits its row first. A send still waiting in
    // the outbox stays queued in the database and leaves after the next start (unless undone from the CLI).
    QThread* thread = &m_thread;
    post(m_worker, [thread] { thread->quit(); });
    m_thread.wait();
}

template<typename Fn> void ExecutionClient::post(QObject* target, Fn&& fn)
{
    QMetaObject::invokeMethod(target, std::forward<Fn>(fn), Qt::QueuedConnection);
}

void ExecutionClient::start()
{
    ExecutionWorker* worker = m_worker;
    post(worker, [worker] { worker->start(); });
}

quint64 ExecutionClient::submit(const ExecuteRequest& request)
{
    const quint64 id = ++m_nextRequest;
    ExecutionWorker* worker = m_worker;
    post(worker, [worker, id, request] { worker->submit(id, request); });
    return id;
}

void ExecutionClient::undo(qint64 executionId)
{
    ExecutionWorker* worker = m_worker;
    post(worker, [worker, executionId] { worker->undo(executionId); });
}

void ExecutionClient::undoNewest()
{
    ExecutionWorker* worker = m_worker;
    post(worker, [worker] { worker->undoNewest(); });
}

void ExecutionClient::setKillSwitch(bool on)
{
    ExecutionWorker* worker = m_worker;
    post(worker, [worker, on] { worker->setKillSwitch(on); });
}

void ExecutionClient::handOverApproved()
{
    ExecutionWorker* worker = m_worker;
    post(worker, [worker] { worker->handOverApproved(); });
}

quint64 ExecutionClient::loadDraft(qint64 moveId)
{
    const quint64 id = ++m_nextRequest;
    ExecutionReader* reader = m_reader;
    post(reader, [reader, id, moveId] { reader->loadDraft(id, moveId); });
    return id;
}

quint64 ExecutionClient::loadHistory(qint64 moveId)
{
    const quint64 id = ++m_nextRequest;
    ExecutionReader* reader = m_reader;
    post(reader, [reader, id, moveId] { reader->loadHistory(id, moveId); });
    return id;
}

void ExecutionClient::loadRows(const QList<qint64>& moveIds)
{
    ExecutionReader* reader = m_reader;
    post(reader, [reader, moveIds] { reader->loadRows(moveIds); });
}

quint64 ExecutionClient::loadLimits()
{
    const quint64 id = ++m_nextRequest;
    ExecutionWorker* worker = m_worker;
    post(worker, [worker, id] { worker->loadLimits(id); });
    return id;
}

quint64 ExecutionClient::saveLimits(const ExecutionLimits& limits)
{
    const quint64 id = ++m_nextRequest;
    ExecutionWorker* worker = m_worker;
    post(worker, [worker, id, limits] { worker->saveLimits(id, limits); });
    return id;
}

} // namespace caseyos
