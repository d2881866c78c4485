// `caseyos move execute` and `caseyos undo` through the real binary, without a connected account: the preview
// and dry run work, nothing runs unconfirmed or without a connector (with a clear message), and undo cancels
// a send still in the outbox.
#include "IntegrationSupport.h"
#include "TempHome.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

qint64 leadMove(const TempHome& home)
{
    const QString file = home.writeFile(u"lead.jsonl"_s, formLine(u"dana@acme.example"_s, u"f-1"_s));
    EXPECT_EQ(runCli(home.path(), { u"ingest"_s, file }).exitCode, 0);
    const CliRun today = runCli(home.path(), { u"today"_s, u"--json"_s });
    return today.jsonArray().first().toObject().value(u"id"_s).toInteger();
}

} // namespace

TEST(CliExecute, DryRunShowsThePayloadAndSendsNothing)
{
    TempHome home;
    const qint64 id = leadMove(home);
    const CliRun dry
        = runCli(home.path(), { u"move"_s, u"execute"_s, QString::number(id), u"--dry-run"_s, u"--json"_s });
    ASSERT_EQ(dry.exitCode, 0) << dry.errText().toStdString();
    const QJsonObject r = dry.json();
    EXPECT_EQ(r.value(u"status"_s).toString(), u"dry_run"_s);
    EXPECT_EQ(r.value(u"action"_s).toString(), u"send_email"_s);
    EXPECT_EQ(
        r.value(u"payload"_s).toObject().value(u"to"_s).toArray().first().toString(), u"dana@acme.example"_s);
    EXPECT_TRUE(
        r.value(u"warnings"_s).toArray().first().toString().contains(u"No connected Google account"_s));
    const CliRun text = runCli(home.path(), { u"move"_s, u"execute"_s, QString::number(id), u"--dry-run"_s });
    EXPECT_TRUE(text.outText().contains(u"Dry run: nothing was sent"_s)) << text.outText().toStdString();
    EXPECT_TRUE(text.outText().contains(u"to:"_s));
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM executions"_s), 0);
}

TEST(CliExecute, RefusesWithoutConfirmationOrConnector)
{
    TempHome home;
    const qint64 id = leadMove(home);
    // Without a connector it stops before asking (the confirmation path needs a connected account and a
    // keychain, which the unit tests cover with NeedsApproval).
    const CliRun unconfirmed = runCli(home.path(), { u"move"_s, u"execute"_s, QString::number(id) });
    EXPECT_EQ(unconfirmed.exitCode, 1);
    EXPECT_TRUE(unconfirmed.errText().contains(u"No connected Google account"_s))
        << unconfirmed.errText().toStdString();
    const CliRun noAccount
        = runCli(home.path(), { u"move"_s, u"execute"_s, QString::number(id), u"--yes"_s });
    EXPECT_EQ(noAccount.exitCode, 1);
    EXPECT_TRUE(noAccount.errText().contains(u"No connected Google account"_s))
        << noAccount.errText().toStdString();
    const CliRun unsafe = runCli(home.path(),
        { u"move"_s, u"execute"_s, QString::number(id), u"--dry-run"_s, u"--payload"_s,
            u"{\"text\":\"Act now!\"}"_s });
    EXPECT_EQ(unsafe.exitCode, 1);
    EXPECT_TRUE(unsafe.errText().contains(u"\"act now\""_s)) << unsafe.errText().toStdString();
    const CliRun task = runCli(home.path(),
        { u"move"_s, u"execute"_s, QString::number(id), u"--yes"_s, u"--action"_s, u"create_task"_s,
            u"--payload"_s, u"{\"to\":null,\"subject\":null,\"text\":null,\"body\":null}"_s });
    EXPECT_EQ(task.exitCode, 1);
    EXPECT_TRUE(task.errText().contains(u"create_task"_s)) << task.errText().toStdString();
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM executions"_s), 0);
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)).toString(), u"pending"_s);
}

TEST(CliExecute, UndoCancelsAQueuedSend)
{
    TempHome home;
    const qint64 id = leadMove(home);
    EXPECT_TRUE(runCli(home.path(), { u"undo"_s }).errText().contains(u"nothing to undo"_s));
    EXPECT_TRUE(runCli(home.path(), { u"undo"_s, u"9"_s }).errText().contains(u"No execution with id 9"_s));
    {
        // A send waiting in the outbox, as `move execute --yes` leaves it when its process is stopped.
        DbProbe db(home.databasePath());
        ASSERT_TRUE(db.exec(u"INSERT INTO executions (move_id, action, payload, payload_hash, "
                            u"idempotency_key, remote_key, state, "
                            "due_at, recipients, created_at, updated_at) VALUES (%1, 'send_email', "
                            "'{\"to\":[\"dana@acme.example\"],\"subject\":\"Hi\",\"text\":\"Hi. "
                            "unsubscribe\"}', 'h', 'k1', 'k1', "
                            "'queued', 4102444800000, ',dana@acme.example,', 1, 1)"_s.arg(id)));
        ASSERT_TRUE(db.exec(u"UPDATE moves SET status = 'in_progress' WHERE id = %1"_s.arg(id)));
    }
    const CliRun undo = runCli(home.path(), { u"undo"_s });
    ASSERT_EQ(undo.exitCode, 0) << undo.errText().toStdString();
    EXPECT_TRUE(undo.outText().contains(u"cancelled: nothing was sent"_s));
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.value(u"SELECT state FROM executions"_s).toString(), u"cancelled"_s);
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)).toString(), u"pending"_s);
    const CliRun again = runCli(home.path(), { u"undo"_s, u"1"_s });
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.errText().contains(u"already cancelled"_s));
}

TEST(CliExecute, KillSwitchIsPersistedAndBlocksSends)
{
    TempHome home;
    const qint64 id = leadMove(home);
    EXPECT_TRUE(runCli(home.path(), { u"kill-switch"_s }).outText().contains(u"Kill switch: off"_s));
    ASSERT_EQ(runCli(home.path(), { u"kill-switch"_s, u"on"_s }).exitCode, 0);
    EXPECT_TRUE(
        runCli(home.path(), { u"kill-switch"_s, u"--json"_s }).json().value(u"kill_switch"_s).toBool());
    const CliRun blocked
        = runCli(home.path(), { u"move"_s, u"execute"_s, QString::number(id), u"--dry-run"_s });
    EXPECT_EQ(blocked.exitCode, 1);
    EXPECT_TRUE(blocked.errText().contains(u"kill switch is on"_s)) << blocked.errText().toStdString();
    ASSERT_EQ(runCli(home.path(), { u"kill-switch"_s, u"off"_s }).exitCode, 0);
    EXPECT_EQ(
        runCli(home.path(), { u"move"_s, u"execute"_s, QString::number(id), u"--dry-run"_s }).exitCode, 0);
    EXPECT_EQ(runCli(home.path(), { u"kill-switch"_s, u"maybe"_s }).exitCode, 2);
}

TEST(CliExecute, MoveShowListsItsExecutions)
{
    TempHome home;
    const qint64 id = leadMove(home);
    {
        DbProbe db(home.databasePath());
        ASSERT_TRUE(db.exec(
            u"INSERT INTO executions (move_id, action, payload, payload_hash, idempotency_key, remote_key, "
            u"state, "
            "error, created_at, updated_at) VALUES (%1, 'create_draft', '{}', 'h', 'k1', 'k1', 'failed', "
            "'Gmail refused the request (HTTP 400)', 1, 1)"_s.arg(id)));
    }
    const CliRun json = runCli(home.path(), { u"move"_s, u"show"_s, QString::number(id), u"--json"_s });
    const QJsonArray runs = json.json().value(u"executions"_s).toArray();
    ASSERT_EQ(runs.size(), 1);
    EXPECT_EQ(runs.first().toObject().value(u"state"_s).toString(), u"failed"_s);
    const CliRun text = runCli(home.path(), { u"move"_s, u"show"_s, QString::number(id) });
    EXPECT_TRUE(text.outText().contains(u"create_draft"_s)) << text.outText().toStdString();
    EXPECT_TRUE(text.outText().contains(u"HTTP 400"_s));
}
