// `caseyos ask` from the command line: the same Jarvis as the chat pane — offline by default, and the
// language model set with `caseyos jarvis config` when there is one (here an in-process OpenAI-compatible
// server), acting on the workspace through the same tools.
#include "FakeClock.h"
#include "FakeLlmServer.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "moves/MoveService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

struct AskRun
{
    int exitCode = -1;
    QJsonObject json;
    QString err;
};

class CliAsk : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.listen());
        Database db;
        QString error;
        ASSERT_TRUE(db.open(m_home.databasePath(), &error)) << error.toStdString();
        const QList<QPair<QString, double>> moves
            = { { u"Reply to Dana about pricing"_s, 0.9 }, { u"Send the Globex proposal"_s, 0.8 } };
        for (const auto& [title, level] : moves) {
            Move draft;
            draft.title = title;
            draft.actionType = u"email_follow_up"_s;
            ASSERT_TRUE(MoveService(db, SystemClock::instance()).create(draft, { level, level, 0.5, level }));
        }
    }

    // The CLI runs while this process's event loop keeps serving the fake model server.
    AskRun run(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"CASEYOS_HOME"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.file(u"config"_s)); // its own settings, not the user's
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CASEYOS_BINARY), QStringList { u"--home"_s, m_home.path() } + arguments);
        AskRun result;
        if (!process.waitForStarted(10000)
            || !waitFor([&] { return process.state() == QProcess::NotRunning; }, 60000))
            return result;
        result.exitCode = process.exitCode();
        result.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    QString status(qint64 id)
    {
        Database db;
        QString error;
        EXPECT_TRUE(db.open(m_home.databasePath(), &error));
        QSqlQuery q(db.sql());
        EXPECT_TRUE(q.exec(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)) && q.next());
        return q.value(0).toString();
    }

    TempHome m_home;
    FakeLlmServer m_server;
};

} // namespace

TEST_F(CliAsk, OfflineItAnswersFromTheWorkspaceAndActs)
{
    const AskRun up = run({ u"ask"_s, u"what's up?"_s, u"--json"_s });
    ASSERT_EQ(up.exitCode, 0) << up.err.toStdString();
    EXPECT_EQ(up.json.value("intent"_L1).toString(), u"whats_up"_s);
    EXPECT_TRUE(up.json.value("answer"_L1).toString().contains("Reply to Dana about pricing"_L1));
    const AskRun accept = run({ u"ask"_s, u"accept"_s, u"the"_s, u"second"_s, u"one"_s, u"--json"_s });
    ASSERT_EQ(accept.exitCode, 0) << accept.err.toStdString();
    EXPECT_EQ(accept.json.value("changed_moves"_L1).toArray(), QJsonArray { 2 });
    EXPECT_NE(status(2), u"pending"_s);
    EXPECT_EQ(status(1), u"pending"_s);
    EXPECT_TRUE(m_server.requests().isEmpty());
}

TEST_F(CliAsk, WithAModelConfiguredTheModelAnswersThroughTheSameTools)
{
    m_server.setHandler([](const LlmRequest&, int index) {
        if (index == 0)
            return LlmReply::sse(sse::openAiToolCalls({ { u"accept_move"_s, uR"({"move_id": 2})"_s } }));
        return LlmReply::sse(sse::openAiText({ u"Accepted the Globex proposal."_s }));
    });
    const AskRun config = run({ u"jarvis"_s, u"config"_s, u"--provider"_s, u"openai-compatible"_s, u"--base-url"_s,
        m_server.url(u"/v1"_s).toString(), u"--model"_s, u"local-model"_s, u"--json"_s });
    ASSERT_EQ(config.exitCode, 0) << config.err.toStdString();
    const AskRun asked = run({ u"ask"_s, u"accept the Globex proposal"_s, u"--json"_s });
    ASSERT_EQ(asked.exitCode, 0) << asked.err.toStdString();
    EXPECT_TRUE(asked.json.value("answer"_L1).toString().startsWith("Accepted the Globex proposal."_L1))
        << asked.json.value("answer"_L1).toString().toStdString();
    EXPECT_EQ(asked.json.value("changed_moves"_L1).toArray(), QJsonArray { 2 });
    EXPECT_NE(status(2), u"pending"_s);
    ASSERT_EQ(m_server.requests().size(), 2);
    const QJsonObject first = m_server.requests().first().json();
    EXPECT_EQ(first.value("model"_L1).toString(), u"local-model"_s);
    EXPECT_FALSE(first.value("tools"_L1).toArray().isEmpty());
}

TEST_F(CliAsk, AnAgentRunFromTheCommandLineGetsItsProseFromTheModel)
{
    m_server.setHandler([](const LlmRequest&, int) {
        return LlmReply::sse(sse::openAiText({ u"Suggested reply: happy to share pricing for 20 seats."_s }));
    });
    ASSERT_EQ(run({ u"jarvis"_s, u"config"_s, u"--provider"_s, u"openai-compatible"_s, u"--base-url"_s,
                  m_server.url(u"/v1"_s).toString() })
                  .exitCode,
        0);
    const AskRun agent = run({ u"agent"_s, u"run"_s, u"prospecting"_s, u"--input"_s,
        uR"({"text": "Hi, what is your pricing for 20 seats? We have budget this quarter and need it live by March."})"_s,
        u"--json"_s });
    ASSERT_EQ(agent.exitCode, 0) << agent.err.toStdString();
    EXPECT_EQ(agent.json.value("status"_L1).toString(), u"ok"_s);
    EXPECT_EQ(agent.json.value("result"_L1).toObject().value("output"_L1).toObject().value("model_text"_L1).toString(),
        u"Suggested reply: happy to share pricing for 20 seats."_s);
    EXPECT_EQ(m_server.requests().size(), 1);
}
