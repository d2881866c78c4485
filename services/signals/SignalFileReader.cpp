#include "signals/SignalFileReader.h"

#include "signals/CsvParser.h"
#include "signals/Utf8.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cstring>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr qint64 kChunkBytes = 256 * 1024;

bool isBlank(QByteArrayView bytes)
{
    for (char c : bytes)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v')
            return false;
    return true;
}

QString tooLongMessage(const char* what, qint64 limit)
{
    return QString::fromLatin1(what) + u" is longer than the limit of "_s + QString::number(limit)
        + u" bytes"_s;
}

// Why a line's bytes cannot be text, or an empty string when they can.
QString byteProblem(QByteArrayView bytes)
{
    if (std::memchr(bytes.data(), '\0', size_t(bytes.size())))
        return u"contains a NUL byte (binary data?)"_s;
    if (!isValidUtf8(bytes))
        return u"is not valid UTF-8"_s;
    return {};
}

} // namespace

struct SignalFileReader::Impl
{
    QIODevice* device = nullptr;
    Format format = Format::JsonLines;
    qint64 maxLineBytes = kDefaultMaxLineBytes;

    QByteArray chunk;
    qsizetype pos = 0;
    int count = 0;

    // Reads the next chunk into `chunk`; false at the end of the data or on a read error (then `readError`).
    bool fill();
    QString readError;

    int readJsonLines(const std::function<bool(const SignalRecord&)>& sink);
    int readCsv(const std::function<bool(const SignalRecord&)>& sink);
    void skipBom();
};

bool SignalFileReader::Impl::fill()
{
    chunk.resize(kChunkBytes);
    pos = 0;
    while (true) {
        const qint64 n = device->read(chunk.data(), kChunkBytes);
        if (n > 0) {
            chunk.resize(n);
            return true;
        }
        if (n < 0) {
            readError = device->errorString();
            break;
        }
        // Pipes and processes may have nothing yet without being finished.
        if (!device->isSequential() || !device->waitForReadyRead(-1))
            break;
    }
    chunk.clear();
    return false;
}

void SignalFileReader::Impl::skipBom()
{
    // Peek at the first bytes; a UTF-8 byte order mark is allowed at the start of the file only.
    if (!fill())
        return;
    while (chunk.size() < 3) {
        const QByteArray more = device->read(3 - chunk.size());
        if (more.isEmpty())
            break;
        chunk.append(more);
    }
    if (chunk.startsWith("\xEF\xBB\xBF"))
        pos = 3;
}

int SignalFileReader::Impl::readJsonLines(const std::function<bool(const SignalRecord&)>& sink)
{
    int lineNo = 0;
    QByteArray pending; // the start of a line that crossed a chunk boundary
    bool overflow = false;
    bool keepGoing = true;

    const auto handleLine = [&](QByteArrayView line) {
        ++lineNo;
        SignalRecord record;
        record.line = lineNo;
        if (overflow) {
            ++count;
            record.error = tooLongMessage("line", maxLineBytes);
            keepGoing = sink(record);
            return;
        }
        if (line.endsWith('\r'))
            line.chop(1);
        if (isBlank(line))
            return;
        ++count;
        if (const QString problem = byteProblem(line); !problem.isEmpty()) {
            record.error = u"line "_s + problem;
        } else {
            QJsonParseError error;
            const QJsonDocument doc
                = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
            if (error.error != QJsonParseError::NoError)
                record.error = u"invalid JSON: "_s + error.errorString() + u" at byte "_s
                    + QString::number(error.offset + 1);
            else if (!doc.isObject())
                record.error = u"not a JSON object"_s;
            else
                record.object = doc.object();
        }
        keepGoing = sink(record);
    };

    skipBom();
    bool more = !chunk.isEmpty();
    while (more && keepGoing) {
        while (pos < chunk.size() && keepGoing) {
            const char* start = chunk.constData() + pos;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', size_t(chunk.size() - pos)));
            const qsizetype len = nl ? nl - start : chunk.size() - pos;
            if (!overflow && pending.size() + len > maxLineBytes) {
                overflow = true;
                pending = QByteArray(); // a 30 MB line is dropped as it streams past, never held whole
            }
            if (nl) {
                if (overflow)
                    handleLine({});
                else if (pending.isEmpty())
                    handleLine(QByteArrayView(start, len)); // common case: no copy
                else {
                    pending.append(start, len);
                    handleLine(pending);
                }
                pending.clear();
                overflow = false;
                pos += len + 1;
            } else {
                if (!overflow)
                    pending.append(start, len);
                pos = chunk.size();
            }
        }
        if (keepGoing)
            more = fill();
    }
    if (keepGoing && (overflow || !pending.isEmpty()))
        handleLine(pending); // the last line has no newline
    if (keepGoing && !readError.isEmpty()) {
        SignalRecord record;
        record.line = lineNo + 1;
        record.error = u"read error: "_s + readError;
        ++count;
        sink(record);
    }
    return count;
}

int SignalFileReader::Impl::readCsv(const std::function<bool(const SignalRecord&)>& sink)
{
    // Column roles from the header row.
    enum Role { Ignored, Source, EventType, SourceId, OccurredAt, Payload, PayloadKey };
    QList<Role> roles;
    QList<QString> payloadKeys;
    bool haveHeader = false;

    const auto decodeHeader = [&](const CsvParser::Record& rec) -> QString {
        if (rec.tooLong)
            return u"the header row is longer than the limit of "_s + QString::number(maxLineBytes)
                + u" bytes"_s;
        bool hasSource = false, hasEventType = false;
        for (const QByteArray& raw : rec.fields) {
            if (const QString problem = byteProblem(raw); !problem.isEmpty())
                return u"the header row "_s + problem;
            const QString name = QString::fromUtf8(raw).trimmed();
            const QString lower = name.toLower();
            Role role = Ignored;
            QString key;
            if (lower == "source"_L1)
                role = Source, hasSource = true;
            else if (lower == "event_type"_L1)
                role = EventType, hasEventType = true;
            else if (lower == "source_id"_L1)
                role = SourceId;
            else if (lower == "occurred_at"_L1)
                role = OccurredAt;
            else if (lower == "payload"_L1)
                role = Payload;
            else if (lower.startsWith("payload."_L1) && name.size() > 8)
                role = PayloadKey, key = name.mid(8);
            roles.append(role);
            payloadKeys.append(key);
        }
        if (!hasSource || !hasEventType)
            return u"the header row must name the columns source and event_type"_s;
        return {};
    };

    const auto decodeRow = [&](const CsvParser::Record& rec, SignalRecord& out) {
        if (rec.fields.size() != roles.size()) {
            out.error = u"has "_s + QString::number(rec.fields.size()) + u" fields but the header has "_s
                + QString::number(roles.size());
            return;
        }
        QJsonObject object;
        QJsonObject payload;
        QJsonValue payloadValue(QJsonValue::Undefined); // no payload column value
        for (qsizetype i = 0; i < rec.fields.size(); ++i) {
            const QByteArray& raw = rec.fields[i];
            if (roles[i] == Ignored || raw.isEmpty())
                continue; // empty cells are absent
            if (const QString problem = byteProblem(raw); !problem.isEmpty()) {
                out.error = u"a field "_s + problem;
                return;
            }
            const QString value = QString::fromUtf8(raw);
            switch (roles[i]) {
            case Source:
                object.insert("source"_L1, value.trimmed());
                break;
            case EventType:
                object.insert("event_type"_L1, value.trimmed());
                break;
            case SourceId:
                if (!value.trimmed().isEmpty())
                    object.insert("source_id"_L1, value.trimmed());
                break;
            case OccurredAt:
                if (!value.trimmed().isEmpty())
                    object.insert("occurred_at"_L1, value.trimmed());
                break;
            case Payload: {
                if (isBlank(raw))
                    break;
                QJsonParseError error;
                const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
                if (error.error != QJsonParseError::NoError) {
                    out.error = u"payload is not valid JSON: "_s + error.errorString();
                    return;
                }
                // A non-object is passed on so the parser reports "payload must be a JSON object".
                payloadValue = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
                break;
            }
            case PayloadKey:
                payload.insert(payloadKeys[i], value);
                break;
            case Ignored:
                break;
            }
        }
        if (payloadValue.isObject()) {
            QJsonObject merged = payloadValue.toObject();
            for (auto it = payload.constBegin(); it != payload.constEnd(); ++it)
                merged.insert(it.key(), it.value()); // payload.<key> columns win over the payload column
            object.insert("payload"_L1, merged);
        } else if (!payloadValue.isUndefined()) {
            object.insert("payload"_L1, payloadValue);
        } else if (!payload.isEmpty()) {
            object.insert("payload"_L1, payload);
        }
        out.object = object;
    };

    bool keepGoing = true;
    CsvParser parser(maxLineBytes, [&](CsvParser::Record& rec) {
        SignalRecord out;
        out.line = rec.line;
        if (!haveHeader) {
            haveHeader = true;
            const QString problem = decodeHeader(rec);
            if (problem.isEmpty())
                return true;
            // Without a usable header no row can be read: report it once, on the header line, and stop.
            ++count;
            out.error = problem;
            sink(out);
            keepGoing = false;
            return false;
        }
        ++count;
        if (rec.tooLong)
            out.error = tooLongMessage("record", maxLineBytes);
        else if (rec.unterminatedQuote)
            out.error = u"a quoted field is not closed before the end of the file"_s;
        else
            decodeRow(rec, out);
        keepGoing = sink(out);
        return keepGoing;
    });

    skipBom();
    bool more = !chunk.isEmpty();
    while (more && keepGoing) {
        if (!parser.feed(QByteArrayView(chunk).sliced(pos)))
            break;
        more = fill();
    }
    if (keepGoing)
        parser.finish();
    if (keepGoing && !readError.isEmpty()) {
        SignalRecord record;
        record.error = u"read error: "_s + readError;
        ++count;
        sink(record);
    }
    return count;
}

SignalFileReader::Format SignalFileReader::formatForPath(const QString& path)
{
    return path.endsWith(u".csv"_s, Qt::CaseInsensitive) ? Format::Csv : Format::JsonLines;
}

SignalFileReader::SignalFileReader(QIODevice* device, Format format, qint64 maxLineBytes)
    : d(std::make_unique<Impl>())
{
    d->device = device;
    d->format = format;
    d->maxLineBytes = maxLineBytes > 0 ? maxLineBytes : kDefaultMaxLineBytes;
}

SignalFileReader::~SignalFileReader() = default;

int SignalFileReader::readAll(const std::function<bool(const SignalRecord&)>& sink)
{
    d->count = 0;
    if (!d->device || !d->device->isReadable())
        return 0;
    return d->format == Format::Csv ? d->readCsv(sink) : d->readJsonLines(sink);
}

} // namespace caseyos
