#pragma once

#include "execution/EmailSafety.h"

#include <QDateTime>
#include <QString>

namespace caseyos {

class Database;

// The execution settings, persisted in the database (execution_settings) so every process on a data folder
// — the window, the CLI, the MCP server — honours the same kill switch, caps and undo window.
struct ExecutionLimits
{
    static constexpr int kMaxUndoWindowMs = 10 * 60 * 1000; // the caps have no upper limit, only ≥ 0
    bool killSwitch = false; // on: nothing that reaches people leaves (isSend); drafts and tasks still run
    int emailsPerDay = 20; // send_email per rolling 24 h
    int emailsPerContactPerWeek = 2; // send_email to one address per rolling 7 days
    int undoWindowMs = 10'000; // how long a send waits in the outbox (0 … 10 min)
    UnsubscribePolicy unsubscribe = UnsubscribePolicy::NewThreads;
};

QString toString(UnsubscribePolicy policy); // "new_threads", "always", "never": as stored

class ExecutionSettings
{
public:
    explicit ExecutionSettings(Database& db);

    // The stored values over the defaults (a missing or unreadable value keeps its default).
    ExecutionLimits load(QString* error = nullptr) const;

    bool setKillSwitch(bool on, const QDateTime& now, QString* error = nullptr);
    bool setEmailsPerDay(int count, const QDateTime& now, QString* error = nullptr); // ≥ 0
    bool setEmailsPerContactPerWeek(int count, const QDateTime& now, QString* error = nullptr); // ≥ 0
    bool setUndoWindowMs(int ms, const QDateTime& now, QString* error = nullptr); // 0 … 10 min
    bool setUnsubscribePolicy(UnsubscribePolicy policy, const QDateTime& now, QString* error = nullptr);
    // The caps, the undo window and the unsubscribe policy of `limits` in one transaction (each checked as by
    // its setter: all are stored or none); the kill switch is left as it is (it has its own, audited path).
    bool setSendingLimits(const ExecutionLimits& limits, const QDateTime& now, QString* error = nullptr);

private:
    bool write(const QString& key, const QString& value, const QDateTime& now, QString* error);
    Database& m_db;
};

} // namespace caseyos
