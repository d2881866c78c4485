#include "connectors/clients/MimeMessage.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

bool plainAscii(const QString& text)
{
    for (QChar ch : text)
        if (ch.unicode() < 0x20 || ch.unicode() > 0x7e)
            return false;
    return true;
}

// RFC 2047 encoded words of at most 45 UTF-8 bytes each (60 base64 characters, under the 75 limit), never
// splitting a character.
QByteArray encodedHeader(const QString& value)
{
    if (plainAscii(value))
        return value.toUtf8();
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < value.size(); ++i) {
        qsizetype length = value.at(i).isHighSurrogate() && i + 1 < value.size() ? 2 : 1;
        const QByteArray bytes = value.mid(i, length).toUtf8();
        i += length - 1;
        if (chunk.size() + bytes.size() > 45) {
            words << chunk;
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words << chunk;
    QByteArray out;
    for (const QByteArray& word : words) {
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + word.toBase64() + "?=";
    }
    return out;
}

QByteArray base64Lines(const QString& text)
{
    const QByteArray encoded = text.toUtf8().toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

QByteArray part(const char* type, const QString& body)
{
    return QByteArray("Content-Type: ") + type
        + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(body);
}

} // namespace

QString messageIdForKey(const QString& remoteKey)
{
    return u'<' + remoteKey + u"@caseyos.local>"_s;
}

QByteArray MimeMessage::toRfc2822() const
{
    QByteArray head;
    auto header = [&head](const char* name, const QByteArray& value) {
        if (!value.isEmpty())
            head += QByteArray(name) + ": " + value + "\r\n";
    };
    header("To", to.join(u", "_s).toUtf8());
    header("Cc", cc.join(u", "_s).toUtf8());
    header("Subject", encodedHeader(subject));
    header("Message-ID", messageId.toUtf8());
    header("In-Reply-To", inReplyTo.toUtf8());
    header("References", inReplyTo.toUtf8());
    if (date.isValid())
        header("Date", date.toString(Qt::RFC2822Date).toUtf8());
    head += "MIME-Version: 1.0\r\n";
    if (html.isEmpty())
        return head + part("text/plain", text);
    if (text.isEmpty())
        return head + part("text/html", html);
    // The boundary depends on the content only, so the same message always gives the same bytes.
    const QByteArray boundary = "caseyos-"
        + QCryptographicHash::hash((messageId + text + html).toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(24);
    return head + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n" + "--"
        + boundary + "\r\n" + part("text/plain", text) + "--" + boundary + "\r\n" + part("text/html", html)
        + "--" + boundary + "--\r\n";
}

} // namespace caseyos
