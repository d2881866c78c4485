#include "connectors/clients/MultipartBody.h"

#include <QRandomGenerator>

namespace caseyos {

namespace {

QByteArray quoted(QByteArray text)
{
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', ' ').replace('\n', ' ');
    return '"' + text + '"';
}

} // namespace

MultipartBody::MultipartBody()
{
    m_boundary = "caseyos-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36)
        + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

void MultipartBody::addPart(const QByteArray& headers, const QByteArray& data)
{
    while (data.contains(m_boundary)) // practically never; keeps the body well-formed anyway
        m_boundary += QByteArray::number(QRandomGenerator::global()->generate(), 36);
    m_parts.append({ headers, data });
}

void MultipartBody::addField(const QByteArray& name, const QByteArray& value)
{
    addPart("Content-Disposition: form-data; name=" + quoted(name) + "\r\n", value);
}

void MultipartBody::addFile(
    const QByteArray& name, const QString& fileName, const QByteArray& mimeType, const QByteArray& data)
{
    addPart("Content-Disposition: form-data; name=" + quoted(name) + "; filename=" + quoted(fileName.toUtf8())
            + "\r\nContent-Type: " + mimeType + "\r\n",
        data);
}

QByteArray MultipartBody::body() const
{
    QByteArray out;
    for (const auto& [headers, data] : m_parts)
        out += "--" + m_boundary + "\r\n" + headers + "\r\n" + data + "\r\n";
    return out + "--" + m_boundary + "--\r\n";
}

QByteArray MultipartBody::contentType() const
{
    return "multipart/form-data; boundary=" + m_boundary;
}

} // namespace caseyos
