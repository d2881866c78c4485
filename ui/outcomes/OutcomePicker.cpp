#include "outcomes/OutcomePicker.h"

#include "outcomes/OutcomeDialog.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

QString impactText(double impact, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double shown = std::round(impact * scale) / scale;
    if (shown == 0.0)
        return QString::number(0.0, 'f', decimals);
    // A typographic minus, as the APS reasoning shows negative adjustments.
    return (shown > 0 ? u"+"_s : u"−"_s) + QString::number(std::fabs(shown), 'f', decimals);
}

OutcomePicker::OutcomePicker(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"outcomePicker"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_button = new QToolButton;
    m_button->setObjectName(u"recordOutcomeButton"_s);
    m_button->setText(u"Record outcome…"_s);
    m_button->setToolTip(
        u"Record what happened: completes the move and re-scores this contact's other moves"_s);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setArrowType(Qt::NoArrow);
    m_button->setFocusPolicy(Qt::StrongFocus); // reachable with Tab; Space opens the menu
    layout->addWidget(m_button);
    layout->addStretch(1);
    buildMenu();
    setMoveId(0);
}

void OutcomePicker::buildMenu()
{
    m_menu = new QMenu(this);
    m_menu->setObjectName(u"outcomeMenu"_s);
    m_menu->setToolTipsVisible(true);
    for (OutcomeCategory category : allOutcomeCategories()) {
        m_menu->addSection(outcomeCategoryLabel(category));
        for (OutcomeType type : allOutcomeTypes()) {
            if (categoryOf(type) != category)
                continue;
            // The tab puts the impact in the shortcut column, right-aligned like a key hint.
            QAction* action
                = m_menu->addAction(outcomeTypeLabel(type) + u'\t' + impactText(defaultImpact(type)));
            action->setObjectName(u"outcome_"_s + toString(type));
            action->setData(static_cast<int>(type));
            action->setToolTip(u"%1: %2 to this contact's outcome score"_s.arg(
                toString(type), impactText(defaultImpact(type))));
            connect(action, &QAction::triggered, this, [this, type] {
                if (m_moveId > 0)
                    Q_EMIT outcomeRequested(m_moveId, type, 1.0, QString());
            });
        }
    }
    m_menu->addSeparator();
    QAction* details = m_menu->addAction(u"With &confidence and note…"_s);
    details->setObjectName(u"outcomeWithDetails"_s);
    connect(details, &QAction::triggered, this, [this] { openDialog(OutcomeType::EmailReplied); });
    // popup(), not the button's own menu mode: that runs QMenu::exec, a nested event loop on the UI thread.
    connect(m_button, &QToolButton::clicked, this, &OutcomePicker::popupMenu);
}

void OutcomePicker::popupMenu()
{
    if (m_moveId <= 0)
        return;
    m_menu->popup(m_button->mapToGlobal(QPoint(0, m_button->height())));
    // Opened from the keyboard or the mouse, the first type is ready for Enter.
    for (QAction* action : m_menu->actions()) {
        if (!action->isSeparator() && action->isEnabled()) {
            m_menu->setActiveAction(action);
            break;
        }
    }
}

void OutcomePicker::setMoveId(qint64 moveId)
{
    m_moveId = moveId;
    m_button->setEnabled(moveId > 0);
}

void OutcomePicker::openDialog(OutcomeType type)
{
    if (m_moveId <= 0)
        return;
    auto* dialog = new OutcomeDialog(type, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 moveId = m_moveId; // the dialog records for the move shown when it opened
    connect(dialog, &OutcomeDialog::outcomeChosen, this,
        [this, moveId](OutcomeType chosen, double confidence, const QString& note) {
            Q_EMIT outcomeRequested(moveId, chosen, confidence, note);
        });
    dialog->open();
}

} // namespace caseyos
