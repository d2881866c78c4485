// `caseyos daemon`, `notifications` and `whats-up` through the real binary on a temporary home: signals are
// imported with `ingest`, one `daemon --once` pass notifies each condition once, a second pass adds none.
#include "IntegrationSupport.h"
#include "TempHome.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

QString isoIn(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODateWithMs);
}

QByteArray jsonLine(const QJsonObject& record)
{
    return QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray replyLine(const QString& from, const QString& messageId, qint64 occurredIn)
{
    return jsonLine({ { u"source"_s, u"gmail"_s }, { u"event_type"_s, u"reply_received"_s },
        { u"source_id"_s, messageId }, { u"occurred_at"_s, isoIn(occurredIn) },
        { u"payload"_s,
            QJsonObject { { u"thread_id"_s, QString(u"t-"_s + messageId) }, { u"from_email"_s, from },
                { u"subject"_s, u"Re: proposal"_s }, { u"snippet"_s, u"Looks good, let's talk"_s } } } });
}

// Everything the checks look for, happening now: three leads within ten minutes, two replies, a deal stage
// change, a meeting starting in ten minutes, and a task that was due an hour ago.
QByteArray liveSignals()
{
    QByteArray data;
    data += formLine(u"a@acme.com"_s, u"lead-a"_s, isoIn(-8 * 60));
    data += formLine(u"b@acme.com"_s, u"lead-b"_s, isoIn(-5 * 60));
    data += formLine(u"c@acme.com"_s, u"lead-c"_s, isoIn(-2 * 60));
    data += replyLine(u"dana@northwind.com"_s, u"m1"_s, -4 * 60);
    data += replyLine(u"owen@alder.law"_s, u"m2"_s, -3 * 60);
    data += jsonLine({ { u"source"_s, u"hubspot"_s }, { u"event_type"_s, u"deal_stage_changed"_s },
        { u"source_id"_s, u"deal-1-contractsent"_s }, { u"occurred_at"_s, isoIn(-6 * 60) },
        { u"payload"_s,
            QJsonObject { { u"deal_id"_s, u"1"_s }, { u"deal_name"_s, u"Northwind rollout"_s },
                { u"stage"_s, u"contractsent"_s }, { u"amount"_s, 76000 } } } });
    data += jsonLine({ { u"source"_s, u"calendar"_s }, { u"event_type"_s, u"meeting_scheduled"_s },
        { u"source_id"_s, u"ev-1:created"_s }, { u"occurred_at"_s, isoIn(-3600) },
        { u"payload"_s,
            QJsonObject { { u"event_id"_s, u"ev-1"_s }, { u"title"_s, u"Northwind demo"_s },
                { u"start"_s, isoIn(10 * 60) }, { u"end"_s, isoIn(40 * 60) },
                { u"attendee_email"_s, u"dana@northwind.com"_s } } } });
    data += taskLine(u"Send the contract"_s, 0.9, 0.9, 0.2, 0.9, isoIn(-3600), u"task-1"_s);
    return data;
}

QStringList kindsOf(const QJsonArray& list)
{
    QStringList kinds;
    for (const QJsonValue& v : list)
        kinds << v.toObject().value("kind"_L1).toString();
    return kinds;
}

QJsonObject byKind(const QJsonArray& list, const QString& kind)
{
    for (const QJsonValue& v : list)
        if (v.toObject().value("kind"_L1).toString() == kind)
            return v.toObject();
    return {};
}

class CliNotifications : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString file = home.writeFile(u"live.jsonl"_s, liveSignals());
        const CliRun ingest = runCli(home.path(), { u"ingest"_s, file });
        ASSERT_EQ(ingest.exitCode, 0) << ingest.errText().toStdString() << ingest.outText().toStdString();
    }

    QJsonArray list(const QStringList& extra = {})
    {
        const CliRun run = runCli(home.path(), QStringList { u"notifications"_s, u"--json"_s } + extra);
        EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
        return run.jsonArray();
    }

    TempHome home;
};

} // namespace

TEST_F(CliNotifications, OneDaemonPassNotifiesEachConditionOnceAndASecondAddsNone)
{
    const CliRun first = runCli(home.path(), { u"daemon"_s, u"--once"_s });
    ASSERT_EQ(first.exitCode, 0) << first.errText().toStdString();
    EXPECT_TRUE(first.outText().contains(u"5 new notifications"_s)) << first.outText().toStdString();

    const QJsonArray unread = list();
    // Urgent first (the replies were made after the meeting reminder, so they are newer), then high, then
    // normal.
    EXPECT_EQ(kindsOf(unread),
        (QStringList {
            u"new_replies"_s, u"meeting_soon"_s, u"overdue_moves"_s, u"new_leads"_s, u"deal_updates"_s }));
    const QJsonObject replies = byKind(unread, u"new_replies"_s);
    EXPECT_EQ(replies.value("priority"_L1).toString(), u"urgent"_s) << "two replies";
    EXPECT_EQ(replies.value("title"_L1).toString(), u"2 new replies"_s);
    const QJsonObject meeting = byKind(unread, u"meeting_soon"_s);
    EXPECT_EQ(meeting.value("priority"_L1).toString(), u"urgent"_s);
    EXPECT_TRUE(meeting.value("title"_L1).toString().endsWith(u"“Northwind demo”"_s))
        << meeting.value("title"_L1).toString().toStdString();
    EXPECT_FALSE(meeting.value("expires_at"_L1).isNull()) << "a reminder expires with its meeting";
    EXPECT_TRUE(meeting.value("move_id"_L1).isDouble()) << "points at the meeting_prep move";
    const QJsonObject leads = byKind(unread, u"new_leads"_s);
    EXPECT_EQ(leads.value("priority"_L1).toString(), u"high"_s) << "three leads within ten minutes";
    EXPECT_EQ(leads.value("title"_L1).toString(), u"3 new form leads"_s);
    // The task (due an hour ago) and the meeting's prep move (due an hour before the start) are late.
    const QJsonObject overdue = byKind(unread, u"overdue_moves"_s);
    EXPECT_EQ(overdue.value("priority"_L1).toString(), u"high"_s);
    EXPECT_EQ(overdue.value("title"_L1).toString(), u"2 overdue moves"_s);
    EXPECT_EQ(byKind(unread, u"deal_updates"_s).value("priority"_L1).toString(), u"normal"_s);
    for (const QJsonValue& v : unread)
        EXPECT_EQ(v.toObject().value("state"_L1).toString(), u"unread"_s);

    const CliRun whatsUp = runCli(home.path(), { u"whats-up"_s, u"--json"_s });
    ASSERT_EQ(whatsUp.exitCode, 0) << whatsUp.errText().toStdString();
    const QJsonObject summary = whatsUp.json();
    EXPECT_EQ(summary.value("headline"_L1).toString(), u"2 urgent, 2 high, 1 normal: 2 new replies"_s);
    const QJsonObject counts = summary.value("counts"_L1).toObject();
    EXPECT_EQ(counts.value("urgent"_L1).toInt(), 2);
    EXPECT_EQ(counts.value("high"_L1).toInt(), 2);
    EXPECT_EQ(counts.value("normal"_L1).toInt(), 1);
    EXPECT_EQ(counts.value("low"_L1).toInt(), 0);
    EXPECT_EQ(kindsOf(summary.value("top"_L1).toArray()),
        (QStringList { u"new_replies"_s, u"meeting_soon"_s, u"overdue_moves"_s, u"new_leads"_s }))
        << "urgent and high only";

    const CliRun second = runCli(home.path(), { u"daemon"_s, u"--once"_s });
    ASSERT_EQ(second.exitCode, 0) << second.errText().toStdString();
    EXPECT_TRUE(second.outText().contains(u"0 new notifications, 5 unread"_s))
        << second.outText().toStdString();
    EXPECT_EQ(list().size(), 5);
}

TEST_F(CliNotifications, ReadDismissSnoozeAndReadAllChangeTheList)
{
    ASSERT_EQ(runCli(home.path(), { u"daemon"_s, u"--once"_s }).exitCode, 0);
    const QJsonArray unread = list();
    ASSERT_EQ(unread.size(), 5);
    const QString first = QString::number(unread[0].toObject().value("id"_L1).toInteger());
    const QString second = QString::number(unread[1].toObject().value("id"_L1).toInteger());
    const QString third = QString::number(unread[2].toObject().value("id"_L1).toInteger());

    const CliRun read = runCli(home.path(), { u"notifications"_s, u"read"_s, first, u"--json"_s });
    ASSERT_EQ(read.exitCode, 0) << read.errText().toStdString();
    EXPECT_EQ(read.json().value("state"_L1).toString(), u"read"_s);
    const CliRun dismiss = runCli(home.path(), { u"notifications"_s, u"dismiss"_s, second });
    ASSERT_EQ(dismiss.exitCode, 0) << dismiss.errText().toStdString();
    EXPECT_TRUE(dismiss.outText().contains(u"dismissed"_s));
    const CliRun snooze
        = runCli(home.path(), { u"notifications"_s, u"snooze"_s, third, u"--until"_s, u"1h"_s });
    ASSERT_EQ(snooze.exitCode, 0) << snooze.errText().toStdString();
    EXPECT_TRUE(snooze.outText().contains(u"now snoozed until"_s)) << snooze.outText().toStdString();

    EXPECT_EQ(list().size(), 2);
    const QJsonArray all = list({ u"--all"_s });
    ASSERT_EQ(all.size(), 5);
    QStringList states;
    for (const QJsonValue& v : all)
        states << v.toObject().value("state"_L1).toString();
    EXPECT_EQ(states, (QStringList { u"read"_s, u"dismissed"_s, u"snoozed"_s, u"unread"_s, u"unread"_s }));

    const CliRun readAll = runCli(home.path(), { u"notifications"_s, u"read"_s, u"--all"_s });
    ASSERT_EQ(readAll.exitCode, 0) << readAll.errText().toStdString();
    EXPECT_TRUE(readAll.outText().contains(u"Marked 2 notifications read"_s))
        << readAll.outText().toStdString();
    EXPECT_TRUE(list().isEmpty());
    const CliRun text = runCli(home.path(), { u"notifications"_s });
    EXPECT_TRUE(text.outText().contains(u"All clear"_s));
    EXPECT_EQ(runCli(home.path(), { u"whats-up"_s, u"--json"_s }).json().value("headline"_L1).toString(),
        u"All clear: no unread notifications"_s);
}

TEST_F(CliNotifications, BadCommandLinesAreRefusedWithAReason)
{
    const auto expectExit = [&](const QStringList& args, int code, const QString& message) {
        const CliRun run = runCli(home.path(), args);
        EXPECT_EQ(run.exitCode, code) << args.join(u' ').toStdString();
        EXPECT_TRUE(run.errText().contains(message)) << run.errText().toStdString();
    };
    expectExit({ u"notifications"_s, u"snooze"_s, u"1"_s }, 2, u"snooze needs --until"_s);
    expectExit(
        { u"notifications"_s, u"snooze"_s, u"1"_s, u"--until"_s, u"someday"_s }, 2, u"cannot understand"_s);
    expectExit({ u"notifications"_s, u"read"_s, u"abc"_s }, 2, u"is not a notification id"_s);
    expectExit({ u"notifications"_s, u"archive"_s, u"1"_s }, 2, u"unknown notifications action"_s);
    expectExit({ u"notifications"_s, u"dismiss"_s, u"999"_s }, 1, u"No notification with id 999"_s);
    expectExit({ u"daemon"_s, u"--interval"_s, u"0"_s }, 2, u"--interval needs a whole number"_s);
    expectExit({ u"whats-up"_s, u"now"_s }, 2, u"takes no arguments"_s);
    for (const QString& command : { u"notifications"_s, u"whats-up"_s, u"daemon"_s }) {
        const CliRun help = runCli(home.path(), { command, u"--help"_s });
        EXPECT_EQ(help.exitCode, 0);
        EXPECT_TRUE(help.outText().contains(u"caseyos"_s) && help.outText().contains(command))
            << help.outText().toStdString();
    }
}

TEST_F(CliNotifications, DaemonRunsAtStartAndStopsCleanlyOnSigterm)
{
    QProcess daemon;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CASEYOS_HOME"_s);
    daemon.setProcessEnvironment(env);
    daemon.start(
        QStringLiteral(CASEYOS_BINARY), { u"--home"_s, home.path(), u"daemon"_s, u"--interval"_s, u"60"_s });
    ASSERT_TRUE(daemon.waitForStarted(10000));
    QByteArray out;
    // The pass at start, without waiting for the interval.
    for (int i = 0; i < 200 && !out.contains("Checks at"); ++i) {
        daemon.waitForReadyRead(100);
        out += daemon.readAllStandardOutput();
    }
    ASSERT_TRUE(out.contains("5 new notifications"))
        << out.constData() << daemon.readAllStandardError().constData();
    daemon.terminate(); // SIGTERM
    ASSERT_TRUE(daemon.waitForFinished(10000)) << "the daemon did not stop on SIGTERM";
    EXPECT_EQ(daemon.exitStatus(), QProcess::NormalExit) << "it ended by itself, not killed by the signal";
    EXPECT_EQ(daemon.exitCode(), 0);
    EXPECT_EQ(list().size(), 5) << "what the daemon stored is there";
}
