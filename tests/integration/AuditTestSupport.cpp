#include "AuditTestSupport.h"

#include <sqlite3.h>

namespace caseyos::test {

namespace {

QByteArray updateSql(const char* table, const char* column)
{
    return QByteArray("UPDATE ") + table + " SET " + column + " = ?1 WHERE id = ?2";
}

} // namespace

AuditAttacker::AuditAttacker(const QString& path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_db, 5000);
    for (const char* trigger : { "audit_log_append", "audit_log_no_update", "audit_log_no_delete",
             "audit_checkpoints_append", "audit_checkpoints_no_update", "audit_checkpoints_no_delete" }) {
        const QByteArray sql = QByteArray("DROP TRIGGER IF EXISTS ") + trigger;
        exec(sql.constData());
    }
}

AuditAttacker::~AuditAttacker()
{
    sqlite3_close(m_db);
}

bool AuditAttacker::exec(const char* sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

QString AuditAttacker::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

template<typename T, typename Read>
std::optional<T> AuditAttacker::cell(const char* table, const char* column, qint64 id, Read read)
{
    const QByteArray sql = QByteArray("SELECT ") + column + " FROM " + table + " WHERE id = ?1";
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr);
    sqlite3_bind_int64(stmt, 1, id);
    std::optional<T> value;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        value = read(stmt);
    sqlite3_finalize(stmt);
    return value;
}

std::optional<qint64> AuditAttacker::integer(const char* table, const char* column, qint64 id)
{
    return cell<qint64>(table, column, id, [](sqlite3_stmt* stmt) { return sqlite3_column_int64(stmt, 0); });
}

std::optional<QByteArray> AuditAttacker::text(const char* table, const char* column, qint64 id)
{
    return cell<QByteArray>(table, column, id, [](sqlite3_stmt* stmt) {
        return QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), sqlite3_column_bytes(stmt, 0));
    });
}

bool AuditAttacker::setInteger(const char* table, const char* column, qint64 id, qint64 value)
{
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(m_db, updateSql(table, column).constData(), -1, &stmt, nullptr);
    sqlite3_bind_int64(stmt, 1, value);
    sqlite3_bind_int64(stmt, 2, id);
    const bool ok = sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(m_db) == 1;
    sqlite3_finalize(stmt);
    return ok;
}

bool AuditAttacker::setText(const char* table, const char* column, qint64 id, const QByteArray& bytes)
{
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(m_db, updateSql(table, column).constData(), -1, &stmt, nullptr);
    // The exact bytes, stored as TEXT (even when they are no longer valid UTF-8).
    sqlite3_bind_text(stmt, 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, 2, id);
    const bool ok = sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(m_db) == 1;
    sqlite3_finalize(stmt);
    return ok;
}

} // namespace caseyos::test
