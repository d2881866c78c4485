#include "mcp/StdinReader.h"

#include <cerrno>
#include <unistd.h>

namespace caseyos::mcp {

StdinReader::StdinReader(int fd, qsizetype maxBytes, Handlers handlers, QObject* parent)
    : QThread(parent)
    , m_fd(fd)
    , m_maxBytes(maxBytes)
    , m_handlers(std::move(handlers))
{
    setObjectName(QStringLiteral("mcp-stdin"));
}

void StdinReader::run()
{
    QByteArray line;
    qsizetype skipped = 0; // > 0: inside an oversized line, this many bytes so far
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        qsizetype start = 0;
        for (qsizetype i = 0; i < n; ++i) {
            if (buffer[i] != '\n')
                continue;
            const qsizetype length = i - start;
            if (skipped > 0) {
                m_handlers.onOversized(skipped + length);
                skipped = 0;
            } else if (line.size() + length > m_maxBytes) {
                m_handlers.onOversized(line.size() + length);
                line.clear();
            } else {
                line.append(buffer + start, length);
                if (line.endsWith('\r'))
                    line.chop(1);
                if (!line.trimmed().isEmpty())
                    m_handlers.onLine(line);
                line.clear();
            }
            start = i + 1;
        }
        const qsizetype rest = n - start;
        if (skipped > 0) {
            skipped += rest;
        } else if (line.size() + rest > m_maxBytes) {
            skipped = line.size() + rest;
            line.clear();
            line.squeeze();
        } else {
            line.append(buffer + start, rest);
        }
    }
    if (skipped > 0)
        m_handlers.onOversized(skipped);
    else if (!line.trimmed().isEmpty())
        m_handlers.onLine(line); // a last message without its newline
    m_handlers.onEnd();
}

} // namespace caseyos::mcp
