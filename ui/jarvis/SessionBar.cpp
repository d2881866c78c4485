#include "jarvis/SessionBar.h"

#include "jarvis/SessionDelegate.h"
#include "jarvis/SessionsModel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace caseyos {

SessionBar::SessionBar(QWidget* parent)
    : QWidget(parent)
    , m_list(new QComboBox(this))
    , m_newButton(new QToolButton(this))
    , m_moreButton(new QToolButton(this))
    , m_new(new QAction(QIcon(u":/icons/new.svg"_s), tr("&New Session"), this))
    , m_rename(new QAction(QIcon(u":/icons/edit.svg"_s), tr("&Rename…") + u"\tF2"_s, this))
    , m_end(new QAction(tr("&End Session"), this))
    , m_forget(new QAction(QIcon(u":/icons/delete.svg"_s), tr("&Forget Session…"), this))
{
    m_list->setObjectName(u"jarvisSessionList"_s);
    m_list->setAccessibleName(tr("Jarvis session"));
    m_list->setToolTip(tr("The session shown below; open the list to switch to another one"));
    m_list->setPlaceholderText(tr("New session"));
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(12); // the bar stays narrow; long names are elided
    m_list->setItemDelegate(new SessionDelegate(m_list));
    // The list opens wider than the narrow box (QComboBox sizes it by the titles alone, not the detail line).
    m_list->view()->setMinimumWidth(300);

    // Ctrl+N is New Move and Ctrl+Shift+N the notifications panel, window-wide (MoveActions, MainWindow).
    m_new->setObjectName(u"newJarvisSession"_s);
    m_new->setIconText(tr("New"));
    m_new->setShortcut(QKeySequence(u"Ctrl+Shift+J"_s));
    m_new->setShortcutContext(Qt::WidgetWithChildrenShortcut); // added to the pane: only with focus in it
    m_new->setToolTip(tr("Start a new session: the next question begins it (Ctrl+Shift+J)"));
    m_newButton->setDefaultAction(m_new);
    m_newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newButton->setAutoRaise(true);

    // F2 is not a shortcut here: it is Edit Move window-wide, so ChatPane takes it while the focus is inside.
    m_rename->setObjectName(u"renameJarvisSession"_s);
    m_rename->setToolTip(tr("Give the shown session a name (F2)"));
    m_end->setObjectName(u"endJarvisSession"_s);
    m_end->setToolTip(
        tr("End the shown session: it stays in the list, and the next question starts a new one"));
    m_forget->setObjectName(u"forgetJarvisSession"_s);
    m_forget->setToolTip(tr("Delete the shown session and its messages from Jarvis's memory for good"));
    auto* menu = new QMenu(this);
    menu->addAction(m_rename);
    menu->addAction(m_end);
    menu->addSeparator();
    menu->addAction(m_forget);
    m_moreButton->setObjectName(u"jarvisSessionMenu"_s);
    m_moreButton->setText(tr("Session"));
    m_moreButton->setToolTip(tr("Rename, end or forget the shown session"));
    m_moreButton->setMenu(menu);
    m_moreButton->setPopupMode(QToolButton::InstantPopup);
    m_moreButton->setAutoRaise(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_newButton);
    layout->addWidget(m_moreButton);

    connect(m_list, &QComboBox::activated, this, [this](int row) {
        if (!m_model || row < 0)
            return;
        const QModelIndex index = m_model->index(row);
        const qint64 id = index.data(SessionsModel::IdRole).toLongLong();
        if (id != m_shown || index.data(SessionsModel::EndedRole).toBool()) // an ended one reopens
            Q_EMIT switchRequested(id);
    });
    connect(m_new, &QAction::triggered, this, &SessionBar::newRequested);
    connect(m_rename, &QAction::triggered, this, &SessionBar::rename);
    connect(m_end, &QAction::triggered, this, [this] {
        if (m_shown != 0)
            Q_EMIT endRequested(m_shown);
    });
    connect(m_forget, &QAction::triggered, this, &SessionBar::confirmForget);
    showCurrent();
}

void SessionBar::setModel(SessionsModel* model)
{
    m_model = model;
    m_list->setModel(model);
    // A new list (after every change) keeps the shown session selected; rows move as sessions are used.
    connect(model, &QAbstractItemModel::modelReset, this, &SessionBar::showCurrent);
    showCurrent();
}

void SessionBar::setShownSession(qint64 sessionId)
{
    m_shown = sessionId;
    showCurrent();
}

void SessionBar::showCurrent()
{
    const int row = m_model ? m_model->rowOf(m_shown) : -1;
    m_list->setCurrentIndex(row); // -1: the placeholder, "New session"
    const MemorySession* shown = m_model ? m_model->session(m_shown) : nullptr;
    m_list->setToolTip(shown ? m_list->itemData(row, SessionsModel::DetailRole).toString()
                             : tr("A new session: your next question starts it. Open the list to switch."));
    m_rename->setEnabled(shown);
    m_end->setEnabled(shown && !shown->endedAt.isValid());
    m_forget->setEnabled(shown);
    m_moreButton->setEnabled(shown);
}

QString SessionBar::shownTitle() const
{
    const int row = m_model ? m_model->rowOf(m_shown) : -1;
    return row < 0 ? QString() : m_list->itemText(row);
}

void SessionBar::rename()
{
    const MemorySession* shown = m_model ? m_model->session(m_shown) : nullptr;
    if (!shown)
        return;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(u"renameJarvisSessionDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename Session"));
    dialog->setLabelText(tr("Name of “%1” (empty: show its start time):").arg(shownTitle()));
    dialog->setTextValue(shown->name);
    const qint64 id = m_shown;
    connect(dialog, &QInputDialog::textValueSelected, this,
        [this, id](const QString& name) { Q_EMIT renameRequested(id, name.trimmed()); });
    dialog->open(); // window-modal; the answer comes by signal
}

void SessionBar::confirmForget()
{
    const MemorySession* shown = m_model ? m_model->session(m_shown) : nullptr;
    if (!shown)
        return;
    const QString messages
        = shown->messageCount == 1 ? tr("its 1 message") : tr("its %1 messages").arg(shown->messageCount);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Forget Session"),
        tr("Forget “%1”?").arg(shownTitle()), QMessageBox::NoButton, this);
    box->setObjectName(u"forgetJarvisSessionBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("This permanently deletes the session and %1 from Jarvis's memory, with their "
                               "search entries. It cannot be undone.")
                                .arg(messages));
    QPushButton* forget = box->addButton(tr("Forget"), QMessageBox::DestructiveRole);
    forget->setObjectName(u"forgetButton"_s);
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel); // Enter does not delete
    box->setEscapeButton(cancel);
    const qint64 id = m_shown;
    connect(box, &QMessageBox::finished, this, [this, box, forget, id] {
        if (box->clickedButton() == forget)
            Q_EMIT forgetRequested(id);
    });
    box->open();
}

} // namespace caseyos
