// Appends audit entries from a process of its own, for the test of two processes writing one log at once.
// Usage: audit_probe DB COUNT ACTOR GO_FILE — waits (up to 60 s) until GO_FILE exists, so both processes start
// appending at the same moment rather than one finishing before the other has started; then appends COUNT
// entries. Exit 0 when all were appended, 1 on the first failure, 3 when GO_FILE never appeared.
#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "ProbeSupport.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <cstdio>

using namespace caseyos;
using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Database db;
    if (!test::startProbe(args, 5, "audit_probe DB COUNT ACTOR GO_FILE", db))
        return 2;
    QElapsedTimer waited;
    waited.start();
    while (!QFileInfo::exists(args[4])) {
        if (waited.elapsed() > 60000)
            return 3;
        QThread::msleep(1);
    }
    AuditLog log(db, SystemClock::instance());
    const int count = args[2].toInt();
    for (int i = 0; i < count; ++i) {
        const Result<AuditEntry> entry
            = log.append(u"execution"_s, args[3], u"move:%1"_s.arg(i), { { u"n"_s, i }, { u"by"_s, args[3] } });
        if (!entry) {
            std::fprintf(stderr, "append %d failed: %s\n", i, qPrintable(entry.error()));
            return 1;
        }
        // A writer that commits back to back can starve the other of the lock (SQLite's busy handler
        // sleeps between tries); a real app pauses between audit entries, so pause briefly now and then.
        if (i % 50 == 49)
            QThread::msleep(2);
    }
    return 0;
}
