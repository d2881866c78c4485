// The executor against in-process fakes of Gmail, Slack and X over real HTTP, checking the servers' state:
// a send leaves exactly once after the undo window, a cancelled one never arrives, a draft is gone after
// undo, the outbox survives a restart, and a blocked send never reaches the server.
#include "FakeGmail.h"
#include "FakeMessaging.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "execution/ExecutionRepository.h"
#include "execution/ExecutionSettings.h"
#include "execution/ExecutionWorker.h"
#include "execution/Executor.h"
#include "execution/GmailPerformers.h"
#include "execution/MessagingPerformers.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <QFile>
#include <QThread>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

ClientConfig configFor(const FakeHttpServer& server, const QString& account)
{
    return ClientConfig { server.baseUrl(), fixedToken(u"test-token"_s), account, 5000 };
}

class ExecutionServers : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(gmail.listen());
        ASSERT_TRUE(slack.listen());
        ASSERT_TRUE(x.listen());
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        setWindow(300);
        addGmailPerformers(registry, http, configFor(gmail, u"google:test"_s));
        addSlackPerformer(registry, http, configFor(slack, u"slack:test"_s));
        addXPerformer(registry, http, configFor(x, u"x:test"_s));
        restart();
    }
    void setWindow(int ms)
    {
        ASSERT_TRUE(ExecutionSettings(db).setUndoWindowMs(ms, QDateTime::currentDateTimeUtc()));
    }
    void restart()
    {
        executor = std::make_unique<Executor>(db, SystemClock::instance(), registry);
        executor->start();
    }
    SubmitResult submit(ActionKind kind, const QJsonObject& payload)
    {
        ExecuteRequest request;
        request.kind = kind;
        request.payload = payload;
        request.approved = true;
        return executor->submit(request);
    }
    static QJsonObject mail(const QString& text = u"Hi Ann. Reply unsubscribe to stop."_s)
    {
        return { { u"to"_s, u"ann@acme.com"_s }, { u"subject"_s, u"Q3 plan"_s }, { u"text"_s, text } };
    }
    ExecutionState state(qint64 id) { return ExecutionRepository(db).find(id)->state; }
    Result<ExecutionRecord> undo(qint64 id)
    {
        std::optional<Result<ExecutionRecord>> answer;
        executor->undo(id, [&](const Result<ExecutionRecord>& r) { answer = r; });
        EXPECT_TRUE(waitFor([&] { return answer.has_value(); }));
        return answer.value_or(Result<ExecutionRecord>::failure(u"no answer"_s));
    }

    TempHome home;
    FakeGmail gmail { u"casey@example.com"_s };
    FakeSlack slack;
    FakeX x;
    Database db;
    HttpClient http { SystemClock::instance() };
    PerformerRegistry registry;
    std::unique_ptr<Executor> executor;
};

} // namespace

TEST_F(ExecutionServers, SendEmailLeavesExactlyOnce)
{
    const SubmitResult r = submit(ActionKind::SendEmail, mail());
    ASSERT_EQ(r.status, SubmitResult::Status::Queued) << r.message.toStdString();
    EXPECT_TRUE(r.preview.outgoing.value("message"_L1)
                    .toString()
                    .contains(u"Message-ID: <"_s + r.preview.idempotencyKey));
    EXPECT_EQ(gmail.requestCount(u"/messages/send"_s), 0); // still in the outbox
    ASSERT_TRUE(waitFor([&] { return state(r.record->id) == ExecutionState::Succeeded; }));
    ASSERT_EQ(gmail.sentCount(), 1);
    const FakeGmail::Message sent = gmail.sentMessages().first();
    EXPECT_EQ(sent.rfc822Id, r.preview.idempotencyKey + u"@caseyos.local"_s);
    EXPECT_EQ(sent.to, u"ann@acme.com"_s);
    EXPECT_EQ(sent.subject, u"Q3 plan"_s);
    EXPECT_EQ(ExecutionRepository(db).find(r.record->id)->remoteRef, sent.id);
    // The same again, and after a restart: still one on the server.
    EXPECT_EQ(submit(ActionKind::SendEmail, mail()).status, SubmitResult::Status::AlreadyDone);
    restart();
    EXPECT_EQ(submit(ActionKind::SendEmail, mail()).status, SubmitResult::Status::AlreadyDone);
    QTest::qWait(400);
    EXPECT_EQ(gmail.sentCount(), 1);
    EXPECT_EQ(gmail.requestCount(u"/messages/send"_s), 1);
    const Result<ExecutionRecord> refused = undo(r.record->id);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(u"an email cannot be recalled"_s)) << refused.error().toStdString();
    // The bearer token went to the server in a header and nowhere else.
    db.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    QFile file(home.databasePath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains("test-token"));
}

TEST_F(ExecutionServers, DraftIsGoneFromTheServerAfterUndo)
{
    const SubmitResult r = submit(ActionKind::CreateDraft, mail(u"Draft body"_s));
    ASSERT_EQ(r.status, SubmitResult::Status::Started) << r.message.toStdString();
    ASSERT_TRUE(waitFor([&] { return state(r.record->id) == ExecutionState::Succeeded; }));
    ASSERT_EQ(gmail.drafts().size(), 1);
    EXPECT_EQ(gmail.drafts().first().id, ExecutionRepository(db).find(r.record->id)->remoteRef);
    restart(); // undo works from the database alone
    const Result<ExecutionRecord> undone = undo(r.record->id);
    ASSERT_TRUE(undone.ok()) << undone.error().toStdString();
    EXPECT_TRUE(gmail.drafts().isEmpty());
    EXPECT_EQ(gmail.deletedDrafts(), 1);
    EXPECT_EQ(state(r.record->id), ExecutionState::Undone);
    EXPECT_EQ(gmail.sentCount(), 0);
}

TEST_F(ExecutionServers, CancelledSendNeverReachesTheServer)
{
    setWindow(1500);
    const SubmitResult r = submit(ActionKind::SendEmail, mail());
    ASSERT_EQ(r.status, SubmitResult::Status::Queued);
    const Result<ExecutionRecord> cancelled = undo(r.record->id);
    ASSERT_TRUE(cancelled.ok()) << cancelled.error().toStdString();
    QTest::qWait(2000);
    EXPECT_EQ(gmail.requestCount(), 0);
    EXPECT_EQ(state(r.record->id), ExecutionState::Cancelled);
}

TEST_F(ExecutionServers, QueuedSendSurvivesARestartAndLeavesOnce)
{
    setWindow(800);
    const SubmitResult r = submit(ActionKind::SendEmail, mail());
    ASSERT_EQ(r.status, SubmitResult::Status::Queued);
    executor.reset(); // the app quits inside the undo window
    Database again;
    QString error;
    ASSERT_TRUE(again.open(home.databasePath(), &error));
    Executor next(again, SystemClock::instance(), registry);
    next.start();
    ASSERT_TRUE(waitFor([&] { return state(r.record->id) == ExecutionState::Succeeded; }));
    QTest::qWait(300);
    EXPECT_EQ(gmail.sentCount(), 1);
}

TEST_F(ExecutionServers, QueuedSendIsStillUndoableAfterARestart)
{
    setWindow(1500);
    const SubmitResult r = submit(ActionKind::SendEmail, mail());
    ASSERT_EQ(r.status, SubmitResult::Status::Queued);
    restart();
    ASSERT_EQ(executor->newestUndoable()->id, r.record->id);
    ASSERT_TRUE(undo(r.record->id).ok());
    QTest::qWait(1800);
    EXPECT_EQ(gmail.requestCount(), 0);
}

TEST_F(ExecutionServers, BlockedSendsNeverReachTheServer)
{
    EXPECT_EQ(
        submit(ActionKind::SendEmail, mail(u"Guaranteed results. unsubscribe"_s)).blockedBy, u"safety"_s);
    EXPECT_EQ(
        submit(ActionKind::SendEmail,
            { { u"to"_s, u"x@donotreply.com"_s }, { u"subject"_s, u"s"_s }, { u"text"_s, u"unsubscribe"_s } })
            .blockedBy,
        u"safety"_s);
    ASSERT_TRUE(executor->setKillSwitch(true));
    EXPECT_EQ(submit(ActionKind::SendEmail, mail()).blockedBy, u"kill_switch"_s);
    EXPECT_EQ(submit(ActionKind::PostX, { { u"text"_s, u"hi"_s } }).blockedBy, u"kill_switch"_s);
    QTest::qWait(600);
    EXPECT_EQ(gmail.requestCount(), 0);
    EXPECT_TRUE(x.posts().isEmpty());
}

TEST_F(ExecutionServers, SlackAndXPostOnceAndExplainUndo)
{
    setWindow(0);
    const SubmitResult s
        = submit(ActionKind::PostSlack, { { u"channel"_s, u"C42"_s }, { u"text"_s, u"Deal won"_s } });
    const SubmitResult p
        = submit(ActionKind::PostX, { { u"text"_s, u"We shipped"_s }, { u"reply_to"_s, u"17"_s } });
    ASSERT_EQ(s.status, SubmitResult::Status::Queued);
    ASSERT_EQ(p.status, SubmitResult::Status::Queued);
    ASSERT_TRUE(waitFor([&] {
        return state(s.record->id) == ExecutionState::Succeeded
            && state(p.record->id) == ExecutionState::Succeeded;
    }));
    ASSERT_EQ(slack.posts().size(), 1);
    EXPECT_EQ(slack.posts().first().text, u"Deal won"_s);
    ASSERT_EQ(x.posts().size(), 1);
    EXPECT_EQ(x.posts().first().replyTo, u"17"_s);
    EXPECT_EQ(ExecutionRepository(db).find(p.record->id)->remoteRef, x.posts().first().id);
    const Result<ExecutionRecord> refused = undo(s.record->id);
    EXPECT_TRUE(refused.error().contains(u"Already posted at"_s)) << refused.error().toStdString();
    // A Slack refusal is a failure with Slack's reason, retryable.
    const SubmitResult bad
        = submit(ActionKind::PostSlack, { { u"channel"_s, u"#nowhere"_s }, { u"text"_s, u"x"_s } });
    ASSERT_TRUE(waitFor([&] { return state(bad.record->id) == ExecutionState::Failed; }));
    EXPECT_TRUE(ExecutionRepository(db).find(bad.record->id)->error.contains(u"channel_not_found"_s));
}

TEST_F(ExecutionServers, WorkerRunsOnItsOwnThread)
{
    executor.reset();
    QThread thread;
    thread.setObjectName(u"execution"_s);
    const QUrl base = gmail.baseUrl();
    QStringList audit;
    auto* worker = new ExecutionWorker(
        home.databasePath(), SystemClock::instance(),
        [base](PerformerRegistry& registry, HttpClient& http) {
            addGmailPerformers(
                registry, http, ClientConfig { base, fixedToken(u"t"_s), u"google:w"_s, 5000 });
        },
        [&audit](const QString& kind, const QJsonObject&) { audit << kind; }); // called on the worker thread
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    thread.start();
    QSignalSpy ready(worker, &ExecutionWorker::ready);
    QSignalSpy submitted(worker, &ExecutionWorker::submitted);
    QSignalSpy queued(worker, &ExecutionWorker::queued);
    QSignalSpy finished(worker, &ExecutionWorker::finished);
    QMetaObject::invokeMethod(worker, &ExecutionWorker::start, Qt::QueuedConnection);
    ASSERT_TRUE(waitForSignal(ready));
    ExecuteRequest request;
    request.kind = ActionKind::SendEmail;
    request.payload = mail();
    request.approved = true;
    QMetaObject::invokeMethod(
        worker, [worker, request] { worker->submit(7, request); }, Qt::QueuedConnection);
    ASSERT_TRUE(waitForSignal(submitted));
    EXPECT_EQ(submitted.first().at(0).toULongLong(), 7u);
    EXPECT_EQ(submitted.first().at(1).value<SubmitResult>().status, SubmitResult::Status::Queued);
    EXPECT_EQ(queued.count(), 1);
    ASSERT_TRUE(waitForSignal(finished, 1, 5000));
    EXPECT_EQ(gmail.sentCount(), 1);

    // The kill switch and undo through the worker: the newest undoable is a sent email, so undo explains.
    QSignalSpy killSwitch(worker, &ExecutionWorker::killSwitchChanged);
    QSignalSpy refused(worker, &ExecutionWorker::undoRefused);
    QMetaObject::invokeMethod(worker, [worker] { worker->setKillSwitch(true); }, Qt::QueuedConnection);
    ASSERT_TRUE(waitForSignal(killSwitch));
    EXPECT_TRUE(killSwitch.first().first().toBool());
    request.payload = mail(u"Another one. unsubscribe"_s);
    QMetaObject::invokeMethod(worker, [worker, request] { worker->submit(8, request); }, Qt::QueuedConnection);
    ASSERT_TRUE(waitForSignal(submitted, 2));
    EXPECT_EQ(submitted.at(1).at(1).value<SubmitResult>().blockedBy, u"kill_switch"_s);
    QMetaObject::invokeMethod(worker, &ExecutionWorker::undoNewest, Qt::QueuedConnection);
    ASSERT_TRUE(waitForSignal(refused));
    EXPECT_TRUE(refused.first().at(1).toString().contains(u"Nothing to undo"_s)) << refused.first().at(1).toString().toStdString();
    thread.quit();
    thread.wait();
    EXPECT_TRUE(audit.contains(u"execution.succeeded"_s));
}
