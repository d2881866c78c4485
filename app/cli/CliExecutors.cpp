#include "CliExecutors.h"

#include "accounts/AccountRegistry.h"
#include "accounts/AccountsRuntime.h"
#include "execution/AccountPerformers.h"
#include "execution/ExecutionAudit.h"

#include "execution/ExecutionRepository.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTimer>

namespace caseyos::cli {

CliExecutor::CliExecutor(Database& db, const Clock& clock, const QString& databasePath)
    : m_http(std::make_unique<HttpClient>(clock))
{
    const QList<Account> accounts = AccountRegistry().accounts();
    if (!accounts.isEmpty())
        m_accounts = std::make_unique<AccountsRuntime>(clock, databasePath);
    addAccountPerformers(
        m_performers, *m_http, accounts, m_accounts ? &m_accounts->tokens() : nullptr, QSettings(), clock);
    m_executor = std::make_unique<Executor>(db, clock, m_performers);
    m_executor->setAuditSink(executionAuditSink(db, clock, QStringLiteral("user")));
}

// The executor's pending callbacks go before the client and the accounts they use.
CliExecutor::~CliExecutor()
{
    m_executor.reset();
}

std::optional<ExecutionRecord> waitForExecution(Executor& executor, Database& db, qint64 id)
{
    std::optional<ExecutionRecord> ended;
    auto end = [&ended, id](const ExecutionRecord& r) {
        if (r.id != id || ended)
            return;
        ended = r;
        QCoreApplication::exit(0);
    };
    QObject::connect(&executor, &Executor::finished, &executor, end);
    QObject::connect(&executor, &Executor::failed, &executor, end);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &executor, [&db, &executor, id, end] {
        QString error;
        const std::optional<ExecutionRecord> row = ExecutionRepository(db).find(id, &error);
        if (!row && !error.isEmpty()) {
            QCoreApplication::exit(1); // the database went away: nothing more can be learned
            return;
        }
        if (row && row->state != ExecutionState::Queued && row->state != ExecutionState::Running
            && executor.inFlight() == 0)
            end(*row);
    });
    poll.start(500);
    executor.start(); // reconciles what a crash left, then runs the outbox (this one when it is due)
    QCoreApplication::exec();
    return ended;
}

} // namespace caseyos::cli
