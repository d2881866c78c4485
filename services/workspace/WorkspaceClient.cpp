#include "workspace/WorkspaceClient.h"

#include "core/BackgroundPriority.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Types that cross from the storage thread to the UI thread in queued signals.
void registerWorkspaceTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::MoveRow>();
        qRegisterMetaType<QList<caseyos::MoveRow>>();
        qRegisterMetaType<caseyos::MoveDetail>();
        qRegisterMetaType<caseyos::MoveChange>();
        qRegisterMetaType<caseyos::MoveAction>();
        qRegisterMetaType<caseyos::ApsInput>();
        qRegisterMetaType<caseyos::Move>();
        qRegisterMetaType<caseyos::IngestReport>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

WorkspaceClient::WorkspaceClient(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(databasePath)
{
    registerWorkspaceTypes();
    m_thread.setObjectName(u"storage"_s);
    m_worker = new WorkspaceWorker(std::move(databasePath), clock);
    m_worker->moveToThread(&m_thread);
    // The worker (and its database connection) is destroyed on its own thread when the thread ends.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Runs on the storage thread as it starts: imports and loads must never take the CPU from the UI thread.
    connect(&m_thread, &QThread::started, m_worker, [] { lowerCurrentThreadPriority(); });

    // Signal-to-signal connections across threads: queued, so they arrive on this object's (UI) thread.
    connect(m_worker, &WorkspaceWorker::opened, this, &WorkspaceClient::opened);
    connect(m_worker, &WorkspaceWorker::movesLoaded, this, &WorkspaceClient::movesLoaded);
    connect(m_worker, &WorkspaceWorker::detailLoaded, this, &WorkspaceClient::detailLoaded);
    connect(m_worker, &WorkspaceWorker::rowsChanged, this, &WorkspaceClient::rowsChanged);
    connect(m_worker, &WorkspaceWorker::rowRemoved, this, &WorkspaceClient::rowRemoved);
    connect(m_worker, &WorkspaceWorker::moveChanged, this, &WorkspaceClient::moveChanged);
    connect(m_worker, &WorkspaceWorker::actionFailed, this, &WorkspaceClient::actionFailed);
    connect(m_worker, &WorkspaceWorker::importProgress, this, &WorkspaceClient::importProgress);
    connect(m_worker, &WorkspaceWorker::importFinished, this, &WorkspaceClient::importFinished);
    m_thread.start();
}

WorkspaceClient::~WorkspaceClient()
{
    // Quit through the worker's queue, so calls posted before this one still run (a last triage action is
    // never lost); an import still running stops after its current batch.
    QThread* thread = &m_thread;
    QMetaObject::invokeMethod(
        m_worker, [thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

void WorkspaceClient::open()
{
    QMetaObject::invokeMethod(m_worker, &WorkspaceWorker::open, Qt::QueuedConnection);
}

void WorkspaceClient::reloadMoves()
{
    QMetaObject::invokeMethod(m_worker, &WorkspaceWorker::reloadMoves, Qt::QueuedConnection);
}

void WorkspaceClient::loadDetail(qint64 moveId)
{
    WorkspaceWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, moveId] { worker->loadDetail(moveId); }, Qt::QueuedConnection);
}

void WorkspaceClient::applyAction(
    qint64 moveId, MoveAction action, const QString& reason, const QDateTime& until)
{
    WorkspaceWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker,
        [worker, moveId, action, reason, until] { worker->applyAction(moveId, action, reason, until); },
        Qt::QueuedConnection);
}

void WorkspaceClient::createMove(const Move& draft, const ApsInput& components)
{
    WorkspaceWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, draft, components] { worker->createMove(draft, components); },
        Qt::QueuedConnection);
}

void WorkspaceClient::editMove(const Move& move, const ApsInput& components)
{
    WorkspaceWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, move, components] { worker->editMove(move, components); }, Qt::QueuedConnection);
}

void WorkspaceClient::deleteMove(qint64 moveId)
{
    WorkspaceWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, moveId] { worker->deleteMove(moveId); }, Qt::QueuedConnection);
}

void WorkspaceClient::restoreMove(const Move& snapshot)
{
    WorkspaceWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, snapshot] { worker->restoreMove(snapshot); }, Qt::QueuedConnection);
}

void WorkspaceClient::importFiles(const QStringList& paths)
{
    WorkspaceWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, paths] { worker->importFiles(paths); }, Qt::QueuedConnection);
}

void WorkspaceClient::cancelImport()
{
    QMetaObject::invokeMethod(m_worker, &WorkspaceWorker::cancelImport, Qt::QueuedConnection);
}

void WorkspaceClient::wakeExpiredSnoozes()
{
    QMetaObject::invokeMethod(m_worker, &WorkspaceWorker::wakeExpiredSnoozes, Qt::QueuedConnection);
}

} // namespace caseyos
