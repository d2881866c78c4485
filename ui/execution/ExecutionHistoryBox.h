#pragma once

#include "core/Clock.h"
#include "execution/ExecutionRecord.h"

#include <QGroupBox>
#include <QList>

class QLabel;

namespace caseyos {

// "Executions" in the detail pane: every run of the shown move, newest first — when, what, how it ended, and
// the remote reference (Gmail message, draft, Slack post) or the error. Filled by the ExecutionController
// from the execution thread; it only shows.
class ExecutionHistoryBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit ExecutionHistoryBox(const Clock& clock, QWidget* parent = nullptr);

    void showLoading(qint64 moveId);
    void setRecords(qint64 moveId, const QList<ExecutionRecord>& records); // ignored unless moveId is shown
    qint64 moveId() const { return m_moveId; }
    int count() const { return int(m_records.size()); }
    QString text() const; // as shown, without markup (tests)

private:
    const Clock& m_clock;
    qint64 m_moveId = 0;
    QList<ExecutionRecord> m_records;
    QLabel* m_list = nullptr;
};

} // namespace caseyos
