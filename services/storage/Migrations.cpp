#include "storage/Migrations.h"

#include "storage/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// version → resource path, sorted by version.
QMap<int, QString> migrationFiles()
{
    static const QRegularExpression pattern(u"^(\\d+)_[A-Za-z0-9_]+\\.sql$"_s);
    QMap<int, QString> files;
    const QDir dir(u":/migrations"_s);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(name);
        if (match.hasMatch())
            files.insert(match.captured(1).toInt(), dir.filePath(name));
    }
    return files;
}

QStringList statementsOf(const QString& text)
{
    QStringList statements;
    QString current;
    for (const QString& line : text.split(u'\n')) {
        if (line.trimmed() == u";;"_s) {
            if (!current.trimmed().isEmpty())
                statements << current;
            current.clear();
        } else {
            current += line + u'\n';
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current;
    return statements;
}

} // namespace

int knownSchemaVersion()
{
    const auto files = migrationFiles();
    return files.isEmpty() ? 0 : files.lastKey();
}

bool applyMigrations(Database& db, QString* error)
{
    if (!db.exec(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                 "applied_at INTEGER NOT NULL)"_s,
            error))
        return false;
    // Every migration not recorded yet, not only those above the highest: two branches of development may add
    // numbers out of order, and a database that got the later one first must still get the earlier one.
    QSet<int> applied;
    QSqlQuery versions(db.sql());
    if (!versions.exec(u"SELECT version FROM schema_migrations"_s)) {
        if (error)
            *error = versions.lastError().text();
        return false;
    }
    while (versions.next())
        applied.insert(versions.value(0).toInt());
    const auto files = migrationFiles();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (applied.contains(it.key()))
            continue;
        QFile file(it.value());
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = u"Cannot read migration %1"_s.arg(it.value());
            return false;
        }
        const QStringList statements = statementsOf(QString::fromUtf8(file.readAll()));
        const int version = it.key();
        QString statementError;
        const bool ok = db.transaction(
            [&] {
                for (const QString& statement : statements) {
                    if (!db.exec(statement, &statementError))
                        return false;
                }
                QSqlQuery record(db.sql());
                record.prepare(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s);
                record.addBindValue(version);
                record.addBindValue(QDateTime::currentMSecsSinceEpoch());
                if (!record.exec()) {
                    statementError = record.lastError().text();
                    return false;
                }
                return true;
            },
            &statementError);
        if (!ok) {
            if (error)
                *error = u"migration %1 failed: %2"_s.arg(version).arg(statementError);
            return false;
        }
    }
    return true;
}

} // namespace caseyos
