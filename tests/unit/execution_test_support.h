#pragma once

// The executor in-process on a real SQLite file with a fake clock and fake performers that record every call
// (so "nothing reached the service" is checked directly) and answer on the event loop like real ones.
#include "FakeClock.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "execution/ActionPerformer.h"
#include "execution/Executor.h"
#include "moves/MoveService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QMetaObject>
#include <QSqlQuery>
#include <gtest/gtest.h>

namespace caseyos::test {

class FakePerformer final : public ActionPerformer
{
public:
    FakePerformer(ActionKind kind, bool undoable)
        : m_kind(kind)
        , m_undoable(undoable)
    {
    }
    ActionKind kind() const override { return m_kind; }
    QString serviceName() const override { return QStringLiteral("Fake"); }
    bool canUndo() const override { return m_undoable; }
    QString pastTense() const override { return QStringLiteral("sent"); }
    void perform(const QJsonObject&, const QString& remoteKey, QObject* context, PerformDone done) override
    {
        calls << remoteKey;
        later(context, [done, r = nextResult] { done(r); });
    }
    void find(const QString& remoteKey, const QJsonObject&, QObject* context, FindDone done) override
    {
        finds << remoteKey;
        later(context, [done, r = findResult] { done(r); });
    }
    void undo(const ExecutionRecord& record, QObject* context, UndoDone done) override
    {
        undos << record.id;
        later(context, [done] { done({ true, {} }); });
    }

    PerformResult nextResult { true, QStringLiteral("remote-1"), {}, {} };
    FindResult findResult;
    QStringList calls;
    QStringList finds;
    QList<qint64> undos;

private:
    template<typename Fn> static void later(QObject* context, Fn fn)
    {
        QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
    }
    ActionKind m_kind;
    bool m_undoable;
};

class ExecutorFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        send = add(ActionKind::SendEmail, false);
        draft = add(ActionKind::CreateDraft, true);
        slack = add(ActionKind::PostSlack, false);
        executor = std::make_unique<Executor>(db, clock, registry);
        executor->setAuditSink([this](const QString& kind, const QJsonObject&) { audits << kind; });
    }
    FakePerformer* add(ActionKind kind, bool undoable)
    {
        auto performer = std::make_unique<FakePerformer>(kind, undoable);
        FakePerformer* raw = performer.get();
        registry.add(std::move(performer));
        return raw;
    }
    qint64 makeMove(const QString& email = QStringLiteral("ann@acme.com"))
    {
        Move draftMove;
        draftMove.title = QStringLiteral("Follow up with Ann");
        draftMove.actionType = QStringLiteral("email_follow_up");
        draftMove.contactEmail = email;
        const Result<Move> made = MoveService(db, clock).create(draftMove, {});
        EXPECT_TRUE(made.ok()) << made.error().toStdString();
        return made ? made.value().id : 0;
    }
    static QJsonObject mail(
        const QString& to, const QString& text = QStringLiteral("Hi. Reply unsubscribe to stop."))
    {
        return { { QStringLiteral("to"), to }, { QStringLiteral("subject"), QStringLiteral("Hello") },
            { QStringLiteral("text"), text } };
    }
    SubmitResult run(std::optional<qint64> moveId, ActionKind kind, const QJsonObject& payload,
        bool approved = true, bool dryRun = false)
    {
        ExecuteRequest request;
        request.moveId = moveId;
        request.kind = kind;
        request.payload = payload;
        request.approved = approved;
        request.dryRun = dryRun;
        return executor->submit(request);
    }
    int rows(const QString& where = {})
    {
        QSqlQuery q(db.sql());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM executions ") + where);
        return q.next() ? q.value(0).toInt() : -1;
    }
    MoveStatus moveStatus(qint64 id) { return MoveService(db, clock).find(id)->status; }

    TempHome home;
    FakeClock clock;
    Database db;
    PerformerRegistry registry;
    FakePerformer* send = nullptr;
    FakePerformer* draft = nullptr;
    FakePerformer* slack = nullptr;
    std::unique_ptr<Executor> executor;
    QStringList audits;
};

} // namespace caseyos::test
