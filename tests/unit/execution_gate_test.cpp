// The pipeline's gates: approval, dry run, missing connector, kill switch, send caps, safety. A blocked
// action writes no row and never reaches the performer.
#include "audit/AuditLog.h"
#include "execution/ExecutionAudit.h"
#include "execution/ExecutionSettings.h"
#include "execution_test_support.h"

#include <QJsonObject>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

TEST_F(ExecutorFixture, NothingRunsWithoutApproval)
{
    const qint64 move = makeMove();
    const SubmitResult r = run(move, ActionKind::SendEmail, mail(u"ann@acme.com"_s), false);
    EXPECT_EQ(r.status, SubmitResult::Status::NeedsApproval);
    EXPECT_TRUE(r.message.contains(u"Not approved"_s));
    EXPECT_TRUE(r.preview.outgoing.contains("to"_L1)); // the preview is there to show
    EXPECT_EQ(rows(), 0);
    EXPECT_EQ(moveStatus(move), MoveStatus::Pending);
    QTest::qWait(20);
    EXPECT_TRUE(send->calls.isEmpty());
}

TEST_F(ExecutorFixture, DryRunShowsAndSendsNothing)
{
    const SubmitResult r = run(makeMove(), ActionKind::SendEmail, mail(u"Ann@Acme.com"_s), true, true);
    EXPECT_EQ(r.status, SubmitResult::Status::DryRun);
    EXPECT_EQ(r.preview.payload.value("to"_L1).toArray().first().toString(), u"ann@acme.com"_s);
    EXPECT_EQ(r.preview.undoWindowMs, 10'000);
    EXPECT_EQ(r.preview.idempotencyKey.size(), 64);
    EXPECT_EQ(rows(), 0);
    QTest::qWait(20);
    EXPECT_TRUE(send->calls.isEmpty());
}

TEST_F(ExecutorFixture, InvalidPayloadAndUnknownMoveAreRefused)
{
    EXPECT_EQ(run(std::nullopt, ActionKind::SendEmail, { { u"to"_s, u"nobody"_s } }).status,
        SubmitResult::Status::Invalid);
    const SubmitResult r = run(999, ActionKind::SendEmail, mail(u"ann@acme.com"_s));
    EXPECT_EQ(r.status, SubmitResult::Status::Invalid);
    EXPECT_TRUE(r.message.contains(u"No move with id 999"_s));
    EXPECT_EQ(rows(), 0);
}

TEST_F(ExecutorFixture, NoConnectorIsAClearErrorNotAFakeSuccess)
{
    const SubmitResult r = run(makeMove(), ActionKind::CreateTask, { { u"subject"_s, u"Call Ann"_s } });
    EXPECT_EQ(r.status, SubmitResult::Status::Blocked);
    EXPECT_EQ(r.blockedBy, u"no_connector"_s);
    EXPECT_EQ(r.message, u"No connector for create_task yet: nothing was done"_s);
    EXPECT_EQ(rows(), 0);
    // A dry run still shows it, with the same warning.
    const SubmitResult dry
        = run(std::nullopt, ActionKind::CreateTask, { { u"subject"_s, u"Call Ann"_s } }, true, true);
    EXPECT_EQ(dry.status, SubmitResult::Status::DryRun);
    EXPECT_TRUE(dry.preview.warnings.contains(u"No connector for create_task yet: nothing was done"_s));
    registry.setUnavailable(
        ActionKind::BookMeeting, u"No connected Google account: connect one on the Accounts page"_s);
    EXPECT_TRUE(run(std::nullopt, ActionKind::BookMeeting,
        { { u"summary"_s, u"Demo"_s }, { u"attendees"_s, u"ann@acme.com"_s } })
                    .message.contains(u"No connected Google account"_s));
}

TEST_F(ExecutorFixture, KillSwitchStopsSendsButNotDrafts)
{
    ASSERT_TRUE(executor->setKillSwitch(true));
    EXPECT_TRUE(audits.contains(u"kill_switch.changed"_s));
    EXPECT_TRUE(ExecutionSettings(db).load().killSwitch); // persisted
    SubmitResult r = run(makeMove(), ActionKind::SendEmail, mail(u"ann@acme.com"_s));
    EXPECT_EQ(r.status, SubmitResult::Status::Blocked);
    EXPECT_EQ(r.blockedBy, u"kill_switch"_s);
    EXPECT_TRUE(r.message.contains(u"kill switch is on"_s));
    EXPECT_EQ(run(std::nullopt, ActionKind::PostSlack, { { u"channel"_s, u"C1"_s }, { u"text"_s, u"hi"_s } })
                  .blockedBy,
        u"kill_switch"_s);
    // A meeting emails its attendees an invitation: stopped too (before any connector is asked).
    EXPECT_EQ(run(std::nullopt, ActionKind::BookMeeting,
                  { { u"summary"_s, u"Demo"_s }, { u"attendees"_s, u"ann@acme.com"_s } })
                  .blockedBy,
        u"kill_switch"_s);
    r = run(std::nullopt, ActionKind::CreateDraft, mail(u"ann@acme.com"_s));
    EXPECT_EQ(r.status, SubmitResult::Status::Started);
    EXPECT_TRUE(waitFor([&] { return draft->calls.size() == 1; }));
    EXPECT_TRUE(send->calls.isEmpty());
    EXPECT_TRUE(slack->calls.isEmpty());
    EXPECT_TRUE(audits.contains(u"execution.blocked"_s));
}

TEST_F(ExecutorFixture, KillSwitchStopsAQueuedSendBeforeItLeaves)
{
    const qint64 move = makeMove();
    ASSERT_EQ(run(move, ActionKind::SendEmail, mail(u"ann@acme.com"_s)).status, SubmitResult::Status::Queued);
    ASSERT_TRUE(executor->setKillSwitch(true));
    clock.advance(11);
    executor->runDue();
    QTest::qWait(20);
    EXPECT_TRUE(send->calls.isEmpty());
    EXPECT_EQ(rows(u"WHERE state = 'failed' AND error LIKE '%kill switch%'"_s), 1);
    EXPECT_EQ(moveStatus(move), MoveStatus::Failed);
}

TEST_F(ExecutorFixture, DailyCapCountsSends)
{
    ExecutionSettings(db).setEmailsPerDay(2, clock.now());
    EXPECT_EQ(run(makeMove(u"a@acme.com"_s), ActionKind::SendEmail, mail(u"a@acme.com"_s)).status,
        SubmitResult::Status::Queued);
    EXPECT_EQ(run(makeMove(u"b@acme.com"_s), ActionKind::SendEmail, mail(u"b@acme.com"_s)).status,
        SubmitResult::Status::Queued);
    const SubmitResult third = run(makeMove(u"c@acme.com"_s), ActionKind::SendEmail, mail(u"c@acme.com"_s));
    EXPECT_EQ(third.status, SubmitResult::Status::Blocked);
    EXPECT_EQ(third.blockedBy, u"daily_cap"_s);
    EXPECT_TRUE(third.message.contains(u"2 emails in the last 24 hours"_s));
    // Drafts are not sends.
    EXPECT_EQ(run(std::nullopt, ActionKind::CreateDraft, mail(u"c@acme.com"_s)).status,
        SubmitResult::Status::Started);
    // A cancelled send does not count; a day later the window is clear.
    const qint64 first = 1; // the first send (newestUndoable would name the draft)
    executor->undo(first, [](const Result<ExecutionRecord>&) {});
    EXPECT_TRUE(waitFor([&] { return rows(u"WHERE state = 'cancelled'"_s) == 1; }));
    EXPECT_EQ(run(makeMove(u"d@acme.com"_s), ActionKind::SendEmail, mail(u"d@acme.com"_s)).status,
        SubmitResult::Status::Queued);
    EXPECT_EQ(run(makeMove(u"e@acme.com"_s), ActionKind::SendEmail, mail(u"e@acme.com"_s)).blockedBy,
        u"daily_cap"_s);
    clock.advance(24 * 3600 + 60);
    EXPECT_EQ(run(makeMove(u"e@acme.com"_s), ActionKind::SendEmail, mail(u"e@acme.com"_s)).status,
        SubmitResult::Status::Queued);
}

TEST_F(ExecutorFixture, WeeklyCapPerContact)
{
    EXPECT_EQ(run(std::nullopt, ActionKind::SendEmail, mail(u"ann@acme.com"_s, u"One. unsubscribe"_s)).status,
        SubmitResult::Status::Queued);
    clock.advance(2 * 24 * 3600);
    EXPECT_EQ(run(std::nullopt, ActionKind::SendEmail, mail(u"ANN@acme.com"_s, u"Two. unsubscribe"_s)).status,
        SubmitResult::Status::Queued);
    QJsonObject cc = mail(u"bob@acme.com"_s, u"Three. unsubscribe"_s);
    cc.insert(u"cc"_s, u"ann@acme.com"_s);
    const SubmitResult third = run(std::nullopt, ActionKind::SendEmail, cc);
    EXPECT_EQ(third.blockedBy, u"contact_cap"_s);
    EXPECT_TRUE(third.message.contains(u"ann@acme.com"_s));
    EXPECT_EQ(
        run(std::nullopt, ActionKind::SendEmail, mail(u"bob@acme.com"_s, u"Four. unsubscribe"_s)).status,
        SubmitResult::Status::Queued);
    clock.advance(6 * 24 * 3600); // the first one is now 8 days old
    EXPECT_EQ(
        run(std::nullopt, ActionKind::SendEmail, mail(u"ann@acme.com"_s, u"Five. unsubscribe"_s)).status,
        SubmitResult::Status::Queued);
}

TEST_F(ExecutorFixture, SafetyBlocksWithAClearMessage)
{
    const SubmitResult term
        = run(makeMove(), ActionKind::SendEmail, mail(u"ann@acme.com"_s, u"Act now! unsubscribe"_s));
    EXPECT_EQ(term.blockedBy, u"safety"_s);
    EXPECT_TRUE(term.message.contains(u"\"act now\""_s));
    EXPECT_TRUE(run(std::nullopt, ActionKind::SendEmail, mail(u"ann@acme.com"_s, u"Hello there"_s))
                    .message.contains(u"unsubscribe wording"_s));
    EXPECT_TRUE(run(std::nullopt, ActionKind::SendEmail, mail(u"bot@noreply.com"_s))
                    .message.contains(u"blocked domain"_s));
    // Even a dry run says so.
    EXPECT_EQ(run(std::nullopt, ActionKind::SendEmail, mail(u"bot@noreply.com"_s), true, true).status,
        SubmitResult::Status::Blocked);
    EXPECT_EQ(rows(), 0);
    QTest::qWait(20);
    EXPECT_TRUE(send->calls.isEmpty());
}

TEST_F(ExecutorFixture, SettingsAreValidated)
{
    ExecutionSettings settings(db);
    QString error;
    EXPECT_FALSE(settings.setUndoWindowMs(10 * 60 * 1000 + 1, clock.now(), &error));
    EXPECT_TRUE(error.contains(u"10 minutes"_s));
    EXPECT_TRUE(settings.setUndoWindowMs(600'000, clock.now()));
    EXPECT_EQ(settings.load().undoWindowMs, 600'000);
    EXPECT_FALSE(settings.setEmailsPerDay(-1, clock.now()));
}

// The settings dialog's write: all four values or none, the kill switch untouched, the change audited.
TEST_F(ExecutorFixture, SendingLimitsAreStoredTogetherAndAudited)
{
    ASSERT_TRUE(executor->setKillSwitch(true));
    QList<QJsonObject> audited;
    executor->setAuditSink([&](const QString& event, const QJsonObject& details) {
        if (event == u"execution.limits_changed"_s)
            audited << details;
    });
    ExecutionLimits wanted = executor->limits();
    wanted.killSwitch = false; // not the dialog's to change
    wanted.emailsPerDay = 40;
    wanted.emailsPerContactPerWeek = 1;
    wanted.undoWindowMs = 30'000;
    wanted.unsubscribe = UnsubscribePolicy::Always;
    ASSERT_TRUE(executor->setSendingLimits(wanted));
    ExecutionLimits stored = executor->limits();
    EXPECT_TRUE(stored.killSwitch);
    EXPECT_EQ(stored.emailsPerDay, 40);
    EXPECT_EQ(stored.emailsPerContactPerWeek, 1);
    EXPECT_EQ(stored.undoWindowMs, 30'000);
    EXPECT_EQ(stored.unsubscribe, UnsubscribePolicy::Always);
    ASSERT_EQ(audited.size(), 1);
    EXPECT_EQ(audited.first().value(u"previous"_s).toObject().value(u"emails_per_day"_s).toInt(), 20);
    EXPECT_EQ(
        audited.first().value(u"limits"_s).toObject().value(u"unsubscribe_policy"_s).toString(), u"always"_s);

    // One value out of range: nothing is stored, not even the valid ones before it.
    ExecutionLimits bad = stored;
    bad.emailsPerDay = 5;
    bad.undoWindowMs = ExecutionLimits::kMaxUndoWindowMs + 1;
    QString error;
    EXPECT_FALSE(executor->setSendingLimits(bad, &error));
    EXPECT_TRUE(error.contains(u"10 minutes"_s)) << error.toStdString();
    EXPECT_EQ(executor->limits().emailsPerDay, 40);
    EXPECT_EQ(audited.size(), 1);
    // The same values again: stored, nothing to audit.
    ASSERT_TRUE(executor->setSendingLimits(stored));
    EXPECT_EQ(audited.size(), 1);
}

// The real sink: kill-switch changes, blocked sends and executions land in the hash-chained audit log, which
// still verifies.
TEST_F(ExecutorFixture, AuditLogRecordsKillSwitchBlocksAndExecutions)
{
    executor->setAuditSink(executionAuditSink(db, clock, u"user"_s));
    ASSERT_TRUE(executor->setKillSwitch(true));
    EXPECT_EQ(run(makeMove(), ActionKind::SendEmail, mail(u"ann@acme.com"_s)).status, SubmitResult::Status::Blocked);
    ASSERT_TRUE(executor->setKillSwitch(false));
    EXPECT_EQ(run(std::nullopt, ActionKind::CreateDraft, mail(u"ann@acme.com"_s)).status,
        SubmitResult::Status::Started);
    const QList<AuditEntry> entries = AuditLog(db, clock).list().value(); // newest first
    QStringList kinds;
    for (const AuditEntry& e : entries)
        kinds.prepend(e.kind + u':' + e.details.value(u"event"_s).toString());
    ASSERT_GE(kinds.size(), 4) << kinds.join(u", "_s).toStdString();
    EXPECT_EQ(kinds.mid(0, 4),
        QStringList({ u"kill_switch:changed"_s, u"execution:blocked"_s, u"kill_switch:changed"_s, u"execution:started"_s }))
        << kinds.join(u", "_s).toStdString();
    EXPECT_TRUE(AuditLog(db, clock).verify().value().ok);
}
