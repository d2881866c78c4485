#pragma once

#include "workspace/WorkspaceWorker.h"

#include <QObject>
#include <QThread>

namespace caseyos {

// The UI-thread side of the workspace: starts the named "storage" thread, moves a WorkspaceWorker onto it,
// and forwards calls to it as queued invocations. Its signals are the worker's, re-emitted on the UI thread.
// Nothing here waits: every call returns at once.
class WorkspaceClient : public QObject
{
    Q_OBJECT
public:
    WorkspaceClient(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~WorkspaceClient() override; // stops the thread after pending work finishes

    void open();
    void reloadMoves();
    void loadDetail(qint64 moveId);
    void applyAction(qint64 moveId, MoveAction action, const QString& reason = {}, const QDateTime& until = {});
    void createMove(const Move& draft, const ApsInput& components);
    void editMove(const Move& move, const ApsInput& components);
    void deleteMove(qint64 moveId);
    void restoreMove(const Move& snapshot);
    void importFiles(const QStringList& paths);
    void cancelImport();
    void wakeExpiredSnoozes();

    // The storage thread, for other workers that write to the same database (outcomes, notifications):
    // every write runs on this one thread, so writers never contend. A worker moved here must own its own
    // Database (connections do not cross threads) and be deleted on QThread::finished; the thread ends
    // when this client is destroyed, after the work already queued.
    QThread* storageThread() { return &m_thread; }
    const QString& databasePath() const { return m_databasePath; }

Q_SIGNALS:
    void opened(bool ok, const QString& error);
    void movesLoaded(const QList<caseyos::MoveRow>& rows);
    void detailLoaded(const caseyos::MoveDetail& detail);
    void rowsChanged(const QList<caseyos::MoveRow>& rows);
    void rowRemoved(qint64 moveId);
    void moveChanged(const caseyos::MoveChange& change);
    void actionFailed(const QString& message);
    void importProgress(qint64 bytesDone, qint64 bytesTotal, const QString& currentFile);
    void importFinished(const caseyos::IngestReport& report);

private:
    QString m_databasePath;
    QThread m_thread;
    WorkspaceWorker* m_worker = nullptr;
};

} // namespace caseyos
