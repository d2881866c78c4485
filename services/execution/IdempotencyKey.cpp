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

QString remoteToken(const QString& remoteKey)
{
    // '-' is the only character of a remote key outside [0-9a-f]; 'v' is not a hex digit, so nothing
    // collides.
    QString token = u"cos"_s + remoteKey.toLower();
    token.replace(u'-', u'v');
    return token;
}

} // namespace caseyos
