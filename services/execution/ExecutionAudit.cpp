#include "execution/ExecutionAudit.h"

#include "audit/AuditLog.h"

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace caseyos {

Executor::AuditSink executionAuditSink(Database& db, const Clock& clock, const QString& actor)
{
    return [&db, &clock, actor](const QString& event, const QJsonObject& details) {
        const QString group = event.section(u'.', 0, 0);
        const QString what = event.section(u'.', 1);
        QString kind = QString::fromUtf16(auditkind::Execution);
        if (event == u"execution.undone"_s)
            kind = QString::fromUtf16(auditkind::Undo);
        else if (group == u"kill_switch"_s)
            kind = QString::fromUtf16(auditkind::KillSwitch);
        QJsonObject entry = details;
        entry.insert(u"event"_s, what);
        const QString subject = details.contains(u"execution_id"_s)
            ? u"execution:%1"_s.arg(details.value(u"execution_id"_s).toInteger())
            : group;
        const Result<AuditEntry> appended = AuditLog(db, clock).append(kind, actor, subject, entry);
        if (!appended)
            spdlog::error("audit: could not record {}: {}", event.toStdString(), appended.error().toStdString());
    };
}

} // namespace caseyos
