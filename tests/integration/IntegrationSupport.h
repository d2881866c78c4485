#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <ostream>

// Readable QString values in gtest failure messages.
inline void PrintTo(const QString& text, std::ostream* os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace caseyos::test {

// One run of the real `caseyos` binary (CASEYOS_BINARY).
struct CliRun
{
    int exitCode = -1;
    bool finished = false; // false: it crashed or timed out
    QByteArray out;
    QByteArray err;

    QJsonObject json() const; // stdout parsed as one JSON object (empty on failure)
    QJsonArray jsonArray() const; // stdout parsed as one JSON array
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// Runs `caseyos --home HOME args...` and waits for it.
CliRun runCli(const QString& home, const QStringList& arguments, int timeoutMs = 120000);

// A read/write QSQLITE connection of the test's own, to look at what the CLI wrote.
class DbProbe
{
public:
    explicit DbProbe(const QString& path);
    ~DbProbe();
    DbProbe(const DbProbe&) = delete;
    DbProbe& operator=(const DbProbe&) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QVariant value(const QString& sql); // first column of the first row; invalid on error
    qint64 count(const QString& sql) { return value(sql).toLongLong(); }
    bool exec(const QString& sql);
    QSqlDatabase& db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// JSON Lines records (each ends with '\n').
// form/form_submitted with an email: always makes one email_follow_up move.
QByteArray formLine(const QString& email, const QString& sourceId, const QString& occurredAt = {});
// manual/task_created with explicit components and due time: one move with exactly these components.
QByteArray taskLine(const QString& title, double revenue, double urgency, double effort, double strategic,
    const QString& dueByIso, const QString& sourceId);
// hubspot/contact_created: stored as ignored (no rule), no move.
QByteArray ignoredLine(const QString& sourceId);

// The APS of PRODUCT.md §2 with default weights and no outcome adjustment.
double expectedAps(double revenue, double urgency, double effort, double strategic);

} // namespace caseyos::test
