#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;

namespace caseyos::test {

// A raw sqlite3 connection to a CaseyOS database that behaves like an attacker with write access to the file: it
// drops the audit triggers first, then changes rows behind AuditLog's back.
class AuditAttacker
{
public:
    explicit AuditAttacker(const QString& path);
    ~AuditAttacker();
    AuditAttacker(const AuditAttacker&) = delete;
    AuditAttacker& operator=(const AuditAttacker&) = delete;

    bool isOpen() const { return m_db != nullptr; }
    bool exec(const char* sql);
    QString lastError() const;

    // One cell of a table, as stored: integer columns as qint64, text columns as their exact bytes.
    std::optional<qint64> integer(const char* table, const char* column, qint64 id);
    std::optional<QByteArray> text(const char* table, const char* column, qint64 id);
    bool setInteger(const char* table, const char* column, qint64 id, qint64 value);
    bool setText(const char* table, const char* column, qint64 id, const QByteArray& bytes);

private:
    template<typename T, typename Read>
    std::optional<T> cell(const char* table, const char* column, qint64 id, Read read);
    sqlite3* m_db = nullptr;
};

} // namespace caseyos::test
