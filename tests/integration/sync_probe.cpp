// A sync in a process of its own, for the crash tests: the test kills it (SIGKILL) mid-sync, then runs it
// again. Usage: sync_probe DB PROVIDER BASE_URL ACCOUNT PAGE_SIZE — exit 0 when the sync completed, 1 when it
// failed.
#include "connectors/SyncEngine.h"
#include "connectors/SyncWorker.h"
#include "net/HttpClient.h"
#include "ProbeSupport.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QTimer>
#include <cstdio>

using namespace caseyos;
using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Database db;
    if (!test::startProbe(args, 6, "sync_probe DB PROVIDER BASE_URL ACCOUNT PAGE_SIZE", db))
        return 2;
    SyncAccountConfig config;
    config.provider = args[2] == u"hubspot"_s ? SyncProvider::Hubspot
        : args[2] == u"calendar"_s            ? SyncProvider::Calendar
                                              : SyncProvider::Gmail;
    config.baseUrl = QUrl(args[3]);
    config.accountId = args[4];
    config.pageSize = args[5].toInt();
    config.requestTimeoutMs = 5000;
    HttpClientOptions options;
    options.retry.baseDelayMs = 20;
    HttpClient http(SystemClock::instance(), options);
    AccessTokenProvider tokens = [](const SyncAccountConfig&, QObject* context, TokenCallback done) {
        QMetaObject::invokeMethod(
            context, [done] { done(u"probe-token"_s, {}); }, Qt::QueuedConnection);
    };
    auto engine = SyncWorker::createEngine(config, http, db, SystemClock::instance(), tokens);
    int code = 1;
    QObject::connect(engine.get(), &SyncEngine::finished, &app, [&code, &app](const SyncRunResult& result) {
        std::printf(
            "ok=%d signals=%d error=%s\n", int(result.ok), result.signalsMade, qPrintable(result.error));
        code = result.ok ? 0 : 1;
        app.quit();
    });
    QTimer::singleShot(0, engine.get(), [&engine] { engine->run(); });
    app.exec();
    return code;
}
