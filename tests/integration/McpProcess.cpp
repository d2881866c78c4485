#include "McpProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace caseyos::test {

McpProcess::McpProcess(const QString& home, const QStringList& extraArguments)
    : m_home(home)
    , m_extra(extraArguments)
{
}

McpProcess::~McpProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void McpProcess::allowTools(const QString& home, const QStringList& tools)
{
    QDir(home).mkpath(u"config/CaseyOS"_s);
    QFile file(home + u"/config/CaseyOS/CaseyOS.conf"_s);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write("[mcp]\nallowedTools=" + tools.join(u", "_s).toUtf8() + "\n");
}

bool McpProcess::start()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CASEYOS_HOME"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_home + u"/config"_s);
    m_process.setProcessEnvironment(env);
    m_process.setProgram(QStringLiteral(CASEYOS_BINARY));
    m_process.setArguments(QStringList { u"--home"_s, m_home } + m_extra + QStringList { u"mcp"_s });
    m_process.start();
    return m_process.waitForStarted(30000);
}

void McpProcess::sendRaw(const QByteArray& line)
{
    m_process.write(line + '\n');
}

void McpProcess::send(const QJsonObject& message)
{
    sendRaw(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

QJsonObject McpProcess::next(int timeoutMs, QByteArray* rawLine)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline >= 0) {
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (rawLine)
                *rawLine = line;
            return QJsonDocument::fromJson(line).object();
        }
        if (deadline.hasExpired())
            return {};
        if (!m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_buffer += m_process.readAllStandardOutput();
            if (m_buffer.indexOf('\n') < 0 && m_process.state() == QProcess::NotRunning)
                return {};
            continue;
        }
        m_buffer += m_process.readAllStandardOutput();
    }
}

QJsonObject McpProcess::request(const QString& method, const QJsonObject& params, int timeoutMs)
{
    const qint64 id = m_nextId++;
    QJsonObject message { { u"jsonrpc"_s, u"2.0"_s }, { u"id"_s, id }, { u"method"_s, method } };
    if (!params.isEmpty())
        message.insert(u"params"_s, params);
    send(message);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QJsonObject response = next(int(qMax<qint64>(1, deadline.remainingTime())));
        if (response.isEmpty())
            return {};
        if (response.value(u"id"_s).toInteger(-1) == id)
            return response;
    }
    return {};
}

QJsonObject McpProcess::initialize(const QString& version)
{
    const QJsonObject response = request(u"initialize"_s,
        { { u"protocolVersion"_s, version }, { u"capabilities"_s, QJsonObject {} },
            { u"clientInfo"_s,
                QJsonObject { { u"name"_s, u"caseyos-tests"_s }, { u"version"_s, u"1.0"_s } } } });
    send({ { u"jsonrpc"_s, u"2.0"_s }, { u"method"_s, u"notifications/initialized"_s } });
    return response;
}

QJsonObject McpProcess::callTool(const QString& name, const QJsonObject& arguments)
{
    return request(u"tools/call"_s, { { u"name"_s, name }, { u"arguments"_s, arguments } })
        .value(u"result"_s)
        .toObject();
}

int McpProcess::closeAndWait(int timeoutMs)
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    m_buffer += m_process.readAllStandardOutput();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

} // namespace caseyos::test
