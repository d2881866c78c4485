#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace caseyos::test {

// One `prism mock` process (the npm package installed by tests/contract/prism.sh install) on 127.0.0.1 with
// a free port, for one spec in tests/contract/specs/. Its log is collected so a test can read what Prism
// said about each request. Stopped by its own PID in the destructor.
class PrismMock
{
public:
    PrismMock();
    ~PrismMock();
    PrismMock(const PrismMock&) = delete;
    PrismMock& operator=(const PrismMock&) = delete;

    // Starts Prism and waits (processing events) until it listens; false with *error when it cannot.
    bool start(const QString& specFile, QString* error);
    void stop();
    QUrl url(const QString& path = {}) const; // http://127.0.0.1:PORT + path

    qsizetype logSize() const { return m_log.size(); }
    QString logSince(qsizetype offset) const { return QString::fromUtf8(m_log.mid(offset)); }
    // Waits until Prism has logged `count` finished requests (answered or refused) since `offset`, and a
    // little longer for the lines it writes after answering.
    bool waitForFinished(qsizetype offset, int count, int timeoutMs = 20000);

    // Request-validation findings in a log segment: the "[VALIDATOR]" error lines of requests that did not
    // pass (body, query, path, header and security violations). Response violations (of Prism's own
    // generated examples) are not the client's fault and are left out.
    static QStringList requestViolations(const QString& logSegment);

private:
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

// Folder of the installed Prism (CASEYOS_PRISM_DIR, else the build folder's contract-prism); a spec's path
// (a file name in tests/contract/specs/, or an absolute path as it is).
QString prismExecutable();
QString contractSpec(const QString& fileName);

} // namespace caseyos::test
