#pragma once

#include "checks/BackgroundCheck.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Internal to services/checks: what the signal-based checks share.
namespace caseyos {

// A signal as the checks need it.
struct CheckedSignal
{
    qint64 id = 0;
    QString eventType;
    QDateTime occurredAt;
    QJsonObject payload;
    qint64 moveId = 0; // 0: none
};

// The signals that arrived since `check` last ran (id above its cursor), matching `condition` (SQL over the
// signals table, e.g. "source = 'form' AND event_type = 'form_submitted'"), not ignored, and that happened
// within the news window before ctx.now; oldest first. Moves the cursor past every signal stored so far, so
// the next run starts after them. nullopt on a storage error.
std::optional<QList<CheckedSignal>> takeNewSignals(
    const CheckContext& ctx, const QString& check, const QString& condition, QString* error);

// The signal the notification should open: the newest one that made a move, else the newest one.
const CheckedSignal& pointOf(const QList<CheckedSignal>& signalList);

} // namespace caseyos
