#include "execution/ExecutionAudit.h"

#include "audit/AuditLog.h"
#include "storage/Database.h"

#include <spdlog/spdlog.h>

#include <memory>

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

Executor::AuditSink executionAuditSinkFor(const QString& databasePath, const Clock& clock, const QString& actor)
{
    // Shared by the copies of the sink (the worker keeps one, its Executor another): one connection for both.
    struct Connection
    {
        std::unique_ptr<Database> db;
        Executor::AuditSink sink;
    };
    auto connection = std::make_shared<Connection>();
    return [connection, databasePath, &clock, actor](const QString& event, const QJsonObject& details) {
        if (!connection->db) {
            auto db = std::make_unique<Database>();
            QString error;
            if (!db->open(databasePath, &error)) {
                spdlog::error("audit: could not record {}: {}", event.toStdString(), error.toStdString());
                return;
            }
            connection->db = std::move(db);
            connection->sink = executionAuditSink(*connection->db, clock, actor);
        }
        connection->sink(event, details);
    };
}

} // namespace caseyos
