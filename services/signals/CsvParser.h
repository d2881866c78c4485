#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <functional>

namespace caseyos {

// Incremental RFC 4180 parser: feed() it bytes in any chunking, finish() at the end. Quoted fields may
// hold commas, doubled quotes and line breaks; CRLF and LF both end a record (a CRLF inside quotes is
// kept as LF). Blank lines are skipped. A record longer than maxRecordBytes is reported as `tooLong`
// with no fields, and its bytes are dropped as they stream past (quotes are still tracked to find its end).
class CsvParser
{
public:
    struct Record
    {
        int line = 0; // 1-based line where the record starts
        QList<QByteArray> fields;
        bool tooLong = false;
        bool unterminatedQuote = false; // the file ended inside a quoted field
    };
    // Returns false to stop parsing.
    using Sink = std::function<bool(Record&)>;

    CsvParser(qint64 maxRecordBytes, Sink sink);

    bool feed(QByteArrayView bytes); // false once the sink asked to stop
    bool finish();

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    void put(char c);
    void endField();
    bool endRecord();
    bool consume(char c);

    qint64 m_maxRecordBytes;
    Sink m_sink;
    State m_state = State::FieldStart;
    Record m_record;
    QByteArray m_field;
    qint64 m_recordBytes = 0;
    bool m_recordStarted = false;
    bool m_pendingCr = false;
    bool m_stopped = false;
    int m_line = 1;
};

} // namespace caseyos
