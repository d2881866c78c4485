#pragma once

#include <QByteArray>
#include <QThread>
#include <functional>

namespace caseyos::mcp {

// Reads newline-delimited messages from a file descriptor (stdin) on its own thread, so reading never blocks
// the server's event loop. Each complete line is handed to `onLine` (called on the reader thread; the
// receiver posts it on). A line longer than `maxBytes` is skipped up to its newline and reported through
// `onOversized` with its size; the reader keeps going. `onEnd` runs once at end of input or a read error.
class StdinReader : public QThread
{
public:
    struct Handlers
    {
        std::function<void(QByteArray line)> onLine;
        std::function<void(qsizetype bytes)> onOversized;
        std::function<void()> onEnd;
    };
    StdinReader(int fd, qsizetype maxBytes, Handlers handlers, QObject* parent = nullptr);

protected:
    void run() override;

private:
    int m_fd;
    qsizetype m_maxBytes;
    Handlers m_handlers;
};

} // namespace caseyos::mcp
