// Appends audit entries from a process of its own, for the test of two processes writing one log at once.
// Usage: audit_probe DB COUNT ACTOR — exit 0 when all COUNT entries were appended, 1 on the first failure.
#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "ProbeSupport.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <cstdio>

using namespace caseyos;
using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Database db;
    if (!test::startProbe(args, 4, "audit_probe DB COUNT ACTOR", db))
        return 2;
    AuditLog log(db, SystemClock::instance());
    const int count = args[2].toInt();
    for (int i = 0; i < count; ++i) {
        const Result<AuditEntry> entry
            = log.append(u"execution"_s, args[3], u"move:%1"_s.arg(i), { { u"n"_s, i }, { u"by"_s, args[3] } });
        if (!entry) {
            std::fprintf(stderr, "append %d failed: %s\n", i, qPrintable(entry.error()));
            return 1;
        }
    }
    return 0;
}
