#include "NotificationsPanel.h"

#include "NotificationDelegate.h"
#include "NotificationsModel.h"
#include "SnoozeMenu.h"
#include "notifications/WhatsUp.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

NotificationsPanel::NotificationsPanel(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new NotificationsModel(clock, this))
{
    setObjectName(u"notificationsPanel"_s);
    m_header = new QLabel;
    m_header->setObjectName(u"notificationsHeader"_s);
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    m_header->setFont(headerFont);

    m_headline = new QLabel;
    m_headline->setObjectName(u"notificationsHeadline"_s);
    m_headline->setWordWrap(true);

    m_view = new QListView;
    m_view->setObjectName(u"notificationsList"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new NotificationDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(false);
    m_view->setWordWrap(true);
    m_view->setAccessibleName(u"Unread notifications"_s);
    m_view->installEventFilter(this);
    connect(m_view, &QListView::activated, this, &NotificationsPanel::openCurrent);

    auto* empty = new QLabel(u"No unread notifications.\nAll clear."_s);
    empty->setObjectName(u"notificationsEmpty"_s);
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);

    m_stack = new QStackedWidget;
    m_stack->addWidget(empty);
    m_stack->addWidget(m_view);

    m_error = new QLabel;
    m_error->setObjectName(u"notificationsError"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    auto button = [this](const QString& text, const QString& name, const QString& tip) {
        auto* b = new QPushButton(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::TabFocus);
        return b;
    };
    m_open = button(u"&Open"_s, u"notificationOpen"_s, u"Open the move (Enter)"_s);
    m_read = button(u"&Read"_s, u"notificationRead"_s, u"Mark read (R)"_s);
    m_dismiss = button(u"&Dismiss"_s, u"notificationDismiss"_s, u"Dismiss (D)"_s);
    m_snooze = button(u"&Snooze…"_s, u"notificationSnooze"_s, u"Snooze (S)"_s);
    m_markAll = button(
        u"Mark &all read"_s, u"notificationsMarkAll"_s, u"Mark every notification read (Ctrl+Shift+R)"_s);
    connect(m_open, &QPushButton::clicked, this, &NotificationsPanel::openCurrent);
    connect(m_read, &QPushButton::clicked, this, &NotificationsPanel::readCurrent);
    connect(m_dismiss, &QPushButton::clicked, this, &NotificationsPanel::dismissCurrent);
    connect(m_snooze, &QPushButton::clicked, this, &NotificationsPanel::snoozeCurrent);
    connect(m_markAll, &QPushButton::clicked, this, &NotificationsPanel::markAllRead);

    m_snoozeMenu = new SnoozeMenu(clock, this);
    connect(m_snoozeMenu, &SnoozeMenu::snoozeChosen, this, [this](const QDateTime& until) {
        if (m_snoozeTarget > 0)
            Q_EMIT snoozeRequested(m_snoozeTarget, until);
        m_snoozeTarget = 0;
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_read);
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_snooze);
    buttons->addStretch();
    buttons->addWidget(m_markAll);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_headline);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_model, &NotificationsModel::countChanged, this, [this](int count) {
        refreshState();
        Q_EMIT unreadCountChanged(count);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &NotificationsPanel::refreshState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NotificationsPanel::refreshState);
    refreshState();
}

qint64 NotificationsPanel::currentId() const
{
    const Notification* n = m_model->notificationAt(m_view->currentIndex().row());
    return n ? n->id : 0;
}

void NotificationsPanel::ensureCurrent()
{
    // A list with rows always has a current one, so the keys work straight away.
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0));
}

void NotificationsPanel::refreshState()
{
    const int count = m_model->rowCount();
    m_header->setText(count == 0 ? u"Notifications"_s : u"Notifications (%1 unread)"_s.arg(count));
    // The same summary as "caseyos whats-up", from the rows at hand: no query needed.
    NotificationCounts counts;
    for (const Notification& n : m_model->notifications())
        counts.add(n.priority);
    m_headline->setText(buildWhatsUp(m_model->notifications(), counts, m_clock.now()).headline);
    const bool wasEmpty = m_stack->currentWidget() != m_view;
    m_stack->setCurrentWidget(count == 0 ? m_stack->widget(0) : m_view);
    if (count > 0 && wasEmpty && hasFocus())
        m_view->setFocus();
    ensureCurrent();
    const Notification* current = m_model->notificationAt(m_view->currentIndex().row());
    m_open->setEnabled(current && current->moveId > 0);
    m_read->setEnabled(current);
    m_dismiss->setEnabled(current);
    m_snooze->setEnabled(current);
    m_markAll->setEnabled(count > 0);
}

void NotificationsPanel::setNotifications(const QList<Notification>& unread)
{
    // An error stays up although a fresh list follows it (the worker always re-sends the list); the user's
    // next request clears it.
    m_model->setNotifications(unread);
    refreshState();
}

void NotificationsPanel::applyChange(const Notification& notification)
{
    m_model->applyChange(notification);
    refreshState();
}

void NotificationsPanel::addNotifications(const QList<Notification>& notifications)
{
    m_model->addNotifications(notifications);
    refreshState();
}

void NotificationsPanel::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void NotificationsPanel::openCurrent()
{
    m_error->hide();
    const Notification* n = m_model->notificationAt(m_view->currentIndex().row());
    if (!n)
        return;
    // Opening is reading: the notification has done its job.
    const qint64 id = n->id;
    if (n->moveId > 0)
        Q_EMIT openMoveRequested(n->moveId);
    if (n->kind == u"approval_pending"_s)
        Q_EMIT openApprovalsRequested(); // read, not dismissed: deciding dismisses it
    Q_EMIT markReadRequested(id);
}

void NotificationsPanel::readCurrent()
{
    m_error->hide();
    if (const qint64 id = currentId())
        Q_EMIT markReadRequested(id);
}

void NotificationsPanel::dismissCurrent()
{
    m_error->hide();
    if (const qint64 id = currentId())
        Q_EMIT dismissRequested(id);
}

void NotificationsPanel::snoozeCurrent()
{
    m_error->hide();
    m_snoozeTarget = currentId();
    if (m_snoozeTarget == 0)
        return;
    const QRect row = m_view->visualRect(m_view->currentIndex());
    const QPoint at = row.isValid() ? m_view->viewport()->mapToGlobal(row.bottomLeft())
                                    : m_snooze->mapToGlobal(QPoint(0, m_snooze->height()));
    m_snoozeMenu->popupAt(at);
}

void NotificationsPanel::markAllRead()
{
    m_error->hide();
    if (m_model->rowCount() > 0)
        Q_EMIT markAllReadRequested();
}

NotificationsPanel::Key NotificationsPanel::keyOf(const QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier) && key == Qt::Key_R)
        return Key::MarkAllRead;
    if (mods != Qt::NoModifier)
        return Key::None;
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return Key::Open;
    case Qt::Key_R:
        return Key::Read;
    case Qt::Key_D:
        return Key::Dismiss;
    case Qt::Key_S:
        return Key::Snooze;
    default:
        return Key::None;
    }
}

bool NotificationsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const Key key = keyOf(static_cast<QKeyEvent*>(event));
        if (key == Key::None)
            return QWidget::eventFilter(watched, event);
        if (event->type() == QEvent::ShortcutOverride) {
            // Claim the key: the window's move shortcuts (d, s, …) must not act while the list has focus.
            event->accept();
            return true;
        }
        switch (key) {
        case Key::Open:
            openCurrent();
            break;
        case Key::Read:
            readCurrent();
            break;
        case Key::Dismiss:
            dismissCurrent();
            break;
        case Key::Snooze:
            snoozeCurrent();
            break;
        case Key::MarkAllRead:
            markAllRead();
            break;
        case Key::None:
            break;
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace caseyos
