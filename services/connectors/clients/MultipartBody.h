#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace caseyos {

// A multipart/form-data body (RFC 7578) built in memory, for HttpClient's QByteArray bodies. The boundary is
// random and checked not to occur in any part.
class MultipartBody
{
public:
    MultipartBody();
    void addField(const QByteArray& name, const QByteArray& value);
    void addFile(const QByteArray& name, const QString& fileName, const QByteArray& mimeType, const QByteArray& data);
    QByteArray body() const; // with the closing boundary
    QByteArray contentType() const; // multipart/form-data; boundary=…

private:
    void addPart(const QByteArray& headers, const QByteArray& data);

    QByteArray m_boundary;
    QList<QPair<QByteArray, QByteArray>> m_parts; // headers, data
};

} // namespace caseyos
