#include "ReconnectNotice.h"

#include "accounts/Providers.h"
#include "notifications/NotificationService.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

Notification reconnectNotification(const Account& account)
{
    const auto info = providerInfo(account.provider);
    const QString provider = info ? info->displayName : account.provider;
    const QString who = account.displayName.isEmpty() ? account.id : account.displayName;
    Notification n;
    n.kind = QString::fromUtf16(kReconnectNotificationKind);
    n.priority = NotificationPriority::High;
    n.title = u"Reconnect %1 (%2)"_s.arg(provider, who);
    n.message = u"CaseyOS can no longer use the %1 account %2: its sign-in was revoked or has expired. "
                "Open Accounts and connect it again."_s.arg(provider, who);
    return n;
}

Result<bool> postReconnectNotice(Database& db, const Clock& clock, const Account& account)
{
    const Notification draft = reconnectNotification(account);
    bool created = false;
    QString error;
    const bool ok = db.transaction(
        [&] {
            QSqlQuery q(db.sql());
            q.prepare(u"SELECT COUNT(*) FROM notifications WHERE kind = ? AND title = ? AND dismissed_at IS NULL"_s);
            q.addBindValue(draft.kind);
            q.addBindValue(draft.title);
            if (!q.exec() || !q.next()) {
                error = q.lastError().text();
                return false;
            }
            if (q.value(0).toLongLong() > 0)
                return true;
            const Result<Notification> stored = NotificationService(db, clock).create(draft);
            if (!stored) {
                error = stored.error();
                return false;
            }
            created = true;
            return true;
        },
        &error);
    if (!ok)
        return Result<bool>::failure(error.isEmpty() ? u"could not store the reconnect notification"_s : error);
    return Result<bool>::success(created);
}

} // namespace caseyos
