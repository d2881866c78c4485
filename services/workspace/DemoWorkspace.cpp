#include "workspace/DemoWorkspace.h"

#include "core/Timestamps.h"
#include "signals/IngestPipeline.h"
#include "signals/SignalParser.h"
#include "storage/Database.h"
#include "workspace/Paths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <optional>
#include <variant>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Payload fields holding absolute times: they move with the signal so meetings and due dates keep their place
// relative to it.
const QStringList& shiftedPayloadKeys()
{
    static const QStringList keys { u"start"_s, u"end"_s, u"due_by"_s, u"close_date"_s };
    return keys;
}

bool isBareDate(const QString& text)
{
    return text.size() == 10 && text.at(4) == u'-' && text.at(7) == u'-';
}

QJsonValue shifted(const QJsonValue& value, qint64 shiftMs)
{
    if (!value.isString())
        return value;
    const QString text = value.toString();
    const std::optional<QDateTime> parsed = parseIsoDateTime(text);
    if (!parsed)
        return value;
    if (isBareDate(text)) {
        const qint64 days = qRound64(double(shiftMs) / 86'400'000.0);
        return parsed->date().addDays(days).toString(Qt::ISODate);
    }
    return toIsoUtc(parsed->addMSecs(shiftMs));
}

bool hasSignals(Database& db, QString* error)
{
    QSqlQuery query(db.sql());
    if (!query.exec(u"SELECT EXISTS (SELECT 1 FROM signals)"_s) || !query.next()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return query.value(0).toBool();
}

} // namespace

QString ensureDemoWorkspace(const QString& home, const Clock& clock, QString* error)
{
    const QString folder = demoHome(home);
    if (!ensureDirectory(folder, error))
        return {};
    const QString path = databasePath(folder);
    Database db;
    if (!db.open(path, error))
        return {};
    QString checkError;
    if (hasSignals(db, &checkError))
        return path; // filled on an earlier run: never import twice
    if (!checkError.isEmpty()) {
        if (error)
            *error = checkError;
        return {};
    }

    QFile sample(u":/demo/signals.jsonl"_s);
    if (!sample.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"The demo sample is missing from this build"_s;
        return {};
    }
    QList<QJsonObject> records;
    std::optional<QDateTime> newest;
    for (const QByteArray& line : sample.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (record.isEmpty())
            continue;
        if (const auto at = parseIsoDateTime(record.value(u"occurred_at"_s).toString()))
            newest = newest ? qMax(*newest, *at) : *at;
        records.append(record);
    }

    // Shift every time so the newest sample signal happened an hour before now.
    const QDateTime now = clock.now();
    const qint64 shiftMs = newest ? newest->msecsTo(now.addSecs(-3600)) : 0;
    IngestPipeline pipeline(db, clock);
    for (QJsonObject record : std::as_const(records)) {
        if (record.contains(u"occurred_at"_s))
            record.insert(u"occurred_at"_s, shifted(record.value(u"occurred_at"_s), shiftMs));
        QJsonObject payload = record.value(u"payload"_s).toObject();
        for (const QString& key : shiftedPayloadKeys()) {
            if (payload.contains(key))
                payload.insert(key, shifted(payload.value(key), shiftMs));
        }
        if (record.value(u"payload"_s).isObject())
            record.insert(u"payload"_s, payload);
        auto parsed = signalFromJson(record, now);
        if (std::holds_alternative<Signal>(parsed) && !pipeline.add(std::move(std::get<Signal>(parsed))))
            break;
    }
    if (!pipeline.flush()) {
        if (error)
            *error = pipeline.report().fatalError;
        return {};
    }
    return path;
}

} // namespace caseyos
