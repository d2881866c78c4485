// bench_sync: how fast the connectors turn provider data into signals, and how the UI thread fares during a
// HubSpot backfill (issue 4).
//   - gmail_signals_per_s: an incremental Gmail sync of --messages new replies (history.list + one
//   messages.get
//     each) from a fake Gmail on its own thread with no rate limit, the client's quota budget lifted;
//   - hubspot_signals_per_s: an incremental HubSpot sync of --deals stage changes (search pages of 200 +
//     pipelines), fake unlimited, budget lifted; every change is a signal plus an outcome;
//   - backfill_*: a --contacts HubSpot backfill through SyncScheduler (sync thread, production budgets)
//   against
//     a fake enforcing 100 requests / 10 s, while the main ("UI") thread runs a 10 ms timer: its worst
//     lateness is the UI stall (goal < 50 ms). About 80 s for 50 000 contacts: the search budget sets the
//     pace.
// Usage: bench_sync [--messages N] [--deals N] [--contacts N (0 skips the backfill)]

#include "BenchSupport.h"
#include "FakeGmail.h"
#include "FakeHubspot.h"
#include "connectors/SyncEngine.h"
#include "connectors/SyncScheduler.h"
#include "connectors/SyncWorker.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <ctime>
#include <functional>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::bench;
using namespace caseyos::test;

namespace {

constexpr double kGoalStallMs = 50.0;

// CPU time of the calling thread in ms: a stall whose CPU is far below its wall time was waiting for the
// core.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// Runs `f` on the server thread and waits for it.
void onThread(QObject* context, const std::function<void()>& f)
{
    QMetaObject::invokeMethod(context, f, Qt::BlockingQueuedConnection);
}

AccessTokenProvider token()
{
    return [](const SyncAccountConfig&, QObject* context, TokenCallback done) {
        QMetaObject::invokeMethod(
            context, [done] { done(u"bench-token"_s, {}); }, Qt::QueuedConnection);
    };
}

std::optional<SyncRunResult> runOnce(SyncEngine& engine)
{
    std::optional<SyncRunResult> result;
    QEventLoop loop; // a benchmark program, not app code
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncRunResult& r) {
        result = r;
        loop.quit();
    });
    engine.run();
    if (!result)
        loop.exec();
    return result;
}

HttpClientOptions benchHttpOptions()
{
    HttpClientOptions options;
    options.retry.baseDelayMs = 50;
    return options;
}

void benchGmail(QObject* serverContext, int messages)
{
    QTemporaryDir dir;
    FakeGmail* gmail = nullptr;
    onThread(serverContext, [&] {
        gmail = new FakeGmail(u"casey@example.com"_s);
        gmail->listen();
        gmail->addSent(
            u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, QDateTime::currentDateTimeUtc().addDays(-1));
    });
    Database db;
    QString error;
    if (!db.open(dir.filePath(u"bench.db"_s), &error))
        return fail(error);
    HttpClient http(SystemClock::instance(), benchHttpOptions());
    SyncAccountConfig config;
    config.provider = SyncProvider::Gmail;
    config.accountId = u"casey@example.com"_s;
    config.baseUrl = gmail->baseUrl();
    http.governor().setLimit(u"gmail:"_s + config.key(), 1e12, 1000); // measure the engine, not the quota
    auto engine = SyncWorker::createEngine(config, http, db, SystemClock::instance(), token());
    if (!runOnce(*engine)->ok)
        return fail(u"gmail baseline failed"_s);
    onThread(serverContext, [&] {
        for (int i = 0; i < messages; ++i)
            gmail->addInbound(u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re: %1"_s.arg(i), u"Sounds good, call me"_s,
                QDateTime::currentDateTimeUtc());
    });
    Stopwatch watch;
    const auto result = runOnce(*engine);
    const double seconds = watch.seconds();
    if (!result || !result->ok || result->signalsMade != messages)
        fail(u"gmail: expected %1 signals, got %2 (%3)"_s.arg(messages)
                 .arg(result ? result->signalsMade : -1)
                 .arg(result ? result->error : QString()));
    report("gmail_messages", qint64(messages), "messages");
    report("gmail_requests", qint64(result ? result->requests : 0), "requests");
    report("gmail_seconds", seconds, "s", 2);
    report("gmail_signals_per_s", messages / seconds, "signals/s", 0);
    report("gmail_cpu_ms_per_signal", watch.cpuMilliseconds() / messages, "ms", 3);
    onThread(serverContext, [&] { delete gmail; });
}

void benchHubspot(QObject* serverContext, int deals)
{
    QTemporaryDir dir;
    FakeHubspot* hubspot = nullptr;
    constexpr qint64 kT0 = 1'790'000'000'000;
    onThread(serverContext, [&] {
        hubspot = new FakeHubspot(false);
        hubspot->listen();
        for (int i = 0; i < deals; ++i)
            hubspot->putDeal(
                QString::number(i + 1), u"Deal %1"_s.arg(i), u"qualifiedtobuy"_s, 1000 + i, kT0 + i);
    });
    Database db;
    QString error;
    if (!db.open(dir.filePath(u"bench.db"_s), &error))
        return fail(error);
    HttpClient http(SystemClock::instance(), benchHttpOptions());
    SyncAccountConfig config;
    config.provider = SyncProvider::Hubspot;
    config.accountId = u"portal-bench"_s;
    config.baseUrl = hubspot->baseUrl();
    http.governor().setLimit(u"hubspot:"_s + config.key(), 1e12, 1000);
    http.governor().setLimit(u"hubspot-search:"_s + config.key(), 1e12, 1000);
    auto engine = SyncWorker::createEngine(config, http, db, SystemClock::instance(), token());
    if (!runOnce(*engine)->ok)
        return fail(u"hubspot baseline failed"_s);
    onThread(serverContext, [&] {
        for (int i = 0; i < deals; ++i)
            hubspot->putDeal(QString::number(i + 1), u"Deal %1"_s.arg(i),
                i % 10 == 0 ? u"closedwon"_s : u"presentationscheduled"_s, 1000 + i, kT0 + deals + i);
    });
    Stopwatch watch;
    const auto result = runOnce(*engine);
    const double seconds = watch.seconds();
    if (!result || !result->ok || result->signalsMade != deals || result->outcomesMade != deals)
        fail(u"hubspot: expected %1 signals and outcomes, got %2 / %3"_s.arg(deals)
                 .arg(result ? result->signalsMade : -1)
                 .arg(result ? result->outcomesMade : -1));
    report("hubspot_deal_changes", qint64(deals), "deals");
    report("hubspot_requests", qint64(result ? result->requests : 0), "requests");
    report("hubspot_seconds", seconds, "s", 2);
    report("hubspot_signals_per_s", deals / seconds, "signals/s", 0);
    report("hubspot_cpu_ms_per_signal", watch.cpuMilliseconds() / deals, "ms", 3);
    onThread(serverContext, [&] { delete hubspot; });
}

// The worst lateness of a 10 ms timer on this thread over `ms` with nothing else to do: what the machine's
// load alone costs, to read the backfill's figure against.
double idleStallMs(int ms)
{
    std::vector<double> lateness;
    QElapsedTimer clock;
    clock.start();
    qint64 expected = 10;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.elapsed();
        lateness.push_back(double(std::max<qint64>(0, now - expected)));
        expected = now + 10;
    });
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    tick.start();
    loop.exec();
    return maximum(lateness);
}

void benchBackfillStall(QObject* serverContext, int contacts)
{
    report("idle_ui_stall_max_ms", idleStallMs(5000), "ms", 1);
    QTemporaryDir dir;
    FakeHubspot* hubspot = nullptr;
    onThread(serverContext, [&] {
        hubspot = new FakeHubspot(true); // 100 / 10 s
        hubspot->listen();
        for (int i = 0; i < contacts; ++i)
            hubspot->putContact(QString::number(i + 1), u"c%1@example.org"_s.arg(i), 1'780'000'000'000 + i);
    });
    {
        Database db; // the schema, as the app's open makes it
        QString error;
        if (!db.open(dir.filePath(u"bench.db"_s), &error))
            return fail(error);
    }
    SyncScheduler scheduler(dir.filePath(u"bench.db"_s), SystemClock::instance(), token());
    SyncAccountConfig config;
    config.provider = SyncProvider::Hubspot;
    config.accountId = u"portal-backfill"_s;
    config.baseUrl = hubspot->baseUrl();
    scheduler.addAccount(config);

    std::vector<double> lateness;
    std::vector<double> tickAt; // seconds since the start, per tick
    std::vector<double> tickCpu; // the main thread's CPU ms between the previous tick and this one
    double lastCpu = threadCpuMs();
    QElapsedTimer clock;
    clock.start();
    qint64 expected = 10;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.elapsed();
        lateness.push_back(double(std::max<qint64>(0, now - expected)));
        tickAt.push_back(now / 1000.0);
        const double cpu = threadCpuMs();
        tickCpu.push_back(cpu - lastCpu);
        lastCpu = cpu;
        expected = now + 10;
    });
    std::optional<SyncRunResult> result;
    QEventLoop loop;
    QObject::connect(&scheduler, &SyncScheduler::syncFinished, &loop, [&](const SyncRunResult& r) {
        result = r;
        loop.quit();
    });
    int progressSignals = 0;
    QObject::connect(
        &scheduler, &SyncScheduler::syncProgress, &loop, [&](const SyncProgress&) { ++progressSignals; });
    Stopwatch watch;
    tick.start();
    scheduler.syncNow();
    loop.exec();
    tick.stop();
    const double seconds = watch.seconds();
    int requests = 0;
    int limited = 0;
    int worstWindow = 0;
    onThread(serverContext, [&] {
        requests = hubspot->requestCount();
        limited = hubspot->statusCount(429);
        worstWindow = hubspot->maxInWindow(10000);
    });
    if (!result || !result->ok || result->itemsSeen != contacts)
        fail(u"backfill: expected %1 contacts, saw %2 (%3)"_s.arg(contacts)
                 .arg(result ? result->itemsSeen : -1)
                 .arg(result ? result->error : QString()));
    report("backfill_contacts", qint64(contacts), "contacts");
    report("backfill_seconds", seconds, "s", 1);
    report("backfill_requests", qint64(requests), "requests");
    report("backfill_429s", qint64(limited), "responses");
    report("backfill_max_requests_per_10s", qint64(worstWindow), "requests");
    report("backfill_progress_signals", qint64(progressSignals), "signals");
    report("backfill_ui_stall_max_ms", maximum(lateness), "ms", 1);
    report("backfill_ui_stall_median_ms", median(lateness), "ms", 1);
    const auto worst = std::max_element(lateness.begin(), lateness.end());
    if (worst != lateness.end()) {
        report("backfill_ui_stall_max_at", tickAt[size_t(worst - lateness.begin())], "s", 2);
        report("backfill_ui_stall_max_thread_cpu_ms", tickCpu[size_t(worst - lateness.begin())], "ms", 2);
    }
    report("backfill_ui_ticks_over_16ms",
        qint64(std::count_if(lateness.begin(), lateness.end(), [](double ms) { return ms > 16; })), "ticks");
    report("backfill_ui_ticks_over_50ms",
        qint64(std::count_if(lateness.begin(), lateness.end(), [](double ms) { return ms > 50; })), "ticks");
    reportText("backfill_ui_stall_goal_met", maximum(lateness) < kGoalStallMs ? u"yes"_s : u"no"_s);
    onThread(serverContext, [&] { delete hubspot; });
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    initBenchLogging();
    const QStringList args = app.arguments();
    const int messages = intOption(args, u"--messages"_s, 2000);
    const int deals = intOption(args, u"--deals"_s, 5000);
    const int contacts = args.contains(u"--contacts"_s) && stringOption(args, u"--contacts"_s, {}) == u"0"_s
        ? 0
        : intOption(args, u"--contacts"_s, 50000);

    QThread serverThread;
    serverThread.setObjectName(u"fake-servers"_s);
    QObject serverContext;
    serverContext.moveToThread(&serverThread);
    serverThread.start();

    benchGmail(&serverContext, messages);
    benchHubspot(&serverContext, deals);
    if (contacts > 0)
        benchBackfillStall(&serverContext, contacts);

    serverThread.quit();
    serverThread.wait();
    reportText("result", exitCode() == 0 ? u"ok"_s : u"failed"_s);
    return exitCode();
}
