#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "memory/MemoryTypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QSettings;

namespace caseyos {

class Database;
class MemoryStore;

// A session's digest: a short summary and the key facts worth keeping (PRODUCT.md §6).
struct SessionDigest
{
    QString summary;
    QStringList keyFacts;
};

// Makes the digest of one session from its messages, or fails with a sentence (a model that is down, an
// answer that is not a summary). Runs on the memory's thread.
using SessionSummarizer
    = std::function<Result<SessionDigest>(const MemorySession& session, const QList<MemoryMessage>& messages)>;

// The offline digest, from the messages alone (no network): what the user asked (their first questions) and
// the facts that are easy to lose — email addresses, amounts, dates and move numbers — each with the sentence
// it came from. Deterministic.
SessionDigest offlineSessionDigest(const QList<MemoryMessage>& messages);

struct SummaryPolicy
{
    int olderThanDays = 7; // last active more than this long ago
    int minMessages = 10;
    // The user's retention setting: after a digest is stored, delete the messages it summarises. Off by
    // default; the messages are never deleted when the digest failed (⚠ the original lost them).
    bool deleteSummarizedMessages = false;

    static QString deleteSummarizedMessagesKey() { return QStringLiteral("memory/deleteSummarizedMessages"); }
    // The user's part (deleteSummarizedMessages, off when unset); the rest keeps its defaults.
    static SummaryPolicy fromSettings(const QSettings& settings);
    void save(QSettings& settings) const;
};

struct SummaryReport
{
    int summarized = 0;
    int failed = 0; // the summarizer or the database failed: that session is left exactly as it was
    int messagesDeleted = 0;
    QStringList errors; // one sentence per failed session
};

// Summarises sessions older than the policy's age with enough messages, oldest first, each in one
// transaction: the digest is stored and (when allowed) the messages deleted together, or nothing changes.
// Synchronous; on the thread that owns the Database (the Jarvis worker, `caseyos memory summarize`).
class SessionSummaries
{
public:
    SessionSummaries(Database& db, const Clock& clock, MemoryStore& memory);

    Result<QList<MemorySession>> due(const SummaryPolicy& policy) const;
    SummaryReport run(const SummaryPolicy& policy, const SessionSummarizer& summarizer);

    // Stores the digest of `session` made (maybe elsewhere, maybe slowly: a language model) from `messages`,
    // counting into `report`. A failed or empty digest changes nothing. When the policy allows deleting,
    // only the messages the digest was made from go: one added since (the session reopened) stays.
    void apply(const MemorySession& session, const QList<MemoryMessage>& messages, Result<SessionDigest> digest,
        const SummaryPolicy& policy, SummaryReport& report);

private:
    Result<int> store(const MemorySession& session, const SessionDigest& digest, qint64 coveredUpToId,
        bool deleteMessages);

    Database& m_db;
    const Clock& m_clock;
    MemoryStore& m_memory;
};

} // namespace caseyos
