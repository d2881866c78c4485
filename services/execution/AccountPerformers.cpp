#include "execution/AccountPerformers.h"

#include "accounts/SyncAccounts.h"
#include "accounts/TokenStore.h"
#include "execution/ActionPerformer.h"
#include "execution/CalendarPerformers.h"
#include "execution/GmailPerformers.h"
#include "execution/HubspotPerformers.h"
#include "execution/MeetingSlots.h"
#include "execution/MessagingPerformers.h"

#include <QPointer>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString notConnected(const QString& service)
{
    return u"No connected %1 account: connect one on the Accounts page first (nothing was done)"_s.arg(
        service);
}

} // namespace

std::optional<Account> usableAccount(const QList<Account>& accounts, const QString& provider)
{
    for (const Account& a : accounts)
        if (a.provider == provider && (a.state == AccountState::Connected || a.state == AccountState::Error))
            return a;
    return std::nullopt;
}

ClientConfig accountClientConfig(const Account& account, TokenStore* tokens, const QSettings& settings,
    const QString& key, const QString& fallback)
{
    ClientConfig config;
    config.baseUrl = QUrl(settings.value(key, fallback).toString());
    config.account = account.provider + u':' + account.id;
    config.timeoutMs = 30000;
    QPointer<TokenStore> store(tokens);
    const QString provider = account.provider;
    const QString id = account.id;
    config.token = [store, provider, id](QObject* context, CredentialCallback done) {
        requestAccessToken(
            store.data(), provider, id, context, [done](const QString& token, const QString& error) {
                done(error.isEmpty() ? Result<QString>::success(token) : Result<QString>::failure(error));
            });
    };
    return config;
}

void addAccountPerformers(PerformerRegistry& registry, HttpClient& http, const QList<Account>& accounts,
    TokenStore* tokens, const QSettings& settings, const Clock& clock)
{
    if (const auto google = usableAccount(accounts, u"google"_s)) {
        addGmailPerformers(registry, http,
            accountClientConfig(*google, tokens, settings, u"sync/gmail/baseUrl"_s, u"https://gmail.googleapis.com"_s));
        // The working hours are read again at each booking (from the same settings file), so a change in the
        // settings dialog applies to the next meeting.
        addCalendarPerformer(registry, http,
            accountClientConfig(*google, tokens, settings, u"sync/calendar/baseUrl"_s,
                u"https://www.googleapis.com/calendar/v3"_s),
            clock, [file = settings.fileName(), format = settings.format(), &clock] {
                return WorkingHours::fromSettings(QSettings(file, format), clock);
            });
    } else {
        for (ActionKind kind : { ActionKind::SendEmail, ActionKind::CreateDraft, ActionKind::BookMeeting })
            registry.setUnavailable(kind, notConnected(u"Google"_s));
    }
    if (const auto hubspot = usableAccount(accounts, u"hubspot"_s)) {
        addHubspotPerformers(registry, http,
            accountClientConfig(*hubspot, tokens, settings, u"sync/hubspot/baseUrl"_s, u"https://api.hubapi.com"_s),
            clock);
    } else {
        for (ActionKind kind :
            { ActionKind::CreateTask, ActionKind::UpdateTask, ActionKind::UpdateDeal, ActionKind::LogNote })
            registry.setUnavailable(kind, notConnected(u"HubSpot"_s));
    }
    if (const auto slack = usableAccount(accounts, u"slack"_s))
        addSlackPerformer(registry, http,
            accountClientConfig(*slack, tokens, settings, u"clients/slack/baseUrl"_s, u"https://slack.com/api"_s));
    else
        registry.setUnavailable(ActionKind::PostSlack, notConnected(u"Slack"_s));
    if (const auto x = usableAccount(accounts, u"x"_s))
        addXPerformer(
            registry, http, accountClientConfig(*x, tokens, settings, u"clients/x/baseUrl"_s, u"https://api.x.com"_s));
    else
        registry.setUnavailable(ActionKind::PostX, notConnected(u"X"_s));
}

} // namespace caseyos
