// The outbox, idempotency, the move link, undo and reconciliation, with fake performers.
#include "core/Timestamps.h"
#include "execution/ExecutionRepository.h"
#include "execution/ExecutionSettings.h"
#include "execution_test_support.h"
#include "storage/MoveEventRepository.h"

#include <unistd.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

int count(Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    q.exec(sql);
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

TEST_F(ExecutorFixture, SendWaitsForTheUndoWindowThenLeavesOnce)
{
    const qint64 move = makeMove();
    QSignalSpy queued(executor.get(), &Executor::queued);
    QSignalSpy finished(executor.get(), &Executor::finished);
    const SubmitResult r = run(move, ActionKind::SendEmail, mail(u"ann@acme.com"_s));
    ASSERT_EQ(r.status, SubmitResult::Status::Queued) << r.message.toStdString();
    ASSERT_TRUE(r.record);
    EXPECT_EQ(r.record->dueAt, clock.now().addSecs(10));
    EXPECT_EQ(queued.count(), 1);
    EXPECT_EQ(moveStatus(move), MoveStatus::InProgress);
    executor->runDue(); // not yet due
    QTest::qWait(20);
    EXPECT_TRUE(send->calls.isEmpty());

    clock.advance(10);
    executor->runDue();
    ASSERT_TRUE(waitForSignal(finished));
    EXPECT_EQ(send->calls, QStringList { r.preview.idempotencyKey });
    const ExecutionRecord done = *ExecutionRepository(db).find(r.record->id);
    EXPECT_EQ(done.state, ExecutionState::Succeeded);
    EXPECT_EQ(done.remoteRef, u"remote-1"_s);
    EXPECT_EQ(done.attempts, 1);
    const Move after = *MoveService(db, clock).find(move);
    EXPECT_EQ(after.status, MoveStatus::Completed);
    EXPECT_EQ(after.executedAt, clock.now());
    EXPECT_EQ(
        count(db, u"SELECT COUNT(*) FROM outcomes WHERE type = 'email_sent' AND move_id = %1"_s.arg(move)),
        1);
    EXPECT_EQ(MoveEventRepository(db).count(u"move_executed"_s), 1);
    EXPECT_TRUE(audits.contains(u"execution.queued"_s));
    EXPECT_TRUE(audits.contains(u"execution.succeeded"_s));

    // The same move + action + payload again: the stored result, never a second send.
    const SubmitResult again = run(move, ActionKind::SendEmail, mail(u"ann@acme.com"_s));
    EXPECT_EQ(again.status, SubmitResult::Status::AlreadyDone);
    executor->runDue();
    QTest::qWait(20);
    EXPECT_EQ(send->calls.size(), 1);
    EXPECT_EQ(count(db, u"SELECT COUNT(*) FROM executions"_s), 1);

    // After it left, undo explains instead of pretending.
    QString refusal;
    executor->undo(
        r.record->id, [&](const Result<ExecutionRecord>& u) { refusal = u ? u"ok"_s : u.error(); });
    ASSERT_TRUE(waitFor([&] { return !refusal.isEmpty(); }));
    EXPECT_TRUE(refusal.startsWith(u"Already sent at 2026-11-25 10:00"_s)) << refusal.toStdString();
    EXPECT_TRUE(refusal.contains(u"cannot take it back"_s));
}

TEST_F(ExecutorFixture, CancelInsideTheWindowSendsNothing)
{
    const qint64 move = makeMove();
    const SubmitResult r = run(move, ActionKind::SendEmail, mail(u"ann@acme.com"_s));
    ASSERT_EQ(r.status, SubmitResult::Status::Queued);
    ASSERT_EQ(executor->newestUndoable()->id, r.record->id);
    QSignalSpy undone(executor.get(), &Executor::undone);
    std::optional<Result<ExecutionRecord>> answer;
    executor->undo(r.record->id, [&](const Result<ExecutionRecord>& u) { answer = u; });
    EXPECT_FALSE(answer); // answered on the event loop, not inside the call
    ASSERT_TRUE(waitFor([&] { return answer.has_value(); }));
    ASSERT_TRUE(answer->ok()) << answer->error().toStdString();
    EXPECT_EQ(answer->value().state, ExecutionState::Cancelled);
    EXPECT_EQ(undone.count(), 1);
    EXPECT_EQ(moveStatus(move), MoveStatus::Pending);
    clock.advance(60);
    executor->runDue();
    QTest::qWait(20);
    EXPECT_TRUE(send->calls.isEmpty());
    EXPECT_TRUE(audits.contains(u"execution.cancelled"_s));

    // Running it again is allowed and is a new message (another remote key).
    const SubmitResult again = run(move, ActionKind::SendEmail, mail(u"ann@acme.com"_s));
    ASSERT_EQ(again.status, SubmitResult::Status::Queued);
    EXPECT_EQ(again.record->id, r.record->id);
    EXPECT_EQ(again.record->remoteKey, r.preview.idempotencyKey + u"-1"_s);
}

TEST_F(ExecutorFixture, FailureIsStoredAndRetryable)
{
    const qint64 move = makeMove();
    draft->nextResult = { false, {}, {}, u"Gmail refused the request (HTTP 400)"_s };
    QSignalSpy failed(executor.get(), &Executor::failed);
    ASSERT_EQ(
        run(move, ActionKind::CreateDraft, mail(u"ann@acme.com"_s)).status, SubmitResult::Status::Started);
    ASSERT_TRUE(waitForSignal(failed));
    EXPECT_EQ(moveStatus(move), MoveStatus::Failed);
    EXPECT_EQ(
        count(db, u"SELECT COUNT(*) FROM executions WHERE state = 'failed' AND error LIKE '%HTTP 400%'"_s),
        1);

    draft->nextResult = { true, u"r1"_s, { { u"draft_id"_s, u"r1"_s } }, {} };
    QSignalSpy finished(executor.get(), &Executor::finished);
    const SubmitResult retry = run(move, ActionKind::CreateDraft, mail(u"ann@acme.com"_s));
    ASSERT_EQ(retry.status, SubmitResult::Status::Started);
    ASSERT_TRUE(waitForSignal(finished));
    EXPECT_EQ(ExecutionRepository(db).find(retry.record->id)->attempts, 2);
    EXPECT_EQ(moveStatus(move), MoveStatus::Completed);
    EXPECT_EQ(draft->calls.size(), 2);
    // No email_sent outcome for a draft.
    EXPECT_EQ(count(db, u"SELECT COUNT(*) FROM outcomes"_s), 0);
}

TEST_F(ExecutorFixture, UndoOfADraftDeletesIt)
{
    const qint64 move = makeMove();
    QSignalSpy finished(executor.get(), &Executor::finished);
    const SubmitResult r = run(move, ActionKind::CreateDraft, mail(u"ann@acme.com"_s));
    ASSERT_TRUE(waitForSignal(finished));
    ASSERT_EQ(executor->newestUndoable()->id, r.record->id);

    // A new executor on the same database (a restart) can still undo it.
    executor = std::make_unique<Executor>(db, clock, registry);
    std::optional<Result<ExecutionRecord>> answer;
    executor->undo(r.record->id, [&](const Result<ExecutionRecord>& u) { answer = u; });
    ASSERT_TRUE(waitFor([&] { return answer.has_value(); }));
    ASSERT_TRUE(answer->ok()) << answer->error().toStdString();
    EXPECT_EQ(draft->undos, QList<qint64> { r.record->id });
    EXPECT_EQ(answer->value().state, ExecutionState::Undone);
    const Move after = *MoveService(db, clock).find(move);
    EXPECT_EQ(after.status, MoveStatus::Pending);
    EXPECT_FALSE(after.executedAt.isValid());
    executor->undo(r.record->id, [&](const Result<ExecutionRecord>& u) { answer = u; });
    ASSERT_TRUE(waitFor([&] { return !answer->ok(); }));
    EXPECT_TRUE(answer->error().contains(u"already undone"_s));
}

namespace {

// A row as a crash leaves it: committed as running by a process that is gone.
qint64 orphan(
    Database& db, const Clock& clock, ActionKind kind, const QJsonObject& payload, const QString& key)
{
    ExecutionRecord r;
    r.action = kind;
    r.payload = payload;
    r.payloadHash = u"h"_s;
    r.idempotencyKey = key;
    r.remoteKey = key;
    r.state = ExecutionState::Running;
    r.runner = u"2147483000/dead"_s; // no such process
    r.attempts = 1;
    r.createdAt = r.updatedAt = r.startedAt = r.dueAt = clock.now();
    EXPECT_TRUE(ExecutionRepository(db).insert(r, nullptr));
    return r.id;
}

} // namespace

TEST_F(ExecutorFixture, ReconcileAsksBeforeAnythingIsRetried)
{
    const QJsonObject payload = normalizePayload(ActionKind::SendEmail, mail(u"ann@acme.com"_s)).value();
    const qint64 landed = orphan(db, clock, ActionKind::SendEmail, payload, u"k-landed"_s);
    send->findResult = { FindResult::Status::Found, u"m-found"_s, {}, {} };
    QSignalSpy reconciled(executor.get(), &Executor::reconciled);
    executor->start();
    EXPECT_TRUE(executor->isReconciling());
    ASSERT_TRUE(waitForSignal(reconciled));
    EXPECT_EQ(reconciled.first().first().toInt(), 1);
    EXPECT_EQ(send->finds, QStringList { u"k-landed"_s });
    EXPECT_TRUE(send->calls.isEmpty()); // found: never sent again
    const ExecutionRecord r = *ExecutionRepository(db).find(landed);
    EXPECT_EQ(r.state, ExecutionState::Succeeded);
    EXPECT_EQ(r.remoteRef, u"m-found"_s);
}

TEST_F(ExecutorFixture, ReconcileRunsAgainWhatNeverArrived)
{
    const QJsonObject payload = normalizePayload(ActionKind::SendEmail, mail(u"ann@acme.com"_s)).value();
    const qint64 lost = orphan(db, clock, ActionKind::SendEmail, payload, u"k-lost"_s);
    send->findResult = { FindResult::Status::NotFound, {}, {}, {} };
    QSignalSpy finished(executor.get(), &Executor::finished);
    executor->start();
    ASSERT_TRUE(waitForSignal(finished));
    EXPECT_EQ(send->calls, QStringList { u"k-lost"_s });
    const ExecutionRecord r = *ExecutionRepository(db).find(lost);
    EXPECT_EQ(r.state, ExecutionState::Succeeded);
    EXPECT_EQ(r.attempts, 2);
}

TEST_F(ExecutorFixture, ReconcileNeverGuessesWhereTheServiceCannotTell)
{
    const QJsonObject payload { { u"channel"_s, u"C1"_s }, { u"text"_s, u"hi"_s } };
    const qint64 unsure = orphan(db, clock, ActionKind::PostSlack, payload, u"k-slack"_s);
    // A row a live process is running is left alone.
    ExecutionRecord live
        = *ExecutionRepository(db).find(orphan(db, clock, ActionKind::PostSlack, payload, u"k-live"_s));
    live.runner = QString::number(getppid()) + u"/other"_s;
    ExecutionRepository(db).update(live, nullptr);
    QSignalSpy reconciled(executor.get(), &Executor::reconciled);
    executor->start();
    ASSERT_TRUE(waitForSignal(reconciled));
    QTest::qWait(20);
    EXPECT_TRUE(slack->calls.isEmpty());
    const ExecutionRecord r = *ExecutionRepository(db).find(unsure);
    EXPECT_EQ(r.state, ExecutionState::Failed);
    EXPECT_TRUE(r.uncertain);
    EXPECT_TRUE(r.error.contains(u"check Fake before running it again"_s)) << r.error.toStdString();
    EXPECT_EQ(ExecutionRepository(db).find(live.id)->state, ExecutionState::Running);
}

TEST_F(ExecutorFixture, RetryAsksTheServiceFirst)
{
    // The first attempt reported a failure (say a timeout) although the message had landed.
    send->nextResult = { false, {}, {}, u"The server did not answer in time"_s };
    ExecutionSettings(db).setUndoWindowMs(0, clock.now());
    QSignalSpy failed(executor.get(), &Executor::failed);
    QSignalSpy finished(executor.get(), &Executor::finished);
    ASSERT_EQ(run(std::nullopt, ActionKind::SendEmail, mail(u"ann@acme.com"_s)).status,
        SubmitResult::Status::Queued);
    executor->runDue();
    ASSERT_TRUE(waitForSignal(failed));
    send->findResult = { FindResult::Status::Found, u"m-landed"_s, {}, {} };
    ASSERT_EQ(run(std::nullopt, ActionKind::SendEmail, mail(u"ann@acme.com"_s)).status,
        SubmitResult::Status::Queued);
    executor->runDue();
    ASSERT_TRUE(waitForSignal(finished));
    EXPECT_EQ(send->calls.size(), 1); // not sent a second time
    EXPECT_EQ(send->finds.size(), 1);
    EXPECT_EQ(ExecutionRepository(db).find(1)->remoteRef, u"m-landed"_s);
}
