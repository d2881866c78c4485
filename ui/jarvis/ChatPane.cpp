#include "jarvis/ChatPane.h"

#include "jarvis/ChatDelegate.h"
#include "jarvis/ChatModel.h"
#include "jarvis/SessionBar.h"
#include "jarvis/VoiceBar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace caseyos {

ChatPane::ChatPane(ChatModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_sessionBar(new SessionBar(this))
    , m_view(new QListView(this))
    , m_delegate(new ChatDelegate(this))
    , m_input(new QLineEdit(this))
    , m_send(new QPushButton(tr("Ask"), this))
    , m_voiceBar(new VoiceBar(this))
{
    m_view->setModel(model);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setResizeMode(QListView::Adjust); // re-wrap the bubbles when the pane is resized
    m_view->setWordWrap(true);
    m_view->setMouseTracking(true);
    m_view->setAccessibleName(tr("Conversation with Jarvis"));
    m_input->setPlaceholderText(tr("Ask Jarvis — “what's up?”, “accept the top move”, “Dana replied”"));
    m_input->setAccessibleName(tr("Ask Jarvis"));
    m_input->setClearButtonEnabled(true);
    m_send->setToolTip(tr("Send (Enter)"));

    auto* row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_sessionBar);
    layout->addWidget(m_view, 1);
    layout->addLayout(row);
    layout->addWidget(m_voiceBar);

    addAction(m_sessionBar->newAction()); // its shortcut works anywhere in the pane

    connect(m_input, &QLineEdit::returnPressed, this, &ChatPane::send);
    connect(m_send, &QPushButton::clicked, this, &ChatPane::send);
    connect(m_delegate, &ChatDelegate::linkActivated, this, &ChatPane::linkActivated);
    // Newest at the bottom, in view; an answer that grows its row keeps the end in view too.
    auto toEnd = [this] { QTimer::singleShot(0, m_view, &QListView::scrollToBottom); };
    connect(model, &QAbstractItemModel::rowsInserted, this, toEnd);
    connect(model, &QAbstractItemModel::dataChanged, this, toEnd);
}

void ChatPane::focusInput()
{
    m_input->setFocus(Qt::ShortcutFocusReason);
    m_input->selectAll();
}

// F2 renames the shown session while the focus is in the pane. Window-wide, F2 is Edit Move (MoveActions): a
// second shortcut on the same key would make both ambiguous (neither fires), so the pane claims the key
// through ShortcutOverride — the way a line edit claims the letter keys — and F2 reaches keyPressEvent.
bool ChatPane::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_F2 && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void ChatPane::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_F2 && event->modifiers() == Qt::NoModifier) {
        m_sessionBar->rename();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ChatPane::send()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty())
        return;
    m_input->clear();
    Q_EMIT askRequested(text);
}

} // namespace caseyos
