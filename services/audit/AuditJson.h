#pragma once

#include "audit/AuditTypes.h"

#include <QJsonObject>

namespace caseyos {

// The shapes `caseyos audit list --json` and `audit verify --json` print (and an MCP resource could serve).
QJsonObject auditEntryToJson(const AuditEntry& entry);
QJsonObject auditVerificationToJson(const AuditVerification& verification);

} // namespace caseyos
