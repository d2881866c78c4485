// Keys and switches of Jarvis's language models: a key never shows in a reply, the memory, the logs or test
// output, even when the provider echoes it; without a key or with the cloud switch off Jarvis answers offline
// and says why once; memory vectors are filled when embeddings are allowed, and their failure leaves the
// full-text search working.
#include "FakeLlmServer.h"
#include "LlmTestSupport.h"
#include "WaitFor.h"
#include "memory/MemoryStore.h"

#include <QJsonArray>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sstream>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

// Everything spdlog and Qt's message handler print while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        m_sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(m_stream);
        spdlog::default_logger()->sinks().push_back(m_sink);
        m_level = spdlog::default_logger()->level();
        spdlog::default_logger()->set_level(spdlog::level::trace);
        s_qt.clear();
        m_previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& text) { s_qt += text + u'\n'; });
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        auto& sinks = spdlog::default_logger()->sinks();
        sinks.erase(std::remove(sinks.begin(), sinks.end(), m_sink), sinks.end());
        spdlog::default_logger()->set_level(m_level);
    }
    QString text() const { return QString::fromStdString(m_stream.str()) + s_qt; }

private:
    static inline QString s_qt;
    std::ostringstream m_stream;
    std::shared_ptr<spdlog::sinks::ostream_sink_mt> m_sink;
    spdlog::level::level_enum m_level;
    QtMessageHandler m_previous = nullptr;
};

class LlmKeys : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_server.listen()); }

    QString allMemory()
    {
        return m_jarvis.scalar(u"SELECT group_concat(content, ' | ') FROM memory_messages"_s);
    }

    FakeLlmServer m_server;
    JarvisHarness m_jarvis;
};

} // namespace

TEST_F(LlmKeys, AnEchoedKeyNeverShowsAnywhere)
{
    LogCapture logs;
    m_server.setHandler([](const LlmRequest& request, int) {
        if (request.path.contains("streamGenerateContent"_L1))
            return LlmReply::json(400,
                (u"{\"error\":{\"code\":400,\"message\":\"API key not valid: %1\","
                 "\"status\":\"INVALID_ARGUMENT\"}}"_s.arg(llmCanaryKey()))
                    .toUtf8());
        return LlmReply::json(401,
            (u"{\"error\":{\"message\":\"Incorrect API key provided: %1. You can find your "
             "API key at https://platform.openai.com/account/api-keys.\"}}"_s.arg(llmCanaryKey()))
                .toUtf8());
    });
    const JarvisRun openai = m_jarvis.ask(u"hello"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    const JarvisRun gemini = m_jarvis.ask(u"hello"_s, JarvisHarness::geminiAt(m_server.url(u"/v1beta"_s)));
    ASSERT_EQ(m_server.requests().size(), 2);
    // The key was really sent (so the test could catch an echo) …
    EXPECT_TRUE(m_server.requests()[0].header("authorization") == "Bearer " + llmCanaryKey().toUtf8())
        << "the key was not sent as expected";
    EXPECT_TRUE(m_server.requests()[1].header("x-goog-api-key") == llmCanaryKey().toUtf8())
        << "the key was not sent as expected";
    // … and came back nowhere.
    EXPECT_TRUE(openai.reply.failed);
    EXPECT_TRUE(openai.reply.markdown.contains("OpenAI refused the API key"_L1))
        << "reply without key expected";
    EXPECT_TRUE(gemini.reply.failed);
    for (const QString& text : { openai.reply.markdown, gemini.reply.markdown, allMemory(), logs.text() }) {
        EXPECT_FALSE(text.contains(llmCanaryKey())) << "the key leaked";
        EXPECT_FALSE(text.contains(llmCanaryKey().left(8))) << "a part of the key leaked";
    }
}

TEST_F(LlmKeys, WithoutKeyOrCloudSwitchJarvisAnswersOfflineAndSaysSoOnce)
{
    jarvis::LlmConfig config;
    config.settings.provider = llm::ProviderKind::OpenAi; // the real, remote base URL: nothing may go there
    config.settings.cloudChat = false;
    config.key = fixedToken(llmCanaryKey());
    const JarvisRun off = m_jarvis.ask(u"what's up?"_s, config);
    EXPECT_FALSE(off.reply.failed);
    EXPECT_TRUE(off.reply.markdown.contains("cloud chat is switched off"_L1))
        << off.reply.markdown.toStdString();
    EXPECT_TRUE(
        off.reply.markdown.contains("Reply to Dana about pricing"_L1)); // answered offline all the same
    const JarvisRun again = m_jarvis.ask(u"what's up?"_s, config);
    EXPECT_FALSE(again.reply.markdown.contains("switched off"_L1)) << "said more than once";

    config.settings.cloudChat = true;
    config.key = {};
    const JarvisRun noKey = m_jarvis.ask(u"accept the top move"_s, config);
    EXPECT_TRUE(noKey.reply.markdown.contains("no OpenAI API key"_L1)) << noKey.reply.markdown.toStdString();
    EXPECT_EQ(m_jarvis.moveStatus(1), u"completed"_s); // the offline router did it
    const JarvisRun noKeyAgain = m_jarvis.ask(u"list my moves"_s, config);
    EXPECT_FALSE(noKeyAgain.reply.markdown.contains("API key"_L1));
    EXPECT_TRUE(m_server.requests().isEmpty());
}

TEST_F(LlmKeys, MemoryVectorsAreFilledWhenEmbeddingsAreAllowed)
{
    m_server.setHandler([](const LlmRequest& request, int) {
        if (request.path.endsWith("/embeddings"_L1)) {
            QJsonArray data;
            const QJsonArray inputs = request.json().value("input"_L1).toArray();
            for (int i = 0; i < inputs.size(); ++i)
                data.append(QJsonObject { { u"object"_s, u"embedding"_s }, { u"index"_s, i },
                    { u"embedding"_s, QJsonArray { 0.1 * (i + 1), 0.2, 0.3, 0.4 } } });
            return LlmReply::json(200,
                QJsonDocument(QJsonObject { { u"object"_s, u"list"_s }, { u"data"_s, data },
                                  { u"model"_s, u"text-embedding-3-small"_s } })
                    .toJson(QJsonDocument::Compact));
        }
        return LlmReply::sse(sse::openAiText({ u"Pricing "_s, u"is on Dana's move."_s }));
    });
    jarvis::LlmConfig config = JarvisHarness::openAiAt(m_server.url(u"/v1"_s));
    config.settings.cloudEmbeddings = true;
    const JarvisRun run = m_jarvis.ask(u"where is the pricing question?"_s, config);
    EXPECT_FALSE(run.reply.failed);
    ASSERT_TRUE(waitFor([&] { return m_jarvis.scalar(u"SELECT count(*) FROM memory_vectors"_s) == u"2"_s; }))
        << m_jarvis.scalar(u"SELECT count(*) FROM memory_vectors"_s).toStdString();
    const LlmRequest embed = m_server.requestsTo(u"/embeddings"_s).value(0);
    EXPECT_EQ(embed.json().value("model"_L1).toString(), u"text-embedding-3-small"_s);
    EXPECT_TRUE(embed.header("authorization") == "Bearer " + llmCanaryKey().toUtf8())
        << "the key was not sent as expected";
}

TEST_F(LlmKeys, EmbeddingFailuresLeaveFullTextSearchWorking)
{
    m_server.setHandler([](const LlmRequest& request, int) {
        if (request.path.endsWith("/embeddings"_L1))
            return LlmReply::json(400, R"({"error":{"message":"embeddings are not available"}})");
        return LlmReply::sse(sse::openAiText({ u"Noted: "_s, u"the zeppelin budget."_s }));
    });
    jarvis::LlmConfig config = JarvisHarness::openAiAt(m_server.url(u"/v1"_s));
    config.settings.cloudEmbeddings = true;
    EXPECT_FALSE(m_jarvis.ask(u"remember the zeppelin budget"_s, config).reply.failed);
    ASSERT_TRUE(waitFor([&] { return m_server.requestsTo(u"/embeddings"_s).size() == 1; }));
    QTest::qWait(100);
    EXPECT_EQ(m_jarvis.scalar(u"SELECT count(*) FROM memory_vectors"_s), u"0"_s);
    FakeClock clock;
    MemoryStore memory(m_jarvis.db(), clock);
    const Result<QList<MemoryHit>> hits = memory.searchLexical(u"zeppelin"_s, 5);
    ASSERT_TRUE(hits.ok()) << hits.error().toStdString();
    EXPECT_EQ(hits.value().size(), 2);
}

// A server speaking OpenAI's API gets the key stored for it on the Accounts page (a hosted proxy needs one) and
// is tried without one when there is none (a local Ollama needs none).
TEST_F(LlmKeys, AnOpenAiCompatibleServerGetsItsKeyOnlyWhenOneIsStored)
{
    m_server.setHandler([](const LlmRequest& request, int) {
        if (request.header("authorization") != "Bearer " + llmCanaryKey().toUtf8())
            return LlmReply::json(401, R"({"error":{"message":"Missing bearer token"}})");
        return LlmReply::sse(sse::openAiText({ u"Hello from the proxy."_s }));
    });
    jarvis::LlmConfig config = JarvisHarness::openAiAt(m_server.url(u"/v1"_s));
    config.settings.provider = llm::ProviderKind::OpenAiCompatible;
    EXPECT_EQ(llm::keyProviderFor(config.settings.provider), u"openai-compatible"_s); // the Accounts page's
    const JarvisRun withKey = m_jarvis.ask(u"hello"_s, config);
    EXPECT_FALSE(withKey.reply.failed) << withKey.reply.markdown.toStdString();
    EXPECT_TRUE(withKey.reply.markdown.contains("Hello from the proxy."_L1));

    config.key = {};
    const JarvisRun withoutKey = m_jarvis.ask(u"hello again"_s, config);
    ASSERT_EQ(m_server.requests().size(), 2); // tried, not answered offline
    EXPECT_TRUE(m_server.requests()[1].header("authorization").isEmpty());
    EXPECT_TRUE(withoutKey.reply.failed); // this server wants a key: the refusal is the answer
}
