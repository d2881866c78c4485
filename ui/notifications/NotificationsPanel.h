#pragma once

#include "core/Clock.h"
#include "notifications/Notification.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace caseyos {

class NotificationsModel;
class SnoozeMenu;

// The notifications panel: a "what's up" headline, the unread list (priority colour, time, message) with
// Open, Read, Dismiss, Snooze and Mark all read, and an empty state. Keys while the list has focus: Enter
// opens the move (and marks the notification read), r read, d dismiss, s snooze menu, Ctrl+Shift+R mark all
// read — these win over the window's move shortcuts of the same letters while the list has focus. It takes
// its data through slots and only emits requests: it never touches the database. Wire the requests to
// NotificationsClient and its results back to the slots.
class NotificationsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit NotificationsPanel(const Clock& clock, QWidget* parent = nullptr);

    NotificationsModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    SnoozeMenu* snoozeMenu() const { return m_snoozeMenu; }
    qint64 currentId() const; // 0: none selected

public Q_SLOTS:
    void setNotifications(const QList<caseyos::Notification>& unread);
    void applyChange(const caseyos::Notification& notification);
    void addNotifications(const QList<caseyos::Notification>& notifications);
    void showError(const QString& message);

    void openCurrent();
    void readCurrent();
    void dismissCurrent();
    void snoozeCurrent(); // opens the snooze menu at the selected row
    void markAllRead();

Q_SIGNALS:
    void openMoveRequested(qint64 moveId);
    void openApprovalsRequested(); // an "approval_pending" notification was opened
    void markReadRequested(qint64 notificationId);
    void dismissRequested(qint64 notificationId);
    void snoozeRequested(qint64 notificationId, const QDateTime& untilUtc);
    void markAllReadRequested();
    void unreadCountChanged(int count); // rows listed

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Key { None, Open, Read, Dismiss, Snooze, MarkAllRead };
    static Key keyOf(const QKeyEvent* event);
    void ensureCurrent();
    void refreshState();

    const Clock& m_clock;
    NotificationsModel* m_model = nullptr;
    QListView* m_view = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_headline = nullptr; // "what's up", from the rows listed
    QLabel* m_error = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_read = nullptr;
    QPushButton* m_dismiss = nullptr;
    QPushButton* m_snooze = nullptr;
    QPushButton* m_markAll = nullptr;
    SnoozeMenu* m_snoozeMenu = nullptr;
    qint64 m_snoozeTarget = 0;
};

} // namespace caseyos
