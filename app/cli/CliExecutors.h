#pragma once

#include "core/Clock.h"
#include "execution/ActionPerformer.h"
#include "execution/Executor.h"
#include "net/HttpClient.h"

#include <memory>

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

} // namespace caseyos::cli
