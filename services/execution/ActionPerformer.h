#pragma once

#include "execution/ActionKind.h"
#include "execution/ExecutionRecord.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <memory>

namespace caseyos {

// What one external call did.
struct PerformResult
{
    bool ok = false;
    QString
        remoteRef; // the created/changed object: Gmail message id, draft id, Slack "channel/ts", task id, …
    QJsonObject undoInfo; // what undo needs: ids of created objects, previous values of updated fields
    QString error; // one sentence for people; never a token, a key or a full URL
};

// Whether a run interrupted by a crash reached the remote system (reconcile).
struct FindResult
{
    enum class Status {
        Found, // it happened: remoteRef / undoInfo describe it
        NotFound, // it did not happen: safe to run again
        Unknown, // the service cannot be asked (Slack, X): the executor never retries on its own
        Error, // could not ask now (network, auth): ask again on the next start
    };
    Status status = Status::Unknown;
    QString remoteRef;
    QJsonObject undoInfo;
    QString error;
};

struct UndoResult
{
    bool ok = false;
    QString error;
};

// One action type's connection to the outside world. The Executor owns the pipeline (validation, idempotency,
// kill switch, caps, safety, approval, outbox, persistence, move link, audit); a performer only talks to its
// service. Implementations: GmailPerformers, MessagingPerformers (Slack, X), HubspotPerformers (tasks, notes,
// deals), CalendarPerformers (meetings).
//
// Contract:
//  - Every call is asynchronous and ends in exactly one `done`, run on `context`'s thread (the executor's).
//  - perform() receives the validated, normalized payload (ActionPayloads.h: parse it with the matching
//    fromJson) and `remoteKey`, a stable key for this run. Put it where the service keeps it (the Message-ID
//    header for Gmail, an idempotency header, a custom property), so find() can tell after a crash whether
//    the call landed. The executor has persisted the row before calling perform(); perform() must not retry a
//    non-idempotent request on its own (HttpRequest::retry = false).
//  - For updates, perform() reads the current values first and returns them in undoInfo (so undo can restore
//    them); for creations it returns the created object's id.
//  - find() is only called at start for rows a crash left running, before anything is retried.
class ActionPerformer
{
public:
    using PerformDone = std::function<void(const PerformResult&)>;
    using FindDone = std::function<void(const FindResult&)>;
    using UndoDone = std::function<void(const UndoResult&)>;

    virtual ~ActionPerformer() = default;

    virtual ActionKind kind() const = 0;
    // A short name of the service for messages: "Gmail", "Slack".
    virtual QString serviceName() const = 0;

    virtual void perform(
        const QJsonObject& payload, const QString& remoteKey, QObject* context, PerformDone done)
        = 0;

    // Exactly what perform() would send (the dry run and the preview show it). Default: the payload itself.
    virtual QJsonObject describe(const QJsonObject& payload, const QString& remoteKey) const;

    // Default: Unknown (the service cannot be asked).
    virtual void find(const QString& remoteKey, const QJsonObject& payload, QObject* context, FindDone done);

    // Whether a succeeded execution can be reversed (a draft deleted, a deal's old values written back).
    virtual bool canUndo() const { return false; }
    // Why not, completing "Already <past tense> at 10:02; …": e.g. "an email cannot be recalled".
    virtual QString undoRefusal() const;
    virtual QString pastTense() const { return QStringLiteral("done"); } // "sent", "posted"
    // Default: fails with undoRefusal().
    virtual void undo(const ExecutionRecord& record, QObject* context, UndoDone done);
};

// The performers an executor can use, and for the others why there is none ("no connected Google account").
class PerformerRegistry
{
public:
    void add(std::unique_ptr<ActionPerformer> performer);
    void setUnavailable(ActionKind kind, const QString& reason); // when no performer is added for it
    ActionPerformer* find(ActionKind kind) const;
    // "No connector for create_task yet" or the reason given; empty when a performer exists.
    QString missingReason(ActionKind kind) const;

private:
    std::map<ActionKind, std::unique_ptr<ActionPerformer>> m_performers;
    std::map<ActionKind, QString> m_unavailable;
};

} // namespace caseyos
