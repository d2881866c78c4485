#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace caseyos {

struct SseEvent
{
    QString event; // the "event:" field; empty = "message"
    QByteArray data; // the "data:" lines joined with \n
};

// Incremental text/event-stream parser (the WHATWG rules that matter here): bytes arrive in chunks split
// anywhere (inside a line, between \r and \n, inside a UTF-8 sequence); lines end in \n, \r\n or \r; an
// empty line ends an event; ":" lines are comments. Holds at most maxPending bytes of an unfinished event.
class SseParser
{
public:
    explicit SseParser(qsizetype maxPending = 4 * 1024 * 1024)
        : m_maxPending(maxPending)
    {
    }

    // Returns the events completed by this chunk. overflow() turns true (and stays) past maxPending.
    QList<SseEvent> feed(const QByteArray& chunk);
    bool overflow() const { return m_overflow; }

private:
    void line(const QByteArray& text, QList<SseEvent>& out);

    QByteArray m_buffer;
    SseEvent m_current;
    bool m_hasData = false;
    bool m_lastWasCr = false;
    bool m_overflow = false;
    qsizetype m_maxPending;
};

} // namespace caseyos
