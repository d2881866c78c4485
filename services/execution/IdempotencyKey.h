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

// The remote key as one token a service can store and search for where it allows only letters and digits:
// "cos" + the hex key, "v<generation>" for a rerun ("cos3fa…v2"). Only lowercase 0-9 and a-v, so it is also a
// valid Google Calendar event id (base32hex), and a HubSpot search finds it whole with CONTAINS_TOKEN.
QString remoteToken(const QString& remoteKey);

} // namespace caseyos
