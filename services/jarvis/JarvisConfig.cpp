#include "jarvis/JarvisConfig.h"

#include "accounts/AccountRegistry.h"
#include "accounts/SyncAccounts.h"
#include "accounts/TokenStore.h"

#include <QPointer>
#include <QSettings>

namespace caseyos::jarvis {

TokenSource apiKeySource(const AccountRegistry& registry, TokenStore* tokens, llm::ProviderKind provider)
{
    const QString name = llm::keyProviderFor(provider);
    if (name.isEmpty() || !tokens)
        return {};
    for (const Account& account : registry.accountsOf(name)) {
        if (account.state != AccountState::Connected && account.state != AccountState::Error)
            continue;
        QPointer<TokenStore> store(tokens);
        const QString id = account.id;
        return [store, name, id](QObject* context, CredentialCallback done) {
            requestAccessToken(
                store.data(), name, id, context, [done](const QString& token, const QString& error) {
                    done(error.isEmpty() ? Result<QString>::success(token) : Result<QString>::failure(error));
                });
        };
    }
    return {};
}

LlmConfig currentLlmConfig(const QSettings& settings, const AccountRegistry& registry, TokenStore* tokens)
{
    LlmConfig config;
    config.settings = llm::LlmSettings::load(settings);
    config.key = apiKeySource(registry, tokens, config.settings.provider);
    return config;
}

} // namespace caseyos::jarvis
