#include "workspace/WorkspaceWorker.h"

#include "core/BackgroundPriority.h"

#include "signals/IngestPipeline.h"
#include "signals/SignalFileReader.h"
#include "signals/SignalParser.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"
#include "storage/SignalRepository.h"

#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QSemaphore>
#include <QThreadPool>
#include <QtConcurrent>
#include <atomic>
#include <climits>
#include <memory>
#include <variant>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kImportBatchSize = IngestPipeline::kDefaultBatchSize;
// Parsed batches the reader may run ahead of the writer: enough to keep both threads busy, few enough that a
// user's action queued behind them waits only a couple of batch writes.
constexpr int kBatchesAhead = 2;

// One batch of an import, parsed off the storage thread and written on it.
struct ImportChunk
{
    quint64 generation = 0;
    QVector<Signal> signalList;
    QList<IngestError> errors;
    int read = 0;
    int invalid = 0;
    qint64 bytesDone = 0;
    QString file;
    QString fileError; // the file could not be read at all
    bool last = false;
};

// State shared between the storage thread and the reader of one import.
struct ImportShared
{
    std::atomic<bool> cancelled { false };
    QSemaphore slots { kBatchesAhead };
};

} // namespace

struct WorkspaceWorker::Impl
{
    WorkspaceWorker* q = nullptr;
    QString databasePath;
    const Clock& clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<MoveService> service;

    struct Import
    {
        quint64 generation = 0;
        std::shared_ptr<ImportShared> shared;
        std::unique_ptr<IngestPipeline> pipeline;
        IngestReport readerCounts; // read, invalid, errors (the pipeline counts the rest)
        qint64 bytesTotal = 0;
        bool severalFiles = false;
    };
    std::unique_ptr<Import> import;
    // The reader gets a pool of its own: on the shared global pool it would hold the only thread of a one-core
    // machine for the whole import, and Qt's raster painting, which waits for that pool, would freeze the UI.
    QThreadPool readerPool;
    QFuture<void> reader;
    quint64 nextGeneration = 1;

    Impl(WorkspaceWorker* owner, QString path, const Clock& c)
        : q(owner)
        , databasePath(std::move(path))
        , clock(c)
    {
        readerPool.setMaxThreadCount(1);
        readerPool.setObjectName(u"import-reader"_s);
    }

    bool ensureOpen()
    {
        if (db && service)
            return true;
        Q_EMIT q->actionFailed(u"The workspace is not open"_s);
        return false;
    }

    void emitRows(const QList<qint64>& ids)
    {
        QString error;
        const QList<MoveRow> rows = MoveRepository(*db).rows(ids, &error);
        if (!error.isEmpty())
            Q_EMIT q->actionFailed(error);
        else if (!rows.isEmpty())
            Q_EMIT q->rowsChanged(rows);
    }

    void startReader(const QStringList& paths, const QDateTime& receivedAt);
    void handleChunk(const std::shared_ptr<ImportChunk>& chunk);
    void finishImport();
    void stopReader()
    {
        if (import)
            import->shared->cancelled = true;
        reader.waitForFinished();
    }
};

void WorkspaceWorker::Impl::startReader(const QStringList& paths, const QDateTime& receivedAt)
{
    const quint64 generation = import->generation;
    const std::shared_ptr<ImportShared> shared = import->shared;
    // The worker outlives the reader (its destructor waits for it), so the raw pointer stays valid; a chunk
    // posted to a worker being destroyed is dropped with its other pending events.
    WorkspaceWorker* worker = q;
    auto post = [worker, shared](std::shared_ptr<ImportChunk> chunk) {
        // Wait for a free slot, giving up when the import is cancelled.
        while (!shared->slots.tryAcquire(1, 50)) {
            if (shared->cancelled)
                return false;
        }
        if (shared->cancelled)
            return false;
        QMetaObject::invokeMethod(
            worker, [worker, chunk] { worker->d->handleChunk(chunk); }, Qt::QueuedConnection);
        return true;
    };

    reader = QtConcurrent::run(&readerPool, [paths, receivedAt, generation, shared, post] {
        lowerCurrentThreadPriority(); // background work: the UI thread goes first
        qint64 bytesBefore = 0;
        for (qsizetype i = 0; i < paths.size(); ++i) {
            const QString& path = paths.at(i);
            auto chunk = std::make_shared<ImportChunk>();
            chunk->generation = generation;
            chunk->file = path;
            QFile file(path);
            if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
                chunk->fileError = QFileInfo(path).isDir()
                    ? u"Cannot read %1: it is a folder"_s.arg(path)
                    : u"Cannot read %1: %2"_s.arg(path, file.errorString());
                chunk->last = i == paths.size() - 1;
                if (!post(chunk))
                    return;
                continue;
            }
            SignalFileReader fileReader(&file, SignalFileReader::formatForPath(path));
            bool stopped = false;
            fileReader.readAll([&](const SignalRecord& record) {
                ++chunk->read;
                if (!record.error.isEmpty()) {
                    ++chunk->invalid;
                    chunk->errors.append({ record.line, record.error });
                } else {
                    auto parsed = signalFromJson(record.object, receivedAt);
                    if (auto* message = std::get_if<QString>(&parsed)) {
                        ++chunk->invalid;
                        chunk->errors.append({ record.line, *message });
                    } else {
                        chunk->signalList.append(std::move(std::get<Signal>(parsed)));
                    }
                }
                if (chunk->signalList.size() >= kImportBatchSize) {
                    chunk->bytesDone = bytesBefore + file.pos();
                    if (!post(std::exchange(chunk, std::make_shared<ImportChunk>()))) {
                        stopped = true;
                        return false;
                    }
                    chunk->generation = generation;
                    chunk->file = path;
                }
                return true;
            });
            if (stopped)
                return;
            bytesBefore += file.size();
            chunk->bytesDone = bytesBefore;
            chunk->last = i == paths.size() - 1;
            if (!post(chunk))
                return;
        }
    });
}

void WorkspaceWorker::Impl::handleChunk(const std::shared_ptr<ImportChunk>& chunk)
{
    if (!import || chunk->generation != import->generation)
        return; // a cancelled import's leftovers
    import->shared->slots.release();
    const QString prefix = import->severalFiles ? QFileInfo(chunk->file).fileName() + u": "_s : QString();

    IngestReport& counts = import->readerCounts;
    counts.read += chunk->read;
    counts.invalid += chunk->invalid;
    for (const IngestError& error : chunk->errors)
        counts.errors.append({ error.line, prefix + error.message });
    if (!chunk->fileError.isEmpty()) {
        counts.errors.append({ 0, chunk->fileError });
        Q_EMIT q->actionFailed(chunk->fileError);
    }

    IngestPipeline& pipeline = *import->pipeline;
    const qsizetype createdBefore = pipeline.createdMoveIds().size();
    bool ok = true;
    for (Signal& signal : chunk->signalList) {
        if (!(ok = pipeline.add(std::move(signal))))
            break;
    }
    ok = ok && pipeline.flush();
    const QList<qint64>& created = pipeline.createdMoveIds();
    if (created.size() > createdBefore) {
        // Ids of one batch are allocated in one transaction, so they form one range.
        QString error;
        const QList<MoveRow> rows
            = MoveRepository(*db).rowsInRange(created.at(createdBefore), created.last(), &error);
        if (!rows.isEmpty())
            Q_EMIT q->rowsChanged(rows);
    }
    Q_EMIT q->importProgress(chunk->bytesDone, import->bytesTotal, chunk->file);
    if (!ok || chunk->last || import->shared->cancelled)
        finishImport();
}

void WorkspaceWorker::Impl::finishImport()
{
    if (!import)
        return;
    import->shared->cancelled = true; // stops the reader if it is still running
    IngestReport report = import->pipeline->report();
    report.read = import->readerCounts.read;
    report.invalid = import->readerCounts.invalid;
    report.errors = import->readerCounts.errors;
    import.reset();
    Q_EMIT q->importFinished(report);
}

WorkspaceWorker::WorkspaceWorker(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(this, std::move(databasePath), clock))
{
}

WorkspaceWorker::~WorkspaceWorker()
{
    d->stopReader();
    d->import.reset();
    d->service.reset();
    d->db.reset();
}

void WorkspaceWorker::open()
{
    d->stopReader();
    d->import.reset();
    d->service.reset();
    auto db = std::make_unique<Database>();
    QString error;
    if (!db->open(d->databasePath, &error)) {
        d->db.reset();
        Q_EMIT opened(false, error);
        return;
    }
    d->db = std::move(db);
    d->service = std::make_unique<MoveService>(*d->db, d->clock);
    d->service->wakeExpiredSnoozes(&error);
    Q_EMIT opened(true, {});
    reloadMoves();
}

void WorkspaceWorker::reloadMoves()
{
    if (!d->ensureOpen())
        return;
    QString error;
    QList<MoveRow> rows = MoveRepository(*d->db).allRows(&error);
    if (!error.isEmpty()) {
        Q_EMIT actionFailed(error);
        return;
    }
    Q_EMIT movesLoaded(rows);
}

void WorkspaceWorker::loadDetail(qint64 moveId)
{
    if (!d->ensureOpen())
        return;
    const std::optional<Move> move = d->service->find(moveId);
    if (!move) {
        Q_EMIT actionFailed(u"No move with id %1"_s.arg(moveId));
        return;
    }
    d->service->recordViewed(moveId);
    MoveDetail detail;
    detail.move = *move;
    if (move->signalId)
        detail.signal = SignalRepository(*d->db).find(*move->signalId);
    detail.history = d->service->history(moveId);
    Q_EMIT detailLoaded(detail);
}

void WorkspaceWorker::applyAction(
    qint64 moveId, MoveAction action, const QString& reason, const QDateTime& until)
{
    if (!d->ensureOpen())
        return;
    const Result<MoveChange> result = d->service->apply(moveId, action, reason, until);
    if (!result) {
        Q_EMIT actionFailed(result.error());
        return;
    }
    Q_EMIT moveChanged(result.value());
    d->emitRows({ moveId });
}

void WorkspaceWorker::createMove(const Move& draft, const ApsInput& components)
{
    if (!d->ensureOpen())
        return;
    const Result<Move> result = d->service->create(draft, components);
    if (!result) {
        Q_EMIT actionFailed(result.error());
        return;
    }
    Q_EMIT moveChanged({ Move {}, result.value() });
    d->emitRows({ result.value().id });
}

void WorkspaceWorker::editMove(const Move& move, const ApsInput& components)
{
    if (!d->ensureOpen())
        return;
    const Result<MoveChange> result = d->service->edit(move, components);
    if (!result) {
        Q_EMIT actionFailed(result.error());
        return;
    }
    Q_EMIT moveChanged(result.value());
    d->emitRows({ move.id });
}

void WorkspaceWorker::deleteMove(qint64 moveId)
{
    if (!d->ensureOpen())
        return;
    const Result<Move> result = d->service->remove(moveId);
    if (!result) {
        Q_EMIT actionFailed(result.error());
        return;
    }
    Q_EMIT moveChanged({ result.value(), Move {} });
    Q_EMIT rowRemoved(moveId);
}

void WorkspaceWorker::restoreMove(const Move& snapshot)
{
    if (!d->ensureOpen())
        return;
    const Move before = d->service->find(snapshot.id).value_or(Move {});
    const Result<Move> result = d->service->restore(snapshot);
    if (!result) {
        Q_EMIT actionFailed(result.error());
        return;
    }
    Q_EMIT moveChanged({ before, result.value() });
    d->emitRows({ result.value().id });
}

void WorkspaceWorker::importFiles(const QStringList& paths)
{
    if (!d->ensureOpen())
        return;
    if (d->import) {
        Q_EMIT actionFailed(u"An import is already running; wait for it to finish or cancel it"_s);
        return;
    }
    d->reader.waitForFinished(); // a cancelled reader stops within one record
    if (paths.isEmpty()) {
        Q_EMIT importFinished({});
        return;
    }
    auto import = std::make_unique<Impl::Import>();
    import->generation = d->nextGeneration++;
    import->shared = std::make_shared<ImportShared>();
    // The pipeline writes only when a chunk is flushed: one transaction per parsed batch.
    import->pipeline = std::make_unique<IngestPipeline>(*d->db, d->clock, ApsWeights {}, INT_MAX);
    import->severalFiles = paths.size() > 1;
    for (const QString& path : paths)
        import->bytesTotal += QFileInfo(path).size();
    d->import = std::move(import);
    d->startReader(paths, d->clock.now());
}

void WorkspaceWorker::cancelImport()
{
    // Batches already written stay; the one being read is dropped.
    if (d->import)
        d->finishImport();
}

void WorkspaceWorker::wakeExpiredSnoozes()
{
    if (!d->ensureOpen())
        return;
    QString error;
    const QList<qint64> woken = d->service->wakeExpiredSnoozes(&error);
    if (!error.isEmpty()) {
        Q_EMIT actionFailed(error);
        return;
    }
    if (!woken.isEmpty())
        d->emitRows(woken);
}

} // namespace caseyos
