#include "MoveActions.h"

#include "moves/MoveRow.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace caseyos {

MoveActions::MoveActions(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    accept = make(tr("&Accept"), u"accept"_s, tr("Take the move on (it leaves Today)"));
    accept->setShortcut(QKeySequence(Qt::Key_A));
    dismiss = make(tr("&Dismiss…"), u"dismiss"_s, tr("Dismiss the move, with an optional reason"));
    dismiss->setShortcut(QKeySequence(Qt::Key_D));
    snooze = make(tr("&Snooze…"), u"snooze"_s, tr("Hide the move until later"));
    snooze->setShortcut(QKeySequence(Qt::Key_S));
    complete = make(tr("&Complete"), u"complete"_s, tr("Mark the move done"));
    complete->setShortcut(QKeySequence(Qt::Key_C));
    reopen = make(tr("Re&open"), u"reopen"_s, tr("Put the move back in Today"));
    reopen->setShortcut(QKeySequence(Qt::Key_O));
    execute = make(tr("E&xecute"), u"execute"_s, tr("Carry the move out"));
    execute->setShortcut(QKeySequence(Qt::Key_E));
    undo = make(tr("&Undo"), u"undo"_s, tr("Undo the last change to a move"));
    undo->setShortcuts({ QKeySequence(Qt::Key_Z), QKeySequence::Undo });
    newMove = make(tr("&New Move…"), u"new"_s, tr("Create a move by hand"));
    newMove->setShortcuts({ QKeySequence(Qt::Key_N), QKeySequence::New });
    editMove = make(tr("&Edit Move…"), u"edit"_s, tr("Edit this manual move"));
    editMove->setShortcut(QKeySequence(Qt::Key_F2));
    deleteMove = make(tr("De&lete Move…"), u"delete"_s, tr("Delete this manual move"));
    deleteMove->setShortcut(QKeySequence(QKeySequence::Delete));
    openDetail = make(tr("Open &Detail"), QString(), tr("Move the focus to the selected move's detail"));
    nextMove = make(tr("&Next Move"), QString(), tr("Select the next move"));
    nextMove->setShortcut(QKeySequence(Qt::Key_J));
    previousMove = make(tr("&Previous Move"), QString(), tr("Select the previous move"));
    previousMove->setShortcut(QKeySequence(Qt::Key_K));
    focusSearch = make(tr("&Find…"), u"search"_s, tr("Search titles, contacts, companies and actions"));
    focusSearch->setShortcut(QKeySequence::Find);
    reload = make(tr("&Reload"), u"reload"_s, tr("Read the moves again from the workspace"));
    // Not QKeySequence::Refresh: it is F5 on Linux too, and two bindings of one key make it ambiguous.
    reload->setShortcuts({ QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R) });
    importFiles = make(tr("&Import Signals…"), u"import"_s, tr("Import signals from JSON Lines or CSV files"));
    importFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    commandPalette = make(tr("Command &Palette…"), u"palette"_s, tr("Run any command by name"));
    commandPalette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    shortcutHelp = make(tr("&Keyboard Shortcuts"), u"help"_s, tr("Show every keyboard shortcut"));
    shortcutHelp->setShortcuts({ QKeySequence(Qt::Key_Question), QKeySequence::HelpContents });
    settings
        = make(tr("&Settings…"), QString(), tr("Assistant, sending limits, memory, MCP and notifications"));
    // Ctrl+, everywhere, plus the platform's Preferences key where it has another one (not twice: two
    // bindings of one key make it ambiguous).
    QList<QKeySequence> settingsKeys { QKeySequence(Qt::CTRL | Qt::Key_Comma) };
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Preferences))
        if (!settingsKeys.contains(key))
            settingsKeys.append(key);
    settings->setShortcuts(settingsKeys);
    settings->setMenuRole(QAction::PreferencesRole);
    quit = make(tr("&Quit"), QString(), tr("Close CaseyOS"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

QAction* MoveActions::make(const QString& text, const QString& icon, const QString& tip)
{
    auto* action = new QAction(text, m_window);
    // "Next Move…" → "nextMove": a stable name for tests and the shortcut help.
    QString name;
    bool upper = false;
    for (const QChar c : text) {
        if (c.isLetter()) {
            name += upper ? c.toUpper() : (name.isEmpty() ? c.toLower() : c);
            upper = false;
        } else if (c == u' ') {
            upper = true;
        }
    }
    action->setObjectName(name);
    if (!icon.isEmpty())
        action->setIcon(QIcon(u":/icons/"_s + icon + u".svg"_s));
    action->setStatusTip(tip);
    action->setToolTip(tip);
    action->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(action);
    m_all.append(action);
    return action;
}

void MoveActions::update(const MoveRow* current, qint64 nowMs, bool workspaceReady, bool canUndo)
{
    const MoveStatus status = current ? current->effectiveStatus(nowMs) : MoveStatus::Pending;
    const bool open = current
        && (status == MoveStatus::Pending || status == MoveStatus::Snoozed || status == MoveStatus::InProgress
            || status == MoveStatus::Failed);
    const bool closed = current && !open;
    const bool snoozed = current && current->status == MoveStatus::Snoozed;
    const bool manual = current && current->source == u"manual";
    const bool ready = workspaceReady;

    accept->setEnabled(ready && open);
    dismiss->setEnabled(ready && open);
    snooze->setEnabled(ready && open);
    complete->setEnabled(ready && open);
    reopen->setEnabled(ready && (closed || snoozed || status == MoveStatus::Failed));
    execute->setEnabled(ready && open);
    openDetail->setEnabled(current != nullptr);
    editMove->setEnabled(ready && manual);
    deleteMove->setEnabled(ready && manual);
    undo->setEnabled(ready && canUndo);
    newMove->setEnabled(ready);
    reload->setEnabled(ready);
    importFiles->setEnabled(ready);
}

} // namespace caseyos
