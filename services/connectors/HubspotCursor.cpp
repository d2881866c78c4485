#include "connectors/HubspotCursor.h"

#include "core/Timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

HubspotCursor HubspotCursor::parse(const QString& text)
{
    HubspotCursor cursor;
    if (text.isEmpty())
        return cursor;
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    cursor.since = json.value(u"since"_s).toVariant().toLongLong();
    for (const QJsonValue& id : json.value(u"ids"_s).toArray())
        cursor.idsAtSince.insert(id.toString());
    return cursor;
}

QString HubspotCursor::toText() const
{
    QStringList ids(idsAtSince.cbegin(), idsAtSince.cend());
    std::sort(ids.begin(), ids.end());
    const QJsonObject json { { u"since"_s, QString::number(since) },
        { u"ids"_s, QJsonArray::fromStringList(ids) } };
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

void HubspotCursor::advance(qint64 modifiedMs, const QString& id)
{
    if (modifiedMs > since) {
        since = modifiedMs;
        idsAtSince.clear();
    }
    if (modifiedMs == since)
        idsAtSince.insert(id);
}

qint64 hubspotTimeMs(const QString& value)
{
    bool ok = false;
    const qint64 ms = value.toLongLong(&ok);
    if (ok)
        return ms;
    const auto parsed = parseIsoDateTime(value);
    return parsed ? toEpochMs(*parsed) : 0;
}

} // namespace caseyos
