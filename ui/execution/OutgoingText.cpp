#include "OutgoingText.h"

#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

struct Part
{
    QList<QPair<QString, QString>> headers; // name as written, unfolded value
    QByteArray body;

    QString header(const QString& name) const
    {
        for (const auto& [key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
};

Part splitPart(const QByteArray& text)
{
    Part part;
    qsizetype split = text.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    if (split < 0) {
        split = text.indexOf("\n\n");
        skip = 2;
    }
    const QByteArray head = split < 0 ? text : text.left(split);
    part.body = split < 0 ? QByteArray() : text.mid(split + skip);
    for (const QByteArray& rawLine : head.split('\n')) {
        const QByteArray line = rawLine.endsWith('\r') ? rawLine.chopped(1) : rawLine;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !part.headers.isEmpty()) {
            part.headers.last().second += QString::fromUtf8(line.trimmed()); // a folded line
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            part.headers.append(
                { QString::fromUtf8(line.left(colon)), QString::fromUtf8(line.mid(colon + 1).trimmed()) });
    }
    return part;
}

// RFC 2047 encoded words (B and Q) in UTF-8 or Latin-1; other charsets are shown as they are.
QString decodeWords(const QString& value)
{
    static const QRegularExpression word(u"=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?="_s);
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = word.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString between = value.mid(last, m.capturedStart() - last);
        if (!between.trimmed().isEmpty() || last == 0) // space between two encoded words is dropped
            out += between;
        QByteArray bytes = m.captured(3).toLatin1();
        if (m.captured(2).compare(u"B"_s, Qt::CaseInsensitive) == 0)
            bytes = QByteArray::fromBase64(bytes);
        else
            bytes = QByteArray::fromPercentEncoding(bytes.replace('_', ' '), '=');
        out += m.captured(1).compare(u"utf-8"_s, Qt::CaseInsensitive) == 0 ? QString::fromUtf8(bytes)
                                                                           : QString::fromLatin1(bytes);
        last = m.capturedEnd();
    }
    return out + value.mid(last);
}

QString decodeBody(const Part& part)
{
    const QString encoding = part.header(u"Content-Transfer-Encoding"_s).trimmed().toLower();
    QByteArray bytes = part.body;
    if (encoding == u"base64")
        bytes = QByteArray::fromBase64(QByteArray(bytes).replace("\r", "").replace("\n", ""));
    else if (encoding == u"quoted-printable")
        bytes = QByteArray::fromPercentEncoding(QByteArray(bytes).replace("=\r\n", "").replace("=\n", ""), '=');
    return QString::fromUtf8(bytes).replace(u"\r\n"_s, u"\n"_s).trimmed();
}

// The text/plain part of a multipart body (the first part when there is none), and whether HTML came too.
QString multipartText(const Part& message, bool* hasHtml)
{
    static const QRegularExpression boundaryPattern(u"boundary=\"?([^\";]+)\"?"_s);
    const QRegularExpressionMatch m = boundaryPattern.match(message.header(u"Content-Type"_s));
    if (!m.hasMatch())
        return decodeBody(message);
    const QByteArray delimiter = "--" + m.captured(1).toUtf8();
    QString first;
    QString plain;
    const QList<QByteArray> chunks = [&] {
        QList<QByteArray> out;
        qsizetype from = message.body.indexOf(delimiter);
        while (from >= 0) {
            from += delimiter.size();
            if (message.body.mid(from, 2) == "--")
                break;
            const qsizetype next = message.body.indexOf(delimiter, from);
            out.append(message.body.mid(from, next < 0 ? -1 : next - from).trimmed());
            from = next;
        }
        return out;
    }();
    for (const QByteArray& chunk : chunks) {
        const Part part = splitPart(chunk);
        const QString type = part.header(u"Content-Type"_s).toLower();
        if (type.startsWith(u"text/html"))
            *hasHtml = true;
        else if (plain.isEmpty() && (type.isEmpty() || type.startsWith(u"text/plain")))
            plain = decodeBody(part);
        if (first.isEmpty())
            first = decodeBody(part);
    }
    return plain.isEmpty() ? first : plain;
}

} // namespace

QString readableMessage(const QByteArray& rfc2822)
{
    const Part message = splitPart(rfc2822);
    QStringList lines;
    for (const auto& [name, value] : message.headers) {
        // The MIME plumbing says how the text is packed, not what it says.
        if (name.startsWith(u"Content-"_s, Qt::CaseInsensitive)
            || name.compare(u"MIME-Version"_s, Qt::CaseInsensitive) == 0)
            continue;
        lines.append(name + u": "_s + decodeWords(value));
    }
    bool hasHtml = message.header(u"Content-Type"_s).toLower().startsWith(u"text/html");
    const QString text = multipartText(message, &hasHtml);
    lines.append(QString());
    lines.append(text);
    if (hasHtml)
        lines.append(u"\n[An HTML version of this text goes with it.]"_s);
    return lines.join(u'\n');
}

OutgoingText outgoingText(const QJsonObject& outgoing)
{
    OutgoingText out;
    out.request = outgoing.value(u"request"_s).toString();
    const QString message = outgoing.value(u"message"_s).toString();
    if (!message.isEmpty()) {
        out.readable = readableMessage(message.toUtf8());
        out.raw = message;
        out.raw.replace(u"\r\n"_s, u"\n"_s);
        return out;
    }
    QJsonObject rest = outgoing;
    rest.remove(u"request"_s);
    out.readable = QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Indented)).trimmed();
    out.raw = QString::fromUtf8(QJsonDocument(outgoing).toJson(QJsonDocument::Indented)).trimmed();
    return out;
}

} // namespace caseyos
