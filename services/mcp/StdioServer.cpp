#include "mcp/StdioServer.h"

#include "mcp/StdinReader.h"

#include <QJsonObject>
#include <QMetaObject>
#include <cerrno>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

StdioServer::StdioServer(McpSession& session, int inFd, int outFd, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_outFd(outFd)
{
    StdinReader::Handlers handlers;
    handlers.onLine = [this](QByteArray line) {
        Pending pending;
        pending.parsed = parseMessage(line); // on the reader thread: the server thread only dispatches
        QMetaObject::invokeMethod(
            this, [this, pending] { enqueue(pending); }, Qt::QueuedConnection);
    };
    handlers.onOversized = [this](qsizetype bytes) {
        Pending pending;
        pending.oversized = bytes;
        QMetaObject::invokeMethod(
            this, [this, pending] { enqueue(pending); }, Qt::QueuedConnection);
    };
    handlers.onEnd = [this] {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_inputEnded = true;
                drain();
            },
            Qt::QueuedConnection);
    };
    m_reader = std::make_unique<StdinReader>(inFd, kMaxMessageBytes, std::move(handlers));
}

StdioServer::~StdioServer()
{
    m_reader->wait();
}

void StdioServer::start()
{
    m_reader->start();
}

void StdioServer::enqueue(Pending pending)
{
    const QJsonObject object = pending.parsed.document.object();
    if (object.value(u"method"_s) == QJsonValue(u"notifications/cancelled"_s) && !object.contains(u"id"_s)) {
        const QJsonValue target = object.value(u"params"_s).toObject().value(u"requestId"_s);
        for (Pending& waiting : m_queue)
            if (!waiting.cancelled && !waiting.requestId.isUndefined() && waiting.requestId == target
                && waiting.parsed.document.object().value(u"method"_s) != QJsonValue(u"initialize"_s))
                waiting.cancelled = true; // "initialize" must not be cancelled (spec)
    }
    if (object.contains(u"method"_s) && object.contains(u"id"_s) && isValidId(object.value(u"id"_s)))
        pending.requestId = object.value(u"id"_s);
    m_queue.append(std::move(pending));
    if (!m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, &StdioServer::drain, Qt::QueuedConnection);
    }
}

// One message per turn of the event loop, so cancellations posted meanwhile can still reach waiting ones.
void StdioServer::drain()
{
    m_drainScheduled = false;
    if (!m_queue.isEmpty()) {
        const Pending pending = m_queue.takeFirst();
        QByteArray reply;
        if (pending.oversized > 0)
            reply = m_session.handleOversized(pending.oversized);
        else if (pending.parsed.errorCode != 0)
            reply = m_session.handleUnparsable(pending.parsed);
        else if (!pending.cancelled)
            reply = m_session.handleDocument(pending.parsed.document);
        if (!reply.isEmpty())
            writeLine(reply);
    }
    if (!m_queue.isEmpty()) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, &StdioServer::drain, Qt::QueuedConnection);
    } else if (m_inputEnded && !m_finished) {
        m_finished = true;
        Q_EMIT finished();
    }
}

void StdioServer::writeLine(const QByteArray& line)
{
    QByteArray data = line;
    data.append('\n');
    const char* p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(m_outFd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // the client went away; the end of input follows
        p += n;
        left -= n;
    }
}

} // namespace caseyos::mcp
