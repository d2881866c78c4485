#pragma once

#include <QJsonObject>
#include <QString>

namespace caseyos {

// What a performer's describe() says will go out (ExecutionPreview::outgoing), for people: `readable` decodes
// an RFC 2822 message (headers without the MIME plumbing, RFC 2047 words and base64 bodies decoded) or pretty-
// prints other requests; `raw` is exactly what is sent; `request` the call ("POST gmail/v1/users/me/…").
struct OutgoingText
{
    QString request;
    QString readable;
    QString raw;
};

OutgoingText outgoingText(const QJsonObject& outgoing);

// A MIME message's text for people: the headers that matter and the text/plain body, decoded.
QString readableMessage(const QByteArray& rfc2822);

} // namespace caseyos
