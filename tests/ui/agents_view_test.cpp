// The Agents dock in the window, offscreen, over the real AgentsClient and its worker thread on the
// workspace's SQLite database: View ▸ Agents lists every registered agent under its domain with what it
// needs; the duplicate watcher, run with Ctrl+R from the list, runs on the worker's thread while the dock
// shows it busy, then shows its summary and run time, and the move it proposes is in Today's Moves at once (a
// link in the result opens it); a second run proposes nothing new; an agent that needs a language model says
// so plainly; parameters that are not a JSON object are refused before anything runs. Saves
// docs/screenshots/agents-view.png.
#include "FakeLlmServer.h"
#include "JarvisController.h"
#include "MainWindow.h"
#include "MoveFormat.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "agents/AgentDetailPane.h"
#include "agents/AgentRegistry.h"
#include "agents/AgentRunner.h"
#include "agents/AgentText.h"
#include "jarvis/AgentsClient.h"
#include "agents/AgentsController.h"
#include "agents/AgentsFilterProxy.h"
#include "agents/AgentsModel.h"
#include "agents/AgentsView.h"
#include "jarvis/ChatPane.h"
#include "llm/LlmSettings.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QThread>
#include <QTreeView>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

// Dana Lee <dana@acme.com> (one of the five leads) and Dana Leigh <dlee@acme.com>: one person twice (same
// domain, similar names). No other pair of the six is alike.
QByteArray leadsWithNearDuplicate()
{
    return fiveLeads() + formSignal(u"f-dleigh"_s, u"Dana Leigh"_s, u"Acme"_s, u"dlee@acme.com"_s, 0.4);
}

class AgentsViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        view = h.window()->agentsView();
        dock = h.window()->agentsDock();
        controller = h.window()->agents();
        ASSERT_NE(view, nullptr);
        ASSERT_NE(dock, nullptr);
        ASSERT_NE(controller, nullptr);
        // Whatever this machine's Jarvis settings say, the window here has no language model.
        controller->setModelConfiguredSource([] { return false; });
    }

    // View ▸ Agents, as a user opens it.
    bool openDock()
    {
        QAction* toggle = nullptr;
        for (QAction* action : h.window()->viewMenu()->actions())
            if (action == dock->toggleViewAction())
                toggle = action;
        if (!toggle)
            return false;
        toggle->trigger();
        return waitFor([&] { return dock->isVisible() && controller->client() != nullptr; });
    }

    QModelIndex agentIndex(const QString& agent, int column = AgentsModel::AgentColumn) const
    {
        return view->model()->indexOf(agent, column);
    }
    QVariant agentData(const QString& agent, int role, int column = AgentsModel::AgentColumn) const
    {
        return agentIndex(agent, column).data(role);
    }

    // Selects the agent in the list and gives the list the keyboard.
    bool focusAgent(const QString& agent)
    {
        view->filterLine()->clear();
        if (!view->selectAgent(agent))
            return false;
        view->tree()->setFocus();
        return waitFor([&] { return view->tree()->hasFocus(); });
    }

    // Runs the agent with `key` pressed in the list (Ctrl+R or Enter) and waits for the run to come back.
    std::optional<AgentRunReport> runWithKey(const QString& agent, int key, Qt::KeyboardModifiers modifiers)
    {
        if (!focusAgent(agent))
            return std::nullopt;
        QSignalSpy finished(controller, &AgentsController::runFinished);
        h.press(key, modifiers, view->tree());
        if (!waitForSignal(finished, 1, 30000))
            return std::nullopt;
        return finished.first().at(0).value<AgentRunReport>();
    }

    qint64 countInDatabase(const QString& sql) const
    {
        Database db;
        QString error;
        if (!db.open(h.home.databasePath(), &error))
            return -1;
        QSqlQuery q(db.sql());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    WindowHarness h;
    AgentsView* view = nullptr;
    QDockWidget* dock = nullptr;
    AgentsController* controller = nullptr;
};

} // namespace

TEST_F(AgentsViewTest, ListsEveryRegisteredAgentUnderItsDomainWithWhatItNeeds)
{
    EXPECT_FALSE(dock->isVisible()); // hidden until asked for
    QAbstractItemModelTester modelTester(
        view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        view->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Ctrl+Shift+G opens it.
    h.press(Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier, h.window());
    ASSERT_TRUE(waitFor([&] { return dock->isVisible(); }));

    const QList<AgentDefinition>& agents = AgentRegistry::instance().all();
    const QAbstractItemModel* shown = view->tree()->model();
    int listed = 0;
    QStringList domainsShown;
    for (int g = 0; g < shown->rowCount(); ++g) {
        const QModelIndex domain = shown->index(g, 0);
        domainsShown << domain.data(AgentsModel::DomainRole).toString();
        EXPECT_TRUE(view->tree()->isExpanded(domain)) << domainsShown.last().toStdString();
        listed += shown->rowCount(domain);
    }
    QStringList expectedDomains;
    for (AgentDomain d : allAgentDomains())
        expectedDomains << toString(d);
    EXPECT_EQ(
        domainsShown, expectedDomains); // sales, content, fulfillment, contracts, ops, research, data hygiene
    EXPECT_EQ(listed, agents.size());
    EXPECT_TRUE(
        view->findChild<QLabel*>(u"agentsCount"_s)->text().startsWith(QString::number(agents.size())));

    for (const AgentDefinition& agent : agents) {
        const AgentInfo& info = agent.info;
        const QModelIndex index = view->proxy()->mapFromSource(agentIndex(info.name));
        ASSERT_TRUE(index.isValid()) << info.name.toStdString();
        // Under its own domain's row, which is labelled for people.
        EXPECT_EQ(index.parent().data(AgentsModel::DomainRole).toString(), toString(info.domain));
        EXPECT_TRUE(index.parent().data().toString().startsWith(AgentText::domainLabel(info.domain)));
        EXPECT_EQ(index.data().toString(), AgentText::displayName(info.name));
        // The Needs column names each kind of data, the account and the model it needs.
        const QString needs = index.siblingAtColumn(AgentsModel::NeedsColumn).data().toString();
        for (const QString& data : info.needs.data)
            EXPECT_TRUE(needs.contains(AgentText::dataLabel(data)))
                << info.name.toStdString() << ": " << needs.toStdString();
        if (!info.needs.account.isEmpty()) {
            EXPECT_TRUE(needs.contains(AgentText::accountLabel(info.needs.account))) << needs.toStdString();
        }
        EXPECT_EQ(needs.contains(u"language model"_s), info.needs.model) << info.name.toStdString();
        // Never run in this new workspace.
        EXPECT_EQ(index.siblingAtColumn(AgentsModel::LastRunColumn).data().toString(), u"Never"_s);
    }

    // Selecting an agent shows what it is in the detail.
    const AgentInfo& chosen = agents.last().info;
    ASSERT_TRUE(view->selectAgent(chosen.name));
    EXPECT_EQ(view->detail()->findChild<QLabel*>(u"agentDescription"_s)->text(), chosen.description);
    EXPECT_TRUE(
        view->detail()->needsLabel()->text().contains(AgentText::needsText(chosen.needs).toHtmlEscaped()));
    EXPECT_TRUE(view->detail()->runButton()->isEnabled());

    // Typing in the filter line keeps the data hygiene agents only, still under their domain.
    int hygiene = 0;
    for (const AgentDefinition& agent : agents)
        hygiene += agent.info.domain == AgentDomain::DataHygiene ? 1 : 0;
    QTest::keyClicks(view->filterLine(), u"hygiene"_s);
    ASSERT_EQ(shown->rowCount(), 1);
    EXPECT_EQ(shown->index(0, 0).data(AgentsModel::DomainRole).toString(), u"data_hygiene"_s);
    EXPECT_EQ(shown->rowCount(shown->index(0, 0)), hygiene);
    // The selection stays on a shown agent, so Enter still runs what the detail shows.
    EXPECT_EQ(agentData(view->currentAgent(), AgentsModel::DomainRole).toString(), u"data_hygiene"_s)
        << view->currentAgent().toStdString();
    view->filterLine()->clear();
    EXPECT_EQ(shown->rowCount(), expectedDomains.size());

    // "model": every agent that needs a language model, whatever its domain (and those that mention one).
    QTest::keyClicks(view->filterLine(), u"model"_s);
    QStringList shownNames;
    for (int g = 0; g < shown->rowCount(); ++g)
        for (int a = 0; a < shown->rowCount(shown->index(g, 0)); ++a)
            shownNames << shown->index(a, 0, shown->index(g, 0)).data(AgentsModel::NameRole).toString();
    for (const AgentDefinition& agent : agents) {
        const bool mentionsModel = agent.info.needs.model || agent.info.description.contains(u"model"_s);
        EXPECT_EQ(shownNames.contains(agent.info.name), mentionsModel) << agent.info.name.toStdString();
    }
    EXPECT_TRUE(shownNames.contains(view->currentAgent())) << view->currentAgent().toStdString();
}

TEST_F(AgentsViewTest, DuplicateWatcherRunsOffTheUiThreadProposesItsMoveOnceAndTheListShowsIt)
{
    ASSERT_TRUE(h.importSignals(leadsWithNearDuplicate()));
    ASSERT_TRUE(waitFor([&] { return h.window()->model()->rowCount() == 6; }));
    ASSERT_TRUE(openDock());
    const int movesBefore = h.window()->model()->rowCount();
    const int listingsBefore = int(h.listedSpy->count());

    // Where the run happens: seen from the worker's own signal, delivered directly on the thread that emits
    // it.
    QThread* runThread = nullptr;
    QObject::connect(
        controller->client()->worker(), &AgentsWorker::runStarted, controller->client()->worker(),
        [&runThread] { runThread = QThread::currentThread(); }, Qt::DirectConnection);

    const QString agent = u"duplicate_watcher"_s;
    ASSERT_TRUE(focusAgent(agent));
    QSignalSpy finished(controller, &AgentsController::runFinished);
    h.press(Qt::Key_R, Qt::ControlModifier, view->tree());
    // The key press has returned and no result is in: the run is out, and the dock says so.
    EXPECT_TRUE(finished.isEmpty());
    EXPECT_TRUE(agentData(agent, AgentsModel::RunningRole).toBool());
    EXPECT_TRUE(view->detail()->busyBar()->isVisible());
    EXPECT_FALSE(view->detail()->runButton()->isEnabled());
    EXPECT_EQ(agentData(agent, Qt::DisplayRole, AgentsModel::LastRunColumn).toString(), u"Running…"_s);
    ASSERT_TRUE(waitForSignal(finished, 1, 30000));
    const AgentRunReport first = finished.first().at(0).value<AgentRunReport>();
    ASSERT_TRUE(first.error.isEmpty()) << first.error.toStdString();

    ASSERT_NE(runThread, nullptr);
    EXPECT_NE(runThread, QThread::currentThread());
    EXPECT_NE(runThread, qApp->thread());
    EXPECT_EQ(runThread, controller->client()->workerThread());
    // Ctrl+R in the list ran the agent; it did not reach the window's Reload.
    EXPECT_EQ(int(h.listedSpy->count()), listingsBefore);

    // Busy state over; the row shows when it ran and what it found, as stored in the workspace.
    EXPECT_FALSE(view->detail()->busyBar()->isVisible());
    EXPECT_TRUE(view->detail()->runButton()->isEnabled());
    EXPECT_EQ(agentData(agent, AgentsModel::LastRunAtRole).toDateTime(), h.clock.now());
    EXPECT_EQ(agentData(agent, Qt::DisplayRole, AgentsModel::LastRunColumn).toString(),
        formatShortTime(
            h.clock.now().toMSecsSinceEpoch(), h.clock.now().toMSecsSinceEpoch(), h.clock.localZone()));
    EXPECT_EQ(agentData(agent, AgentsModel::LastStatusRole).toString(), u"ok"_s);
    Database db;
    QString error;
    ASSERT_TRUE(db.open(h.home.databasePath(), &error)) << error.toStdString();
    QSqlQuery stored(db.sql());
    ASSERT_TRUE(
        stored.exec(u"SELECT summary FROM agent_runs WHERE agent = 'duplicate_watcher' ORDER BY id DESC"_s));
    ASSERT_TRUE(stored.next());
    const QString summary = stored.value(0).toString();
    ASSERT_FALSE(summary.isEmpty());
    EXPECT_EQ(agentData(agent, AgentsModel::LastSummaryRole).toString(), summary);
    EXPECT_TRUE(agentData(agent, Qt::DisplayRole, AgentsModel::ResultColumn).toString().contains(summary));
    QTextBrowser* result = view->detail()->resultView();
    EXPECT_TRUE(result->toPlainText().contains(summary)) << result->toPlainText().toStdString();

    // One near-duplicate pair was seeded: one move, for both people, now in Today's Moves.
    EXPECT_EQ(agentData(agent, AgentsModel::MovesCreatedRole).toInt(), 1);
    ASSERT_EQ(first.run.moves.size(), 1);
    const MoveRow proposed = first.run.moves.first();
    EXPECT_TRUE(proposed.title.contains(u"Dana Lee"_s) && proposed.title.contains(u"Dana Leigh"_s))
        << proposed.title.toStdString();
    ASSERT_TRUE(waitFor([&] { return h.window()->model()->rowCount() == movesBefore + 1; }));
    const MoveRow* listedMove = h.window()->model()->findMove(proposed.id);
    ASSERT_NE(listedMove, nullptr);
    EXPECT_EQ(listedMove->title, proposed.title);
    EXPECT_EQ(listedMove->status, MoveStatus::Pending);
    EXPECT_EQ(countInDatabase(u"SELECT COUNT(*) FROM moves WHERE source = 'agent'"_s), 1);

    // The result names the move as a link; a click on it selects the move in the list.
    ASSERT_TRUE(result->toHtml().contains(u"caseyos://move/%1"_s.arg(proposed.id)));
    QTextCursor link = result->document()->find(proposed.title);
    ASSERT_FALSE(link.isNull());
    link.setPosition(link.selectionStart() + 2);
    result->ensureCursorVisible();
    const QPoint at = result->cursorRect(link).center();
    QTest::mouseClick(result->viewport(), Qt::LeftButton, {}, at);
    EXPECT_TRUE(waitFor([&] { return h.window()->movesView()->currentMoveId() == proposed.id; }))
        << "selected: " << h.window()->movesView()->currentMoveId();

    // A minute later, again (Enter this time): nothing new is proposed, the time moves on.
    h.clock.advance(60);
    const std::optional<AgentRunReport> second = runWithKey(agent, Qt::Key_Return, Qt::NoModifier);
    ASSERT_TRUE(second.has_value());
    ASSERT_TRUE(second->error.isEmpty()) << second->error.toStdString();
    EXPECT_TRUE(second->run.moves.isEmpty());
    EXPECT_EQ(second->alreadyProposed, 1);
    EXPECT_EQ(agentData(agent, AgentsModel::MovesCreatedRole).toInt(), 0);
    EXPECT_EQ(agentData(agent, AgentsModel::LastRunAtRole).toDateTime(), h.clock.now());
    QTest::qWait(50);
    EXPECT_EQ(h.window()->model()->rowCount(), movesBefore + 1);
    EXPECT_EQ(countInDatabase(u"SELECT COUNT(*) FROM moves WHERE source = 'agent'"_s), 1);
    EXPECT_EQ(countInDatabase(u"SELECT COUNT(*) FROM agent_runs WHERE agent = 'duplicate_watcher'"_s), 2);
}

TEST_F(AgentsViewTest, AnAgentThatNeedsAModelSaysSoAndBadParametersAreRefused)
{
    ASSERT_TRUE(h.importSignals(fiveLeads()));
    ASSERT_TRUE(openDock());
    const QString agent = u"deep_research"_s;
    const AgentDefinition* definition = AgentRegistry::instance().find(agent);
    ASSERT_NE(definition, nullptr);
    ASSERT_TRUE(definition->info.needs.model);
    ASSERT_TRUE(focusAgent(agent));

    // Before running: the list and the detail say a language model is needed and none is configured.
    EXPECT_TRUE(
        agentData(agent, Qt::DisplayRole, AgentsModel::NeedsColumn).toString().contains(u"language model"_s));
    QLabel* notice = view->detail()->modelNoticeLabel();
    EXPECT_TRUE(notice->isVisible());
    EXPECT_TRUE(notice->text().contains(u"none is configured"_s)) << notice->text().toStdString();

    // Parameters that are not a JSON object: refused with the reason, nothing runs.
    QPlainTextEdit* input = view->detail()->inputEdit();
    ASSERT_TRUE(input->isVisible()); // deep_research takes a query
    input->setPlainText(u"pricing"_s);
    QSignalSpy finished(controller, &AgentsController::runFinished);
    QTest::mouseClick(view->detail()->runButton(), Qt::LeftButton);
    EXPECT_TRUE(view->detail()->stateLabel()->text().contains(u"JSON object"_s))
        << view->detail()->stateLabel()->text().toStdString();
    EXPECT_FALSE(agentData(agent, AgentsModel::RunningRole).toBool());
    QTest::qWait(100);
    EXPECT_TRUE(finished.isEmpty());
    EXPECT_EQ(countInDatabase(u"SELECT COUNT(*) FROM agent_runs"_s), 0);

    // With a query it runs, and answers plainly that it needs a language model.
    input->setPlainText(u"{\"query\": \"Acme pricing\"}"_s);
    QTest::mouseClick(view->detail()->runButton(), Qt::LeftButton);
    ASSERT_TRUE(waitForSignal(finished, 1, 30000));
    const AgentRunReport report = finished.first().at(0).value<AgentRunReport>();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.run.record.input.value(u"query"_s).toString(), u"Acme pricing"_s);
    EXPECT_EQ(agentData(agent, AgentsModel::LastStatusRole).toString(), u"needs_model"_s);
    EXPECT_TRUE(agentData(agent, Qt::DisplayRole, AgentsModel::ResultColumn)
                    .toString()
                    .startsWith(u"Needs a language model"_s));
    const QString shown = view->detail()->resultView()->toPlainText();
    EXPECT_TRUE(shown.startsWith(u"Needs a language model"_s)) << shown.toStdString();
    EXPECT_TRUE(shown.contains(report.run.record.summary)) << shown.toStdString();
    EXPECT_TRUE(view->detail()->stateLabel()->text().isEmpty())
        << view->detail()->stateLabel()->text().toStdString();
    EXPECT_EQ(agentData(agent, AgentsModel::MovesCreatedRole).toInt(), 0);
    view->grab()
        .save( // for a look, in build/screenshots: the notice and the answer of an agent without a model
            QDir(screenshotFolder(QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR)))
                .filePath(u"agents-needs-model.png"_s));
}

TEST_F(AgentsViewTest, AnAgentJarvisRanShowsInTheOpenDock)
{
    ASSERT_TRUE(h.importSignals(leadsWithNearDuplicate()));
    ASSERT_TRUE(openDock());
    const QString agent = u"duplicate_watcher"_s;
    EXPECT_TRUE(agentData(agent, AgentsModel::LastStatusRole).toString().isEmpty());
    QSignalSpy answered(h.window()->jarvis(), &JarvisController::answered);
    QLineEdit* question = h.window()->chatPane()->input();
    question->setFocus();
    QTest::keyClicks(question, u"check for duplicates"_s);
    QTest::keyClick(question, Qt::Key_Return);
    ASSERT_TRUE(waitForSignal(answered, 1, 30000));
    ASSERT_TRUE(waitFor([&] { return agentData(agent, AgentsModel::LastStatusRole).toString() == u"ok"_s; }));
    EXPECT_EQ(agentData(agent, AgentsModel::MovesCreatedRole).toInt(), 1);
}

TEST_F(AgentsViewTest, RunsFromAnotherProcessAreListedAndTheScreenshotShowsThem)
{
    ASSERT_TRUE(h.importSignals(leadsWithNearDuplicate()));
    ASSERT_TRUE(openDock());
    // A run the dock did not start (as `caseyos agent run` would make): listed when the dock is shown again.
    {
        Database db;
        QString error;
        ASSERT_TRUE(db.open(h.home.databasePath(), &error)) << error.toStdString();
        ASSERT_TRUE(AgentRunner(db, h.clock).run(u"sync_health"_s).ok());
    }
    dock->hide();
    dock->show();
    ASSERT_TRUE(waitFor(
        [&] { return !agentData(u"sync_health"_s, AgentsModel::LastStatusRole).toString().isEmpty(); }));
    EXPECT_EQ(agentData(u"sync_health"_s, AgentsModel::LastRunAtRole).toDateTime(), h.clock.now());

    for (const QString& agent :
        { u"contact_validation"_s, u"deep_research"_s, u"revenue_ops"_s, u"duplicate_watcher"_s })
        ASSERT_TRUE(runWithKey(agent, Qt::Key_R, Qt::ControlModifier).has_value()) << agent.toStdString();

    // The screenshot for people: the dock on its own, at a size it has when floated, the duplicate watcher
    // selected.
    dock->setFloating(true);
    dock->resize(1240, 640);
    ASSERT_TRUE(waitFor([&] { return view->width() > 1000; }));
    ASSERT_TRUE(view->selectAgent(u"duplicate_watcher"_s));
    QTest::qWait(100);
    const QImage image = view->grab().toImage();
    ASSERT_FALSE(image.isNull());
    const QString folder = screenshotFolder(QStringLiteral(CASEYOS_DOCS_SCREENSHOT_DIR));
    ASSERT_FALSE(folder.isEmpty());
    const QString path = QDir(folder).filePath(u"agents-view.png"_s);
    ASSERT_TRUE(image.save(path)) << path.toStdString();
    std::cout << "[ screenshot ] " << path.toStdString() << "\n";
}

// With a model set for Jarvis (here an OpenAI-compatible server on this machine, so no cloud switch is needed),
// a run from the dock gets its prose written by it: the window hands the run its settings (AgentRunAccess),
// the agents' thread asks the model, and the detail shows what it wrote.
TEST_F(AgentsViewTest, AModelSetForJarvisWritesTheProseOfARunFromTheDock)
{
    QTemporaryDir config; // this process's own settings: no other test sees the model
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    FakeLlmServer server;
    ASSERT_TRUE(server.listen());
    const QString written = u"Suggested reply: thanks for asking about 20 seats; shall we talk on Tuesday?"_s;
    server.setHandler([&written](const LlmRequest&, int) { return LlmReply::sse(sse::openAiText({ written })); });
    {
        QSettings settings;
        llm::LlmSettings s;
        s.provider = llm::ProviderKind::OpenAiCompatible;
        s.baseUrl = server.url(u"/v1"_s);
        s.model = u"local-model"_s;
        s.save(settings);
    }
    ASSERT_TRUE(openDock());
    QSignalSpy finished(controller, &AgentsController::runFinished);
    controller->run(u"prospecting"_s,
        u"{\"text\": \"Hi, what is your pricing for 20 seats? We have budget this quarter and need it live by "
        "March.\"}"_s);
    ASSERT_TRUE(waitForSignal(finished, 1, 30000));
    const AgentRunReport report = finished.first().at(0).value<AgentRunReport>();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.run.record.status, AgentStatus::Ok) << report.run.record.summary.toStdString();
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests().first().json().value(u"model"_s).toString(), u"local-model"_s);
    EXPECT_EQ(agentData(u"prospecting"_s, AgentsModel::LastStatusRole).toString(), u"ok"_s);
    EXPECT_TRUE(view->detail()->resultView()->toPlainText().contains(u"thanks for asking about 20 seats"_s))
        << view->detail()->resultView()->toPlainText().toStdString();
}
