// The execution UI in the window (issue 5, point 6), offscreen, over the real executor on its thread and the
// real Gmail performers talking HTTP to an in-process FakeGmail: `e` opens the preview with the move's payload
// and exactly what would be sent, Execute queues the send with a countdown in the status bar, `z` takes it
// back (the move returns to pending, nothing reaches the server); the kill switch (toolbar action, tray menu)
// blocks a send with the reason shown; the detail pane lists the move's executions; after an email left, `z`
// shows the executor's explanation; a waiting send's pop-up cancels it when clicked; an approved MCP call is
// sent by the window's executor with its countdown. What the window did is in the audit log like the CLI's. Saves
// docs/screenshots/execute-preview.png.
#include "FakeGmail.h"
#include "MainWindow.h"
#include "MoveActions.h"
#include "ShortcutHelpDialog.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "WorkspaceStatusBar.h"
#include "audit/AuditLog.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/DesktopWindowBinding.h"
#include "execution/ExecuteDialog.h"
#include "execution/ExecutionClient.h"
#include "execution/ExecutionController.h"
#include "execution/ExecutionHistoryBox.h"
#include "execution/ExecutionRepository.h"
#include "execution/ExecutionSettings.h"
#include "execution/GmailPerformers.h"
#include "execution/OutboxCountdown.h"
#include "execution/PayloadEditor.h"
#include "mcp/ApprovalService.h"
#include "moves/MoveRow.h"
#include "storage/Database.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

constexpr int kPending = int(MoveStatus::Pending);
constexpr int kInProgress = int(MoveStatus::InProgress);

class ExecutionWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(gmail.listen());
        // The real Gmail performers (addGmailPerformers, as AccountPerformers builds them for a connected
        // Google account), pointed at the fake server with a fixed token instead of the keychain.
        h.performers = [url = gmail.baseUrl()](PerformerRegistry& registry, HttpClient& http) {
            addGmailPerformers(registry, http, ClientConfig { url, fixedToken(u"test-token"_s), u"google:test"_s, 5000 });
        };
        ASSERT_TRUE(h.start());
        ASSERT_TRUE(h.importSignals(fiveLeads()));
        exec = h.window()->executions();
        ASSERT_NE(exec, nullptr);
        ASSERT_TRUE(waitFor([&] { return exec->killSwitchAction()->isEnabled(); }, 10000)) << "executor not ready";
        QString error;
        ASSERT_TRUE(db.open(h.home.databasePath(), &error)) << error.toStdString();
    }

    // Selects the lead's move, presses `e` and waits for the dialog with its first preview.
    ExecuteDialog* openPreview(const QString& email)
    {
        EXPECT_TRUE(h.selectEmail(email));
        h.press(Qt::Key_E);
        auto* dialog = waitForModal<ExecuteDialog>();
        EXPECT_NE(dialog, nullptr);
        if (!dialog)
            return nullptr;
        EXPECT_TRUE(waitFor([&] { return !dialog->outgoingView()->toPlainText().isEmpty() || !dialog->bannerText().isEmpty(); }, 10000))
            << dialog->statusLabel()->text().toStdString();
        return dialog;
    }
    QString status() const { return h.window()->workspaceStatusBar()->currentMessage(); }
    QList<ExecutionRecord> executionsOf(const QString& email)
    {
        const MoveRow* row = h.moveByEmail(email);
        return row ? ExecutionRepository(db).forMove(row->id) : QList<ExecutionRecord>();
    }
    QList<AuditEntry> audit(const QString& kind)
    {
        AuditFilter filter;
        filter.kind = kind;
        const Result<QList<AuditEntry>> entries = AuditLog(db, h.clock).list(filter, 100);
        return entries ? entries.value() : QList<AuditEntry>();
    }

    FakeGmail gmail { u"casey@example.com"_s }; // outlives the window and its execution thread
    WindowHarness h;
    ExecutionController* exec = nullptr;
    Database db; // the test's own connection, like another process
};

} // namespace

TEST_F(ExecutionWindowTest, PreviewShowsThePayloadAndZTakesTheQueuedSendBack)
{
    ExecuteDialog* dialog = openPreview(u"dana@acme.com"_s);
    ASSERT_NE(dialog, nullptr);
    // The action and its payload as fields, built from the move.
    EXPECT_EQ(dialog->actionBox()->currentText(), u"Send email"_s);
    ASSERT_TRUE(dialog->editor()->isEmailForm());
    EXPECT_EQ(dialog->editor()->toField()->text(), u"dana@acme.com"_s);
    EXPECT_FALSE(dialog->editor()->subjectField()->text().isEmpty());
    EXPECT_TRUE(dialog->editor()->bodyField()->toPlainText().startsWith(u"Hi Dana,"_s));
    // Exactly what goes out: the performer's message, readable and raw.
    const QString readable = dialog->outgoingView()->toPlainText();
    EXPECT_TRUE(readable.contains(u"To: dana@acme.com"_s)) << readable.toStdString();
    EXPECT_TRUE(readable.contains(u"Hi Dana,"_s)) << readable.toStdString();
    EXPECT_TRUE(dialog->rawView()->toPlainText().contains(u"Message-ID: <"_s));
    EXPECT_TRUE(dialog->rawView()->toPlainText().contains(u"Content-Transfer-Encoding: base64"_s));
    EXPECT_TRUE(dialog->bannerText().isEmpty()) << dialog->bannerText().toStdString();
    EXPECT_TRUE(dialog->executeButton()->isEnabled());

    // An edit is previewed again (the subject's dash goes out RFC 2047-encoded and reads back as typed).
    QLineEdit* subject = dialog->editor()->subjectField();
    subject->selectAll();
    QTest::keyClicks(subject, u"Acme pricing "_s);
    QTest::sendKeyEvent(QTest::Click, subject, Qt::Key_unknown, u"—"_s, Qt::NoModifier); // no ASCII key for it
    QTest::keyClicks(subject, u" next steps"_s);
    ASSERT_TRUE(waitFor([&] {
        return dialog->outgoingView()->toPlainText().contains(u"Subject: Acme pricing — next steps"_s);
    })) << dialog->outgoingView()->toPlainText().toStdString();
    EXPECT_TRUE(dialog->rawView()->toPlainText().contains(u"Subject: =?UTF-8?B?"_s));
    EXPECT_TRUE(waitFor([&] { return dialog->statusLabel()->text().contains(u"Dry run"_s); }));

    // The screenshot for people: the preview as it stands before running.
    dialog->editor()->bodyField()->moveCursor(QTextCursor::Start);
    QTest::qWait(100);
    const QImage image = dialog->grab().toImage();
    ASSERT_FALSE(image.isNull());
    const QString folder = screenshotFolder(QStringLiteral(CASEYOS_DOCS_SCREENSHOT_DIR));
    ASSERT_FALSE(folder.isEmpty());
    const QString path = QDir(folder).filePath(u"execute-preview.png"_s);
    ASSERT_TRUE(image.save(path)) << path.toStdString();
    std::cout << "[ screenshot ] " << path.toStdString() << "\n";

    // Execute: the send waits in the outbox; the dialog and the status bar count down; the move is in progress.
    QTest::mouseClick(dialog->executeButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return exec->countdown()->text().startsWith(u"Sending to dana@acme.com in 10 s"_s); }))
        << exec->countdown()->text().toStdString() << " / " << dialog->statusLabel()->text().toStdString();
    EXPECT_TRUE(exec->countdown()->text().endsWith(u"Undo (z)"_s));
    EXPECT_TRUE(exec->countdown()->isVisible());
    EXPECT_TRUE(dialog->statusLabel()->text().contains(u"Sending"_s)) << dialog->statusLabel()->text().toStdString();
    EXPECT_TRUE(dialog->undoButton()->isVisible());
    EXPECT_FALSE(dialog->executeButton()->isEnabled());
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, kInProgress)) << h.statusMessage();
    EXPECT_TRUE(h.window()->moveActions()->undo->isEnabled());

    // Close the dialog; `z` in the window takes the send back: pending again, nothing reached Gmail.
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return exec->dialog() == nullptr; }));
    EXPECT_EQ(h.moveByEmail(u"dana@acme.com"_s)->status, MoveStatus::InProgress); // out of Today while it runs
    h.window()->grab().save( // for a look, in build/screenshots: the countdown in the status bar
        QDir(screenshotFolder(QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR))).filePath(u"execute-countdown.png"_s));
    h.press(Qt::Key_Z);
    ASSERT_TRUE(waitFor([&] { return exec->countdown()->isEmpty(); })) << status().toStdString();
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, kPending)) << h.statusMessage();
    EXPECT_TRUE(status().contains(u"Cancelled"_s)) << status().toStdString();
    EXPECT_FALSE(exec->countdown()->isVisible());
    QTest::qWait(300);
    EXPECT_EQ(gmail.requestCount(), 0);
    EXPECT_EQ(gmail.sentCount(), 0);
    const QList<ExecutionRecord> rows = executionsOf(u"dana@acme.com"_s);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().state, ExecutionState::Cancelled);
    EXPECT_EQ(rows.first().payload.value(u"subject"_s).toString(), u"Acme pricing — next steps"_s);

    // Audited like the CLI's: queued, then cancelled, by the user.
    const QList<AuditEntry> entries = audit(u"execution"_s);
    QStringList events;
    for (const AuditEntry& e : entries) {
        EXPECT_EQ(e.actor, u"user"_s);
        events.prepend(e.details.value(u"event"_s).toString());
    }
    EXPECT_EQ(events, (QStringList { u"queued"_s, u"cancelled"_s }));
}

TEST_F(ExecutionWindowTest, KillSwitchBlocksTheSendAndNothingReachesTheServer)
{
    QAction* kill = exec->killSwitchAction();
    EXPECT_FALSE(kill->isChecked());
    // It is in the `?` help, the tray menu and the toolbar's actions alike.
    h.window()->moveActions()->shortcutHelp->trigger();
    auto* help = waitForModal<ShortcutHelpDialog>();
    ASSERT_NE(help, nullptr);
    bool listed = false;
    for (int row = 0; row < help->table()->rowCount(); ++row)
        listed |= help->table()->item(row, 1)->text() == u"Kill Switch"_s
            && help->table()->item(row, 0)->text() == u"Ctrl+Shift+K"_s;
    EXPECT_TRUE(listed);
    help->close();
    QTemporaryDir desktopDir;
    DesktopIntegration::Options desktopOptions;
    desktopOptions.settingsFile = desktopDir.filePath(u"settings.ini"_s);
    desktopOptions.autostart = AutostartEntry::Mechanism::Unsupported;
    desktopOptions.allowTray = false;
    DesktopIntegration desktop(h.clock, desktopOptions);
    bindDesktopToWindow(&desktop, h.window());
    const QList<QAction*> trayActions = desktop.trayMenu()->actions();
    ASSERT_TRUE(trayActions.contains(kill));
    EXPECT_EQ(trayActions.last(), desktop.quitAction());

    // On from the tray menu's action: the executor stores it.
    kill->trigger();
    ASSERT_TRUE(waitFor([&] { return exec->client()->killSwitch(); }));
    EXPECT_TRUE(kill->isChecked());
    EXPECT_TRUE(ExecutionSettings(db).load().killSwitch);
    EXPECT_TRUE(status().startsWith(u"Kill switch on"_s)) << status().toStdString();

    // The preview already says so; Execute gets the same refusal; nothing is queued or sent.
    ExecuteDialog* dialog = openPreview(u"ben@globex.com"_s);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([&] { return dialog->bannerText().contains(u"Blocked by the kill switch"_s); }))
        << dialog->bannerText().toStdString();
    ASSERT_TRUE(dialog->executeButton()->isEnabled());
    QTest::mouseClick(dialog->executeButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return dialog->statusLabel()->text().contains(u"Not executed"_s); }))
        << dialog->statusLabel()->text().toStdString();
    EXPECT_TRUE(dialog->bannerText().contains(u"Blocked by the kill switch"_s));
    EXPECT_TRUE(dialog->bannerText().contains(u"kill switch"_s));
    EXPECT_TRUE(status().startsWith(u"Not executed"_s)) << status().toStdString();
    QTest::qWait(300);
    EXPECT_TRUE(exec->countdown()->isEmpty());
    EXPECT_EQ(gmail.requestCount(), 0);
    EXPECT_TRUE(executionsOf(u"ben@globex.com"_s).isEmpty());
    ASSERT_TRUE(h.waitForStatus(u"ben@globex.com"_s, kPending));

    // Off again: the open preview follows, and the switch's changes are in the audit log.
    kill->trigger();
    ASSERT_TRUE(waitFor([&] { return !exec->client()->killSwitch() && !kill->isChecked(); }));
    ASSERT_TRUE(waitFor([&] { return dialog->bannerText().isEmpty(); })) << dialog->bannerText().toStdString();
    dialog->close();
    const QList<AuditEntry> switches = audit(u"kill_switch"_s);
    ASSERT_EQ(switches.size(), 2);
    EXPECT_EQ(switches.last().details.value(u"on"_s).toBool(), true); // newest first
    EXPECT_EQ(switches.first().details.value(u"on"_s).toBool(), false);
    EXPECT_EQ(switches.first().actor, u"user"_s);
    EXPECT_FALSE(audit(u"execution"_s).isEmpty()); // the blocked attempts
}

TEST_F(ExecutionWindowTest, TheDetailPaneListsTheMovesExecutions)
{
    ExecutionHistoryBox* history = exec->historyBox();
    ASSERT_TRUE(h.selectEmail(u"chen@initech.com"_s));
    ASSERT_TRUE(waitFor([&] { return history->text().contains(u"Not executed yet"_s); })) << history->text().toStdString();

    // A send taken back with the dialog's Undo.
    ExecuteDialog* dialog = openPreview(u"chen@initech.com"_s);
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->executeButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return dialog->undoButton()->isVisible() && !exec->countdown()->isEmpty(); }));
    QTest::mouseClick(dialog->undoButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return dialog->statusLabel()->text().contains(u"Cancelled"_s); }))
        << dialog->statusLabel()->text().toStdString();
    EXPECT_TRUE(dialog->executeButton()->isEnabled()); // it may run again

    // The same email as a Gmail draft instead: it runs at once against the server (and completes the move).
    QComboBox* action = dialog->actionBox();
    ASSERT_EQ(action->count(), 2);
    action->setCurrentIndex(1);
    Q_EMIT action->activated(1);
    EXPECT_EQ(action->currentText(), u"Create draft"_s);
    ASSERT_TRUE(waitFor([&] { return dialog->statusLabel()->text().contains(u"Dry run"_s); }));
    EXPECT_EQ(dialog->editor()->toField()->text(), u"chen@initech.com"_s);
    QTest::mouseClick(dialog->executeButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return dialog->statusLabel()->text().contains(u"Done"_s); }, 10000))
        << dialog->statusLabel()->text().toStdString();
    ASSERT_EQ(gmail.drafts().size(), 1);
    EXPECT_EQ(gmail.sentCount(), 0);
    const QString draftId = gmail.drafts().first().id;
    ASSERT_TRUE(h.waitForStatus(u"chen@initech.com"_s, int(MoveStatus::Completed))) << h.statusMessage();
    dialog->close();

    // `z` undoes the draft (deleted on the server); the move is pending again.
    h.press(Qt::Key_Z);
    ASSERT_TRUE(waitFor([&] { return gmail.drafts().isEmpty(); }, 10000)) << status().toStdString();
    EXPECT_EQ(gmail.deletedDrafts(), 1);
    // The server deletes first; the executor then stores it and says so.
    EXPECT_TRUE(waitFor([&] { return status().startsWith(u"↶ Undone: Create draft to chen@initech.com"_s); }))
        << status().toStdString();
    ASSERT_TRUE(h.waitForStatus(u"chen@initech.com"_s, kPending)) << h.statusMessage();

    // The pane lists both runs, newest first: when, what, how it ended, to whom, the draft's id.
    ASSERT_TRUE(h.selectEmail(u"chen@initech.com"_s));
    ASSERT_TRUE(waitFor([&] { return history->moveId() == h.moveByEmail(u"chen@initech.com"_s)->id && history->count() == 2; }))
        << history->text().toStdString();
    const QString text = history->text();
    EXPECT_TRUE(text.startsWith(u"Create draft — Undone"_s)) << text.toStdString();
    EXPECT_GT(text.indexOf(u"Send email — Cancelled"_s), 0) << text.toStdString();
    EXPECT_TRUE(text.contains(u"ref "_s + draftId)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"to chen@initech.com"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"25 Nov"_s) || text.contains(u"2026"_s)) << text.toStdString();
    // Another move shows its own (none).
    ASSERT_TRUE(h.selectEmail(u"eva@umbrella.com"_s));
    ASSERT_TRUE(waitFor([&] { return history->text().contains(u"Not executed yet"_s); })) << history->text().toStdString();
}

TEST_F(ExecutionWindowTest, AfterTheEmailLeftZShowsTheExecutorsExplanation)
{
    // No undo window: the send leaves at once.
    ASSERT_TRUE(ExecutionSettings(db).setUndoWindowMs(0, h.clock.now()));
    ExecuteDialog* dialog = openPreview(u"eva@umbrella.com"_s);
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->executeButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return dialog->statusLabel()->text().contains(u"Sent"_s); }, 10000))
        << dialog->statusLabel()->text().toStdString();
    ASSERT_EQ(gmail.sentCount(), 1);
    dialog->close();
    ASSERT_TRUE(h.waitForStatus(u"eva@umbrella.com"_s, int(MoveStatus::Completed))) << h.statusMessage();

    // `z` asks the executor, which explains; nothing is faked and the email stays sent.
    h.press(Qt::Key_Z);
    ASSERT_TRUE(waitFor([&] { return status().startsWith(u"Not undone"_s); }, 10000)) << status().toStdString();
    EXPECT_TRUE(status().contains(u"cannot be recalled"_s)) << status().toStdString();
    EXPECT_EQ(executionsOf(u"eva@umbrella.com"_s).first().state, ExecutionState::Succeeded);
    EXPECT_EQ(gmail.sentCount(), 1);
    EXPECT_FALSE(exec->canUndo()); // said once; the next `z` is the moves' own again
}

TEST_F(ExecutionWindowTest, TheSendPopUpsClickCancelsIt)
{
    QSignalSpy popups(exec, &ExecutionController::popupRequested);
    ExecuteDialog* dialog = openPreview(u"dana@acme.com"_s);
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->executeButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return popups.count() == 1; })) << status().toStdString();
    const qint64 popupId = popups.first().at(0).toLongLong();
    EXPECT_LT(popupId, 0); // never a notification's id
    EXPECT_EQ(popups.first().at(1).toString(), u"Sending to dana@acme.com in 10 s"_s);
    EXPECT_TRUE(popups.first().at(2).toString().contains(u"undo"_s));
    EXPECT_GE(popups.first().at(3).toInt(), 75); // high: the tray shows it
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);

    exec->popupClicked(popupId + 1000); // another pop-up's click does nothing
    QTest::qWait(200);
    EXPECT_FALSE(exec->countdown()->isEmpty());
    exec->popupClicked(popupId); // the pop-up's Undo
    ASSERT_TRUE(waitFor([&] { return exec->countdown()->isEmpty(); })) << status().toStdString();
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, kPending)) << h.statusMessage();
    QTest::qWait(300);
    EXPECT_EQ(gmail.sentCount(), 0);
    EXPECT_EQ(executionsOf(u"dana@acme.com"_s).first().state, ExecutionState::Cancelled);
}

TEST_F(ExecutionWindowTest, AnApprovedMcpCallRunsInTheWindowWithItsCountdownAndUndo)
{
    // An MCP client asked to send an email; the user approves it (here through the service, as the dialog or
    // `caseyos approvals` would, from another connection). The window's executor takes it and counts down,
    // and `z` still stops it. (The window's clock is a fake one, so the countdown stands still.)
    ApprovalService approvals(db, h.clock);
    auto ask = [&](const QString& to) {
        const Result<Approval> asked = approvals.request(u"create_email_draft"_s,
            { { u"to"_s, to }, { u"subject"_s, u"Globex pilot"_s },
                { u"body"_s, u"Hi, the pilot plan. Reply unsubscribe to stop."_s }, { u"send"_s, true } },
            u"Send email to %1: Globex pilot"_s.arg(to), false);
        EXPECT_TRUE(asked.ok()) << asked.error().toStdString();
        return asked ? asked.value().id : 0;
    };
    const qint64 first = ask(u"ben@globex.com"_s);
    QTest::qWait(2500); // longer than the approvals poll: a pending call never runs
    EXPECT_TRUE(exec->countdown()->isEmpty());
    ASSERT_TRUE(approvals.approve(first).ok());
    ASSERT_TRUE(waitFor([&] { return !exec->countdown()->isEmpty(); }, 10000))
        << status().toStdString() << " / hand-over: " << approvals.find(first).value().handoff.toStdString();
    EXPECT_EQ(exec->countdown()->text(), u"Sending in 10 s · Undo (z)"_s) << exec->countdown()->text().toStdString();
    EXPECT_TRUE(approvals.find(first).value().handoff.contains(u"queued"_s));
    h.press(Qt::Key_Z);
    ASSERT_TRUE(waitFor([&] { return exec->countdown()->isEmpty(); })) << status().toStdString();
    EXPECT_TRUE(status().contains(u"Cancelled"_s)) << status().toStdString();

    // With no undo window the next approved one leaves at once, exactly once.
    ASSERT_TRUE(ExecutionSettings(db).setUndoWindowMs(0, h.clock.now()));
    const qint64 second = ask(u"cleo@initech.com"_s);
    ASSERT_TRUE(approvals.approve(second).ok());
    ASSERT_TRUE(waitFor([&] { return gmail.sentCount() == 1; }, 10000)) << status().toStdString();
    EXPECT_EQ(gmail.sentMessages().first().to, u"cleo@initech.com"_s);
    ASSERT_TRUE(waitFor([&] { return approvals.find(second).value().executedAt.isValid(); }, 5000));
    EXPECT_FALSE(approvals.find(first).value().executedAt.isValid());
    QTest::qWait(300);
    EXPECT_EQ(gmail.sentCount(), 1);
}
