// One execution in a process of its own, for the crash tests: the test kills it (SIGKILL) or lets the
// CASEYOS_EXEC_CRASH_AT hook end it, then reconciles in a fresh executor. Usage:
//   exec_probe DB BASE_URL ROUND [send_email|log_note]
// submits an approved send_email of round ROUND (to round<ROUND>@acme.com, Gmail at BASE_URL) with no undo
// window, or a log_note "Round <ROUND> call notes" on deal 701 (HubSpot at BASE_URL), and runs it (no
// reconciliation: that is the test's job). Exit 0 when it succeeded, 1 when it failed.
#include "ProbeSupport.h"
#include "execution/ExecutionSettings.h"
#include "execution/Executor.h"
#include "execution/GmailPerformers.h"
#include "execution/HubspotPerformers.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace caseyos;
using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Database db;
    if (!test::startProbe(
            args, args.size() == 5 ? 5 : 4, "exec_probe DB BASE_URL ROUND [send_email|log_note]", db))
        return 2;
    const bool note = args.value(4) == u"log_note"_s;
    HttpClient http(SystemClock::instance());
    PerformerRegistry registry;
    if (note)
        addHubspotPerformers(registry, http,
            ClientConfig { QUrl(args[2]), fixedToken(u"probe-token"_s), u"hubspot:probe"_s, 5000 },
            SystemClock::instance());
    else
        addGmailPerformers(registry, http,
            ClientConfig { QUrl(args[2]), fixedToken(u"probe-token"_s), u"google:probe"_s, 5000 });
    Executor executor(db, SystemClock::instance(), registry);
    int code = 1;
    QObject::connect(&executor, &Executor::finished, &app, [&code, &app](const ExecutionRecord&) {
        code = 0;
        app.quit();
    });
    QObject::connect(&executor, &Executor::failed, &app, [&app](const ExecutionRecord& r) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(r.error));
        app.quit();
    });
    QTimer::singleShot(0, &executor, [&] {
        const QString round = args[3];
        ExecuteRequest request;
        request.kind = note ? ActionKind::LogNote : ActionKind::SendEmail;
        request.payload = note
            ? QJsonObject { { u"body"_s, u"Round %1 call notes"_s.arg(round) }, { u"deal_id"_s, u"701"_s } }
            : QJsonObject { { u"to"_s, u"round%1@acme.com"_s.arg(round) },
                  { u"subject"_s, u"Round %1"_s.arg(round) },
                  { u"text"_s, u"Hello from round %1. Reply unsubscribe to stop."_s.arg(round) } };
        request.approved = true;
        const SubmitResult result = executor.submit(request);
        // A send waits in the outbox (window 0: due at once); a note starts at once.
        if (result.status == SubmitResult::Status::Queued) {
            executor.runDue();
        } else if (result.status != SubmitResult::Status::Started) {
            std::fprintf(stderr, "not accepted: %s\n", qPrintable(result.message));
            app.exit(3);
        }
    });
    app.exec();
    return code;
}
