#include "connectors/clients/SseParser.h"

namespace caseyos {

QList<SseEvent> SseParser::feed(const QByteArray& chunk)
{
    QList<SseEvent> out;
    if (m_overflow)
        return out;
    for (const char c : chunk) {
        if (c == '\n' && m_lastWasCr) { // the \n of a \r\n split or not
            m_lastWasCr = false;
            continue;
        }
        m_lastWasCr = c == '\r';
        if (c == '\n' || c == '\r') {
            line(m_buffer, out);
            m_buffer.clear();
            continue;
        }
        m_buffer.append(c);
    }
    if (m_buffer.size() + m_current.data.size() > m_maxPending) {
        m_overflow = true;
        m_buffer.clear();
        m_current = {};
    }
    return out;
}

void SseParser::line(const QByteArray& text, QList<SseEvent>& out)
{
    if (text.isEmpty()) {
        if (m_hasData)
            out.append(m_current);
        m_current = {};
        m_hasData = false;
        return;
    }
    if (text.startsWith(':'))
        return;
    const qsizetype colon = text.indexOf(':');
    const QByteArray field = colon < 0 ? text : text.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : text.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_current.data.append('\n');
        m_current.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = QString::fromUtf8(value);
    }
}

} // namespace caseyos
