#pragma once

#include <QList>
#include <QQueue>
#include <QSet>
#include <QString>

namespace caseyos {

// One desktop pop-up for a notification.
struct Popup
{
    qint64 notificationId = 0; // 0: not tied to a stored notification (never de-duplicated)
    QString title;
    QString message;
    int priorityWeight = 0; // urgent 100, high 75, normal 50, low 25 (PRODUCT.md §5)
    qint64 moveId = 0; // the move a click opens; 0: none (the window opens)
};

// Decides which notifications become desktop pop-ups and holds them while pop-ups are held (quiet hours,
// paused). Pure logic, no timers: the caller says whether pop-ups are held now and asks for the release
// when the hold ends.
class PopupQueue
{
public:
    static constexpr int kPopupMinimumWeight = 75; // high and urgent only
    static constexpr int kRememberedIds = 1000; // notifications already popped up or held, for de-duplication

    enum class Decision {
        Show, // show it now
        Held, // kept until the hold ends
        Ignored, // below high priority, or already popped up / held
    };

    static bool wantsPopup(int priorityWeight) { return priorityWeight >= kPopupMinimumWeight; }

    Decision submit(const Popup& popup, bool holding);
    // What to show now that the hold has ended: nothing, the one held pop-up, or one summary of them all
    // (a burst of pop-ups in the morning helps nobody). Empties the queue.
    QList<Popup> release();
    // Forgets what is held without showing it (e.g. the notifications were all read meanwhile).
    void clearHeld() { m_held.clear(); }

    int heldCount() const { return int(m_held.size()); }
    const QList<Popup>& held() const { return m_held; }

    // The summary of several held pop-ups: the most important first (weight, then newest).
    static Popup summarise(QList<Popup> held);

private:
    bool remember(qint64 notificationId); // false when already seen

    QList<Popup> m_held;
    QSet<qint64> m_seen;
    QQueue<qint64> m_seenOrder;
};

} // namespace caseyos
