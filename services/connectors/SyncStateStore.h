#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace caseyos {

class Database;

// One row of sync_state (0004_sync.sql): where a stream of one account stands.
struct SyncStreamState
{
    QString account; // SyncAccountConfig::key()
    QString stream; // "gmail", "calendar", "hubspot:deals", "hubspot:contacts"
    QString cursor; // empty: never synced (or reset by an expired cursor)
    QString status = QStringLiteral("never"); // never | running | ok | error
    QString lastError;
    QDateTime lastSyncAt;
    QDateTime lastSuccessAt;
    int fullSyncs = 0;
    qint64 itemsSeen = 0;
    qint64 signalsMade = 0;
    qint64 outcomesMade = 0;
};

// How much one committed page adds to a stream's counters.
struct SyncStepCounts
{
    int itemsSeen = 0;
    int signalsMade = 0;
    int outcomesMade = 0;
};

// Reads and writes sync_state on the thread that owns the Database. The cursor writer runs inside the page's
// write transaction (IngestPipeline::flush(step)); the status writers are single statements.
class SyncStateStore
{
public:
    explicit SyncStateStore(Database& db);

    std::optional<SyncStreamState> load(const QString& account, const QString& stream, QString* error) const;
    QList<SyncStreamState> all(QString* error) const;

    // Sets the cursor and adds the counts (creating the row). Meant for inside a transaction.
    bool saveCursor(const QString& account, const QString& stream, const QString& cursor,
        const SyncStepCounts& counts, QString* error);
    bool addCounts(
        const QString& account, const QString& stream, const SyncStepCounts& counts, QString* error);
    // Forgets the cursor (an expired one) and counts a full sync.
    bool resetCursor(const QString& account, const QString& stream, QString* error);
    bool markRunning(const QString& account, const QString& stream, const QDateTime& now, QString* error);
    bool markFinished(const QString& account, const QString& stream, const QDateTime& now,
        const QString& errorText, QString* error);

private:
    bool ensureRow(const QString& account, const QString& stream, QString* error);
    Database& m_db;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::SyncStreamState)
