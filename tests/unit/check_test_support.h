#pragma once

// A real SQLite workspace in a temporary home with a fake clock, for the notification and check tests:
// signals go in through the real ingest pipeline (rules, moves), checks run through BackgroundChecks.
#include "FakeClock.h"
#include "TempHome.h"
#include "checks/BackgroundChecks.h"
#include "notifications/Notification.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <gtest/gtest.h>
#include <ostream>

inline void PrintTo(const QString& text, std::ostream* os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace caseyos::test {

class WorkspaceFixture : public ::testing::Test
{
protected:
    void SetUp() override;

    // An ISO-8601 instant `seconds` from the clock's now.
    QString at(qint64 seconds) const;

    // Ingests one signal (JSON text of the record) through the real pipeline; returns the id of the move it
    // made (0 when none).
    qint64 ingest(const QByteArray& json);
    // A form lead from `email` that happened `occurredSeconds` from now (negative: in the past).
    qint64 lead(const QString& email, qint64 occurredSeconds);
    // A Gmail reply from `from`.
    qint64 reply(const QString& from, qint64 occurredSeconds);
    // A HubSpot stage change of deal `dealId`.
    qint64 dealChange(const QString& dealId, const QString& stage, qint64 occurredSeconds);
    // A meeting booked now that starts `startsInSeconds` from now and lasts 30 minutes.
    qint64 meeting(const QString& eventId, qint64 startsInSeconds,
        const QString& title = QStringLiteral("Discovery call"));
    qint64 cancelMeeting(const QString& eventId);
    // A manual move made at the clock's now, due `dueInSeconds` from now (no due time when 0).
    qint64 move(const QString& title, qint64 dueInSeconds = 0);
    bool completeMove(qint64 id);

    // One pass of every check at the clock's now; the notifications it created.
    QList<Notification> pass();
    static QList<Notification> ofKind(const QList<Notification>& list, const QString& kind);
    QList<Notification> unread();

    TempHome home;
    FakeClock clock;
    Database db;

private:
    int m_sequence = 0;
};

} // namespace caseyos::test
