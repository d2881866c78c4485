#include "FilterBar.h"

#include "MoveFormat.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "core/Move.h"
#include "core/Signal.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QComboBox* makeCombo(const QString& name, const QString& tip)
{
    auto* combo = new QComboBox;
    combo->setObjectName(name);
    combo->setToolTip(tip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setFocusPolicy(Qt::StrongFocus);
    return combo;
}

void selectData(QComboBox* combo, const QString& value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

FilterBar::FilterBar(MovesFilterProxy* proxy, MovesModel* model, QWidget* parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_model(model)
{
    setObjectName(u"filterBar"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);

    m_view = makeCombo(u"viewFilter"_s, u"Which moves to list"_s);
    for (auto view :
        { MovesFilterProxy::View::Today, MovesFilterProxy::View::All, MovesFilterProxy::View::Snoozed,
            MovesFilterProxy::View::Completed, MovesFilterProxy::View::Dismissed })
        m_view->addItem(MovesFilterProxy::viewLabel(view), MovesFilterProxy::viewKey(view));

    m_domain = makeCombo(u"domainFilter"_s, u"Domain"_s);
    m_domain->addItem(u"All domains"_s, QString());
    for (const QString& domain : moveDomains())
        m_domain->addItem(domainLabel(domain), domain);

    m_actionType = makeCombo(u"actionTypeFilter"_s, u"Action type"_s);
    m_actionType->addItem(u"All actions"_s, QString());

    m_source = makeCombo(u"sourceFilter"_s, u"Where the move came from"_s);
    m_source->addItem(u"All sources"_s, QString());
    for (const QString& source : signalSources())
        m_source->addItem(sourceLabel(source), source);

    m_search = new QLineEdit;
    m_search->setObjectName(u"searchField"_s);
    m_search->setPlaceholderText(u"Search title, contact, company, action  (Ctrl+F)"_s);
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(u":/icons/search.svg"_s), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(260);
    m_search->installEventFilter(this);

    layout->addWidget(m_view);
    layout->addWidget(m_domain);
    layout->addWidget(m_actionType);
    layout->addWidget(m_source);
    layout->addStretch(1);
    layout->addWidget(m_search, 2);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(180);
    connect(&m_searchDelay, &QTimer::timeout, this, &FilterBar::applySearchNow);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });

    for (QComboBox* combo : { m_view, m_domain, m_actionType, m_source })
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::applyCombos);
    connect(m_model, &MovesModel::facetsChanged, this, &FilterBar::refreshActionTypes);
    refreshActionTypes();
}

void FilterBar::refreshActionTypes()
{
    const QString current
        = m_actionType->currentIndex() > 0 ? m_actionType->currentData().toString() : m_wantedActionType;
    QStringList types = m_model->actionTypes();
    if (!current.isEmpty() && !types.contains(current))
        types.append(current); // keep a chosen filter even while no move of that type exists
    const QSignalBlocker blocker(m_actionType);
    while (m_actionType->count() > 1)
        m_actionType->removeItem(1);
    for (const QString& type : std::as_const(types))
        m_actionType->addItem(actionTypeLabel(type), type);
    selectData(m_actionType, current);
}

void FilterBar::applyCombos()
{
    m_proxy->setView(MovesFilterProxy::viewFromKey(m_view->currentData().toString()));
    m_proxy->setDomain(m_domain->currentData().toString());
    m_wantedActionType = m_actionType->currentData().toString();
    m_proxy->setActionType(m_wantedActionType);
    m_proxy->setSource(m_source->currentData().toString());
}

void FilterBar::applySearchNow()
{
    m_searchDelay.stop();
    m_proxy->setSearchText(m_search->text());
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool FilterBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            if (!m_search->text().isEmpty())
                m_search->clear();
            applySearchNow();
            Q_EMIT leaveRequested();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Down) {
            applySearchNow();
            Q_EMIT leaveRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::saveState(QSettings& settings) const
{
    settings.setValue(u"filters/view"_s, m_view->currentData());
    settings.setValue(u"filters/domain"_s, m_domain->currentData());
    settings.setValue(u"filters/actionType"_s, m_actionType->currentData());
    settings.setValue(u"filters/source"_s, m_source->currentData());
}

void FilterBar::restoreState(const QSettings& settings)
{
    // The search text is deliberately not restored: a forgotten search would hide moves on the next start.
    m_wantedActionType = settings.value(u"filters/actionType"_s).toString();
    selectData(m_view, settings.value(u"filters/view"_s).toString());
    selectData(m_domain, settings.value(u"filters/domain"_s).toString());
    refreshActionTypes();
    selectData(m_source, settings.value(u"filters/source"_s).toString());
    applyCombos();
}

} // namespace caseyos
