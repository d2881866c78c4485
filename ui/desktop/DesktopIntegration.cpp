#include "DesktopIntegration.h"

#include "BadgeIcon.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kHighPopupMs = 10000;
constexpr int kUrgentPopupMs = 20000;
// While pop-ups are held by quiet hours, look again at least this often: a suspended laptop or a changed
// time zone must not keep them held past the end.
constexpr qint64 kMaxHoldCheckMs = 60 * 1000;

} // namespace

DesktopIntegration::DesktopIntegration(const Clock& clock, Options options, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_autostart(m_options.autostart)
    , m_baseIcon(u":/icons/caseyos.svg"_s)
{
    if (m_options.program.isEmpty())
        m_options.program = QCoreApplication::applicationFilePath();
    m_quietHours = QuietHours::load(*settings());
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &DesktopIntegration::releaseIfHoldEnded);
    createActions();
}

DesktopIntegration::~DesktopIntegration()
{
    // The icon refers to the menu (a member): it goes first.
    delete m_tray;
}

std::unique_ptr<QSettings> DesktopIntegration::settings() const
{
    if (m_options.settingsFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_options.settingsFile, QSettings::IniFormat);
}

QString DesktopIntegration::backgroundUnavailableMessage()
{
    return u"Background mode is unavailable: this desktop has no system tray. Closing the window quits "
           u"CaseyOS, and notifications show in the window only."_s;
}

void DesktopIntegration::createActions()
{
    m_showAction = new QAction(u"&Show CaseyOS"_s, this);
    m_showAction->setObjectName(u"trayShowAction"_s);
    connect(m_showAction, &QAction::triggered, this, &DesktopIntegration::showWindowRequested);

    m_whatsUpAction = new QAction(u"&What's up"_s, this);
    m_whatsUpAction->setObjectName(u"trayWhatsUpAction"_s);
    connect(m_whatsUpAction, &QAction::triggered, this, &DesktopIntegration::whatsUpRequested);

    m_pauseAction = new QAction(u"&Pause notifications"_s, this);
    m_pauseAction->setObjectName(u"trayPauseAction"_s);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(u"Hold desktop pop-ups until you resume; notifications are still collected"_s);
    connect(m_pauseAction, &QAction::triggered, this, &DesktopIntegration::setPaused);

    m_quitAction = new QAction(u"&Quit"_s, this);
    m_quitAction->setObjectName(u"trayQuitAction"_s);
    connect(m_quitAction, &QAction::triggered, this, &DesktopIntegration::quitRequested);

    m_closeToTrayAction = new QAction(u"&Keep running in the tray when the window is closed"_s, this);
    m_closeToTrayAction->setObjectName(u"closeToTrayAction"_s);
    m_closeToTrayAction->setCheckable(true);
    m_closeToTrayAction->setChecked(settings()->value(closeToTrayKey(), true).toBool());
    connect(m_closeToTrayAction, &QAction::triggered, this, &DesktopIntegration::setCloseToTrayOption);

    m_openAtLoginAction = new QAction(u"Open CaseyOS at &login"_s, this);
    m_openAtLoginAction->setObjectName(u"openAtLoginAction"_s);
    m_openAtLoginAction->setCheckable(true);
    m_openAtLoginAction->setChecked(m_autostart.isEnabled());
    m_openAtLoginAction->setEnabled(m_autostart.isSupported());
    m_openAtLoginAction->setToolTip(m_autostart.isSupported()
            ? u"Start CaseyOS in the tray when you log in (%1)"_s.arg(m_autostart.location())
            : u"Opening CaseyOS at login is not supported on this system"_s);
    connect(m_openAtLoginAction, &QAction::triggered, this, &DesktopIntegration::setOpenAtLogin);

    m_menu = std::make_unique<QMenu>();
    m_menu->setObjectName(u"trayMenu"_s);
    m_menu->addAction(m_showAction);
    m_menu->addAction(m_whatsUpAction);
    m_menu->addSeparator();
    m_menu->addAction(m_pauseAction);
    m_menu->addSeparator();
    m_menu->addAction(m_quitAction);
}

void DesktopIntegration::addMenuActions(const QList<QAction*>& actions)
{
    // In a group of their own just above Quit's separator: Quit stays last.
    QAction* before = m_menu->actions().value(m_menu->actions().indexOf(m_quitAction) - 1, m_quitAction);
    m_menu->insertSeparator(before);
    m_menu->insertActions(before, actions);
}

void DesktopIntegration::start()
{
    if (m_started)
        return;
    m_started = true;
    m_trayAvailable = m_options.allowTray && QSystemTrayIcon::isSystemTrayAvailable();
    if (m_trayAvailable) {
        createTray();
        qInfo("System tray available: CaseyOS can keep running in the background");
    } else {
        // Said once per run, in the log and the status bar; the window then behaves like a plain app.
        qWarning("%s", qPrintable(backgroundUnavailableMessage()));
        Q_EMIT statusMessage(backgroundUnavailableMessage());
    }
    m_closeToTrayAction->setEnabled(m_trayAvailable);
    if (!m_trayAvailable)
        m_closeToTrayAction->setToolTip(u"Unavailable: this desktop has no system tray"_s);
    Q_EMIT closeToTrayChanged(closeToTray());
}

void DesktopIntegration::createTray()
{
    m_tray = new QSystemTrayIcon(this);
    m_tray->setObjectName(u"trayIcon"_s);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &DesktopIntegration::onMessageClicked);
    refreshTray();
    m_tray->show();
}

bool DesktopIntegration::closeToTray() const
{
    return m_trayAvailable && m_closeToTrayAction->isChecked();
}

bool DesktopIntegration::isHoldingPopups() const
{
    return m_paused || m_quietHours.isQuietAt(m_clock.now(), m_clock.localZone());
}

QString DesktopIntegration::toolTip() const
{
    QString text = m_unread == 0 ? u"CaseyOS — no unread notifications"_s
        : m_unread == 1          ? u"CaseyOS — 1 unread notification"_s
                                 : u"CaseyOS — %1 unread notifications"_s.arg(m_unread);
    if (m_paused)
        text += u"\nPop-ups paused"_s;
    else if (m_quietHours.isQuietAt(m_clock.now(), m_clock.localZone()))
        text += u"\nQuiet hours (%1): pop-ups held"_s.arg(m_quietHours.describe());
    return text;
}

void DesktopIntegration::refreshTray()
{
    if (!m_tray)
        return;
    m_tray->setIcon(BadgeIcon::icon(m_baseIcon, m_unread));
    m_tray->setToolTip(toolTip());
}

void DesktopIntegration::setUnreadCount(int count)
{
    count = qMax(0, count);
    if (count == m_unread)
        return;
    m_unread = count;
    refreshTray();
}

void DesktopIntegration::notify(
    qint64 notificationId, const QString& title, const QString& message, int priorityWeight, qint64 moveId)
{
    const Popup popup { notificationId, title, message, priorityWeight, moveId };
    switch (m_queue.submit(popup, isHoldingPopups())) {
    case PopupQueue::Decision::Show:
        showPopup(popup);
        break;
    case PopupQueue::Decision::Held:
        qInfo("Pop-up for notification %lld held (%s)", notificationId, m_paused ? "paused" : "quiet hours");
        refreshTray(); // the tooltip says why nothing pops up
        scheduleHoldCheck();
        break;
    case PopupQueue::Decision::Ignored:
        break;
    }
}

void DesktopIntegration::showPopup(const Popup& popup)
{
    if (!m_tray)
        return; // no tray: the notifications panel is where they are seen
    m_lastPopupMoveId = popup.moveId;
    m_lastPopupNotificationId = popup.notificationId;
    const bool urgent = popup.priorityWeight >= 100;
    m_tray->showMessage(popup.title, popup.message,
        urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
        urgent ? kUrgentPopupMs : kHighPopupMs);
    // Ids only in the log: titles may name contacts.
    qInfo("Pop-up shown for notification %lld (priority %d)", popup.notificationId, popup.priorityWeight);
    Q_EMIT popupShown(popup.notificationId, popup.title);
}

void DesktopIntegration::onMessageClicked()
{
    Q_EMIT popupClicked(m_lastPopupNotificationId);
    if (m_lastPopupMoveId > 0)
        Q_EMIT moveActivated(m_lastPopupMoveId);
    else
        Q_EMIT showWindowRequested();
}

void DesktopIntegration::setPaused(bool paused)
{
    m_pauseAction->setChecked(paused);
    if (paused == m_paused)
        return;
    m_paused = paused;
    qInfo("Notification pop-ups %s", paused ? "paused" : "resumed");
    refreshTray();
    Q_EMIT pausedChanged(paused);
    if (paused)
        m_holdTimer.stop(); // nothing is released until resumed
    else
        releaseIfHoldEnded();
}

void DesktopIntegration::setQuietHours(const QuietHours& hours)
{
    m_quietHours = hours;
    auto store = settings();
    m_quietHours.save(*store);
    refreshTray();
    releaseIfHoldEnded();
}

void DesktopIntegration::reloadSettings()
{
    const auto store = settings();
    m_quietHours = QuietHours::load(*store);
    refreshTray();
    releaseIfHoldEnded(); // quiet hours that ended or were switched off let held pop-ups out now
    const bool keep = store->value(closeToTrayKey(), true).toBool();
    if (keep != m_closeToTrayAction->isChecked()) {
        m_closeToTrayAction->setChecked(keep);
        Q_EMIT closeToTrayChanged(closeToTray());
    }
}

void DesktopIntegration::scheduleHoldCheck()
{
    if (m_paused || m_queue.heldCount() == 0) {
        m_holdTimer.stop();
        return;
    }
    const QDateTime now = m_clock.now();
    const QDateTime until = m_quietHours.quietUntil(now, m_clock.localZone());
    const qint64 wait = until.isValid() ? now.msecsTo(until) : 0;
    m_holdTimer.start(int(qBound<qint64>(1000, wait, kMaxHoldCheckMs)));
}

void DesktopIntegration::releaseIfHoldEnded()
{
    if (m_queue.heldCount() == 0)
        return;
    if (isHoldingPopups()) {
        scheduleHoldCheck();
        return;
    }
    const QList<Popup> release = m_queue.release();
    qInfo("Pop-up hold ended: %lld to show", qlonglong(release.size()));
    for (const Popup& popup : release)
        showPopup(popup);
    refreshTray();
}

void DesktopIntegration::windowHiddenToTray()
{
    if (!m_tray)
        return;
    auto store = settings();
    if (store->value(trayHintShownKey(), false).toBool())
        return;
    store->setValue(trayHintShownKey(), true);
    Popup hint;
    hint.title = u"CaseyOS keeps running in the tray"_s;
    hint.message = u"Notifications still arrive while the window is closed. Click the tray icon to open it "
                   u"again, or choose Quit in its menu to exit."_s;
    showPopup(hint);
}

void DesktopIntegration::setCloseToTrayOption(bool on)
{
    m_closeToTrayAction->setChecked(on);
    settings()->setValue(closeToTrayKey(), on);
    Q_EMIT closeToTrayChanged(closeToTray());
}

void DesktopIntegration::setOpenAtLogin(bool on)
{
    AutostartEntry::Launch launch;
    launch.program = m_options.program;
    launch.arguments = AutostartEntry::loginArguments(m_options.home, m_options.defaultHome);
    QString error;
    const bool ok = on ? m_autostart.enable(launch, &error) : m_autostart.disable(&error);
    // The check mark shows what is on disk, whatever happened.
    m_openAtLoginAction->setChecked(m_autostart.isEnabled());
    if (!ok) {
        qWarning("Open at login: %s", qPrintable(error));
        Q_EMIT statusMessage(u"Open at login: "_s + error);
        return;
    }
    qInfo("Open at login %s (%s)", on ? "on" : "off", qPrintable(m_autostart.location()));
    Q_EMIT statusMessage(on ? u"CaseyOS will open in the tray when you log in"_s
                            : u"CaseyOS will no longer open when you log in"_s);
}

} // namespace caseyos
