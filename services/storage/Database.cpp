#include "storage/Database.h"

#include "storage/Migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <atomic>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString connectionName()
{
    // Unique per Database object: a QSqlDatabase connection belongs to one thread, and several Database
    // objects (UI worker, CLI, tests) may live in one process.
    static std::atomic<quint64> counter { 0 };
    return u"caseyos-db-%1"_s.arg(++counter);
}

QString queryError(const QSqlQuery& query)
{
    const QSqlError error = query.lastError();
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

} // namespace

Database::Database()
    : m_connectionName(connectionName())
{
}

Database::~Database()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::exec(const QString& sql, QString* error)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        if (error)
            *error = queryError(query);
        return false;
    }
    return true;
}

bool Database::open(const QString& path, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        if (m_db.isOpen())
            m_db.close();
        return false;
    };
    m_path = QFileInfo(path).absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(m_path);
    const QFileInfo info(m_path);
    if (info.exists() && info.isDir())
        return fail(u"%1 is a folder, not a CaseyOS database"_s.arg(shown));
    if (!QDir().mkpath(info.absolutePath()))
        return fail(u"Cannot create the folder %1"_s.arg(QDir::toNativeSeparators(info.absolutePath())));

    if (!m_db.isValid())
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_path);
    if (!m_db.open())
        return fail(u"Cannot open the database %1: %2"_s.arg(shown, m_db.lastError().text()));

    // Read before any write: a file that is not a database (or someone else's database) must never be
    // touched, and neither may a database from a newer CaseyOS.
    QStringList tables;
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s))
            return fail(u"%1 is not a CaseyOS database: %2"_s.arg(shown, queryError(query)));
        while (query.next())
            tables << query.value(0).toString();
    }
    const bool fresh = tables.isEmpty();
    if (!fresh && !tables.contains(u"schema_migrations"_s))
        return fail(u"%1 is not a CaseyOS database: it holds other tables (%2)"_s.arg(
            shown, tables.mid(0, 5).join(u", "_s)));
    if (!fresh) {
        const int version = schemaVersion();
        if (version > knownSchemaVersion())
            return fail(u"The database %1 was written by a newer CaseyOS (schema version %2; this version "
                        "knows up to %3). Update CaseyOS to open it."_s.arg(shown)
                            .arg(version)
                            .arg(knownSchemaVersion()));
    }

    // journal_mode returns a row; the others return nothing.
    QString pragmaError;
    for (const QString& pragma : { u"PRAGMA journal_mode = WAL"_s, u"PRAGMA foreign_keys = ON"_s,
             u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA busy_timeout = 5000"_s,
             // A larger page cache keeps the dedupe index in memory during big imports. (A memory map read
             // all moves ~20 % faster but put the whole mapped file in the process's resident memory; not
             // worth it.)
             u"PRAGMA cache_size = -32000"_s }) {
        if (!exec(pragma, &pragmaError))
            return fail(u"Cannot prepare the database %1: %2"_s.arg(shown, pragmaError));
    }

    QString migrationError;
    if (!applyMigrations(*this, &migrationError))
        return fail(u"Cannot update the database %1: %2"_s.arg(shown, migrationError));
    return true;
}

bool Database::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT MAX(version) FROM schema_migrations"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

int Database::knownSchemaVersion()
{
    return caseyos::knownSchemaVersion();
}

bool Database::begin(QString* error)
{
    // IMMEDIATE takes the write lock up front, so a batch never fails half-way on a lock upgrade.
    return exec(u"BEGIN IMMEDIATE"_s, error);
}

bool Database::commit(QString* error)
{
    if (exec(u"COMMIT"_s, error))
        return true;
    rollback();
    return false;
}

void Database::rollback()
{
    exec(u"ROLLBACK"_s);
}

QString Database::lastError() const
{
    return m_db.lastError().text();
}

sqlite3* Database::rawHandle() const
{
    if (!isOpen())
        return nullptr;
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

} // namespace caseyos
