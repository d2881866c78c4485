#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace caseyos {

// An outgoing email as RFC 2822 / MIME text, for Gmail's users.messages.send and users.drafts.create ("raw").
// From is left out: Gmail fills in the authenticated sender.
struct MimeMessage
{
    QStringList to;
    QStringList cc;
    QString subject;
    QString text; // text/plain part
    QString html; // text/html part (multipart/alternative with the text when both are given)
    QString messageId; // "<…@…>": lets the message be found again (rfc822msgid:) after a crash
    QString inReplyTo; // "<…@…>" of the message answered; also written as References
    QDateTime date; // invalid: left out (Gmail stamps it)

    QByteArray
    toRfc2822() const; // CRLF line ends; non-ASCII headers as RFC 2047 encoded words; bodies in base64
};

// "<remoteKey@caseyos.local>": the Message-ID an execution's email carries.
QString messageIdForKey(const QString& remoteKey);

} // namespace caseyos
