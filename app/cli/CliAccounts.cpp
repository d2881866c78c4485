#include "CliAccounts.h"

#include "CliCommon.h"
#include "accounts/AccountRegistry.h"
#include "core/Clock.h"
#include "jarvis/JarvisConfig.h"

#include <QSettings>

namespace caseyos::cli {

TokenStore* CliAccounts::tokens() const
{
    return runtime ? &runtime->tokens() : nullptr;
}

jarvis::LlmConfig CliAccounts::llmConfig() const
{
    jarvis::LlmConfig config;
    config.settings = llm::LlmSettings::load(QSettings());
    if (runtime)
        config.key = jarvis::apiKeySource(runtime->registry(), tokens(), config.settings.provider);
    return config;
}

CliAccounts cliAccounts(const Context& context)
{
    CliAccounts out;
    out.accounts = AccountRegistry().accounts();
    if (!out.accounts.isEmpty())
        out.runtime = std::make_unique<AccountsRuntime>(SystemClock::instance(), context.databasePath);
    return out;
}

} // namespace caseyos::cli
