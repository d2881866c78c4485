#include "SyncTestSupport.h"

#include "WaitFor.h"
#include "connectors/SyncWorker.h"

#include <QMetaObject>
#include <QSqlQuery>
#include <gtest/gtest.h>
#include <optional>

using namespace Qt::StringLiterals;

namespace caseyos::test {

HttpClientOptions fastHttpOptions(qint64 breakerOpenMs)
{
    HttpClientOptions options;
    options.retry.baseDelayMs = 20;
    options.retry.maxDelayMs = 200;
    options.random = [] { return 0.5; };
    options.breaker.openMs = breakerOpenMs;
    return options;
}

AccessTokenProvider fixedToken(const QString& token)
{
    return [token](const SyncAccountConfig&, QObject* context, TokenCallback done) {
        QMetaObject::invokeMethod(
            context, [token, done] { done(token, {}); }, Qt::QueuedConnection);
    };
}

SyncHarness::SyncHarness(SyncAccountConfig config, HttpClientOptions options, const Clock* clock)
    : m_config(std::move(config))
    , m_clock(clock ? *clock : SystemClock::instance())
{
    QString error;
    if (!m_db.open(m_home.databasePath(), &error))
        ADD_FAILURE() << error.toStdString();
    m_http = std::make_unique<HttpClient>(m_clock, std::move(options));
    recreateEngine();
}

SyncHarness::~SyncHarness()
{
    m_engine.reset();
    m_http.reset();
}

void SyncHarness::recreateEngine()
{
    m_engine.reset();
    m_engine = SyncWorker::createEngine(m_config, *m_http, m_db, m_clock, fixedToken());
}

SyncRunResult SyncHarness::run(int timeoutMs)
{
    std::optional<SyncRunResult> result;
    QObject guard;
    QObject::connect(
        m_engine.get(), &SyncEngine::finished, &guard, [&result](const SyncRunResult& r) { result = r; });
    if (!m_engine->run())
        ADD_FAILURE() << "a run was already going";
    if (!waitFor([&] { return result.has_value(); }, timeoutMs)) {
        SyncRunResult none;
        none.error = u"no answer"_s;
        return none;
    }
    return *result;
}

int SyncHarness::countSignals(const QString& source, const QString& eventType)
{
    QSqlQuery q(m_db.sql());
    q.prepare(eventType.isEmpty() ? u"SELECT COUNT(*) FROM signals WHERE source = ?"_s
                                  : u"SELECT COUNT(*) FROM signals WHERE source = ? AND event_type = ?"_s);
    q.addBindValue(source);
    if (!eventType.isEmpty())
        q.addBindValue(eventType);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

QStringList SyncHarness::sourceIds(const QString& source, const QString& eventType)
{
    QStringList ids;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT source_id FROM signals WHERE source = ? AND event_type = ? ORDER BY source_id"_s);
    q.addBindValue(source);
    q.addBindValue(eventType);
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    return ids;
}

int SyncHarness::countOutcomes(const QString& type)
{
    QSqlQuery q(m_db.sql());
    q.prepare(type.isEmpty() ? u"SELECT COUNT(*) FROM outcomes"_s
                             : u"SELECT COUNT(*) FROM outcomes WHERE type = ?"_s);
    if (!type.isEmpty())
        q.addBindValue(type);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

QStringList SyncHarness::outcomeContacts(const QString& type)
{
    QStringList contacts;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT contact_email FROM outcomes WHERE type = ? ORDER BY contact_email"_s);
    q.addBindValue(type);
    if (q.exec()) {
        while (q.next())
            contacts.append(q.value(0).toString());
    }
    return contacts;
}

QString SyncHarness::cursor(const QString& stream)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT cursor FROM sync_state WHERE account = ? AND stream = ?"_s);
    q.addBindValue(m_config.key());
    q.addBindValue(stream);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

qint64 SyncHarness::stateNumber(const QString& stream, const QString& column)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s + column + u" FROM sync_state WHERE account = ? AND stream = ?"_s);
    q.addBindValue(m_config.key());
    q.addBindValue(stream);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace caseyos::test
