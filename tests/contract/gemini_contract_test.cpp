// Contract check: every request shape of GeminiClient against Prism mocking the Gemini v1beta spec.
#include "ContractHarness.h"
#include "connectors/clients/GeminiClient.h"

#include <QJsonArray>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

TEST(GeminiContractSetup, SchemaConversionUsesGeminiTypes)
{
    const QJsonObject in { { u"type"_s, u"object"_s }, { u"additionalProperties"_s, false },
        { u"properties"_s, QJsonObject { { u"n"_s, QJsonObject { { u"type"_s, u"integer"_s } } } } } };
    const QJsonObject out = geminiSchema(in);
    EXPECT_EQ(out.value("type"_L1).toString(), u"OBJECT"_s);
    EXPECT_FALSE(out.contains("additionalProperties"_L1));
    EXPECT_EQ(out.value("properties"_L1).toObject().value("n"_L1).toObject().value("type"_L1).toString(), u"INTEGER"_s);
}

class GeminiContract : public ContractTest
{
};

TEST_F(GeminiContract, EveryRequestShapeIsAccepted)
{
    startPrism(u"gemini-generativelanguage-v1beta.prism.openapi.json"_s);
    GeminiClient client(m_http, config(u"/v1beta"_s));

    GeminiRequest plain;
    plain.model = u"gemini-2.0-flash"_s;
    plain.systemInstruction = u"You are Jarvis."_s;
    plain.contents = { { u"user"_s, { GeminiPart { u"Hello"_s, {}, {}, {}, false } } } };
    plain.temperature = 0.3;
    plain.maxOutputTokens = 256;
    const auto reply = run<GeminiResponse>([&](auto done) { client.generateContent(plain, &m_context, done); });
    expectAccepted(reply, "generateContent");

    GeminiRequest tools = plain;
    tools.model = u"models/gemini-2.0-flash"_s;
    tools.tools = { { u"find_contact"_s, u"Finds a contact"_s,
        QJsonObject { { u"type"_s, u"object"_s }, { u"additionalProperties"_s, false },
            { u"properties"_s,
                QJsonObject { { u"email"_s, QJsonObject { { u"type"_s, u"string"_s } } },
                    { u"limit"_s, QJsonObject { { u"type"_s, u"integer"_s } } } } },
            { u"required"_s, QJsonArray { u"email"_s } } } } };
    GeminiPart call;
    call.functionName = u"find_contact"_s;
    call.functionArgs = QJsonObject { { u"email"_s, u"ada@example.com"_s } };
    GeminiPart answer;
    answer.functionName = u"find_contact"_s;
    answer.isResponse = true;
    answer.functionResponse = QJsonObject { { u"name"_s, u"Ada"_s } };
    tools.contents.append({ u"model"_s, { call } });
    tools.contents.append({ u"user"_s, { answer } });
    const auto withTools = run<GeminiResponse>([&](auto done) { client.generateContent(tools, &m_context, done); });
    expectAccepted(withTools, "generateContent with function declarations and a function-call history");

    const auto embedding = run<QList<float>>(
        [&](auto done) { client.embedContent(u"text-embedding-004"_s, u"Acme renewal"_s, &m_context, done); });
    expectAccepted(embedding, "embedContent");

    const auto models = run<QStringList>([&](auto done) { client.listModels(&m_context, done); });
    expectAccepted(models, "list models");
    expectHealthy(u"gemini"_s, u"/v1beta"_s);
}
