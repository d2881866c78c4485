// Old Jarvis sessions summarised by a language model (PRODUCT.md §6), against an in-process OpenAI-compatible
// server: the model's digest is stored with the facts it left out kept from the offline digest; a model that
// fails or answers something that is not a digest leaves the session exactly as it was, even with the
// retention setting on; and a message added while the model was writing is never deleted with the rest.
#include "FakeClock.h"
#include "FakeLlmServer.h"
#include "LlmTestSupport.h"
#include "WaitFor.h"
#include "jarvis/ModelSummaries.h"
#include "memory/MemoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

// A conversation of 12 messages on 10 November, over two weeks before the harness's clock (25 November).
const QList<QPair<QString, QString>> kOldTurns = {
    { u"What did Dana ask about pricing?"_s, u"Dana (dana@acme.com) asked for the annual price."_s },
    { u"What price did we offer?"_s, u"We offered $12,000 a year with two seats."_s },
    { u"When does she need an answer?"_s, u"She wants a decision by 2026-12-15."_s },
    { u"Draft a follow-up to her"_s, u"I saved a draft to Dana about the annual price."_s },
    { u"Snooze the Hooli move"_s, u"Snoozed move #5 until tomorrow."_s },
    { u"Thanks"_s, u"You're welcome."_s },
};

bool isSummaryRequest(const LlmRequest& request)
{
    const QJsonArray messages = request.json().value("messages"_L1).toArray();
    return !messages.isEmpty()
        && messages.first().toObject().value("content"_L1).toString().contains("You summarise"_L1);
}

class LlmSummaries : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // This process's own settings file: the retention switch set here reaches no other test.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings().setValue(u"memory/deleteSummarizedMessages"_s, false);
        ASSERT_TRUE(m_server.listen());
        MemoryStore memory(m_jarvis.db(), m_oldClock);
        for (const auto& [question, answer] : kOldTurns) {
            ASSERT_TRUE(memory.remember(u"user"_s, question));
            m_oldClock.advance(30);
            ASSERT_TRUE(memory.remember(u"assistant"_s, answer));
            m_oldClock.advance(30);
        }
        m_oldSession = m_jarvis.scalar(u"SELECT min(id) FROM memory_sessions"_s).toLongLong();
    }

    QString sessionValue(const QString& column)
    {
        return m_jarvis.scalar(u"SELECT coalesce(%1, '(null)') FROM memory_sessions WHERE id = %2"_s.arg(column).arg(
            m_oldSession));
    }
    int oldMessages()
    {
        return m_jarvis.scalar(u"SELECT count(*) FROM memory_messages WHERE session_id = %1"_s.arg(m_oldSession))
            .toInt();
    }
    // Lets the worker take in the model's last reply (it is read on the next turns of the event loop).
    static void settle() { waitFor([] { return false; }, 300); }

    QTemporaryDir m_settingsDir;
    FakeLlmServer m_server;
    JarvisHarness m_jarvis;
    FakeClock m_oldClock { QDateTime(QDate(2026, 11, 10), QTime(9, 0), Qt::UTC) };
    qint64 m_oldSession = 0;
};

} // namespace

TEST_F(LlmSummaries, TheModelWritesTheDigestAndTheFactsItLeftOutAreKept)
{
    m_server.setHandler([](const LlmRequest& request, int) {
        if (isSummaryRequest(request))
            return LlmReply::sse(sse::openAiText({ u"```json\n{\"summary\": \"Dana asked about the annual "_s,
                u"price; a follow-up draft was saved.\", \"key_facts\": "_s,
                u"[\"Dana wants a decision by 2026-12-15.\"]}\n```"_s }));
        return LlmReply::sse(sse::openAiText({ u"Good morning."_s }));
    });
    const JarvisRun run = m_jarvis.ask(u"good morning"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    EXPECT_FALSE(run.reply.failed) << run.reply.markdown.toStdString();
    ASSERT_TRUE(waitFor([&] { return sessionValue(u"summarized_at"_s) != u"(null)"_s; }))
        << "the old session was not summarised";
    EXPECT_EQ(sessionValue(u"summary"_s), u"Dana asked about the annual price; a follow-up draft was saved."_s);
    const QJsonArray facts = QJsonDocument::fromJson(sessionValue(u"key_facts"_s).toUtf8()).array();
    QStringList factTexts;
    for (const QJsonValue& f : facts)
        factTexts << f.toString();
    EXPECT_TRUE(factTexts.contains(u"Dana wants a decision by 2026-12-15."_s)) << factTexts.join(u" | ").toStdString();
    // The model left out the address and the price; the offline digest's facts keep them.
    EXPECT_TRUE(factTexts.join(u' ').contains("dana@acme.com"_L1)) << factTexts.join(u" | ").toStdString();
    EXPECT_TRUE(factTexts.join(u' ').contains("$12,000"_L1)) << factTexts.join(u" | ").toStdString();
    EXPECT_EQ(oldMessages(), 12); // retention off: the messages stay
    // The model read the whole conversation, as a transcript, without tools.
    const QList<LlmRequest> asked = m_server.requestsTo(u"/chat/completions"_s);
    const auto summary = std::find_if(asked.begin(), asked.end(), isSummaryRequest);
    ASSERT_NE(summary, asked.end());
    const QString transcript
        = summary->json().value("messages"_L1).toArray().last().toObject().value("content"_L1).toString();
    EXPECT_TRUE(transcript.startsWith("User: What did Dana ask about pricing?\nJarvis: "_L1)) << transcript.toStdString();
    EXPECT_TRUE(transcript.contains("User: Thanks\nJarvis: You're welcome."_L1));
    EXPECT_FALSE(summary->json().contains("tools"_L1));
}

TEST_F(LlmSummaries, AFailingOrRamblingModelLeavesTheSessionAsItWasEvenWithRetentionOn)
{
    QSettings().setValue(u"memory/deleteSummarizedMessages"_s, true);
    int summaryRequests = 0;
    m_server.setHandler([&summaryRequests](const LlmRequest& request, int) {
        if (!isSummaryRequest(request))
            return LlmReply::sse(sse::openAiText({ u"Hello."_s }));
        ++summaryRequests;
        return LlmReply::json(503, R"({"error":{"message":"The server is overloaded"}})");
    });
    m_jarvis.ask(u"hello"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    ASSERT_TRUE(waitFor([&] { return summaryRequests == 3; })) << summaryRequests; // first try + 2 retries
    settle();
    EXPECT_EQ(sessionValue(u"summarized_at"_s), u"(null)"_s);
    EXPECT_EQ(oldMessages(), 12);

    // A new worker (the next start) tries again; this time the model chats instead of summarising.
    JarvisWorker next(m_jarvis.db().path(), SystemClock::instance());
    m_server.setHandler([&summaryRequests](const LlmRequest& request, int) {
        if (isSummaryRequest(request))
            ++summaryRequests;
        return LlmReply::sse(sse::openAiText({ u"Sure! Dana asked about pricing and you offered $12,000."_s }));
    });
    bool answered = false;
    QObject::connect(&next, &JarvisWorker::answered, [&answered] { answered = true; });
    next.ask(1, u"hi"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    ASSERT_TRUE(waitFor([&] { return answered && summaryRequests == 4; }));
    settle();
    EXPECT_EQ(sessionValue(u"summarized_at"_s), u"(null)"_s);
    EXPECT_EQ(oldMessages(), 12);
    EXPECT_EQ(m_jarvis.scalar(u"SELECT count(*) FROM memory_fts WHERE memory_fts MATCH 'annual'"_s), u"2"_s);
}

TEST_F(LlmSummaries, WithRetentionOnOnlyTheMessagesTheModelReadAreDeleted)
{
    QSettings().setValue(u"memory/deleteSummarizedMessages"_s, true);
    m_server.setHandler([this](const LlmRequest& request, int) {
        if (!isSummaryRequest(request))
            return LlmReply::sse(sse::openAiText({ u"Hello."_s }));
        // While the model writes, the user reopens the old conversation and adds to it.
        MemoryStore memory(m_jarvis.db(), m_oldClock);
        EXPECT_TRUE(memory.activate(m_oldSession));
        EXPECT_TRUE(memory.remember(u"user"_s, u"Also call Dana on Friday."_s));
        return LlmReply::sse(sse::openAiText(
            { uR"({"summary": "Pricing for Dana: $12,000 a year, decision by 2026-12-15.", "key_facts": []})"_s }));
    });
    m_jarvis.ask(u"hello"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    ASSERT_TRUE(waitFor([&] { return sessionValue(u"summarized_at"_s) != u"(null)"_s; }));
    EXPECT_EQ(oldMessages(), 1);
    EXPECT_EQ(m_jarvis.scalar(u"SELECT content FROM memory_messages WHERE session_id = %1"_s.arg(m_oldSession)),
        u"Also call Dana on Friday."_s);
}

TEST(ModelSummaryParts, SwitchesAnswersAndLongTranscripts)
{
    llm::LlmSettings s;
    EXPECT_FALSE(jarvis::modelSummariesAllowed(s)); // offline
    s.provider = llm::ProviderKind::OpenAi;
    EXPECT_FALSE(jarvis::modelSummariesAllowed(s)); // the cloud switch is off by default
    s.cloudChat = true;
    EXPECT_FALSE(jarvis::modelSummariesAllowed(s)); // chat's switch is not the summaries'
    s.cloudSummaries = true;
    EXPECT_TRUE(jarvis::modelSummariesAllowed(s));
    s = {};
    s.provider = llm::ProviderKind::OpenAiCompatible; // localhost by default: nothing leaves the machine
    EXPECT_TRUE(jarvis::modelSummariesAllowed(s));

    EXPECT_FALSE(jarvis::digestFromModelAnswer(u"Here is a summary: Dana asked about pricing."_s));
    EXPECT_FALSE(jarvis::digestFromModelAnswer(uR"({"summary": "  ", "key_facts": ["x"]})"_s));
    const auto fenced = jarvis::digestFromModelAnswer(u"```JSON\n{\"summary\": \"S\", \"key_facts\": [\"a\", \"a\", 3]}\n```"_s);
    ASSERT_TRUE(fenced);
    EXPECT_EQ(fenced.value().summary, u"S"_s);
    EXPECT_EQ(fenced.value().keyFacts, QStringList { u"a"_s });

    QList<MemoryMessage> many;
    for (int i = 0; i < 400; ++i)
        many.append({ i + 1, 1, i % 2 ? u"assistant"_s : u"user"_s, u"message number %1 "_s.arg(i).repeated(5), {} });
    const QString transcript = jarvis::summaryTranscript(many, 4000);
    EXPECT_LE(transcript.size(), 4100);
    EXPECT_TRUE(transcript.startsWith("User: message number 0 "_L1));
    EXPECT_TRUE(transcript.contains("Jarvis: message number 399 "_L1));
    EXPECT_TRUE(transcript.contains("messages left out"_L1));
}
