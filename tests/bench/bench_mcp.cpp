// bench_mcp: latency of an MCP tools/call list_todays_moves on a database made from 200 000 signals.
//   - in_process: McpSession::handleLine (parse, schema check, the query, JSON, the mcp_calls insert), i.e.
//     the server's own work per request;
//   - stdio: the real `caseyos mcp` binary over pipes, as an MCP client sees it (request written, response
//     line read), after initialize.
// Each over --runs calls (after 5 warm-up calls): median, p99 and max. Goal: stdio p99 < 20 ms (exit 1 when
// missed).
// Usage: bench_mcp [--count N] [--runs R] [--limit L] [--rebuild]
//   The database is <tmp>/caseyos-bench/mcp-home-N/caseyos.db, built through the IngestPipeline when missing.
#include "BenchDatabase.h"
#include "BenchSupport.h"
#include "core/Clock.h"
#include "mcp/McpSession.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::bench;

namespace {

constexpr double kGoalP99Ms = 20.0;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * double(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

void reportSeries(const std::string& name, const std::vector<double>& ms)
{
    report((name + "_median").c_str(), median(ms), "ms", 3);
    report((name + "_p99").c_str(), percentile(ms, 99.0), "ms", 3);
    report((name + "_max").c_str(), maximum(ms), "ms", 3);
}

QByteArray callLine(int id, int limit)
{
    return QJsonDocument(
        QJsonObject { { u"jsonrpc"_s, u"2.0"_s }, { u"id"_s, id }, { u"method"_s, u"tools/call"_s },
            { u"params"_s,
                QJsonObject { { u"name"_s, u"list_todays_moves"_s },
                    { u"arguments"_s, QJsonObject { { u"limit"_s, limit } } } } } })
        .toJson(QJsonDocument::Compact);
}

const QByteArray kInitialize
    = R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
      R"("capabilities":{},"clientInfo":{"name":"bench_mcp","version":"1"}}})";

bool answeredWithMoves(const QByteArray& line, int limit)
{
    const QJsonObject result = QJsonDocument::fromJson(line).object().value(u"result"_s).toObject();
    return !result.value(u"isError"_s).toBool(true)
        && result.value(u"structuredContent"_s).toObject().value(u"count"_s).toInt() == limit;
}

std::vector<double> inProcess(const QString& path, int runs, int limit)
{
    std::vector<double> ms;
    Database db;
    QString error;
    if (!db.open(path, &error)) {
        fail(u"cannot open %1: %2"_s.arg(path, error));
        return ms;
    }
    mcp::McpSession session(db, SystemClock::instance(), {});
    session.handleLine(kInitialize);
    for (int i = 0; i < runs + 5; ++i) {
        const QByteArray request = callLine(i + 1, limit);
        Stopwatch timer;
        const QByteArray response = session.handleLine(request);
        const double elapsed = timer.milliseconds();
        if (!answeredWithMoves(response, limit)) {
            fail(u"in-process call %1 failed: %2"_s.arg(i).arg(QString::fromUtf8(response.left(300))));
            return {};
        }
        if (i >= 5)
            ms.push_back(elapsed);
    }
    return ms;
}

std::vector<double> overStdio(const QString& home, int runs, int limit)
{
    std::vector<double> ms;
    QProcess process;
    process.setProgram(QStringLiteral(CASEYOS_BINARY));
    process.setArguments({ u"--home"_s, home, u"mcp"_s });
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    if (!process.waitForStarted(30000)) {
        fail(u"cannot start %1"_s.arg(QStringLiteral(CASEYOS_BINARY)));
        return ms;
    }
    auto exchange = [&](const QByteArray& line) {
        process.write(line + '\n');
        QByteArray buffer;
        while (!buffer.contains('\n')) {
            if (!process.waitForReadyRead(30000))
                return QByteArray();
            buffer += process.readAllStandardOutput();
        }
        return buffer.left(buffer.indexOf('\n'));
    };
    exchange(kInitialize);
    process.write(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
                  "\n");
    for (int i = 0; i < runs + 5; ++i) {
        const QByteArray request = callLine(i + 1, limit);
        Stopwatch timer;
        const QByteArray response = exchange(request);
        const double elapsed = timer.milliseconds();
        if (!answeredWithMoves(response, limit)) {
            fail(u"stdio call %1 failed: %2"_s.arg(i).arg(QString::fromUtf8(response.left(300))));
            break;
        }
        if (i >= 5)
            ms.push_back(elapsed);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        fail(u"caseyos mcp did not exit cleanly at end of input"_s);
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::printf("usage: bench_mcp [--count N] [--runs R] [--limit L] [--rebuild]\n");
        return 0;
    }
    initBenchLogging();
    const int count = intOption(args, u"--count"_s, 200000);
    const int runs = intOption(args, u"--runs"_s, 200);
    const int limit = intOption(args, u"--limit"_s, 10);
    const QString home = QDir::tempPath() + u"/caseyos-bench/mcp-home-%1"_s.arg(count);
    const QString path = home + u"/caseyos.db"_s;
    QDir().mkpath(home);
    if (args.contains(u"--rebuild"_s) || !QFileInfo::exists(path)) {
        FixedClock clock(referenceNow());
        if (!buildDatabase(path, count, clock))
            return exitCode();
    }
    reportText("database", path);
    {
        Database db;
        QString error;
        if (!db.open(path, &error)) {
            fail(error);
            return exitCode();
        }
        report("signals_in_database", scalar(db, u"SELECT COUNT(*) FROM signals"_s));
        report("pending_moves", scalar(db, u"SELECT COUNT(*) FROM moves WHERE status = 'pending'"_s));
    }
    report("runs", qint64(runs));
    const std::vector<double> local = inProcess(path, runs, limit);
    if (!local.empty())
        reportSeries("in_process", local);
    const std::vector<double> stdio = overStdio(home, runs, limit);
    if (!stdio.empty()) {
        reportSeries("stdio", stdio);
        if (percentile(stdio, 99.0) >= kGoalP99Ms)
            fail(u"stdio p99 %1 ms misses the goal of %2 ms"_s.arg(percentile(stdio, 99.0)).arg(kGoalP99Ms));
    }
    return exitCode();
}
