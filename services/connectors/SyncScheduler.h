#pragma once

#include "connectors/SyncTypes.h"
#include "core/Clock.h"
#include "net/HttpClient.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>

namespace caseyos {

class SyncWorker;

// The façade the app (and the Accounts page) uses: runs the connectors' sync on a thread of its own named
// "sync" (SyncWorker: its own database connection and HTTP client), each account on its interval, plus
// "sync now". Lives on the thread that made it (the UI thread); its signals arrive there, queued. Nothing
// here waits for a sync.
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    SyncScheduler(QString databasePath, const Clock& clock, AccessTokenProvider tokens,
        HttpClientOptions options = {}, QObject* parent = nullptr);
    ~SyncScheduler()
        override; // lets the thread finish what is queued, then stops it (a run in flight is dropped)

    void addAccount(const SyncAccountConfig& config);
    void removeAccount(const QString& key);
    void setInterval(const QString& key, qint64 intervalMs);
    void syncNow(const QString& key = {}); // empty: every account
    void start(); // a sync of every account now, then on each account's interval
    void stop();

    bool isSyncing(const QString& key) const { return m_running.contains(key); }
    // The last finished run per account key (empty result when none yet).
    SyncRunResult lastResult(const QString& key) const { return m_last.value(key); }
    QThread* syncThread() { return &m_thread; }

Q_SIGNALS:
    void syncStarted(const QString& account);
    void syncProgress(const caseyos::SyncProgress& progress);
    void syncFinished(const caseyos::SyncRunResult& result);
    void failed(const QString& message);

private:
    QThread m_thread;
    SyncWorker* m_worker = nullptr;
    QHash<QString, SyncRunResult> m_last;
    QSet<QString> m_running;
};

} // namespace caseyos
