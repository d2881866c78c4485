#pragma once

#include "checks/BackgroundChecks.h"
#include "core/Clock.h"
#include "notifications/Notification.h"

#include <QList>
#include <QObject>
#include <QThread>
#include <chrono>

class QSettings;

namespace caseyos {

class ChecksWorker;

// Runs the background checks (BackgroundChecks) on a thread of its own, named "scheduler", with its own
// database connection: once at start, then every interval (default 5 minutes; QSettings
// "checks/intervalMinutes"). The object itself lives on the thread that made it (the UI thread) and its
// signals arrive there, queued; nothing here waits for a pass. Writes are short transactions, which WAL and
// the busy timeout make safe alongside the storage thread's.
class BackgroundScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMinutes = 5;
    static constexpr int kMaxIntervalMinutes = 24 * 60;
    static inline const QString kIntervalSettingsKey = QStringLiteral("checks/intervalMinutes");
    // The interval QSettings holds, or the default when unset or not a whole number in 1 … 1440.
    static int intervalFromSettings();
    static int intervalFromSettings(const QSettings& settings);

    BackgroundScheduler(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~BackgroundScheduler() override; // lets a running pass finish, then stops the thread

    void start(int intervalMinutes = intervalFromSettings());
    void start(std::chrono::milliseconds interval); // any interval (tests)
    void setIntervalMinutes(int minutes);
    void runNow(); // an extra pass (after an import, on request); the timer keeps its rhythm
    void stop(); // no more passes until start()
    bool isRunning() const { return m_running; }
    std::chrono::milliseconds interval() const { return m_interval; }
    QThread* schedulerThread() { return &m_thread; }

Q_SIGNALS:
    // Only when a pass created some (never an empty list).
    void notificationsCreated(const QList<caseyos::Notification>& notifications);
    // After the first pass, then whenever a pass finds a different number of unread notifications.
    void unreadCountChanged(int count);
    void passFinished(const caseyos::CheckPassResult& result);
    // A check or the whole pass failed (the message says which); the next pass tries again.
    void checkFailed(const QString& message);

private:
    void handlePass(const CheckPassResult& result);

    QThread m_thread;
    ChecksWorker* m_worker = nullptr;
    std::chrono::milliseconds m_interval { std::chrono::minutes(kDefaultIntervalMinutes) };
    bool m_running = false;
    int m_lastUnread = -1;
};

} // namespace caseyos
