#pragma once

#include "FakeClock.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "execution/ExecutionWorker.h"

#include <QApplication>
#include <QByteArray>
#include <QSignalSpy>
#include <QStringList>
#include <memory>

namespace caseyos {
class MainWindow;
class WorkspaceClient;
class WorkspaceLauncher;
struct MoveRow;
} // namespace caseyos

namespace caseyos::test {

// Waits until a dialog of type T is the active modal widget and has the keyboard (a user's keys go to it).
template<typename T> T* waitForModal(int timeoutMs = 5000)
{
    T* found = nullptr;
    const bool shown = waitFor(
        [&] {
            found = qobject_cast<T*>(QApplication::activeModalWidget());
            return found != nullptr;
        },
        timeoutMs);
    if (!shown)
        return nullptr;
    // Offscreen has no window manager: activate the dialog the way a desktop would on showing it.
    if (QApplication::activeWindow() != found)
        QApplication::setActiveWindow(found);
    return QApplication::activeWindow() == found ? found : nullptr;
}

// Where a test saves screenshots for people: $CASEYOS_SCREENSHOT_DIR, else `defaultFolder`; created if
// needed (empty when it cannot be).
QString screenshotFolder(const QString& defaultFolder);

// One form signal as a JSON Lines record. Its move's APS is 40·revenue + 44.5 (form rule: urgency 0.9,
// effort 0.2, strategic 0.5), due two hours after `occurredAt`.
QByteArray formSignal(const QString& sourceId, const QString& name, const QString& company,
    const QString& email, double revenuePotential,
    const QString& occurredAt = QStringLiteral("2026-11-25T08:00:00Z"));

// Five form leads whose moves rank dana (80.5), ben (76.5), chen (72.5), eva (64.5), femi (56.5).
QByteArray fiveLeads();
QStringList fiveLeadEmails();

// The window as the app builds it (MainWindow + WorkspaceLauncher) on a temporary home, with a fake clock
// (2026-11-25 10:00 UTC).
class WindowHarness
{
public:
    WindowHarness();
    ~WindowHarness();

    // Shows and activates the window, starts the launcher and waits until the moves are listed.
    bool start(bool demo = false, int timeoutMs = 15000);
    bool importSignals(const QByteArray& jsonl, int timeoutMs = 15000);
    // Closes the window (and its storage thread) as quitting would; start() then opens it again on the same
    // home, as the next start of the app does.
    void closeWindow();

    MainWindow* window() const { return m_window.get(); }
    WorkspaceLauncher* launcher() const { return m_launcher; }
    WorkspaceClient* client() const;

    QStringList shownEmails() const; // contact emails of the listed moves, in order
    QString currentEmail() const;
    const MoveRow* moveByEmail(const QString& email) const;
    bool selectEmail(const QString& email);
    // Presses a key the way a user would: delivered to the focused widget (the list unless told otherwise).
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, QWidget* target = nullptr);
    bool waitForStatus(const QString& email, int status, int timeoutMs = 5000) const;
    std::string statusMessage() const; // the status bar's message, for failure output

    TempHome home;
    FakeClock clock;
    // The executor's performers (set before start()); empty: the window's default, which runs none.
    PerformerSetup performers;
    std::unique_ptr<QSignalSpy> loadedSpy; // WorkspaceClient::movesLoaded
    std::unique_ptr<QSignalSpy> listedSpy; // TriageController::movesListed (the load is shown)
    std::unique_ptr<QSignalSpy> changedSpy; // WorkspaceClient::moveChanged

private:
    std::unique_ptr<MainWindow> m_window;
    WorkspaceLauncher* m_launcher = nullptr;
};

} // namespace caseyos::test
