#include "execution/ExecutionWorker.h"

#include "execution/ApprovedCalls.h"
#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace caseyos {

ExecutionWorker::ExecutionWorker(QString databasePath, const Clock& clock, PerformerSetup setup,
    Executor::AuditSink audit, HttpClientOptions options, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
    , m_setup(std::move(setup))
    , m_audit(std::move(audit))
    , m_options(std::move(options))
{
    qRegisterMetaType<ExecuteRequest>();
    qRegisterMetaType<SubmitResult>();
    qRegisterMetaType<ExecutionRecord>();
    qRegisterMetaType<ExecutionLimits>();
}

// The executor (and its performers' callbacks) go before the client and the database they use.
ExecutionWorker::~ExecutionWorker()
{
    m_executor.reset();
    m_performers.reset();
    m_http.reset();
    m_db.reset();
}

bool ExecutionWorker::ensureOpen()
{
    if (m_executor)
        return true;
    auto db = std::make_unique<Database>();
    QString error;
    if (!db->open(m_databasePath, &error)) {
        Q_EMIT this->error(u"Cannot open the database for executions: "_s + error);
        return false;
    }
    m_db = std::move(db);
    m_http = std::make_unique<HttpClient>(m_clock, m_options);
    m_performers = std::make_unique<PerformerRegistry>();
    if (m_setup)
        m_setup(*m_performers, *m_http);
    m_executor = std::make_unique<Executor>(*m_db, m_clock, *m_performers);
    m_executor->setAuditSink(m_audit);
    connect(m_executor.get(), &Executor::queued, this, &ExecutionWorker::queued);
    connect(m_executor.get(), &Executor::started, this, &ExecutionWorker::started);
    connect(m_executor.get(), &Executor::finished, this, &ExecutionWorker::finished);
    connect(m_executor.get(), &Executor::failed, this, &ExecutionWorker::failed);
    connect(m_executor.get(), &Executor::undone, this, &ExecutionWorker::undone);
    return true;
}

void ExecutionWorker::start()
{
    if (!ensureOpen())
        return;
    m_executor->start();
    Q_EMIT ready(m_executor->limits().killSwitch);
    handOverApproved(); // approvals decided while the app was closed, or by another process
}

void ExecutionWorker::handOverApproved()
{
    if (!ensureOpen())
        return;
    const HandoffReport report = caseyos::handOverApproved(*m_db, m_clock, *m_executor);
    if (!report.error.isEmpty())
        Q_EMIT error(u"Cannot hand approved calls to the executor: "_s + report.error);
    if (report.handedOver > 0 || report.refused > 0)
        Q_EMIT approvalsHandedOver(report.handedOver, report.refused);
}

void ExecutionWorker::submit(quint64 requestId, const ExecuteRequest& request)
{
    if (!ensureOpen()) {
        SubmitResult result;
        result.status = SubmitResult::Status::Blocked;
        result.blockedBy = u"storage"_s;
        result.message = u"The database cannot be opened"_s;
        Q_EMIT submitted(requestId, result);
        return;
    }
    Q_EMIT submitted(requestId, m_executor->submit(request));
}

void ExecutionWorker::undo(qint64 executionId)
{
    if (!ensureOpen())
        return;
    m_executor->undo(executionId, [this, executionId](const Result<ExecutionRecord>& result) {
        if (!result)
            Q_EMIT undoRefused(executionId, result.error());
        // Success is reported by Executor::undone (forwarded above).
    });
}

void ExecutionWorker::undoNewest()
{
    if (!ensureOpen())
        return;
    const std::optional<ExecutionRecord> newest = m_executor->newestUndoable();
    if (!newest) {
        Q_EMIT undoRefused(0, u"Nothing to undo"_s);
        return;
    }
    undo(newest->id);
}

void ExecutionWorker::setKillSwitch(bool on)
{
    if (!ensureOpen())
        return;
    QString error;
    if (!m_executor->setKillSwitch(on, &error)) {
        Q_EMIT this->error(error);
        return;
    }
    Q_EMIT killSwitchChanged(on);
}

void ExecutionWorker::loadLimits(quint64 requestId)
{
    if (!ensureOpen()) {
        Q_EMIT limitsLoaded(requestId, {}, u"The database cannot be opened"_s);
        return;
    }
    QString error;
    const ExecutionLimits limits = ExecutionSettings(*m_db).load(&error);
    Q_EMIT limitsLoaded(requestId, limits, error);
}

void ExecutionWorker::saveLimits(quint64 requestId, const ExecutionLimits& limits)
{
    if (!ensureOpen()) {
        Q_EMIT limitsSaved(requestId, u"The database cannot be opened"_s);
        return;
    }
    QString error;
    if (!m_executor->setSendingLimits(limits, &error) && error.isEmpty())
        error = u"The sending limits could not be stored"_s;
    Q_EMIT limitsSaved(requestId, error);
}

} // namespace caseyos
