#pragma once

#include "notifications/Notification.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace caseyos {

// "What's up" (PRODUCT.md §5): the unread notifications summed up for the UI, the CLI, Jarvis and MCP.
struct WhatsUp
{
    QString headline; // one line, from the real counts: "1 urgent, 2 high: Meeting at 10:00 …" / "All clear"
    NotificationCounts counts; // unread, by priority
    QList<Notification> top; // the first 5 urgent or high ones, in unread order
    QDateTime at; // when it was computed (UTC)
};

inline constexpr int kWhatsUpTopCount = 5;

// Builds the summary from the unread list (in unread order) and the counts over all unread ones.
WhatsUp buildWhatsUp(
    const QList<Notification>& unreadInOrder, const NotificationCounts& counts, const QDateTime& at);

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::WhatsUp)
