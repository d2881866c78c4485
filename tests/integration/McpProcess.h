#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace caseyos::test {

// The real `caseyos --home HOME mcp` as an MCP client sees it: one JSON message per line on stdin/stdout.
// QSettings are isolated in HOME/config (XDG_CONFIG_HOME), so mcp/allowedTools can be set per test.
class McpProcess
{
public:
    explicit McpProcess(const QString& home, const QStringList& extraArguments = {});
    ~McpProcess();

    bool start();
    void sendRaw(const QByteArray& line); // adds the newline
    void send(const QJsonObject& message);
    // The next message on stdout (empty object on timeout or a line that is not a JSON object; `rawLine`
    // keeps what came).
    QJsonObject next(int timeoutMs = 30000, QByteArray* rawLine = nullptr);
    // Sends a request with a fresh integer id and returns the response with that id.
    QJsonObject request(const QString& method, const QJsonObject& params = {}, int timeoutMs = 30000);
    // initialize + notifications/initialized; returns the initialize response.
    QJsonObject initialize(const QString& version = QStringLiteral("2025-06-18"));
    // tools/call → the response's "result" (an empty object when the response is an error).
    QJsonObject callTool(const QString& name, const QJsonObject& arguments = {});
    // Closes stdin (EOF) and waits; the exit code, or -1 when it crashed or hung.
    int closeAndWait(int timeoutMs = 30000);
    QByteArray readStderr() { return m_process.readAllStandardError(); }
    qint64 lastId() const { return m_nextId - 1; }

    // Writes HOME/config/CaseyOS/CaseyOS.conf with [mcp] allowedTools=...
    static void allowTools(const QString& home, const QStringList& tools);

private:
    QProcess m_process;
    QString m_home;
    QStringList m_extra;
    QByteArray m_buffer;
    qint64 m_nextId = 1;
};

} // namespace caseyos::test
