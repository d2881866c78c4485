#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace caseyos {

// One SQLite connection owned by the thread that created it (a QSqlDatabase must not cross threads).
// open() creates the file if needed, sets WAL, foreign_keys=ON, synchronous=NORMAL, busy_timeout, and
// applies the numbered migrations from :/migrations in one transaction each.
class Database
{
public:
    Database();
    ~Database(); // closes and removes the connection
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool open(const QString& path, QString* error);
    bool isOpen() const;
    QSqlDatabase& sql() { return m_db; }
    const QString& path() const { return m_path; }
    int schemaVersion() const; // highest applied migration number

    // Runs fn inside BEGIN IMMEDIATE … COMMIT; rolls back when fn returns false or a statement fails.
    template<typename Fn>
    bool transaction(Fn&& fn, QString* error)
    {
        if (!begin(error))
            return false;
        if (!fn()) {
            rollback();
            if (error && error->isEmpty())
                *error = lastError();
            return false;
        }
        return commit(error);
    }

    QString lastError() const;

    // The connection's sqlite3 handle, for the ingest hot path only (QSqlQuery costs several µs per row).
    // Same connection, same transaction: usable between begin and commit like any QSqlQuery.
    sqlite3* rawHandle() const;

    // Runs one statement that returns no rows; false with the driver's message on failure.
    bool exec(const QString& sql, QString* error = nullptr);

    // The highest migration number this build knows (from the migrations compiled in).
    static int knownSchemaVersion();

private:
    bool begin(QString* error);
    bool commit(QString* error);
    void rollback();
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
};

} // namespace caseyos
