#pragma once

#include "execution/ActionKind.h"
#include "execution/ExecutionSettings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace caseyos {

class Database;

// The checks between validation and approval: kill switch → send caps → email safety. Pure reads.
struct GateResult
{
    QString blockedBy; // empty: may run; else "kill_switch", "daily_cap", "contact_cap", "safety", "storage"
    QString message; // why, for people
    QStringList warnings; // safety warnings; shown in the preview, never blocking
    bool blocked() const { return !blockedBy.isEmpty(); }
};

// `payload` is normalized. Caps count send_email rows that are queued, running or succeeded, by the time they
// leave: at most limits.emailsPerDay in the 24 h before `leavesAt`, and limits.emailsPerContactPerWeek to any
// one recipient in the 7 days before it (the one being checked included).
GateResult checkGates(Database& db, const ExecutionLimits& limits, ActionKind kind,
    const QJsonObject& payload, const QDateTime& leavesAt);

} // namespace caseyos
