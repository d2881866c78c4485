#pragma once

#include "core/Timestamps.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <optional>

// Small conversions shared by the repositories (storage-internal).
namespace caseyos {

// NULL for "not set", else ms since the epoch (the schema's convention for optional instants).
inline QVariant msOrNull(const QDateTime& value)
{
    return value.isValid() ? QVariant(toEpochMs(value)) : QVariant(QMetaType::fromType<qint64>());
}

// NULL for "no id", else the id (optional foreign keys).
inline QVariant idOrNull(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

// A QString for a NOT NULL text column: a null QString would bind as SQL NULL, so it becomes "".
inline QString textValue(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

inline QString jsonText(const QJsonObject& object)
{
    return object.isEmpty() ? QStringLiteral("{}")
                            : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Copies the query's error into `error` (when given) and returns false, for `return setError(error, q);`.
inline bool setError(QString* error, const QSqlQuery& query)
{
    if (error) {
        const QSqlError e = query.lastError();
        *error = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    }
    return false;
}

// Runs a two-column "SELECT key, COUNT(*) … GROUP BY key" and returns key → count (empty with `error` set on
// failure).
inline QHash<QString, qint64> countsByKey(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    QHash<QString, qint64> counts;
    if (!q.exec(sql)) {
        setError(error, q);
        return counts;
    }
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    return counts;
}

} // namespace caseyos
