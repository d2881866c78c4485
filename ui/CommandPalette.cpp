#include "CommandPalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int ShortcutRole = Qt::UserRole + 1;

// Draws the item as usual, with its shortcut right-aligned and muted.
class PaletteDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QString shortcut = index.data(ShortcutRole).toString();
        if (shortcut.isEmpty())
            return;
        painter->save();
        QColor color = option.palette.color(
            option.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text);
        color.setAlphaF(option.state.testFlag(QStyle::State_Enabled) ? 0.6 : 0.3);
        painter->setPen(color);
        painter->drawText(option.rect.adjusted(0, 0, -10, 0), Qt::AlignRight | Qt::AlignVCenter, shortcut);
        painter->restore();
    }
};

QString plainText(const QAction* action)
{
    QString text = action->text();
    text.remove(u'&');
    if (text.endsWith(u"…"_s))
        text.chop(1);
    return text;
}

} // namespace

CommandPalette::CommandPalette(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent)
    , m_actions(actions)
{
    setObjectName(u"commandPalette"_s);
    setWindowTitle(u"Command Palette"_s);
    setMinimumSize(460, 360);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"paletteFilter"_s);
    m_filter->setPlaceholderText(u"Type a command…"_s);
    m_filter->installEventFilter(this);
    m_list = new QListWidget;
    m_list->setObjectName(u"paletteList"_s);
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refill);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
}

void CommandPalette::openPalette()
{
    m_filter->clear();
    refill();
    open();
    m_filter->setFocus();
}

void CommandPalette::refill()
{
    const QStringList words = m_filter->text().simplified().split(u' ', Qt::SkipEmptyParts);
    m_list->clear();
    for (QAction* action : std::as_const(m_actions)) {
        const QString name = plainText(action);
        const bool matches = std::all_of(words.begin(), words.end(), [&](const QString& word) {
            return name.contains(word, Qt::CaseInsensitive)
                || action->statusTip().contains(word, Qt::CaseInsensitive);
        });
        if (!matches)
            continue;
        // Actions without an icon get a blank one so every name starts at the same place.
        static const QIcon blank = [] {
            QPixmap pixmap(16, 16);
            pixmap.fill(Qt::transparent);
            return QIcon(pixmap);
        }();
        auto* item = new QListWidgetItem(action->icon().isNull() ? blank : action->icon(), name);
        item->setData(ShortcutRole, action->shortcut().toString(QKeySequence::NativeText));
        item->setToolTip(action->statusTip());
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject*>(action)));
        if (!action->isEnabled())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        m_list->addItem(item);
    }
    // Pre-select the first command that can run.
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->flags().testFlag(Qt::ItemIsEnabled)) {
            m_list->setCurrentRow(row);
            break;
        }
    }
}

QStringList CommandPalette::visibleCommands() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row)
        names.append(m_list->item(row)->text());
    return names;
}

void CommandPalette::runCurrent()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item || !item->flags().testFlag(Qt::ItemIsEnabled))
        return;
    QPointer<QAction> action = qobject_cast<QAction*>(item->data(Qt::UserRole).value<QObject*>());
    accept();
    // Run after the palette has closed so a command that opens a dialog or moves focus sees the main window.
    QTimer::singleShot(0, this, [action] {
        if (action && action->isEnabled())
            action->trigger();
    });
}

bool CommandPalette::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up: {
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            int row = m_list->currentRow();
            for (int i = 0; i < m_list->count(); ++i) {
                row = (row + step + m_list->count()) % m_list->count();
                if (m_list->item(row)->flags().testFlag(Qt::ItemIsEnabled))
                    break;
            }
            m_list->setCurrentRow(row);
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace caseyos
