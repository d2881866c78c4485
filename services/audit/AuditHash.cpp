#include "audit/AuditHash.h"

#include "core/CanonicalJson.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString sha256Hex(const QJsonArray& fields)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalJson(fields), QCryptographicHash::Sha256).toHex());
}

} // namespace

QString auditGenesisHash()
{
    return QString(64, u'0');
}

QString auditEntryHash(qint64 id, qint64 atMs, const QString& kind, const QString& actor, const QString& subject,
    const QString& detailsJson, const QString& prevHash)
{
    return sha256Hex({ u"caseyos.audit.v1"_s, id, atMs, kind, actor, subject, detailsJson, prevHash });
}

QString auditCheckpointHash(qint64 id, qint64 lastId, const QString& lastHash, qint64 atMs, qint64 pruned)
{
    return sha256Hex({ u"caseyos.audit.checkpoint.v1"_s, id, lastId, lastHash, atMs, pruned });
}

} // namespace caseyos
