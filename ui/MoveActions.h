#pragma once

#include "core/Move.h"

#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace caseyos {

struct MoveRow;

// Every command of the window as a QAction (menu, toolbar, command palette and keyboard share them).
// Single-letter shortcuts are window-wide: a focused text field takes its typed letters first (Qt sends it
// a ShortcutOverride), so typing "a" in the search box never accepts a move.
class MoveActions : public QObject
{
    Q_OBJECT
public:
    explicit MoveActions(QWidget* window);

    QAction* accept = nullptr;
    QAction* dismiss = nullptr;
    QAction* snooze = nullptr;
    QAction* complete = nullptr;
    QAction* reopen = nullptr;
    QAction* execute = nullptr;
    QAction* openDetail = nullptr;
    QAction* undo = nullptr;
    QAction* newMove = nullptr;
    QAction* editMove = nullptr;
    QAction* deleteMove = nullptr;
    QAction* nextMove = nullptr;
    QAction* previousMove = nullptr;
    QAction* focusSearch = nullptr;
    QAction* reload = nullptr;
    QAction* importFiles = nullptr;
    QAction* commandPalette = nullptr;
    QAction* shortcutHelp = nullptr;
    QAction* settings = nullptr; // File ▸ Settings… (Ctrl+, and the platform's Preferences key)
    QAction* quit = nullptr;

    // Actions the command palette lists, in menu order.
    QList<QAction*> all() const { return m_all; }

    // Enables what makes sense for the selected move (nullptr: none) and whether the workspace is open.
    void update(const MoveRow* current, qint64 nowMs, bool workspaceReady, bool canUndo);

private:
    QAction* make(const QString& text, const QString& icon, const QString& tip);

    QWidget* m_window;
    QList<QAction*> m_all;
};

} // namespace caseyos
