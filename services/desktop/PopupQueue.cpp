#include "desktop/PopupQueue.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

PopupQueue::Decision PopupQueue::submit(const Popup& popup, bool holding)
{
    if (!wantsPopup(popup.priorityWeight))
        return Decision::Ignored;
    // The same notification announced twice (a re-sent signal, a restart of the scheduler) pops up once.
    if (!remember(popup.notificationId))
        return Decision::Ignored;
    if (holding) {
        m_held.append(popup);
        return Decision::Held;
    }
    return Decision::Show;
}

QList<Popup> PopupQueue::release()
{
    QList<Popup> held;
    held.swap(m_held);
    if (held.size() <= 1)
        return held;
    return { summarise(std::move(held)) };
}

Popup PopupQueue::summarise(QList<Popup> held)
{
    // Newest first, then a stable sort by weight: the most important, and among equals the newest, lead.
    std::reverse(held.begin(), held.end());
    std::stable_sort(held.begin(), held.end(),
        [](const Popup& a, const Popup& b) { return a.priorityWeight > b.priorityWeight; });

    const qsizetype urgent
        = std::count_if(held.cbegin(), held.cend(), [](const Popup& p) { return p.priorityWeight >= 100; });
    Popup summary;
    summary.priorityWeight = held.isEmpty() ? 0 : held.first().priorityWeight;
    summary.title = urgent > 0
        ? u"%1 notifications while pop-ups were held (%2 urgent)"_s.arg(held.size()).arg(urgent)
        : u"%1 notifications while pop-ups were held"_s.arg(held.size());
    constexpr qsizetype kListed = 3;
    QStringList lines;
    for (qsizetype i = 0; i < held.size() && i < kListed; ++i)
        lines << u"• "_s + held.at(i).title;
    if (held.size() > kListed)
        lines << u"and %1 more"_s.arg(held.size() - kListed);
    summary.message = lines.join(u'\n');
    // A click on a summary opens the window (moveId 0), not one of the moves.
    return summary;
}

bool PopupQueue::remember(qint64 notificationId)
{
    if (notificationId == 0)
        return true;
    if (m_seen.contains(notificationId))
        return false;
    m_seen.insert(notificationId);
    m_seenOrder.enqueue(notificationId);
    if (m_seenOrder.size() > kRememberedIds)
        m_seen.remove(m_seenOrder.dequeue());
    return true;
}

} // namespace caseyos
