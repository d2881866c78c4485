#include "CliExecutors.h"

#include "accounts/AccountRegistry.h"
#include "accounts/AccountsRuntime.h"
#include "execution/AccountPerformers.h"
#include "execution/ExecutionAudit.h"

#include <QSettings>

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

} // namespace caseyos::cli
