#include "notifications/NotificationService.h"

#include "core/Timestamps.h"
#include "notifications/NotificationRepository.h"
#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace caseyos {

NotificationService::NotificationService(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<Notification> NotificationService::existing(qint64 id) const
{
    QString error;
    std::optional<Notification> found = NotificationRepository(m_db).find(id, &error);
    if (!found)
        return Result<Notification>::failure(
            error.isEmpty() ? u"No notification with id %1"_s.arg(id) : error);
    return Result<Notification>::success(*found);
}

Result<Notification> NotificationService::create(Notification draft, Supersede supersede)
{
    draft.title = draft.title.trimmed();
    if (draft.title.isEmpty())
        return Result<Notification>::failure(u"A notification needs a title"_s);
    if (!draft.createdAt.isValid())
        draft.createdAt = m_clock.now();
    draft.id = 0;
    NotificationRepository repository(m_db);
    QString error;
    if (!repository.insert(draft, &error))
        return Result<Notification>::failure(u"Cannot store the notification: "_s + error);
    if (supersede == Supersede::SameKind && !draft.kind.isEmpty()
        && repository.dismissOthersOfKind(draft.kind, draft.id, toEpochMs(draft.createdAt), &error) < 0)
        return Result<Notification>::failure(u"Cannot replace the older notifications: "_s + error);
    return Result<Notification>::success(draft);
}

Result<Notification> NotificationService::markRead(qint64 id)
{
    Result<Notification> found = existing(id);
    if (!found)
        return found;
    QString error;
    if (!NotificationRepository(m_db).setRead(id, toEpochMs(m_clock.now()), &error))
        return Result<Notification>::failure(error);
    return existing(id);
}

Result<Notification> NotificationService::dismiss(qint64 id)
{
    Result<Notification> found = existing(id);
    if (!found)
        return found;
    QString error;
    if (!NotificationRepository(m_db).setDismissed(id, toEpochMs(m_clock.now()), &error))
        return Result<Notification>::failure(error);
    return existing(id);
}

Result<Notification> NotificationService::snooze(qint64 id, const QDateTime& until)
{
    Result<Notification> found = existing(id);
    if (!found)
        return found;
    const QDateTime now = m_clock.now();
    if (!until.isValid() || until <= now)
        return Result<Notification>::failure(u"A snooze must end in the future"_s);
    switch (found.value().state(now)) {
    case NotificationState::Dismissed:
        return Result<Notification>::failure(
            u"Notification %1 was dismissed; it cannot be snoozed"_s.arg(id));
    case NotificationState::Expired:
        return Result<Notification>::failure(u"Notification %1 has expired; it cannot be snoozed"_s.arg(id));
    default:
        break;
    }
    QString error;
    if (!NotificationRepository(m_db).setSnoozed(id, toEpochMs(until), &error))
        return Result<Notification>::failure(error);
    return existing(id);
}

Result<int> NotificationService::markAllRead()
{
    QString error;
    const int marked = NotificationRepository(m_db).markAllRead(toEpochMs(m_clock.now()), &error);
    if (marked < 0)
        return Result<int>::failure(error);
    return Result<int>::success(marked);
}

Result<QList<Notification>> NotificationService::unread(int limit) const
{
    QString error;
    QList<Notification> list = NotificationRepository(m_db).unread(toEpochMs(m_clock.now()), limit, &error);
    if (!error.isEmpty())
        return Result<QList<Notification>>::failure(error);
    return Result<QList<Notification>>::success(std::move(list));
}

Result<QList<Notification>> NotificationService::all() const
{
    QString error;
    QList<Notification> list = NotificationRepository(m_db).all(&error);
    if (!error.isEmpty())
        return Result<QList<Notification>>::failure(error);
    return Result<QList<Notification>>::success(std::move(list));
}

Result<NotificationCounts> NotificationService::unreadCounts() const
{
    QString error;
    const NotificationCounts counts
        = NotificationRepository(m_db).unreadCounts(toEpochMs(m_clock.now()), &error);
    if (!error.isEmpty())
        return Result<NotificationCounts>::failure(error);
    return Result<NotificationCounts>::success(counts);
}

Result<WhatsUp> NotificationService::whatsUp() const
{
    // The counts cover every unread notification; the list only needs to reach the fifth urgent/high one,
    // and those come first in the unread order, so the first few rows are enough.
    const QDateTime now = m_clock.now();
    QString error;
    NotificationRepository repository(m_db);
    const NotificationCounts counts = repository.unreadCounts(toEpochMs(now), &error);
    if (!error.isEmpty())
        return Result<WhatsUp>::failure(error);
    const QList<Notification> first = repository.unread(toEpochMs(now), kWhatsUpTopCount, &error);
    if (!error.isEmpty())
        return Result<WhatsUp>::failure(error);
    return Result<WhatsUp>::success(buildWhatsUp(first, counts, now));
}

Result<NotificationService::PurgeResult> NotificationService::purge()
{
    const QDateTime now = m_clock.now();
    QString error;
    const auto counts = NotificationRepository(m_db).purge(
        toEpochMs(now), toEpochMs(now.addDays(-kReadRetentionDays)), &error);
    if (!counts)
        return Result<PurgeResult>::failure(error);
    return Result<PurgeResult>::success(PurgeResult { counts->expired, counts->oldRead });
}

} // namespace caseyos
