// The contract check must be able to fail: deliberately wrong requests are reported by Prism, both in its
// answer (422 with the violations) and in its log, and the harness's own detector finds them.
#include "ContractHarness.h"
#include "connectors/clients/OpenAiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    const qsizetype offset = m_prism.logSize();
    std::optional<HttpResult> result;
    m_http.send(raw, &m_context, [&result](const HttpResult& r) { result = r; });
    ASSERT_TRUE(waitFor([&] { return result.has_value(); }, 30000));
    ASSERT_TRUE(m_prism.waitForFinished(offset, 1));
    EXPECT_EQ(result->response.status, 422);
    const QJsonArray validation = QJsonDocument::fromJson(result->response.body).object().value("validation"_L1).toArray();
    ASSERT_FALSE(validation.isEmpty()) << result->response.body.toStdString();
    EXPECT_TRUE(validation.first().toObject().value("message"_L1).toString().contains("model"_L1));
    const QStringList found = PrismMock::requestViolations(m_prism.logSince(offset));
    EXPECT_FALSE(found.isEmpty());
    EXPECT_TRUE(found.join(u'\n').contains("required property 'model'"_L1)) << found.join(u'\n').toStdString();

    // The same detector on a client call that breaks the contract (no messages: minItems 1).
    OpenAiClient client(m_http, config({}));
    ChatRequest empty;
    empty.model = u"gpt-4o-mini"_s;
    const auto reply = run<ChatResponse>([&](auto done) { client.chat(empty, &m_context, done); });
    EXPECT_EQ(reply.error.kind, ClientErrorKind::Rejected);
    EXPECT_EQ(reply.error.status, 422);
    EXPECT_FALSE(m_lastViolations.isEmpty());
    EXPECT_TRUE(m_lastViolations.join(u'\n').contains("messages"_L1)) << m_lastViolations.join(u'\n').toStdString();

    // A wrong tool shape (xAI's old Zuplo schema: a bare {name} instead of {type, function}).
    HttpRequest badTool = raw;
    badTool.body = R"({"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"name":"find"}]})";
    const qsizetype offset2 = m_prism.logSize();
    result.reset();
    m_http.send(badTool, &m_context, [&result](const HttpResult& r) { result = r; });
    ASSERT_TRUE(waitFor([&] { return result.has_value(); }, 30000));
    ASSERT_TRUE(m_prism.waitForFinished(offset2, 1));
    EXPECT_EQ(result->response.status, 422);
    EXPECT_FALSE(PrismMock::requestViolations(m_prism.logSince(offset2)).isEmpty());
}
