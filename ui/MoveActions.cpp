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
    accept = make(u"&Accept"_s, u"accept"_s, u"Take the move on (it leaves Today)"_s);
    accept->setShortcut(QKeySequence(Qt::Key_A));
    dismiss = make(u"&Dismiss…"_s, u"dismiss"_s, u"Dismiss the move, with an optional reason"_s);
    dismiss->setShortcut(QKeySequence(Qt::Key_D));
    snooze = make(u"&Snooze…"_s, u"snooze"_s, u"Hide the move until later"_s);
    snooze->setShortcut(QKeySequence(Qt::Key_S));
    complete = make(u"&Complete"_s, u"complete"_s, u"Mark the move done"_s);
    complete->setShortcut(QKeySequence(Qt::Key_C));
    reopen = make(u"Re&open"_s, u"reopen"_s, u"Put the move back in Today"_s);
    reopen->setShortcut(QKeySequence(Qt::Key_O));
    execute = make(u"E&xecute"_s, u"execute"_s, u"Carry the move out"_s);
    execute->setShortcut(QKeySequence(Qt::Key_E));
    undo = make(u"&Undo"_s, u"undo"_s, u"Undo the last change to a move"_s);
    undo->setShortcuts({ QKeySequence(Qt::Key_Z), QKeySequence::Undo });
    newMove = make(u"&New Move…"_s, u"new"_s, u"Create a move by hand"_s);
    newMove->setShortcuts({ QKeySequence(Qt::Key_N), QKeySequence::New });
    editMove = make(u"&Edit Move…"_s, u"edit"_s, u"Edit this manual move"_s);
    editMove->setShortcut(QKeySequence(Qt::Key_F2));
    deleteMove = make(u"De&lete Move…"_s, u"delete"_s, u"Delete this manual move"_s);
    deleteMove->setShortcut(QKeySequence(QKeySequence::Delete));
    openDetail = make(u"Open &Detail"_s, QString(), u"Move the focus to the selected move's detail"_s);
    nextMove = make(u"&Next Move"_s, QString(), u"Select the next move"_s);
    nextMove->setShortcut(QKeySequence(Qt::Key_J));
    previousMove = make(u"&Previous Move"_s, QString(), u"Select the previous move"_s);
    previousMove->setShortcut(QKeySequence(Qt::Key_K));
    focusSearch = make(u"&Find…"_s, u"search"_s, u"Search titles, contacts, companies and actions"_s);
    focusSearch->setShortcut(QKeySequence::Find);
    reload = make(u"&Reload"_s, u"reload"_s, u"Read the moves again from the workspace"_s);
    // Not QKeySequence::Refresh: it is F5 on Linux too, and two bindings of one key make it ambiguous.
    reload->setShortcuts({ QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R) });
    importFiles = make(u"&Import Signals…"_s, u"import"_s, u"Import signals from JSON Lines or CSV files"_s);
    importFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    commandPalette = make(u"Command &Palette…"_s, u"palette"_s, u"Run any command by name"_s);
    commandPalette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    shortcutHelp = make(u"&Keyboard Shortcuts"_s, u"help"_s, u"Show every keyboard shortcut"_s);
    shortcutHelp->setShortcuts({ QKeySequence(Qt::Key_Question), QKeySequence::HelpContents });
    quit = make(u"&Quit"_s, QString(), u"Close CaseyOS"_s);
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
