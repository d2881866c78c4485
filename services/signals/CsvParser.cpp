#include "signals/CsvParser.h"

namespace caseyos {

CsvParser::CsvParser(qint64 maxRecordBytes, Sink sink)
    : m_maxRecordBytes(maxRecordBytes)
    , m_sink(std::move(sink))
{
}

void CsvParser::put(char c)
{
    if (m_record.tooLong)
        return;
    m_field.append(c);
}

void CsvParser::endField()
{
    if (!m_record.tooLong)
        m_record.fields.append(m_field);
    m_field.clear();
}

bool CsvParser::endRecord()
{
    const bool blank = !m_recordStarted;
    if (!blank)
        endField();
    bool go = true;
    if (!blank)
        go = m_sink(m_record);
    m_record = Record();
    m_field.clear();
    m_recordBytes = 0;
    m_recordStarted = false;
    m_state = State::FieldStart;
    m_stopped = !go;
    return go;
}

bool CsvParser::consume(char c)
{
    if (!m_recordStarted) {
        if (c == '\n') { // blank line
            ++m_line;
            return true;
        }
        m_recordStarted = true;
        m_record.line = m_line;
    }
    if (++m_recordBytes > m_maxRecordBytes && !m_record.tooLong) {
        m_record.tooLong = true;
        m_record.fields.clear();
        m_field = QByteArray(); // release the memory now, not at the end of a 30 MB record
    }
    switch (m_state) {
    case State::FieldStart:
        if (c == '"') {
            m_state = State::Quoted;
        } else if (c == ',') {
            endField();
        } else if (c == '\n') {
            ++m_line;
            return endRecord();
        } else {
            put(c);
            m_state = State::Unquoted;
        }
        break;
    case State::Unquoted:
        if (c == ',') {
            endField();
            m_state = State::FieldStart;
        } else if (c == '\n') {
            ++m_line;
            return endRecord();
        } else {
            put(c); // a stray quote inside an unquoted field is kept as text
        }
        break;
    case State::Quoted:
        if (c == '"') {
            m_state = State::QuoteInQuoted;
        } else {
            if (c == '\n')
                ++m_line;
            put(c);
        }
        break;
    case State::QuoteInQuoted:
        if (c == '"') {
            put('"');
            m_state = State::Quoted;
        } else if (c == ',') {
            endField();
            m_state = State::FieldStart;
        } else if (c == '\n') {
            ++m_line;
            return endRecord();
        } else {
            put(c); // text after a closing quote: keep it rather than lose data
            m_state = State::Unquoted;
        }
        break;
    }
    return true;
}

bool CsvParser::feed(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (m_stopped)
            return false;
        if (m_pendingCr) {
            m_pendingCr = false;
            // CR LF counts as LF; a lone CR is ordinary text.
            if (c != '\n' && !consume('\r'))
                return false;
        }
        if (c == '\r') {
            m_pendingCr = true;
            continue;
        }
        if (!consume(c))
            return false;
    }
    return !m_stopped;
}

bool CsvParser::finish()
{
    if (m_stopped)
        return false;
    if (m_pendingCr && m_state == State::Quoted)
        put('\r');
    m_pendingCr = false; // outside quotes a trailing CR ends the file like a line break would
    if (m_recordStarted) {
        m_record.unterminatedQuote = m_state == State::Quoted;
        return endRecord();
    }
    return true;
}

} // namespace caseyos
