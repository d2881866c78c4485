#pragma once

#include "execution/ActionKind.h"
#include "execution/ExecutionRecord.h"

#include <QJsonObject>
#include <QString>

namespace caseyos {

// Words the execution UI shows (dialog, status bar, detail pane), in one place so they agree.
QString actionLabel(ActionKind kind); // "Send email", "Create draft", "Post to Slack"
QString stateLabel(ExecutionState state, ActionKind kind); // "Sent", "Waiting in the outbox", "Cancelled"
// The heading of a refusal by the executor's gates: "Blocked by the kill switch", "Send cap reached", …
QString blockedHeading(const QString& blockedBy);
// Who an action reaches, for "Sending to …": the email's recipients, the Slack channel, "X"; may be empty.
QString targetOf(ActionKind kind, const QJsonObject& payload);

} // namespace caseyos
