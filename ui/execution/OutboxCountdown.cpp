#include "OutboxCountdown.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

OutboxCountdown::OutboxCountdown(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
{
    setObjectName(u"outboxCountdown"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(6);
    m_label = new QLabel;
    m_label->setObjectName(u"outboxCountdownText"_s);
    m_undo = new QToolButton;
    m_undo->setObjectName(u"outboxUndo"_s);
    m_undo->setText(tr("Undo (z)"));
    m_undo->setToolTip(tr("Take the newest send out of the outbox: nothing is sent"));
    m_undo->setAutoRaise(true);
    m_undo->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_label);
    layout->addWidget(m_undo);
    // A soft amber so a waiting send is seen from the corner of the eye (a plain QWidget paints a stylesheet
    // background only with WA_StyledBackground).
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(u"#outboxCountdown { background: #fff4e5; border-radius: 3px; }"
                  "#outboxCountdownText { color: #6d3a00; }"_s);
    connect(m_undo, &QToolButton::clicked, this, &OutboxCountdown::undoRequested);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        refresh();
        Q_EMIT ticked();
    });
    hide();
}

void OutboxCountdown::add(qint64 executionId, const QDateTime& dueAt, const QString& target)
{
    remove(executionId);
    m_entries.append({ executionId, dueAt, target });
    m_tick.start();
    refresh();
}

void OutboxCountdown::remove(qint64 executionId)
{
    m_entries.removeIf([executionId](const Entry& e) { return e.id == executionId; });
    if (m_entries.isEmpty())
        m_tick.stop();
    refresh();
}

bool OutboxCountdown::contains(qint64 executionId) const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [executionId](const Entry& e) { return e.id == executionId; });
}

qint64 OutboxCountdown::newest() const
{
    return m_entries.isEmpty() ? 0 : m_entries.last().id;
}

int OutboxCountdown::secondsLeft(qint64 executionId) const
{
    for (const Entry& e : m_entries)
        if (e.id == executionId)
            return std::max(0, int(std::ceil(m_clock.now().msecsTo(e.dueAt) / 1000.0)));
    return 0;
}

QString OutboxCountdown::target(qint64 executionId) const
{
    for (const Entry& e : m_entries)
        if (e.id == executionId)
            return e.target;
    return {};
}

QString OutboxCountdown::text() const
{
    return isVisible() || !m_entries.isEmpty() ? m_label->text() + u" · "_s + m_undo->text() : QString();
}

void OutboxCountdown::refresh()
{
    if (m_entries.isEmpty()) {
        m_label->clear();
        hide();
        return;
    }
    // The soonest to leave is the one to watch; Undo takes back the newest.
    const Entry* next = &m_entries.first();
    for (const Entry& e : m_entries)
        if (e.dueAt < next->dueAt)
            next = &e;
    const int seconds = secondsLeft(next->id);
    const QString to = next->target.isEmpty() ? QString() : tr(" to %1").arg(next->target);
    QString text = seconds > 0 ? tr("Sending%1 in %2 s").arg(to).arg(seconds) : tr("Sending%1 now…").arg(to);
    if (m_entries.size() > 1)
        text = tr("%1 sends waiting · ").arg(m_entries.size()) + text;
    m_label->setText(text);
    show();
}

} // namespace caseyos
