#include "connectors/clients/AccountHealth.h"

#include "accounts/AccountsService.h"
#include "accounts/TokenStore.h"

using namespace Qt::StringLiterals;

namespace caseyos {

AccountHealth::AccountHealth(AccountsService& service, HttpClient& http, HealthEndpoints endpoints, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_checker(http, std::move(endpoints))
{
    connect(&m_service, &AccountsService::connectFinished, this, [this](const QString& provider, bool ok) {
        if (ok)
            check(provider);
    });
}

void AccountHealth::check(const QString& provider)
{
    QList<Account> mine;
    for (const Account& a : m_service.accounts()) {
        if (a.provider == provider)
            mine << a;
    }
    if (mine.isEmpty() || isChecking(provider))
        return;
    m_running[provider] = int(mine.size());
    m_text[provider] = u"Checking…"_s;
    auto lines = std::make_shared<QStringList>();
    auto worst = std::make_shared<HealthStatus>(HealthStatus::Ok);
    Q_EMIT changed(provider);
    for (const Account& account : mine) {
        TokenStore* tokens = &m_service.tokens();
        const TokenSource token = [tokens, provider, id = account.id](QObject* context, CredentialCallback done) {
            tokens->validAccessToken(provider, id, context, [done](const AccessTokenResult& r) {
                done(r.ok() ? Result<QString>::success(r.token) : Result<QString>::failure(r.error.message));
            });
        };
        const QString label = mine.size() > 1 ? account.displayName + u": "_s : QString();
        m_checker.check(provider, token, this, [this, provider, label, lines, worst](const HealthReport& report) {
            lines->append(label + report.message);
            if (report.status != HealthStatus::Ok)
                *worst = report.status;
            if (--m_running[provider] > 0)
                return;
            m_text[provider] = lines->join(u'\n');
            m_status[provider] = *worst;
            Q_EMIT changed(provider);
        });
    }
}

} // namespace caseyos
