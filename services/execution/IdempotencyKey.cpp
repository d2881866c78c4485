#include "execution/IdempotencyKey.h"

#include "core/CanonicalJson.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace caseyos {

QString payloadHash(const QJsonObject& normalizedPayload)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalJson(normalizedPayload), QCryptographicHash::Sha256).toHex());
}

QString idempotencyKey(qint64 moveId, ActionKind action, const QJsonObject& normalizedPayload)
{
    const QByteArray material = QByteArray::number(moveId) + '\n' + toString(action).toUtf8() + '\n'
        + payloadHash(normalizedPayload).toLatin1();
    return QString::fromLatin1(QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex());
}

QString remoteKeyFor(const QString& key, int generation)
{
    return generation <= 0 ? key : key + u'-' + QString::number(generation);
}

} // namespace caseyos
