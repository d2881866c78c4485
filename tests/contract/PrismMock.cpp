#include "PrismMock.h"

#include "WaitFor.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    return probe.serverPort();
}

int countFinished(const QString& text)
{
    static const QRegularExpression finished(u"Responding with \"\\d+\"|Request terminated with error"_s);
    int n = 0;
    for (auto it = finished.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

QString prismExecutable()
{
    QString dir = qEnvironmentVariable("CASEYOS_PRISM_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(CASEYOS_PRISM_DEFAULT_DIR);
    return dir + u"/node_modules/.bin/prism"_s;
}

QString contractSpec(const QString& fileName)
{
    if (QFileInfo(fileName).isAbsolute())
        return fileName; // a spec written by the test (SpecErrata.h)
    return QStringLiteral(CASEYOS_CONTRACT_SPECS_DIR) + u'/' + fileName;
}

PrismMock::PrismMock()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, &m_process, [this] { m_log += m_process.readAll(); });
}

PrismMock::~PrismMock()
{
    stop();
}

bool PrismMock::start(const QString& specFile, QString* error)
{
    const QString prism = prismExecutable();
    if (!QFileInfo(prism).isExecutable()) {
        *error = u"Prism is not installed at %1: run tests/contract/prism.sh install"_s.arg(prism);
        return false;
    }
    const QString spec = contractSpec(specFile);
    if (!QFileInfo::exists(spec)) {
        *error = u"no spec %1"_s.arg(spec);
        return false;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        m_port = freePort();
        m_log.clear();
        m_process.start(prism,
            { u"mock"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(m_port), u"--dynamic=false"_s,
                spec });
        if (!m_process.waitForStarted(10000)) {
            *error = u"Prism did not start: %1"_s.arg(m_process.errorString());
            return false;
        }
        const bool up = waitFor(
            [this] { return m_log.contains("Prism is listening") || m_process.state() == QProcess::NotRunning; },
            90000);
        if (up && m_log.contains("Prism is listening"))
            return true;
        *error = u"Prism did not listen on port %1: %2"_s.arg(m_port).arg(QString::fromUtf8(m_log.right(600)));
        stop(); // a port taken in between, or a slow start: try again with another port
    }
    return false;
}

void PrismMock::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM to this process's PID only
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QUrl PrismMock::url(const QString& path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

bool PrismMock::waitForFinished(qsizetype offset, int count, int timeoutMs)
{
    const bool done = waitFor([&] { return countFinished(logSince(offset)) >= count; }, timeoutMs);
    QTest::qWait(150); // the violation lines follow the answer
    return done;
}

QStringList PrismMock::requestViolations(const QString& logSegment)
{
    QStringList out;
    for (const QString& line : logSegment.split(u'\n')) {
        if (line.contains("Request terminated with error"_L1)) { // 422, 401 security, 404 no such route
            // …but not Prism failing to build a mock answer for a valid request (an SSE schema as text).
            if (!line.contains("NO_COMPLEX_OBJECT_TEXT"_L1) && !line.contains("SCHEMA_TOO_COMPLEX"_L1))
                out << line.trimmed();
            continue;
        }
        if (!line.contains("[VALIDATOR]"_L1))
            continue;
        const bool requestLevel = line.contains("Request did not pass the validation rules"_L1)
            || line.contains("Violation: request"_L1);
        const bool errorLine = line.contains(u"\u2716"_s) && !line.contains("Violation: response"_L1);
        if (requestLevel || errorLine)
            out << line.trimmed();
    }
    return out;
}

} // namespace caseyos::test
