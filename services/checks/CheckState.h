#pragma once

#include <QSet>
#include <QString>
#include <QVariantList>

namespace caseyos {

class Database;

// What the background checks remember between runs (tables check_cursors and check_items, migration 0003),
// so that an unchanged condition is never notified twice, across restarts and across processes.
// Synchronous, on the thread that owns the Database, inside the caller's transaction.
class CheckState
{
public:
    explicit CheckState(Database& db);

    // Signal-based checks: the highest signal id already looked at (0 before the first run).
    qint64 cursor(const QString& check, QString* error) const;
    bool setCursor(const QString& check, qint64 lastSignalId, qint64 nowMs, QString* error);

    // Condition-based checks, for item sets kept in SQL (they can hold many thousands of moves). Each takes a
    // SELECT of one integer column, its values bound from `values`.
    qint64 itemCount(const QString& check, QString* error) const;
    bool noteItems(const QString& check, const QString& idsSql, const QVariantList& values, qint64 nowMs,
        QString* error); // remembers the ids selected (those already remembered stay as they are)
    bool forgetItemsNotIn(
        const QString& check, const QString& currentIdsSql, const QVariantList& values, QString* error);
    // The same for a check that works out its items in code.
    QSet<qint64> items(const QString& check, QString* error) const;
    bool replaceItems(const QString& check, const QSet<qint64>& current, qint64 nowMs, QString* error);

    // The SQL condition "id is not remembered for this check", for a query's WHERE: binds one value, the
    // check's name, where it appears.
    static QString notNotedCondition(const QString& idColumn);

private:
    Database& m_db;
};

} // namespace caseyos
