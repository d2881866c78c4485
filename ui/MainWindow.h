#pragma once

#include "core/Clock.h"

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;

namespace caseyos {

class CommandPalette;
class FilterBar;
class MoveActions;
class MoveDetailPane;
class MovesFilterProxy;
class MovesModel;
class MovesView;
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
    FilterBar* filterBar() const { return m_filterBar; }
    WorkspaceStatusBar* workspaceStatusBar() const { return m_statusBar; }
    MoveActions* moveActions() const { return m_actions; }
    TriageController* controller() const { return m_controller; }
    CommandPalette* commandPalette() const { return m_palette; }
    bool isShowingContent() const;
    QString stateText() const; // the preparing / error message shown instead of the list

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildToolBar();
    void restoreSettings();
    void saveSettings() const;
    void openDetail();
    void showShortcutHelp();
    void showAbout();

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
    WorkspaceClient* m_client = nullptr;
};

} // namespace caseyos
