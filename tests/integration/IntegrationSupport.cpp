#include "IntegrationSupport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QJsonArray CliRun::jsonArray() const
{
    return QJsonDocument::fromJson(out).array();
}

CliRun runCli(const QString& home, const QStringList& arguments, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CASEYOS_HOME"_s);
    process.setProcessEnvironment(env);
    process.setProgram(QStringLiteral(CASEYOS_BINARY));
    process.setArguments(QStringList { u"--home"_s, home } + arguments);
    process.start();
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    run.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished && process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = run.finished ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

DbProbe::DbProbe(const QString& path)
{
    static std::atomic<int> counter { 0 };
    m_name = u"probe-%1"_s.arg(++counter);
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    m_db.open();
}

DbProbe::~DbProbe()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QVariant DbProbe::value(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

bool DbProbe::exec(const QString& sql)
{
    QSqlQuery query(m_db);
    return query.exec(sql);
}

static QByteArray line(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray formLine(const QString& email, const QString& sourceId, const QString& occurredAt)
{
    QJsonObject record { { u"source"_s, u"form"_s }, { u"event_type"_s, u"form_submitted"_s },
        { u"source_id"_s, sourceId },
        { u"payload"_s,
            QJsonObject { { u"email"_s, email }, { u"name"_s, QString(u"Lead "_s + sourceId) },
                { u"company"_s, u"Acme"_s }, { u"form_name"_s, u"Demo request"_s } } } };
    if (!occurredAt.isEmpty())
        record.insert(u"occurred_at"_s, occurredAt);
    return line(record);
}

QByteArray taskLine(const QString& title, double revenue, double urgency, double effort, double strategic,
    const QString& dueByIso, const QString& sourceId)
{
    return line(QJsonObject { { u"source"_s, u"manual"_s }, { u"event_type"_s, u"task_created"_s },
        { u"source_id"_s, sourceId },
        { u"payload"_s,
            QJsonObject { { u"title"_s, title }, { u"revenue_impact"_s, revenue }, { u"urgency"_s, urgency },
                { u"effort"_s, effort }, { u"strategic_value"_s, strategic }, { u"due_by"_s, dueByIso },
                { u"email"_s, u"owner@example.com"_s } } } });
}

QByteArray ignoredLine(const QString& sourceId)
{
    return line(QJsonObject { { u"source"_s, u"hubspot"_s }, { u"event_type"_s, u"contact_created"_s },
        { u"source_id"_s, sourceId },
        { u"payload"_s, QJsonObject { { u"email"_s, u"new@example.com"_s } } } });
}

double expectedAps(double revenue, double urgency, double effort, double strategic)
{
    const double raw = 0.40 * revenue + 0.25 * urgency + 0.15 * (1.0 - effort) + 0.20 * strategic;
    return std::round(std::clamp(100.0 * raw, 0.0, 100.0) * 100.0) / 100.0;
}

} // namespace caseyos::test
