#pragma once

#include "core/Clock.h"
#include "execution/ActionPerformer.h"
#include "execution/Executor.h"
#include "net/HttpClient.h"

#include <memory>
#include <optional>

namespace caseyos {
class AccountsRuntime;
class Database;
} // namespace caseyos

namespace caseyos::cli {

// An executor for one CLI command on the main thread, with the performers the connected accounts allow
// (AccountPerformers.h): the keychain is touched only when an account is connected. The command runs the
// event loop (QCoreApplication::exec) until its execution has an answer.
class CliExecutor
{
public:
    CliExecutor(Database& db, const Clock& clock, const QString& databasePath);
    ~CliExecutor();
    Executor& executor() { return *m_executor; }

private:
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AccountsRuntime> m_accounts;
    PerformerRegistry m_performers;
    std::unique_ptr<Executor> m_executor;
};

// Runs the event loop until execution `id` has ended (succeeded, failed, cancelled, undone) and returns its
// row; nullopt when it cannot be read. Another process may end it too: `caseyos undo` in another terminal
// cancels it, or the running app's outbox sends it first (a queued row is claimed by one process only), so
// the row is also read every half second. Starts the executor (reconcile, then the outbox).
std::optional<ExecutionRecord> waitForExecution(Executor& executor, Database& db, qint64 id);

} // namespace caseyos::cli
