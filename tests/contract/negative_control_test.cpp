// The contract check must be able to fail: deliberately wrong requests are reported by Prism, both in its
// answer (422 with the violations) and in its log, and the harness's own detector finds them.
#include "ContractHarness.h"
#include "SyncReplay.h"
#include "connectors/clients/ApiCall.h"
#include "connectors/clients/OpenAiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

class ContractNegativeControl : public ContractTest
{
};

TEST_F(ContractNegativeControl, WrongRequestsAreReported)
{
    startPrism(u"openai.chat-embeddings-audio.prism.openapi.yaml"_s);

    // A raw request without the required "model".
    HttpRequest raw;
    raw.method = "POST";
    raw.url = m_prism.url(u"/chat/completions"_s);
    raw.body = R"({"messages":[{"role":"user","content":"hi"}]})";
    raw.headers.append({ QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer x") });
    raw.retry = false;
    const HttpResult result = sendRaw(raw);
    EXPECT_EQ(result.response.status, 422);
    const QJsonArray validation
        = QJsonDocument::fromJson(result.response.body).object().value("validation"_L1).toArray();
    ASSERT_FALSE(validation.isEmpty()) << result.response.body.toStdString();
    EXPECT_TRUE(validation.first().toObject().value("message"_L1).toString().contains("model"_L1));
    const QStringList found = m_lastViolations;
    EXPECT_FALSE(found.isEmpty());
    EXPECT_TRUE(found.join(u'\n').contains("required property 'model'"_L1))
        << found.join(u'\n').toStdString();

    // The same detector on a client call that breaks the contract (no messages: minItems 1).
    OpenAiClient client(m_http, config({}));
    ChatRequest empty;
    empty.model = u"gpt-4o-mini"_s;
    const auto reply = run<ChatResponse>([&](auto done) { client.chat(empty, &m_context, done); });
    EXPECT_EQ(reply.error.kind, ClientErrorKind::Rejected);
    EXPECT_EQ(reply.error.status, 422);
    EXPECT_FALSE(m_lastViolations.isEmpty());
    EXPECT_TRUE(m_lastViolations.join(u'\n').contains("messages"_L1))
        << m_lastViolations.join(u'\n').toStdString();

    // A wrong tool shape (xAI's old Zuplo schema: a bare {name} instead of {type, function}).
    HttpRequest badTool = raw;
    badTool.body = R"({"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"name":"find"}]})";
    EXPECT_EQ(sendRaw(badTool).response.status, 422);
    EXPECT_FALSE(m_lastViolations.isEmpty());
}

// The sync engines' check (sync_contract_test.cpp) can fail too: the HubSpot engine's real search requests
// are reported by Prism on the spec as HubSpot publishes it (its `sorts` erratum, see SyncReplay.h), and a
// recorded search with one field made wrong is reported on the corrected spec.
TEST_F(ContractNegativeControl, SyncRequestsTheSpecRejectsAreReported)
{
    const RecordedSync recorded = recordHubspotSync();
    const auto search = std::find_if(recorded.requests.cbegin(), recorded.requests.cend(),
        [](const FakeRequest& r) { return r.path.endsWith("/search"_L1); });
    ASSERT_NE(search, recorded.requests.cend());

    startPrism(u"hubspot-crm.prism.openapi.json"_s);
    EXPECT_EQ(sendRaw(replayAt(*search, m_prism.url())).response.status, 422);
    EXPECT_TRUE(m_lastViolations.join(u'\n').contains("sorts"_L1))
        << m_lastViolations.join(u'\n').toStdString();
    m_prism.stop();

    QTemporaryDir dir;
    QString error;
    const QString fixedSpec = hubspotSpecWithSortObjects(dir.path(), &error);
    ASSERT_FALSE(fixedSpec.isEmpty()) << error.toStdString();
    startPrism(fixedSpec);
    EXPECT_EQ(
        sendRaw(replayAt(*search, m_prism.url())).response.status, 200); // the request as the engine sent it
    EXPECT_TRUE(m_lastViolations.isEmpty()) << m_lastViolations.join(u'\n').toStdString();
    FakeRequest wrong = *search;
    wrong.body.replace("\"GTE\"", "\"SINCE\""); // not a filter operator
    EXPECT_EQ(sendRaw(replayAt(wrong, m_prism.url())).response.status, 422);
    EXPECT_TRUE(m_lastViolations.join(u'\n').contains("operator"_L1))
        << m_lastViolations.join(u'\n').toStdString();
}

// The same for the executor's write endpoints: a HubSpot task without its required associations and a deal
// PATCH with a number where HubSpot wants strings, a Calendar insert with an unknown sendUpdates value.
TEST_F(ContractNegativeControl, WrongWriteRequestsAreReported)
{
    startPrism(u"hubspot-crm.prism.openapi.json"_s);
    HttpRequest task = jsonPost(m_prism.url(u"/crm/v3/objects/tasks"_s),
        QJsonObject { { u"properties"_s, QJsonObject { { u"hs_task_subject"_s, u"x"_s } } } });
    EXPECT_EQ(runRaw(task).response.status, 422);
    EXPECT_TRUE(m_lastViolations.join(u'\n').contains("associations"_L1)) << m_lastViolations.join(u'\n').toStdString();
    HttpRequest deal = jsonPost(m_prism.url(u"/crm/v3/objects/deals/701"_s),
        QJsonObject { { u"properties"_s, QJsonObject { { u"amount"_s, 15000 } } } });
    deal.method = "PATCH";
    EXPECT_EQ(runRaw(deal).response.status, 422);
    EXPECT_FALSE(m_lastViolations.isEmpty());
    m_prism.stop();

    startPrism(u"google-calendar.openapi.yaml"_s);
    QUrl url = m_prism.url(u"/calendars/primary/events"_s);
    url.setQuery(u"sendUpdates=everyone"_s);
    const QJsonObject event { { u"summary"_s, u"x"_s },
        { u"start"_s, QJsonObject { { u"dateTime"_s, u"2026-12-03T14:00:00Z"_s } } },
        { u"end"_s, QJsonObject { { u"dateTime"_s, u"2026-12-03T14:30:00Z"_s } } } };
    EXPECT_EQ(runRaw(jsonPost(url, event)).response.status, 422);
    EXPECT_TRUE(m_lastViolations.join(u'\n').contains("sendUpdates"_L1, Qt::CaseInsensitive))
        << m_lastViolations.join(u'\n').toStdString();
}
