// Jarvis sessions in the pane, offscreen, over the real worker and database: a new session and the list of
// sessions with their message counts, switching back, rename (kept across a restart), forget (asks first,
// deletes for good), the current session shown again at start, and answers that arrive after a switch staying
// out of the other session — offline and from a streaming model. Saves docs/screenshots/jarvis-sessions.png.
#include "FakeLlmServer.h"
#include "JarvisController.h"
#include "LlmTestSupport.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "jarvis/ChatModel.h"
#include "jarvis/ChatPane.h"
#include "jarvis/SessionBar.h"
#include "jarvis/SessionsModel.h"
#include "memory/MemoryStore.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QInputDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>
#include <iostream>

// Failure messages show text, not bytes (found by argument-dependent lookup: QString is in the global namespace).
inline void PrintTo(const QString& text, std::ostream* out)
{
    *out << '"' << text.toStdString() << '"';
}

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

ChatPane* pane(WindowHarness& h)
{
    return h.window()->chatPane();
}

SessionBar* bar(WindowHarness& h)
{
    return pane(h)->sessionBar();
}

SessionsModel* sessions(WindowHarness& h)
{
    return h.window()->jarvis()->sessions();
}

QStringList chatTexts(WindowHarness& h)
{
    QStringList texts;
    const QAbstractItemModel* model = pane(h)->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, 0).data(ChatModel::MarkdownRole).toString());
    return texts;
}

std::string joined(const QStringList& texts)
{
    return texts.join(u" | "_s).toStdString();
}

// Types the question and presses Enter, as a user does (without waiting for anything).
void type(WindowHarness& h, const QString& text)
{
    QLineEdit* input = pane(h)->input();
    input->setFocus();
    QTest::keyClicks(input, text);
    QTest::keyClick(input, Qt::Key_Return);
}

// Asks and waits for the answer; returns it (the chat's last row).
QString ask(WindowHarness& h, const QString& text)
{
    QSignalSpy answered(h.window()->jarvis(), &JarvisController::answered);
    type(h, text);
    if (!waitFor([&] { return !answered.isEmpty(); }, 10000))
        return u"(no answer)"_s;
    return chatTexts(h).value(chatTexts(h).size() - 1);
}

qint64 messageCount(WindowHarness& h, qint64 sessionId)
{
    const MemorySession* s = sessions(h)->session(sessionId);
    return s ? s->messageCount : -1;
}

// Picks a session in the bar's list as a user does: opens the list, moves to it, presses Enter.
bool chooseSession(WindowHarness& h, qint64 sessionId)
{
    QComboBox* list = bar(h)->sessionList();
    const int row = sessions(h)->rowOf(sessionId);
    if (row < 0)
        return false;
    list->showPopup();
    QAbstractItemView* view = list->view();
    if (!waitFor([&] { return view->isVisible(); }))
        return false;
    view->setCurrentIndex(view->model()->index(row, 0));
    QTest::keyClick(view, Qt::Key_Return);
    return !view->isVisible();
}

// The workspace's memory through a connection of its own, as another process (the CLI) sees it.
class MemoryProbe
{
public:
    MemoryProbe(const QString& path, const Clock& clock)
    {
        QString error;
        m_ok = m_db.open(path, &error);
        EXPECT_TRUE(m_ok) << error.toStdString();
        m_store = std::make_unique<MemoryStore>(m_db, clock);
    }
    MemoryStore& store() { return *m_store; }
    QStringList messages(qint64 sessionId)
    {
        QStringList texts;
        const Result<QList<MemoryMessage>> list = m_store->messages(sessionId);
        EXPECT_TRUE(list.ok()) << list.error().toStdString();
        if (list)
            for (const MemoryMessage& m : list.value())
                texts.append(m.role + u": "_s + m.content);
        return texts;
    }

private:
    bool m_ok = false;
    Database m_db;
    std::unique_ptr<MemoryStore> m_store;
};

class JarvisSessions : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            sessions(h), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    void reopen()
    {
        m_tester.reset();
        h.closeWindow();
        ASSERT_TRUE(h.start());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            sessions(h), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    // Starts a new session with the pane's shortcut, the keyboard in the question line.
    void newSession()
    {
        pane(h)->input()->setFocus();
        h.press(Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier, pane(h)->input());
    }

    WindowHarness h;

private:
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

} // namespace

TEST_F(JarvisSessions, ANewSessionIsListedWithItsCountsAndSwitchingBackShowsTheFirst)
{
    const QString a1 = ask(h, u"what's up?"_s);
    h.clock.advance(60);
    const QString a2 = ask(h, u"help"_s);
    const QStringList first = chatTexts(h);
    ASSERT_EQ(first, QStringList({ u"what's up?"_s, a1, u"help"_s, a2 }));
    ASSERT_TRUE(waitFor([&] { return sessions(h)->rowCount() == 1 && bar(h)->shownSession() != 0; }));
    const qint64 firstId = bar(h)->shownSession();
    ASSERT_NE(firstId, 0);
    EXPECT_TRUE(waitFor([&] { return messageCount(h, firstId) == 4; })) << messageCount(h, firstId);

    // Ctrl+Shift+J in the pane: an empty chat, the bar says "New session" until the next question starts it.
    h.clock.advance(60);
    newSession();
    EXPECT_EQ(pane(h)->view()->model()->rowCount(), 0);
    EXPECT_EQ(bar(h)->sessionList()->currentIndex(), -1);
    EXPECT_EQ(bar(h)->shownSession(), 0);
    ASSERT_TRUE(waitFor([&] {
        const MemorySession* s = sessions(h)->session(firstId);
        return s && s->endedAt.isValid();
    })); // the first one ended

    h.clock.advance(60);
    const QString b1 = ask(h, u"stats"_s);
    EXPECT_EQ(chatTexts(h), QStringList({ u"stats"_s, b1 }));
    ASSERT_TRUE(waitFor([&] { return sessions(h)->rowCount() == 2 && bar(h)->shownSession() != 0; }));
    const qint64 secondId = bar(h)->shownSession();
    EXPECT_NE(secondId, firstId);
    EXPECT_TRUE(waitFor([&] { return messageCount(h, secondId) == 2; })) << messageCount(h, secondId);
    EXPECT_EQ(messageCount(h, firstId), 4);
    EXPECT_EQ(sessions(h)->rowOf(secondId), 0); // most recently active first
    EXPECT_EQ(sessions(h)->rowOf(firstId), 1);
    EXPECT_EQ(bar(h)->sessionList()->currentIndex(), 0);
    const QString detail = sessions(h)->index(1).data(SessionsModel::DetailRole).toString();
    EXPECT_TRUE(detail.contains(u"4 messages"_s)) << detail.toStdString();
    EXPECT_TRUE(detail.contains(u"ended"_s)) << detail.toStdString();

    // Switching back shows the first session's messages, and new questions go to it.
    h.clock.advance(60);
    QSignalSpy shown(h.window()->jarvis(), &JarvisController::sessionShown);
    ASSERT_TRUE(chooseSession(h, firstId));
    ASSERT_TRUE(waitForSignal(shown));
    EXPECT_EQ(chatTexts(h), first) << joined(chatTexts(h));
    EXPECT_EQ(bar(h)->shownSession(), firstId);
    ASSERT_TRUE(waitFor([&] { return sessions(h)->rowOf(firstId) == 0; })); // active again: on top
    EXPECT_EQ(bar(h)->sessionList()->currentIndex(), 0);

    h.clock.advance(60);
    const QString a3 = ask(h, u"what's up?"_s);
    EXPECT_EQ(chatTexts(h).size(), 6);
    EXPECT_TRUE(waitFor([&] { return messageCount(h, firstId) == 6; })) << messageCount(h, firstId);
    EXPECT_EQ(messageCount(h, secondId), 2);

    MemoryProbe memory(h.home.databasePath(), h.clock);
    EXPECT_EQ(memory.messages(firstId),
        QStringList({ u"user: what's up?"_s, u"assistant: "_s + a1, u"user: help"_s, u"assistant: "_s + a2,
            u"user: what's up?"_s, u"assistant: "_s + a3 }));
    EXPECT_EQ(memory.messages(secondId), QStringList({ u"user: stats"_s, u"assistant: "_s + b1 }));
    EXPECT_FALSE(memory.store().session(firstId).value().endedAt.isValid()); // the current one
    EXPECT_TRUE(memory.store().session(secondId).value().endedAt.isValid());
}

TEST_F(JarvisSessions, RenameIsKeptAndReopeningShowsTheCurrentSession)
{
    const QString a1 = ask(h, u"what's up?"_s);
    ASSERT_TRUE(waitFor([&] { return bar(h)->shownSession() != 0; }));
    const qint64 id = bar(h)->shownSession();

    // F2 with the keyboard in the pane renames the session — even while Edit Move (F2 window-wide) is
    // enabled.
    QAction* editMove = h.window()->findChild<QAction*>(u"editMove"_s);
    ASSERT_NE(editMove, nullptr);
    editMove->setEnabled(true);
    QSignalSpy editTriggered(editMove, &QAction::triggered);
    h.press(Qt::Key_F2, Qt::NoModifier, pane(h)->input());
    auto* dialog = waitForModal<QInputDialog>();
    ASSERT_NE(dialog, nullptr) << "no rename dialog; active modal: "
                               << (QApplication::activeModalWidget()
                                          ? QApplication::activeModalWidget()->metaObject()->className()
                                          : "none");
    EXPECT_EQ(editTriggered.count(), 0);
    auto* line = dialog->findChild<QLineEdit*>();
    ASSERT_NE(line, nullptr);
    line->selectAll();
    QTest::keyClicks(line, u"Pricing with Dana"_s);
    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return bar(h)->sessionList()->currentText() == u"Pricing with Dana"_s; }))
        << bar(h)->sessionList()->currentText().toStdString();
    {
        MemoryProbe memory(h.home.databasePath(), h.clock);
        EXPECT_EQ(memory.store().session(id).value().name, u"Pricing with Dana"_s);
    }

    // The next start of the app: the current session (not idle) is shown with its messages and its name.
    reopen();
    ASSERT_TRUE(waitFor([&] { return chatTexts(h).size() == 2; })) << joined(chatTexts(h));
    EXPECT_EQ(chatTexts(h), QStringList({ u"what's up?"_s, a1 }));
    ASSERT_TRUE(waitFor([&] { return bar(h)->sessionList()->currentText() == u"Pricing with Dana"_s; }));
    EXPECT_EQ(bar(h)->shownSession(), id);
    // A question goes on in it.
    ask(h, u"help"_s);
    EXPECT_TRUE(waitFor([&] { return messageCount(h, id) == 4; })) << messageCount(h, id);
    EXPECT_EQ(sessions(h)->rowCount(), 1);

    // Two hours later it has idled out: the pane starts empty, the session is still listed.
    h.clock.advance(2 * 3600);
    reopen();
    ASSERT_TRUE(waitFor([&] { return sessions(h)->rowCount() == 1; }));
    QTest::qWait(100);
    EXPECT_TRUE(chatTexts(h).isEmpty()) << joined(chatTexts(h));
    EXPECT_EQ(bar(h)->shownSession(), 0);
    EXPECT_EQ(bar(h)->sessionList()->currentIndex(), -1);
}

TEST_F(JarvisSessions, ForgetAsksFirstAndThenDeletesTheSessionForGood)
{
    const QString a1 = ask(h, u"what's up?"_s);
    ASSERT_TRUE(waitFor([&] { return bar(h)->shownSession() != 0; }));
    const qint64 keptId = bar(h)->shownSession();
    h.clock.advance(60);
    newSession();
    h.clock.advance(60);
    ask(h, u"zanzibar quokka"_s);
    ASSERT_TRUE(waitFor([&] {
        return sessions(h)->rowCount() == 2 && bar(h)->shownSession() != keptId
            && bar(h)->shownSession() != 0;
    }));
    const qint64 goneId = bar(h)->shownSession();
    ASSERT_NE(goneId, 0);
    ASSERT_TRUE(waitFor([&] { return messageCount(h, goneId) == 2; }));

    MemoryProbe memory(h.home.databasePath(), h.clock);
    const auto quokkaHits = [&] {
        const Result<QList<MemoryHit>> hits = memory.store().searchLexical(u"quokka"_s, 10);
        EXPECT_TRUE(hits.ok());
        return hits ? hits.value().size() : -1;
    };
    ASSERT_GT(quokkaHits(), 0); // indexed, so that its absence below means something

    // Cancel: nothing is deleted.
    bar(h)->forgetAction()->trigger();
    auto* box = waitForModal<QMessageBox>();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->informativeText().contains(u"permanently deletes"_s))
        << box->informativeText().toStdString();
    EXPECT_TRUE(box->informativeText().contains(u"2 messages"_s)) << box->informativeText().toStdString();
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTest::qWait(300);
    EXPECT_EQ(memory.messages(goneId).size(), 2);
    EXPECT_TRUE(memory.store().session(goneId).ok());
    EXPECT_EQ(sessions(h)->rowCount(), 2);
    EXPECT_EQ(chatTexts(h).size(), 2);
    EXPECT_EQ(bar(h)->shownSession(), goneId);

    // Forget: the session, its messages and their index entries are gone; the other session stays.
    bar(h)->forgetAction()->trigger();
    box = waitForModal<QMessageBox>();
    ASSERT_NE(box, nullptr);
    auto* forget = box->findChild<QPushButton*>(u"forgetButton"_s);
    ASSERT_NE(forget, nullptr);
    QTest::mouseClick(forget, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return sessions(h)->rowCount() == 1; }));
    EXPECT_EQ(sessions(h)->rowOf(goneId), -1);
    EXPECT_EQ(sessions(h)->rowOf(keptId), 0);
    EXPECT_TRUE(chatTexts(h).isEmpty()) << joined(chatTexts(h));
    EXPECT_EQ(bar(h)->shownSession(), 0);
    EXPECT_FALSE(memory.store().session(goneId).ok());
    EXPECT_TRUE(memory.messages(goneId).isEmpty());
    EXPECT_EQ(quokkaHits(), 0);
    EXPECT_EQ(memory.messages(keptId), QStringList({ u"user: what's up?"_s, u"assistant: "_s + a1 }));
}

// End keeps the chat in view (marked ended in the list); the next question starts a new session in an empty
// chat.
TEST_F(JarvisSessions, EndKeepsTheChatUntilTheNextQuestionStartsANewSession)
{
    const QString a1 = ask(h, u"what's up?"_s);
    ASSERT_TRUE(waitFor([&] { return bar(h)->shownSession() != 0; }));
    const qint64 endedId = bar(h)->shownSession();
    EXPECT_TRUE(bar(h)->endAction()->isEnabled());
    bar(h)->endAction()->trigger();
    ASSERT_TRUE(waitFor([&] { return sessions(h)->index(0).data(SessionsModel::EndedRole).toBool(); }));
    EXPECT_EQ(chatTexts(h), QStringList({ u"what's up?"_s, a1 }));
    EXPECT_EQ(bar(h)->shownSession(), endedId);
    EXPECT_FALSE(bar(h)->endAction()->isEnabled());

    h.clock.advance(60);
    const QString b1 = ask(h, u"help"_s);
    EXPECT_EQ(chatTexts(h), QStringList({ u"help"_s, b1 }));
    ASSERT_TRUE(waitFor([&] {
        return sessions(h)->rowCount() == 2 && bar(h)->shownSession() != endedId
            && bar(h)->shownSession() != 0;
    }));
    EXPECT_EQ(messageCount(h, endedId), 2);
    EXPECT_EQ(messageCount(h, bar(h)->shownSession()), 2);

    // A session that is not there: a clear error, nothing else changes.
    QSignalSpy failed(h.window()->jarvis()->client(), &JarvisClient::sessionFailed);
    h.window()->jarvis()->client()->forgetSession(987654);
    ASSERT_TRUE(waitForSignal(failed));
    EXPECT_TRUE(failed.at(0).at(0).toString().contains(u"987654"_s))
        << failed.at(0).at(0).toString().toStdString();
    EXPECT_EQ(sessions(h)->rowCount(), 2);
}

// An offline answer is worked out at once on the storage thread, but reaches the pane through its event
// queue: a switch made before it arrives must keep it out of the session switched to (it stays in its own).
TEST_F(JarvisSessions, AnAnswerArrivingAfterASwitchStaysInItsOwnSession)
{
    const QString a1 = ask(h, u"what's up?"_s);
    ASSERT_TRUE(waitFor([&] { return bar(h)->shownSession() != 0; }));
    const qint64 firstId = bar(h)->shownSession();
    h.clock.advance(60);
    newSession();
    h.clock.advance(60);
    ask(h, u"help"_s);
    ASSERT_TRUE(waitFor([&] {
        return sessions(h)->rowCount() == 2 && bar(h)->shownSession() != firstId
            && bar(h)->shownSession() != 0;
    }));
    const qint64 secondId = bar(h)->shownSession();
    ASSERT_EQ(sessions(h)->rowOf(secondId), 0);
    ASSERT_EQ(sessions(h)->rowOf(firstId), 1);

    QSignalSpy answered(h.window()->jarvis(), &JarvisController::answered);
    QSignalSpy shown(h.window()->jarvis(), &JarvisController::sessionShown);
    h.clock.advance(60);
    type(h, u"stats"_s); // no event is processed between the question and the switch
    QComboBox* list = bar(h)->sessionList();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down); // the next row down: the first session
    ASSERT_TRUE(waitForSignal(shown));
    QTest::qWait(300);
    EXPECT_EQ(chatTexts(h), QStringList({ u"what's up?"_s, a1 })) << joined(chatTexts(h));
    EXPECT_EQ(answered.count(), 0);
    EXPECT_EQ(bar(h)->shownSession(), firstId);

    MemoryProbe memory(h.home.databasePath(), h.clock);
    const QStringList second = memory.messages(secondId);
    ASSERT_EQ(second.size(), 4) << joined(second);
    EXPECT_EQ(second.at(2), u"user: stats"_s);
    EXPECT_TRUE(second.at(3).startsWith(u"assistant: "_s));
    EXPECT_EQ(memory.messages(firstId).size(), 2);
}

// A language model streaming an answer when the user switches: the pieces stop, nothing of it shows in the
// other session, and nothing is remembered anywhere (its question stays, unanswered, where it was asked).
TEST_F(JarvisSessions, AStreamedAnswerIsDroppedWhenTheUserSwitches)
{
    FakeLlmServer server;
    ASSERT_TRUE(server.listen());
    server.setHandler([](const LlmRequest& request, int) {
        const QString last
            = request.json().value("messages"_L1).toArray().last().toObject().value("content"_L1).toString();
        const bool slow = last == "slow"_L1;
        LlmReply reply = LlmReply::sse(
            sse::openAiText(slow ? QStringList { u"old "_s, u"answer"_s } : QStringList { u"quick"_s }));
        reply.pieceDelayMs = slow ? 400 : 10; // slow: 4 events (2 pieces, stop, [DONE]), 1.6 s in all
        return reply;
    });

    const QString a1 = ask(h, u"what's up?"_s); // offline
    ASSERT_TRUE(waitFor([&] { return bar(h)->shownSession() != 0; }));
    const qint64 firstId = bar(h)->shownSession();
    h.clock.advance(60);
    newSession();
    h.window()->jarvis()->setConfigSource(
        [&server] { return JarvisHarness::openAiAt(server.url(u"/v1"_s)); });

    QSignalSpy answered(h.window()->jarvis(), &JarvisController::answered);
    type(h, u"slow"_s);
    ASSERT_TRUE(waitFor([&] { return chatTexts(h).value(1).startsWith(u"old"_s); }, 10000))
        << joined(chatTexts(h));
    ASSERT_TRUE(waitFor([&] { return sessions(h)->rowCount() == 2 && bar(h)->shownSession() != 0; }));
    const qint64 secondId = bar(h)->shownSession();
    ASSERT_NE(secondId, firstId);

    QSignalSpy shown(h.window()->jarvis(), &JarvisController::sessionShown);
    ASSERT_TRUE(chooseSession(h, firstId));
    ASSERT_TRUE(waitForSignal(shown));
    QTest::qWait(2500); // the stream would have finished by now (and its answer been remembered)
    EXPECT_EQ(chatTexts(h), QStringList({ u"what's up?"_s, a1 })) << joined(chatTexts(h));
    EXPECT_EQ(answered.count(), 0);

    MemoryProbe memory(h.home.databasePath(), h.clock);
    EXPECT_EQ(memory.messages(secondId), QStringList({ u"user: slow"_s }));
    EXPECT_EQ(memory.messages(firstId), QStringList({ u"user: what's up?"_s, u"assistant: "_s + a1 }));
    const Result<QList<MemorySession>> all = memory.store().sessions();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all.value().size(), 2); // the dropped answer did not start a session of its own
}

// For people: the pane with its session list open, over a workspace with leads (docs/screenshots).
TEST_F(JarvisSessions, Screenshot)
{
    ASSERT_TRUE(h.importSignals(fiveLeads()));
    ask(h, u"what's up?"_s);
    h.clock.advance(15 * 60);
    ask(h, u"draft a follow-up to Dana"_s);
    ASSERT_TRUE(waitFor([&] { return bar(h)->shownSession() != 0; }));
    const qint64 named = bar(h)->shownSession();
    SessionBar* sessionBar = bar(h);
    sessionBar->rename();
    auto* dialog = waitForModal<QInputDialog>();
    ASSERT_NE(dialog, nullptr);
    dialog->setTextValue(u"Pricing with Dana"_s);
    dialog->accept();
    ASSERT_TRUE(
        waitFor([&] { return sessions(h)->session(named) && !sessions(h)->session(named)->name.isEmpty(); }));
    h.clock.advance(3 * 3600);
    newSession();
    ask(h, u"accept the top move"_s);
    h.clock.advance(5 * 60);
    ask(h, u"stats"_s);
    ASSERT_TRUE(waitFor(
        [&] { return sessions(h)->rowCount() == 2 && messageCount(h, bar(h)->shownSession()) == 4; }));

    // The pane alone, a little wider than at first start, with its session list open.
    QDockWidget* dock = h.window()->jarvisDock();
    h.window()->resize(1400, 760);
    h.window()->resizeDocks({ dock }, { 440 }, Qt::Horizontal);
    QTest::qWait(150);
    QComboBox* list = bar(h)->sessionList();
    list->showPopup();
    QWidget* popup = list->view()->window();
    ASSERT_TRUE(waitFor([&] { return popup->isVisible(); }));
    QTest::qWait(150);
    // The list is a window of its own (and offscreen's small virtual screen pushes it aside): it is painted
    // under the box, as a desktop shows it, kept inside the pane.
    QImage image = dock->grab().toImage();
    {
        const QPixmap listPicture = popup->grab();
        QPoint at = list->mapTo(dock, QPoint(0, list->height()));
        at.setX(qMin(at.x(), dock->width() - listPicture.width() - 2));
        QPainter painter(&image);
        painter.drawPixmap(at, listPicture);
    }
    list->hidePopup();
    const QString folder = screenshotFolder(QStringLiteral(CASEYOS_DOCS_SCREENSHOT_DIR));
    ASSERT_FALSE(folder.isEmpty());
    const QString path = QDir(folder).filePath(u"jarvis-sessions.png"_s);
    ASSERT_TRUE(image.save(path)) << path.toStdString();
    std::cout << "[ screenshot ] " << path.toStdString() << "\n";
}
