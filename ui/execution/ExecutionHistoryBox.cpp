#include "ExecutionHistoryBox.h"

#include "ExecutionText.h"
#include "MoveFormat.h"

#include <QLabel>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

ExecutionHistoryBox::ExecutionHistoryBox(const Clock& clock, QWidget* parent)
    : QGroupBox(tr("Executions"), parent)
    , m_clock(clock)
{
    setObjectName(u"executionHistory"_s);
    auto* layout = new QVBoxLayout(this);
    m_list = new QLabel;
    m_list->setObjectName(u"executionHistoryList"_s);
    m_list->setWordWrap(true);
    m_list->setTextFormat(Qt::RichText);
    m_list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_list);
}

void ExecutionHistoryBox::showLoading(qint64 moveId)
{
    if (moveId != m_moveId)
        m_records.clear();
    m_moveId = moveId;
    if (m_records.isEmpty())
        m_list->setText(u"<i>%1</i>"_s.arg(tr("Loading…")));
}

void ExecutionHistoryBox::setRecords(qint64 moveId, const QList<ExecutionRecord>& records)
{
    if (moveId != m_moveId)
        return; // a late answer for a move no longer shown
    m_records = records;
    if (records.isEmpty()) {
        m_list->setText(u"<span style='color:gray'>%1</span>"_s.arg(tr("Not executed yet. <b>e</b> shows the "
                                                                       "preview.")));
        return;
    }
    const QTimeZone zone = m_clock.localZone();
    QStringList lines;
    for (const ExecutionRecord& r : records) {
        const QDateTime when = r.finishedAt.isValid() ? r.finishedAt : (r.updatedAt.isValid() ? r.updatedAt : r.createdAt);
        QString line = u"<b>%1</b> — %2 · %3"_s.arg(actionLabel(r.action).toHtmlEscaped(),
            stateLabel(r.state, r.action).toHtmlEscaped(), formatLongTime(when, zone).toHtmlEscaped());
        QStringList details;
        const QString target = targetOf(r.action, r.payload);
        if (!target.isEmpty())
            details << tr("to %1").arg(target).toHtmlEscaped();
        if (!r.remoteRef.isEmpty())
            details << tr("ref %1").arg(r.remoteRef).toHtmlEscaped();
        if (r.attempts > 1)
            details << tr("%1 attempts").arg(r.attempts);
        if (!details.isEmpty())
            line += u"<br><span style='color:gray'>"_s + details.join(u" · "_s) + u"</span>"_s;
        if (!r.error.isEmpty())
            line += u"<br><span style='color:#b3261e'>"_s + r.error.toHtmlEscaped() + u"</span>"_s;
        lines.append(line);
    }
    m_list->setText(lines.join(u"<br>"_s));
}

QString ExecutionHistoryBox::text() const
{
    return QTextDocumentFragment::fromHtml(m_list->text()).toPlainText();
}

} // namespace caseyos
