#pragma once

#include "execution/ActionKind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace caseyos {

enum class ExecutionState { Queued, Running, Succeeded, Failed, Cancelled, Undone };

QString toString(ExecutionState state);
std::optional<ExecutionState> executionStateFromString(QStringView text);

// One row of the executions table (resources/migrations/0006_executions.sql says what each state means).
struct ExecutionRecord
{
    qint64 id = 0;
    std::optional<qint64> moveId;
    ActionKind action = ActionKind::CreateTask;
    QJsonObject payload; // normalized
    QString payloadHash; // SHA-256 hex of the canonical payload
    QString idempotencyKey;
    QString remoteKey; // what the remote system sees (Message-ID derives from it)
    int generation = 0;
    ExecutionState state = ExecutionState::Queued;
    QDateTime dueAt;
    QString remoteRef;
    QJsonObject undoInfo;
    QString error;
    bool uncertain = false;
    int attempts = 0;
    QString runner;
    std::optional<qint64> approvalId;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    bool isFinal() const
    {
        return state == ExecutionState::Succeeded || state == ExecutionState::Cancelled
            || state == ExecutionState::Undone;
    }
};

// For the UI, the CLI and the audit: ids, action, state, times, remote ref, error — and the payload only when
// asked (it holds message text; never a credential).
QJsonObject executionToJson(const ExecutionRecord& record, bool withPayload = true);

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::ExecutionRecord)
