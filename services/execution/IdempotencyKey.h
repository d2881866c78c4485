#pragma once

#include "execution/ActionKind.h"

#include <QJsonObject>
#include <QString>

namespace caseyos {

// SHA-256 (lowercase hex) of the canonical JSON of the payload (CanonicalJson.h: key order and whitespace do
// not matter).
QString payloadHash(const QJsonObject& normalizedPayload);

// SHA-256 (lowercase hex) of "<move id>\n<action>\n<payload hash>": the same move, action and payload always
// give the same key (move id 0: not for a move). Stable across versions: it is stored and compared.
QString idempotencyKey(qint64 moveId, ActionKind action, const QJsonObject& normalizedPayload);

// The key the remote system sees for one run of an execution: the idempotency key, with "-<generation>" once
// a cancelled or undone execution is run again (that run creates a new object).
QString remoteKeyFor(const QString& idempotencyKey, int generation);

} // namespace caseyos
