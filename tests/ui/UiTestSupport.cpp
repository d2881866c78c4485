#include "UiTestSupport.h"

#include <QDir>

#include "MainWindow.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "TriageController.h"
#include "WaitFor.h"
#include "WorkspaceLauncher.h"
#include "WorkspaceStatusBar.h"
#include "workspace/WorkspaceClient.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace caseyos::test {

QString screenshotFolder(const QString& defaultFolder)
{
    QString folder = qEnvironmentVariable("CASEYOS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = defaultFolder;
    return QDir().mkpath(folder) ? folder : QString();
}

QByteArray formSignal(const QString& sourceId, const QString& name, const QString& company,
    const QString& email, double revenuePotential, const QString& occurredAt)
{
    const QJsonObject payload { { u"email"_s, email }, { u"name"_s, name }, { u"company"_s, company },
        { u"revenue_potential"_s, revenuePotential } };
    const QJsonObject signal { { u"source"_s, u"form"_s }, { u"event_type"_s, u"form_submitted"_s },
        { u"source_id"_s, sourceId }, { u"occurred_at"_s, occurredAt }, { u"payload"_s, payload } };
    return QJsonDocument(signal).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray fiveLeads()
{
    // Written out of rank order on purpose: the list must rank them, not keep file order.
    return formSignal(u"f-chen"_s, u"Chen Wu"_s, u"Initech"_s, u"chen@initech.com"_s, 0.7)
        + formSignal(u"f-femi"_s, u"Femi Adeyemi"_s, u"Hooli"_s, u"femi@hooli.com"_s, 0.3)
        + formSignal(u"f-dana"_s, u"Dana Lee"_s, u"Acme"_s, u"dana@acme.com"_s, 0.9)
        + formSignal(u"f-eva"_s, u"Eva Novak"_s, u"Umbrella"_s, u"eva@umbrella.com"_s, 0.5)
        + formSignal(u"f-ben"_s, u"Ben Ortiz"_s, u"Globex"_s, u"ben@globex.com"_s, 0.8);
}

QStringList fiveLeadEmails()
{
    return { u"dana@acme.com"_s, u"ben@globex.com"_s, u"chen@initech.com"_s, u"eva@umbrella.com"_s,
        u"femi@hooli.com"_s };
}

WindowHarness::WindowHarness() = default;

WindowHarness::~WindowHarness()
{
    closeWindow(); // before the temporary home goes
}

void WindowHarness::closeWindow()
{
    // Close dialogs and menus first; then the window and the storage thread.
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (widget != m_window.get() && widget->isVisible())
            widget->close();
    loadedSpy.reset();
    changedSpy.reset();
    listedSpy.reset();
    m_launcher = nullptr; // a child of the window
    m_window.reset();
}

bool WindowHarness::start(bool demo, int timeoutMs)
{
    MainWindow::Options windowOptions { false };
    windowOptions.performers = performers;
    m_window = std::make_unique<MainWindow>(clock, windowOptions);
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    // Under Xvfb there is no window manager to activate the window; Qt's notion of the active window (which
    // shortcuts follow) is set directly.
    QApplication::setActiveWindow(m_window.get());
    WorkspaceLauncher::Options options;
    options.home = home.path();
    options.demo = demo;
    m_launcher = new WorkspaceLauncher(options, clock, m_window.get());
    QObject::connect(
        m_launcher, &WorkspaceLauncher::clientCreated, m_window.get(), [this](WorkspaceClient* client) {
            loadedSpy = std::make_unique<QSignalSpy>(client, &WorkspaceClient::movesLoaded);
            changedSpy = std::make_unique<QSignalSpy>(client, &WorkspaceClient::moveChanged);
        });
    listedSpy = std::make_unique<QSignalSpy>(m_window->controller(), &TriageController::movesListed);
    m_launcher->start();
    return waitFor([this] { return listedSpy->count() > 0 && m_window->isShowingContent(); }, timeoutMs);
}

WorkspaceClient* WindowHarness::client() const
{
    return m_launcher ? m_launcher->client() : nullptr;
}

bool WindowHarness::importSignals(const QByteArray& jsonl, int timeoutMs)
{
    const QString path
        = home.writeFile(u"signals-%1.jsonl"_s.arg(QDateTime::currentMSecsSinceEpoch()), jsonl);
    QSignalSpy finished(client(), &WorkspaceClient::importFinished);
    m_window->controller()->importPaths({ path });
    if (!waitForSignal(finished, 1, timeoutMs))
        return false;
    // Rows are sent before importFinished; let the status bar's coalescing timer run too.
    QTest::qWait(80);
    return true;
}

QStringList WindowHarness::shownEmails() const
{
    QStringList emails;
    const MovesFilterProxy* proxy = m_window->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row)
        emails.append(proxy->moveAt(row)->contactEmail);
    return emails;
}

QString WindowHarness::currentEmail() const
{
    const MoveRow* row = m_window->model()->findMove(m_window->movesView()->currentMoveId());
    return row ? row->contactEmail : QString();
}

const MoveRow* WindowHarness::moveByEmail(const QString& email) const
{
    const MovesModel* model = m_window->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->rowAt(row).contactEmail == email)
            return &model->rowAt(row);
    return nullptr;
}

bool WindowHarness::selectEmail(const QString& email)
{
    const MoveRow* row = moveByEmail(email);
    return row && m_window->movesView()->selectMove(row->id);
}

void WindowHarness::press(int key, Qt::KeyboardModifiers modifiers, QWidget* target)
{
    // Offscreen has no window manager to give the activation back when a dialog closes; a desktop does.
    if (!QApplication::activeModalWidget() && !QApplication::activePopupWidget()
        && QApplication::activeWindow() != m_window.get()) {
        QApplication::setActiveWindow(m_window.get());
    }
    if (!target)
        target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window->movesView();
    QTest::keyClick(target, static_cast<Qt::Key>(key), modifiers);
}

bool WindowHarness::waitForStatus(const QString& email, int status, int timeoutMs) const
{
    return waitFor(
        [&] {
            const MoveRow* row = moveByEmail(email);
            return row && static_cast<int>(row->status) == status;
        },
        timeoutMs);
}

std::string WindowHarness::statusMessage() const
{
    return "status bar: " + m_window->workspaceStatusBar()->currentMessage().toStdString();
}

} // namespace caseyos::test
