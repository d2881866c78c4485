#include "checks/BackgroundChecks.h"

#include "audit/AuditLog.h"
#include "checks/MeetingSoonCheck.h"
#include "checks/MoveChecks.h"
#include "checks/SignalChecks.h"
#include "notifications/NotificationService.h"
#include "storage/Database.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace caseyos {

BackgroundChecks::BackgroundChecks(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_checks(defaultChecks())
{
}

BackgroundChecks::~BackgroundChecks() = default;

std::vector<std::unique_ptr<BackgroundCheck>> BackgroundChecks::defaultChecks()
{
    // The most pressing first, so a pass that fails part-way has done those.
    std::vector<std::unique_ptr<BackgroundCheck>> checks;
    checks.push_back(std::make_unique<MeetingSoonCheck>());
    checks.push_back(std::make_unique<NewRepliesCheck>());
    checks.push_back(std::make_unique<NewLeadsCheck>());
    checks.push_back(std::make_unique<OverdueMovesCheck>());
    checks.push_back(std::make_unique<DealUpdatesCheck>());
    checks.push_back(std::make_unique<StaleMovesCheck>());
    return checks;
}

namespace {

// A write lock that could not be had: another connection wrote since this transaction's snapshot began (or
// held the lock past the busy timeout). The run is repeated on a fresh snapshot.
bool isLockConflict(const QString& error)
{
    return error.contains(u"locked"_s, Qt::CaseInsensitive) || error.contains(u"busy"_s, Qt::CaseInsensitive);
}

constexpr int kAttempts = 3;

} // namespace

bool BackgroundChecks::runCheck(
    BackgroundCheck& check, const QDateTime& now, QList<Notification>* created, QString* error)
{
    // A deferred transaction: the check reads on a snapshot without holding the write lock (most runs find
    // nothing new and write nothing), and takes the lock only for its few writes. SQLite refuses that upgrade
    // when someone else wrote in between, so two processes running the checks can never both notify one
    // condition: the loser runs again on the newer snapshot and finds it already noted. The last attempt takes
    // the write lock up front (IMMEDIATE, waiting up to the busy timeout): while an import commits a batch every
    // few hundred milliseconds, a deferred upgrade would lose every time and the check would never run.
    const CheckContext context { m_db, now.toUTC(), m_clock.localZone() };
    NotificationService service(m_db, m_clock);
    QString failure;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        failure.clear();
        QList<Notification> stored;
        if (!m_db.exec(attempt < kAttempts ? u"BEGIN DEFERRED"_s : u"BEGIN IMMEDIATE"_s, &failure))
            break;
        bool ok = true;
        QList<Notification> drafts;
        if (!check.run(context, &drafts, &failure))
            ok = false;
        for (qsizetype i = 0; ok && i < drafts.size(); ++i) {
            Notification draft = drafts.at(i);
            draft.createdAt = context.now;
            const Result<Notification> made = service.create(draft,
                check.supersedesEarlier() ? NotificationService::Supersede::SameKind
                                          : NotificationService::Supersede::No);
            if (!made) {
                failure = made.error();
                ok = false;
            } else {
                stored.append(made.value());
            }
        }
        if (ok && m_db.exec(u"COMMIT"_s, &failure)) {
            if (created)
                created->append(stored);
            return true;
        }
        m_db.exec(u"ROLLBACK"_s);
        if (!isLockConflict(failure))
            break;
    }
    if (error)
        *error = failure;
    return false;
}

CheckPassResult BackgroundChecks::runPass()
{
    CheckPassResult result;
    result.at = m_clock.now().toUTC();
    for (const auto& check : m_checks) {
        QString error;
        QElapsedTimer timer;
        timer.start();
        if (!runCheck(*check, result.at, &result.created, &error))
            result.errors << check->name() + u": "_s + error;
        qDebug("Check %s took %lld ms", qPrintable(check->name()), timer.elapsed());
    }
    NotificationService service(m_db, m_clock);
    const auto purged = service.purge();
    if (purged) {
        result.purgedExpired = purged.value().expired;
        result.purgedOldRead = purged.value().oldRead;
    } else {
        result.errors << u"purge: "_s + purged.error();
    }
    // The audit log keeps one year (PRODUCT.md §9); prune() returns at once unless its front entry is older.
    const auto pruned = AuditLog(m_db, m_clock).prune();
    if (pruned)
        result.auditPruned = int(pruned.value().removed);
    else
        result.errors << u"audit prune: "_s + pruned.error();
    const auto counts = service.unreadCounts();
    if (counts)
        result.unreadCount = counts.value().total();
    else
        result.errors << u"unread count: "_s + counts.error();
    return result;
}

} // namespace caseyos
