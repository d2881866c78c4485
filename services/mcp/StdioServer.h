#pragma once

#include "mcp/McpSession.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <memory>

namespace caseyos::mcp {

class StdinReader;

// `caseyos mcp`: the session over stdin/stdout. A reader thread hands lines to this object (queued, so the
// session runs on this object's thread with its own database connection); each response is written to
// stdout as one line. Messages are answered in order; a notifications/cancelled for a request still waiting
// in the queue drops that request without an answer (one already answered is ignored, as the spec allows).
// At end of input the queue is drained and finished() is emitted. Logs never go to stdout.
class StdioServer : public QObject
{
    Q_OBJECT
public:
    StdioServer(McpSession& session, int inFd, int outFd, QObject* parent = nullptr);
    ~StdioServer() override;
    void start();

Q_SIGNALS:
    void finished();

private:
    struct Pending
    {
        ParsedMessage parsed;
        qsizetype oversized = 0; // > 0: skipped, this many bytes
        QJsonValue requestId; // set for a request
        bool cancelled = false;
    };
    void enqueue(Pending pending);
    void drain();
    void writeLine(const QByteArray& line);

    McpSession& m_session;
    int m_outFd;
    std::unique_ptr<StdinReader> m_reader;
    QList<Pending> m_queue;
    bool m_drainScheduled = false;
    bool m_inputEnded = false;
    bool m_finished = false;
};

} // namespace caseyos::mcp
