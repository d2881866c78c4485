// The approvals dialog in the window (issue 6): an approval created through ApprovalService on another
// connection (as the `caseyos mcp` process does) shows up without a restart — badge on the Approvals action,
// a pop-up request, its notification in the panel — and is approved or rejected with the dialog's buttons and
// their confirmation; the decisions land in the database. The dialog's worker thread does the waiting: the UI
// thread keeps its pace while a decision waits on another connection's write lock. Saves
// docs/screenshots/approvals-dialog.png.
#include "CommandPalette.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "approvals/ApprovalsController.h"
#include "approvals/ApprovalsDialog.h"
#include "mcp/ApprovalService.h"
#include "mcp/McpSettings.h"
#include "notifications/Notification.h"
#include "notifications/NotificationsModel.h"
#include "notifications/NotificationsPanel.h"
#include "storage/Database.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

// The MCP server's side: its own connection to the workspace database.
class OtherProcess
{
public:
    explicit OtherProcess(const QString& databasePath)
    {
        QString error;
        EXPECT_TRUE(m_db.open(databasePath, &error)) << error.toStdString();
    }
    qint64 request(const QString& tool, const QJsonObject& arguments, const QString& summary)
    {
        const Result<Approval> created
            = ApprovalService(m_db, m_clock).request(tool, arguments, summary, false);
        EXPECT_TRUE(bool(created)) << (created ? "" : created.error().toStdString());
        return created ? created.value().id : 0;
    }
    QString status(qint64 id)
    {
        const Result<Approval> found = ApprovalService(m_db, m_clock).find(id);
        return found ? found.value().status : found.error();
    }
    Database& db() { return m_db; }

private:
    Database m_db;
    FakeClock m_clock;
};

class ApprovalsDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        approvals = h.window()->approvals();
        ASSERT_NE(approvals, nullptr);
        // Approvals already there at the window's first listing are not announced as new: on a loaded machine
        // that listing can come after the other process's requests, so the tests start once it has come.
        ASSERT_TRUE(waitFor([&] { return approvals->listings() >= 1; }, 15000));
        other = std::make_unique<OtherProcess>(h.home.databasePath());
    }

    ApprovalsDialog* openDialog()
    {
        approvals->action()->trigger();
        ApprovalsDialog* dialog = approvals->dialog();
        EXPECT_TRUE(dialog && waitFor([&] { return dialog->isVisible(); }));
        return dialog;
    }

    bool waitForPending(int count)
    {
        return waitFor([&] { return approvals->pendingCount() == count; }, 10000);
    }

    // Selects the approval, presses the button (approve or reject), ticks "Always allow" when asked (only an
    // approval offers it), and confirms with the confirmation's button; returns the confirmation's text.
    QString decide(ApprovalsDialog* dialog, qint64 id, QPushButton* button, bool alwaysAllow = false)
    {
        for (int row = 0; row < dialog->list()->count(); ++row) {
            if (dialog->list()->item(row)->text().startsWith(u"#%1 "_s.arg(id)))
                dialog->list()->setCurrentRow(row);
        }
        EXPECT_EQ(dialog->currentId(), id);
        EXPECT_TRUE(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QMessageBox* box = nullptr;
        EXPECT_TRUE(waitFor([&] { return (box = dialog->confirmation()) && box->isVisible(); }));
        if (!box)
            return {};
        const QString shown = box->text() + u'\n' + box->informativeText();
        EXPECT_FALSE(dialog->approveButton()->isEnabled()); // one decision at a time
        QCheckBox* always = box->findChild<QCheckBox*>(u"alwaysAllowTool"_s);
        EXPECT_EQ(always != nullptr, button == dialog->approveButton());
        if (always) {
            EXPECT_FALSE(always->isChecked()); // never allowed permanently by default
            always->setChecked(alwaysAllow);
        }
        QTest::mouseClick(box->findChild<QPushButton*>(u"confirmButton"_s), Qt::LeftButton);
        return shown;
    }

    WindowHarness h;
    ApprovalsController* approvals = nullptr;
    std::unique_ptr<OtherProcess> other;
};

} // namespace

TEST_F(ApprovalsDialogTest, AnApprovalFromAnotherConnectionAppearsAndIsApprovedWithTheButtons)
{
    QSignalSpy popups(approvals, &ApprovalsController::popupRequested);
    EXPECT_EQ(approvals->action()->text(), u"A&pprovals…"_s);
    const qint64 id = other->request(u"execute_move"_s,
        QJsonObject { { u"move_id"_s, 12 }, { u"channel"_s, u"email"_s }, { u"api_token"_s, u"s3cret"_s } },
        u"Execute move 12: Reply to Dana Lee about the Acme renewal"_s);
    const qint64 draft = other->request(u"create_email_draft"_s,
        QJsonObject { { u"to"_s, u"ben@globex.com"_s }, { u"subject"_s, u"Globex pilot: next steps"_s },
            { u"body"_s, u"Hi Ben, thanks for the call. Here is what we agreed…"_s }, { u"send"_s, true } },
        u"Send an email to Ben Ortiz: Globex pilot: next steps"_s);
    ASSERT_GT(id, 0);
    ASSERT_GT(draft, id);

    // The worker's poll finds them: count on the action, a pop-up request for each notification.
    ASSERT_TRUE(waitForPending(2));
    EXPECT_EQ(approvals->action()->text(), u"A&pprovals (2)…"_s);
    ASSERT_TRUE(waitFor([&] { return popups.count() == 2; }, 15000)); // a loaded CI machine polls late
    EXPECT_EQ(popups.first().at(1).toString(), u"Approval #%1 needed"_s.arg(id));
    EXPECT_GE(popups.first().at(3).toInt(), 75); // high: the tray shows it
    // Its notification is in the panel, and opening it opens the dialog.
    NotificationsPanel* panel = h.window()->notificationsPanel();
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() >= 1; }, 10000));
    int row = -1;
    for (int r = 0; r < panel->model()->rowCount(); ++r) {
        const Notification* n = panel->model()->notificationAt(r);
        if (n->kind == u"approval_pending"_s && n->title == u"Approval #%1 needed"_s.arg(id))
            row = r;
    }
    ASSERT_GE(row, 0);
    panel->view()->setCurrentIndex(panel->model()->index(row, 0));
    panel->openCurrent();
    ApprovalsDialog* dialog = approvals->dialog();
    ASSERT_TRUE(dialog && waitFor([&] { return dialog->isVisible(); }));

    // What it would do: tool, summary, arguments pretty-printed (the secret redacted), when requested.
    ASSERT_TRUE(waitFor([&] { return dialog->list()->count() == 2; }));
    EXPECT_EQ(dialog->currentId(), id); // the oldest first
    const QString arguments = dialog->argumentsView()->toPlainText();
    EXPECT_TRUE(arguments.startsWith(u"execute_move({"_s)) << arguments.toStdString();
    EXPECT_TRUE(arguments.contains(u"\"move_id\": 12"_s)) << arguments.toStdString();
    EXPECT_TRUE(arguments.contains(u"[redacted]"_s));
    EXPECT_FALSE(arguments.contains(u"s3cret"_s));
    EXPECT_TRUE(dialog->list()->item(0)->text().contains(u"Reply to Dana Lee"_s));
    EXPECT_TRUE(dialog->list()->item(0)->text().contains(u"requested"_s));

    // Approve…, then the confirmation (showing exactly the call), then its "Approve #N".
    const QString confirmation = decide(dialog, id, dialog->approveButton());
    EXPECT_TRUE(confirmation.contains(u"Approve approval #%1?"_s.arg(id))) << confirmation.toStdString();
    EXPECT_TRUE(confirmation.contains(u"execute_move("_s)) << confirmation.toStdString();
    EXPECT_TRUE(confirmation.contains(u"&quot;move_id&quot;: 12"_s)) << confirmation.toStdString();
    ASSERT_TRUE(waitFor([&] { return other->status(id) == u"approved"_s; }, 10000))
        << other->status(id).toStdString();
    ASSERT_TRUE(waitFor([&] {
        return dialog->resultLabel()->text().startsWith(u"✔ Approved #%1"_s.arg(id));
    })) << dialog->resultLabel()->text().toStdString();
    EXPECT_TRUE(dialog->resultLabel()->text().contains(u"running it through the executor"_s));
    EXPECT_TRUE(allowedMcpTools(QSettings()).isEmpty()); // approved once, not allowed for good
    ASSERT_TRUE(waitForPending(1));
    EXPECT_EQ(approvals->action()->text(), u"A&pprovals (1)…"_s);
    EXPECT_EQ(other->status(draft), u"pending"_s);
    // The next waiting one comes up; the approved one is listed below it as decided.
    ASSERT_TRUE(waitFor([&] { return dialog->currentId() == draft && dialog->list()->count() == 2; }));
    EXPECT_TRUE(dialog->approveButton()->isEnabled());
    EXPECT_TRUE(dialog->list()->item(1)->text().contains(u"Approved"_s))
        << dialog->list()->item(1)->text().toStdString();
    // The screenshot for people: the approval recorded, the next one up.
    QTest::qWait(200);
    const QImage image = dialog->grab().toImage();
    ASSERT_FALSE(image.isNull());
    const QString folder = screenshotFolder(QStringLiteral(CASEYOS_DOCS_SCREENSHOT_DIR));
    ASSERT_FALSE(folder.isEmpty());
    const QString path = QDir(folder).filePath(u"approvals-dialog.png"_s);
    ASSERT_TRUE(image.save(path)) << path.toStdString();
    std::cout << "[ screenshot ] " << path.toStdString() << "\n";

    dialog->list()->setCurrentRow(1);
    EXPECT_EQ(dialog->currentId(), id);
    EXPECT_FALSE(dialog->approveButton()->isEnabled());
    EXPECT_FALSE(dialog->rejectButton()->isEnabled());

    // The dialog is also in the command palette.
    CommandPalette* palette = h.window()->commandPalette();
    palette->openPalette();
    QTest::keyClicks(palette->filterField(), u"approv"_s);
    EXPECT_TRUE(palette->visibleCommands().join(u'|').contains(u"Approvals"_s))
        << palette->visibleCommands().join(u'|').toStdString();
    palette->close();
}

TEST_F(ApprovalsDialogTest, RejectingOneLeavesTheOtherPending)
{
    const qint64 first = other->request(u"create_email_draft"_s,
        QJsonObject { { u"to"_s, u"ben@globex.com"_s }, { u"send"_s, true } },
        u"Send a draft to Ben Ortiz"_s);
    const qint64 second = other->request(
        u"execute_move"_s, QJsonObject { { u"move_id"_s, 7 } }, u"Execute move 7: Call Chen Wu"_s);
    QSignalSpy popups(approvals, &ApprovalsController::popupRequested);
    ASSERT_TRUE(waitForPending(2));
    EXPECT_EQ(approvals->action()->text(), u"A&pprovals (2)…"_s);
    // A click on an approval's pop-up opens the dialog (a click on another pop-up does not).
    ASSERT_TRUE(waitFor([&] { return popups.count() == 2; }, 15000)); // a loaded CI machine polls late
    approvals->popupClicked(987654);
    EXPECT_EQ(approvals->dialog(), nullptr);
    approvals->popupClicked(popups.first().at(0).toLongLong());
    ApprovalsDialog* dialog = approvals->dialog();
    ASSERT_TRUE(dialog && waitFor([&] { return dialog->isVisible(); }));
    ASSERT_TRUE(waitFor([&] { return dialog->list()->count() == 2; }));
    EXPECT_EQ(dialog->currentId(), first); // oldest first

    // Escape on the confirmation decides nothing.
    QTest::mouseClick(dialog->rejectButton(), Qt::LeftButton);
    QMessageBox* box = nullptr;
    ASSERT_TRUE(waitFor([&] { return (box = dialog->confirmation()) && box->isVisible(); }));
    box->grab().save( // for a look, in build/screenshots
        QDir(screenshotFolder(QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR)))
            .filePath(u"approvals-confirm.png"_s));
    QTest::keyClick(box, Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return dialog->confirmation() == nullptr; }));
    QTest::qWait(300);
    EXPECT_EQ(other->status(first), u"pending"_s);

    const QString confirmation = decide(dialog, first, dialog->rejectButton());
    EXPECT_TRUE(confirmation.contains(u"Reject approval #%1?"_s.arg(first))) << confirmation.toStdString();
    EXPECT_TRUE(confirmation.contains(u"never runs"_s));
    ASSERT_TRUE(waitFor([&] { return other->status(first) == u"rejected"_s; }, 10000));
    ASSERT_TRUE(
        waitFor([&] { return dialog->resultLabel()->text().startsWith(u"✖ Rejected #%1"_s.arg(first)); }));
    ASSERT_TRUE(waitForPending(1));
    EXPECT_EQ(other->status(second), u"pending"_s);
    EXPECT_EQ(approvals->action()->text(), u"A&pprovals (1)…"_s);
    ASSERT_TRUE(waitFor([&] { return dialog->currentId() == second; }));
}

TEST_F(ApprovalsDialogTest, TheWindowStaysResponsiveWhileADecisionWaitsOnTheDatabase)
{
    const qint64 id
        = other->request(u"execute_move"_s, QJsonObject { { u"move_id"_s, 3 } }, u"Execute move 3"_s);
    ASSERT_TRUE(waitForPending(1));
    ApprovalsDialog* dialog = openDialog();
    ASSERT_TRUE(dialog && waitFor([&] { return dialog->currentId() == id; }));

    // Another connection holds the write lock: the worker's approve waits in SQLite's busy timeout.
    QSqlQuery lock(other->db().sql());
    ASSERT_TRUE(lock.exec(u"BEGIN IMMEDIATE"_s));
    QSettings().remove(u"mcp/allowedTools"_s);
    decide(dialog, id, dialog->approveButton(), true); // and "Always allow execute_move"
    ASSERT_TRUE(dialog->isDeciding());
    // The tool is allowed for good at once (a setting, not the database the lock holds).
    EXPECT_EQ(allowedMcpTools(QSettings()), QStringList { u"execute_move"_s });
    QSettings().remove(u"mcp/allowedTools"_s);

    // Meanwhile the UI thread keeps ticking, and the dialog closes and opens again at once.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 worstGap = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        worstGap = qMax(worstGap, clock.elapsed() - last);
        last = clock.elapsed();
    });
    tick.start(10);
    dialog->close();
    QTest::qWait(300);
    QElapsedTimer opening;
    opening.start();
    approvals->showDialog();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_LT(opening.elapsed(), 200);
    QTest::qWait(1200);
    EXPECT_EQ(other->status(id), u"pending"_s); // still waiting for the lock
    EXPECT_TRUE(dialog->isDeciding());
    EXPECT_LT(worstGap, 250) << "the UI thread stalled for " << worstGap << " ms";

    ASSERT_TRUE(lock.exec(u"COMMIT"_s));
    ASSERT_TRUE(waitFor([&] { return other->status(id) == u"approved"_s; }, 10000));
    ASSERT_TRUE(waitFor([&] { return !dialog->isDeciding(); }));
    EXPECT_TRUE(dialog->resultLabel()->text().startsWith(u"✔ Approved #%1"_s.arg(id)));
}
