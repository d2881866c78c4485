#pragma once

#include "core/Clock.h"
#include "execution/ExecutionWorker.h"

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;

namespace caseyos {

class AccountsDialog;
class AgentsController;
class AgentsView;
class AccountsRuntime;
class ChatModel;
class ChatPane;
class ApprovalsController;
class CommandPalette;
class ExecutionController;
class JarvisController;
class VoiceController;
class FilterBar;
class MoveActions;
class MoveDetailPane;
class MovesFilterProxy;
class MovesModel;
class MovesView;
class NotificationsController;
class NotificationsPanel;
class OutcomesController;
class OutcomesView;
class SettingsDialog;
class SyncController;
class TriageController;
class WorkspaceClient;
class WorkspaceStatusBar;

// The window titled "CaseyOS". It only composes the parts — filter bar, moves list, detail pane, status bar,
// menus and toolbar over one set of actions — and hands the commands to the TriageController.
// It shows at once; the workspace (client) is attached when it is ready, and data arrives asynchronously.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        bool persistSettings; // window geometry, splitter, columns and filters in QSettings
        bool backgroundSync; // sync the connected accounts into the open workspace (false when left out)
        // What the executor runs with. Empty: the connected accounts' performers when backgroundSync is on, and
        // none (each action refused with the reason) otherwise — the demo workspace never acts on real accounts.
        PerformerSetup performers;
        // The data folder as started (--home, resolved) and --demo: what Settings ▸ MCP puts in the client
        // configuration. Empty home: the folder of the open database. No initializers, like the flags above:
        // GCC refuses them with the in-class default argument below (brace-initialised, demo is false).
        QString home;
        bool demo;
    };
    explicit MainWindow(const Clock& clock, Options options = Options { false }, QWidget* parent = nullptr);
    ~MainWindow() override;

    // "Preparing demo workspace…" and the like, in place of the list.
    void showPreparing(const QString& text);
    // A workspace that cannot be opened: the reason in place of the list (and a message box).
    void showOpenError(const QString& text);
    // Takes ownership of the client and opens it.
    void attachClient(WorkspaceClient* client);

    MovesModel* model() const { return m_model; }
    MovesFilterProxy* proxy() const { return m_proxy; }
    MovesView* movesView() const { return m_view; }
    MoveDetailPane* detailPane() const { return m_detail; }
    OutcomesView* outcomesView() const { return m_outcomesView; }
    QDockWidget* outcomesDock() const { return m_outcomesDock; }
    OutcomesController* outcomes() const { return m_outcomes; }
    QMenu* viewMenu() const { return m_viewMenu; }
    NotificationsPanel* notificationsPanel() const { return m_notificationsPanel; }
    QDockWidget* notificationsDock() const { return m_notificationsDock; }
    NotificationsController* notifications() const { return m_notifications; }
    QDockWidget* jarvisDock() const { return m_jarvisDock; }
    ChatPane* chatPane() const { return m_chatPane; }
    JarvisController* jarvis() const { return m_jarvis; }
    VoiceController* voice() const { return m_voice; }
    // View ▸ Agents (Ctrl+Shift+G): every agent by domain, run on the workspace off the UI thread.
    QDockWidget* agentsDock() const { return m_agentsDock; }
    AgentsView* agentsView() const { return m_agentsView; }
    AgentsController* agents() const { return m_agents; }
    void showJarvis(); // View ▸ Jarvis (Ctrl+J): the pane shown with the keyboard in its question line
    // Brings the window forward with the notifications panel open and focused (tray ▸ What's up).
    void showNotifications();
    // The pending approvals of MCP tool calls: the dialog, its action (with the count) and their worker.
    ApprovalsController* approvals() const { return m_approvals; }
    // Execute (e), the outbox countdown and `z`, the detail pane's executions and the Kill Switch action.
    ExecutionController* executions() const { return m_executions; }
    void showAccounts(); // File ▸ Accounts…: connect and disconnect providers (non-modal)
    void showSettings(); // File ▸ Settings… (Ctrl+,): the settings dialog (non-modal, like Accounts…)
    SettingsDialog* settingsDialog() const; // null unless open
    SyncController* sync() const { return m_sync; } // null until the workspace is open with backgroundSync
    FilterBar* filterBar() const { return m_filterBar; }
    WorkspaceStatusBar* workspaceStatusBar() const { return m_statusBar; }
    MoveActions* moveActions() const { return m_actions; }
    TriageController* controller() const { return m_controller; }
    CommandPalette* commandPalette() const { return m_palette; }
    bool isShowingContent() const;
    QString stateText() const; // the preparing / error message shown instead of the list

    // Background mode: when on, closing the window hides it and CaseyOS keeps running in the tray.
    void setCloseToTray(bool on) { m_closeToTray = on; }
    bool closeToTray() const { return m_closeToTray; }
    // Shows the window (from the tray, or from under other windows): unminimised, raised and active.
    void bringToFront();
    // Brings the window forward with the move selected (a clicked pop-up).
    void openMove(qint64 moveId);
    // Closes for good, even with close-to-tray on; the app then quits (see quitRequested).
    void quitApplication();

Q_SIGNALS:
    void hiddenToTray(); // a close while close-to-tray was on: the window only hid
    void quitRequested(); // the window closed for good: the app should quit
    void settingsChanged(); // the settings dialog wrote the settings (the tray re-reads its options)

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildToolBar();
    void buildOutcomesDock();
    void buildNotificationsDock();
    void buildJarvisDock();
    void buildAgentsDock();
    void restoreSettings();
    void saveSettings() const;
    void openDetail();
    void showShortcutHelp();
    AccountsRuntime& accountsRuntime();
    void startSync(); // once the workspace is open (Options::backgroundSync)
    void showAbout();
    PerformerSetup performerSetup(); // Options::performers, or what the accounts (or the demo) allow

    const Clock& m_clock;
    Options m_options;
    MovesModel* m_model = nullptr;
    MovesFilterProxy* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_stateLabel = nullptr;
    QProgressBar* m_stateProgress = nullptr;
    FilterBar* m_filterBar = nullptr;
    QSplitter* m_splitter = nullptr;
    MovesView* m_view = nullptr;
    MoveDetailPane* m_detail = nullptr;
    WorkspaceStatusBar* m_statusBar = nullptr;
    MoveActions* m_actions = nullptr;
    TriageController* m_controller = nullptr;
    CommandPalette* m_palette = nullptr;
    OutcomesView* m_outcomesView = nullptr;
    QDockWidget* m_outcomesDock = nullptr;
    OutcomesController* m_outcomes = nullptr;
    QMenu* m_viewMenu = nullptr;
    NotificationsPanel* m_notificationsPanel = nullptr;
    QDockWidget* m_notificationsDock = nullptr;
    NotificationsController* m_notifications = nullptr;
    ChatModel* m_chatModel = nullptr;
    ChatPane* m_chatPane = nullptr;
    QDockWidget* m_jarvisDock = nullptr;
    JarvisController* m_jarvis = nullptr;
    VoiceController* m_voice = nullptr;
    AgentsView* m_agentsView = nullptr;
    QDockWidget* m_agentsDock = nullptr;
    AgentsController* m_agents = nullptr;
    ApprovalsController* m_approvals = nullptr;
    ExecutionController* m_executions = nullptr;
    WorkspaceClient* m_client = nullptr;
    AccountsDialog* m_accountsDialog = nullptr;
    AccountsRuntime* m_accountsRuntime = nullptr; // made on first use (Accounts… or the sync)
    SyncController* m_sync = nullptr;
    QPointer<SettingsDialog> m_settingsDialog; // deletes itself when closed
    bool m_closeToTray = false;
    bool m_quitting = false;
};

} // namespace caseyos
