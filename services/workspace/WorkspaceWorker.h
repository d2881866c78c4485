#pragma once

#include "core/Clock.h"
#include "core/Move.h"
#include "moves/MoveRow.h"
#include "moves/MoveService.h"
#include "scoring/ApsCalculator.h"
#include "signals/IngestReport.h"
#include "workspace/MoveDetail.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace caseyos {

class Database;

// Lives on the storage thread and owns that thread's database connection. The UI never calls it directly:
// WorkspaceClient posts to these slots (queued) and the results come back as signals.
// Long work (imports) runs in batches, going back to the event loop between batches so that the user's
// triage actions interleave with an import instead of waiting for it.
class WorkspaceWorker : public QObject
{
    Q_OBJECT
public:
    WorkspaceWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~WorkspaceWorker() override;

public Q_SLOTS:
    void open(); // → opened(ok, error), then movesLoaded on success
    void reloadMoves(); // → movesLoaded
    void loadDetail(qint64 moveId); // → detailLoaded; records move_viewed
    void applyAction(qint64 moveId, caseyos::MoveAction action, const QString& reason, const QDateTime& until);
    void createMove(const caseyos::Move& draft, const caseyos::ApsInput& components);
    void editMove(const caseyos::Move& move, const caseyos::ApsInput& components);
    void deleteMove(qint64 moveId);
    void restoreMove(const caseyos::Move& snapshot); // undo
    void importFiles(const QStringList& paths); // → importProgress…, rowsChanged, importFinished
    void cancelImport();
    void wakeExpiredSnoozes(); // → rowsChanged for the moves that returned to pending

Q_SIGNALS:
    void opened(bool ok, const QString& error);
    void movesLoaded(const QList<caseyos::MoveRow>& rows); // all moves, in rank order
    void detailLoaded(const caseyos::MoveDetail& detail);
    // Rows inserted or updated (by id). `change` carries the before/after of a user action, for undo.
    void rowsChanged(const QList<caseyos::MoveRow>& rows);
    void rowRemoved(qint64 moveId);
    void moveChanged(const caseyos::MoveChange& change); // after apply/create/edit/delete/restore
    void actionFailed(const QString& message);
    void importProgress(qint64 bytesDone, qint64 bytesTotal, const QString& currentFile);
    void importFinished(const caseyos::IngestReport& report);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::MoveChange)
Q_DECLARE_METATYPE(caseyos::MoveAction)
Q_DECLARE_METATYPE(caseyos::ApsInput)
Q_DECLARE_METATYPE(caseyos::Move)
