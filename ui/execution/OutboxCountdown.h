#pragma once

#include "core/Clock.h"

#include <QDateTime>
#include <QList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace caseyos {

// The status bar's view of the outbox: "Sending to dana@acme.com in 9 s · Undo (z)" while a send from this
// window waits there, counting down by the executor's clock once a second; hidden when nothing waits.
class OutboxCountdown : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxCountdown(const Clock& clock, QWidget* parent = nullptr);

    void add(qint64 executionId, const QDateTime& dueAt, const QString& target);
    void remove(qint64 executionId); // it left, failed or was cancelled
    bool contains(qint64 executionId) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    qint64 newest() const; // the one `z` takes back (0: none)
    int secondsLeft(qint64 executionId) const;
    QString target(qint64 executionId) const;
    QString text() const; // as shown, e.g. for tests: "Sending to … in 9 s · Undo (z)"

Q_SIGNALS:
    void undoRequested(); // its Undo button
    void ticked(); // once a second while something waits

private:
    struct Entry
    {
        qint64 id = 0;
        QDateTime dueAt;
        QString target;
    };
    void refresh();

    const Clock& m_clock;
    QList<Entry> m_entries; // in the order queued
    QLabel* m_label = nullptr;
    QToolButton* m_undo = nullptr;
    QTimer m_tick;
};

} // namespace caseyos
