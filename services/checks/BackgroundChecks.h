#pragma once

#include "checks/BackgroundCheck.h"
#include "core/Clock.h"
#include "notifications/Notification.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QStringList>
#include <memory>
#include <vector>

namespace caseyos {

class Database;

// What one pass of the background checks did.
struct CheckPassResult
{
    QDateTime at; // the pass's "now" (UTC)
    QList<Notification> created; // stored notifications, in the order the checks made them
    QStringList errors; // "<check>: <message>" for each check that failed (its changes were rolled back)
    int purgedExpired = 0;
    int purgedOldRead = 0;
    int auditPruned = 0; // audit entries older than a year removed behind a checkpoint
    int unreadCount = -1; // unread notifications after the pass (-1: could not be counted)
};

// Runs the checks of PRODUCT.md §5 (new form leads, deal updates, new replies, overdue moves, stale moves,
// meetings within 15 minutes), then the purge. Each check runs in its own transaction together with the
// notifications it creates: it reads without the write lock and holds the lock only for its writes, two
// processes running checks on one database (a daemon and the app) never notify the same condition twice,
// and a failing check loses nothing the others did.
// Synchronous, on the thread that owns the Database.
class BackgroundChecks
{
public:
    BackgroundChecks(Database& db, const Clock& clock);
    ~BackgroundChecks();

    static std::vector<std::unique_ptr<BackgroundCheck>> defaultChecks();
    const std::vector<std::unique_ptr<BackgroundCheck>>& checks() const { return m_checks; }

    CheckPassResult runPass();
    // One check alone (tests, a manual run): its notifications, stored; false with `error` on failure.
    bool runCheck(BackgroundCheck& check, const QDateTime& now, QList<Notification>* created, QString* error);

private:
    Database& m_db;
    const Clock& m_clock;
    std::vector<std::unique_ptr<BackgroundCheck>> m_checks;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::CheckPassResult)
