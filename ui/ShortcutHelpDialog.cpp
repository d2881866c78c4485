#include "ShortcutHelpDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

ShortcutHelpDialog::ShortcutHelpDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"shortcutHelp"_s);
    setWindowTitle(u"Keyboard Shortcuts"_s);
    resize(520, 560);
    auto* layout = new QVBoxLayout(this);
    auto* intro
        = new QLabel(u"Letter keys act on the selected move. They are ignored while you type in the search "
                     "field or a dialog."_s);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    QList<QPair<QString, QString>> rows {
        { u"Enter"_s, u"Open the selected move's detail"_s },
        { u"Esc"_s, u"Back to the list (from the search field or the detail)"_s },
        { u"Ctrl+Enter"_s, u"Execute, in the Execute dialog (Alt+D: dry run)"_s },
        // The Jarvis pane's own keys, with the keyboard in the pane (SessionBar, ChatPane).
        { u"Ctrl+Shift+J"_s, tr("New Jarvis session, in the Jarvis pane") },
        { u"F2"_s, tr("Rename the Jarvis session, in the Jarvis pane (elsewhere: Edit Move)") },
        { u"Enter / Ctrl+R"_s, tr("Run the selected agent, in the Agents list (View ▸ Agents, Ctrl+Shift+G)") },
    };
    for (QAction* action : actions) {
        QStringList keys;
        for (const QKeySequence& sequence : action->shortcuts())
            keys.append(sequence.toString(QKeySequence::NativeText));
        // The list's own arrow keys do the same as j / k.
        if (action->objectName() == u"nextMove")
            keys.append(u"↓"_s);
        else if (action->objectName() == u"previousMove")
            keys.append(u"↑"_s);
        if (keys.isEmpty())
            continue;
        QString name = action->text();
        name.remove(u'&');
        rows.append({ keys.join(u" / "_s), name });
    }

    m_table = new QTableWidget(static_cast<int>(rows.size()), 2);
    m_table->setObjectName(u"shortcutTable"_s);
    m_table->setHorizontalHeaderLabels({ u"Key"_s, u"Command"_s });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setShowGrid(false);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setAlternatingRowColors(true);
    for (int row = 0; row < rows.size(); ++row) {
        auto* key = new QTableWidgetItem(rows[row].first);
        QFont bold = key->font();
        bold.setBold(true);
        key->setFont(bold);
        m_table->setItem(row, 0, key);
        m_table->setItem(row, 1, new QTableWidgetItem(rows[row].second));
    }
    m_table->resizeColumnToContents(0);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace caseyos
