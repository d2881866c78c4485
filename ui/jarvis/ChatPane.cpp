#include "jarvis/ChatPane.h"

#include "jarvis/ChatDelegate.h"
#include "jarvis/ChatModel.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace caseyos {

ChatPane::ChatPane(ChatModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_delegate(new ChatDelegate(this))
    , m_input(new QLineEdit(this))
    , m_send(new QPushButton(tr("Ask"), this))
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
    layout->addWidget(m_view, 1);
    layout->addLayout(row);

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

void ChatPane::send()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty())
        return;
    m_input->clear();
    Q_EMIT askRequested(text);
}

} // namespace caseyos
