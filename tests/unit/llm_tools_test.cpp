// The language-model layer's pure parts: the JSON Schema check the tool registry relies on, the registry's
// refusals, the Gemini conversation mapping, the Gemini stream assembler, the typed settings, provider error
// sentences and the key scrubber; and the Jarvis tools' schemas (every tool declares a closed object).
#include "FakeClock.h"
#include "TempHome.h"
#include "connectors/clients/GeminiStreamAssembler.h"
#include "jarvis/JarvisTools.h"
#include "jarvis/OfflineAssistant.h"
#include "llm/GeminiConversation.h"
#include "llm/JsonSchemaCheck.h"
#include "llm/LlmSettings.h"
#include "llm/ProviderErrors.h"
#include "llm/ProviderFactory.h"
#include "llm/ToolRegistry.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <gtest/gtest.h>

// Readable failures: QStrings as text.
inline void PrintTo(const QString& text, std::ostream* os)
{
    *os << '"' << text.toStdString() << '"';
}

using namespace caseyos;
using namespace caseyos::llm;
using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(json).object();
}

const QJsonObject kSchema = parse(R"({"type":"object","additionalProperties":false,"required":["move_id"],
    "properties":{"move_id":{"type":"integer","minimum":1},"until":{"type":"string","enum":["1h","tomorrow"]},
    "note":{"type":"string","minLength":2,"maxLength":5},"tags":{"type":"array","items":{"type":"string"},"maxItems":2}}})");

} // namespace

TEST(LlmSchemaCheck, AcceptsWhatFits)
{
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":3})"), kSchema), QString());
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":3.0,"until":"1h","note":"ok","tags":["a"]})"), kSchema),
        QString());
}

TEST(LlmSchemaCheck, NamesTheFirstProblem)
{
    EXPECT_EQ(schemaViolation(parse(R"({})"), kSchema), u"move_id is required"_s);
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":"3"})"), kSchema), u"move_id must be an integer"_s);
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":2.5})"), kSchema), u"move_id must be an integer"_s);
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":0})"), kSchema), u"move_id must be at least 1"_s);
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":1,"until":"later"})"), kSchema),
        u"until must be one of \"1h\", \"tomorrow\""_s);
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":1,"note":"x"})"), kSchema),
        u"note must have at least 2 characters"_s);
    EXPECT_EQ(
        schemaViolation(parse(R"({"move_id":1,"tags":["a",2]})"), kSchema), u"tags[1] must be a string"_s);
    EXPECT_EQ(schemaViolation(parse(R"({"move_id":1,"tags":["a","b","c"]})"), kSchema),
        u"tags must have at most 2 items"_s);
    EXPECT_EQ(
        schemaViolation(parse(R"({"move_id":1,"force":true})"), kSchema), u"force is not a known argument"_s);
    EXPECT_EQ(schemaViolation(QJsonValue(u"text"_s), kSchema), u"the arguments must be an object"_s);
}

TEST(LlmToolRegistry, RefusesBeforeTheHandlerRuns)
{
    ToolRegistry registry;
    int calls = 0;
    registry.add(
        { { u"accept_move"_s, u"Accept"_s, kSchema }, ToolEffect::Local, [&calls](const QJsonObject& args) {
             ++calls;
             return QJsonObject { { u"id"_s, args.value("move_id"_L1) } };
         } });
    ToolCall broken { u"c1"_s, u"accept_move"_s, uR"({"move_id": )"_s, {}, {} };
    parseToolArguments(broken);
    EXPECT_FALSE(registry.run(broken).ok());
    EXPECT_TRUE(registry.run(broken).result.value("error"_L1).toString().contains("could not be read"_L1));
    ToolCall wrongType { u"c2"_s, u"accept_move"_s, uR"({"move_id":"two"})"_s, {}, {} };
    parseToolArguments(wrongType);
    EXPECT_TRUE(registry.run(wrongType)
                    .result.value("error"_L1)
                    .toString()
                    .contains("move_id must be an integer"_L1));
    ToolCall unknown { u"c3"_s, u"rm_rf"_s, u"{}"_s, {}, {} };
    EXPECT_TRUE(
        registry.run(unknown).result.value("error"_L1).toString().contains("Known tools: accept_move"_L1));
    EXPECT_EQ(calls, 0);
    ToolCall good { u"c4"_s, u"accept_move"_s, uR"({"move_id":4})"_s, {}, {} };
    parseToolArguments(good);
    const ToolOutcome outcome = registry.run(good);
    EXPECT_TRUE(outcome.ok()); // "ok" is added when a handler leaves it out
    EXPECT_EQ(outcome.result.value("id"_L1).toInt(), 4);
    EXPECT_EQ(calls, 1);
}

TEST(LlmGemini, ConversationMapsRolesCallsAndResponses)
{
    ProviderTurn turn;
    turn.system = u"Be brief."_s;
    ToolCall a { u"call_1"_s, u"list_moves"_s, u"{}"_s, {}, {} };
    ToolCall b { u"call_2"_s, u"show_move"_s, uR"({"move_id":2})"_s, QJsonObject { { u"move_id"_s, 2 } },
        {} };
    turn.messages = { { u"user"_s, u"hi"_s, {}, {} }, { u"assistant"_s, u"Looking."_s, { a, b }, {} },
        { u"tool"_s, uR"({"ok":true})"_s, {}, u"call_1"_s }, { u"tool"_s, u"not json"_s, {}, u"call_2"_s } };
    const GeminiRequest request = geminiRequestFor(turn, u"gemini-2.0-flash"_s);
    EXPECT_EQ(request.systemInstruction, u"Be brief."_s);
    ASSERT_EQ(request.contents.size(), 3);
    EXPECT_EQ(request.contents[1].role, u"model"_s);
    ASSERT_EQ(request.contents[1].parts.size(), 3);
    EXPECT_EQ(request.contents[1].parts[2].functionArgs.value("move_id"_L1).toInt(), 2);
    EXPECT_EQ(request.contents[2].role, u"user"_s);
    ASSERT_EQ(request.contents[2].parts.size(), 2); // both answers in one content
    EXPECT_EQ(request.contents[2].parts[0].functionName, u"list_moves"_s);
    EXPECT_EQ(request.contents[2].parts[1].functionName, u"show_move"_s);
    EXPECT_EQ(request.contents[2].parts[1].functionResponse.value("result"_L1).toString(), u"not json"_s);

    GeminiResponse reply;
    reply.text = u"ok"_s;
    reply.functionCalls = { { u"accept_move"_s, QJsonObject { { u"move_id"_s, 3 } } } };
    const ChatResponse mapped = chatResponseFrom(reply, 7);
    ASSERT_EQ(mapped.toolCalls.size(), 1);
    EXPECT_EQ(mapped.toolCalls[0].id, u"call_7"_s);
    EXPECT_EQ(mapped.toolCalls[0].rawArguments, uR"({"move_id":3})"_s);
}

TEST(LlmGemini, StreamAssemblerJoinsTextAndKeepsCalls)
{
    GeminiStreamAssembler assembler;
    QString error;
    EXPECT_EQ(assembler.add(R"({"candidates":[{"content":{"parts":[{"text":"Hel"}]}}]})", &error), u"Hel"_s);
    EXPECT_EQ(
        assembler.add(
            R"({"candidates":[{"content":{"parts":[{"text":"lo","thought":true},{"text":"lo"},{"functionCall":{"name":"whats_up","args":{}}}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":2}})",
            &error),
        u"lo"_s);
    EXPECT_TRUE(error.isEmpty());
    const GeminiResponse r = assembler.result();
    EXPECT_EQ(r.text, u"Hello"_s);
    ASSERT_EQ(r.functionCalls.size(), 1);
    EXPECT_EQ(r.finishReason, u"STOP"_s);
    EXPECT_EQ(r.outputTokens, 2);
    assembler.add("garbage", &error);
    EXPECT_FALSE(error.isEmpty());
}

TEST(LlmGemini, SchemaBoundsAreStringsAndEnumsDeclared)
{
    const QJsonObject out = geminiSchema(kSchema);
    const QJsonObject note = out.value("properties"_L1).toObject().value("note"_L1).toObject();
    EXPECT_EQ(note.value("minLength"_L1), QJsonValue(u"2"_s));
    EXPECT_EQ(
        out.value("properties"_L1).toObject().value("until"_L1).toObject().value("format"_L1).toString(),
        u"enum"_s);
    EXPECT_EQ(
        out.value("properties"_L1).toObject().value("move_id"_L1).toObject().value("minimum"_L1).toInt(), 1);
}

TEST(LlmSettings, DefaultsAreOfflineAndValuesRoundTrip)
{
    test::TempHome home;
    QSettings settings(home.file(u"s.ini"_s), QSettings::IniFormat);
    const LlmSettings defaults = LlmSettings::load(settings);
    EXPECT_EQ(defaults.provider, ProviderKind::Offline);
    EXPECT_FALSE(
        defaults.cloudChat || defaults.cloudEmbeddings || defaults.cloudSummaries || defaults.cloudAgents);
    LlmSettings s;
    s.provider = ProviderKind::Xai;
    s.model = u"grok-3"_s;
    s.cloudChat = true;
    s.maxSteps = 4;
    s.save(settings);
    const LlmSettings back = LlmSettings::load(settings);
    EXPECT_EQ(back.provider, ProviderKind::Xai);
    EXPECT_EQ(back.effectiveBaseUrl(), QUrl(u"https://api.x.ai/v1"_s));
    EXPECT_EQ(back.model, u"grok-3"_s);
    EXPECT_EQ(back.maxSteps, 4);
    EXPECT_TRUE(back.cloudChat);
    settings.setValue(LlmSettings::providerKey(), u"skynet"_s);
    settings.setValue(LlmSettings::maxStepsKey(), 99);
    settings.setValue(LlmSettings::baseUrlKey(), u"ftp://x"_s);
    const LlmSettings bad = LlmSettings::load(settings);
    EXPECT_EQ(bad.provider, ProviderKind::Offline);
    EXPECT_EQ(bad.maxSteps, 6);
    EXPECT_TRUE(bad.baseUrl.isEmpty());
    EXPECT_TRUE(
        settings.allKeys().filter(u"key"_s, Qt::CaseInsensitive).isEmpty()); // no key is ever a setting
}

// The checks the CLI and the settings dialog share with load().
TEST(LlmSettings, UsableBaseUrlsAndEveryProviderListed)
{
    EXPECT_TRUE(LlmSettings::isUsableBaseUrl(QUrl(u"http://localhost:11434/v1"_s)));
    EXPECT_TRUE(LlmSettings::isUsableBaseUrl(QUrl(u"https://api.openai.com/v1"_s)));
    EXPECT_FALSE(LlmSettings::isUsableBaseUrl(QUrl(u"localhost:11434"_s))); // "localhost" taken as the scheme
    EXPECT_FALSE(LlmSettings::isUsableBaseUrl(QUrl(u"ftp://x/v1"_s)));
    EXPECT_FALSE(LlmSettings::isUsableBaseUrl(QUrl(u"http:///v1"_s)));
    EXPECT_FALSE(LlmSettings::isUsableBaseUrl(QUrl()));
    const QList<ProviderKind> kinds = allProviderKinds();
    EXPECT_EQ(kinds.first(), ProviderKind::Offline);
    EXPECT_EQ(kinds.size(), 5);
    for (ProviderKind kind : kinds)
        EXPECT_EQ(providerKindFromString(toString(kind)), kind);
    EXPECT_LT(LlmSettings::kMinSteps, LlmSettings().maxSteps);
    EXPECT_LE(LlmSettings().timeoutSeconds, LlmSettings::kMaxTimeoutSeconds);
}

TEST(LlmSettings, LocalServersNeedNeitherKeyNorCloudSwitch)
{
    LlmSettings s;
    s.provider = ProviderKind::OpenAiCompatible;
    EXPECT_TRUE(s.isLocal()); // localhost:11434 by default
    s.baseUrl = QUrl(u"http://192.0.2.7:1234/v1"_s);
    EXPECT_FALSE(s.isLocal());
    s.baseUrl = QUrl(u"http://127.0.0.1:1234/v1"_s);
    EXPECT_TRUE(s.isLocal());
    EXPECT_FALSE(embeddingsAllowed(s, false)); // a local server embeds only when asked
    s.embeddingModel = u"nomic-embed-text"_s;
    EXPECT_TRUE(embeddingsAllowed(s, false));
    s.provider = ProviderKind::OpenAi;
    s.baseUrl = {};
    s.cloudEmbeddings = true;
    EXPECT_FALSE(embeddingsAllowed(s, false)); // the cloud needs a key
    EXPECT_TRUE(embeddingsAllowed(s, true));
}

TEST(LlmSettings, OnlyTheHostedApisRequireAKey)
{
    EXPECT_TRUE(keyRequired(ProviderKind::OpenAi));
    EXPECT_TRUE(keyRequired(ProviderKind::Xai));
    EXPECT_TRUE(keyRequired(ProviderKind::Gemini));
    EXPECT_FALSE(keyRequired(ProviderKind::OpenAiCompatible)); // its key is used when stored
    EXPECT_FALSE(keyProviderFor(ProviderKind::OpenAiCompatible).isEmpty());
    EXPECT_TRUE(keyProviderFor(ProviderKind::Offline).isEmpty());
    LlmSettings s;
    s.provider = ProviderKind::OpenAiCompatible;
    s.baseUrl = QUrl(u"https://llm.example.com/v1"_s); // hosted: the cloud switch applies, a key does not
    s.cloudEmbeddings = true;
    s.embeddingModel = u"nomic-embed-text"_s;
    EXPECT_TRUE(embeddingsAllowed(s, false));
    s.cloudEmbeddings = false;
    EXPECT_FALSE(embeddingsAllowed(s, false));
}

TEST(LlmErrors, SentencesNameTheProviderNotTheHostOrKey)
{
    ClientError server { ClientErrorKind::Server, 503,
        u"api.example.test is failing (HTTP 503) (overloaded)"_s };
    EXPECT_EQ(providerErrorText(u"OpenAI"_s, server, u"api.example.test"_s),
        u"OpenAI had a server error and could not answer (HTTP 503: overloaded)."_s);
    ClientError limited { ClientErrorKind::RateLimited, 429, u"rate limited"_s, 12500 };
    EXPECT_EQ(
        providerErrorText(u"xAI"_s, limited), u"xAI is limiting requests right now: try again in 13 s."_s);
    SecretScrubber scrubber;
    const TokenSource source = scrubber.wrap(fixedToken(u"sk-secret-1234567890"_s));
    source(nullptr, [](const Result<QString>&) {});
    // Whole, and shortened the way providers quote a wrong key.
    EXPECT_EQ(scrubber.scrub(u"bad key sk-secret-1234567890 and sk-secre**********7890."_s),
        u"bad key ••• and •••."_s);
    EXPECT_EQ(SecretScrubber().scrub(u"key AIzaSyA-abcdefghijk"_s), u"key •••"_s);
}

TEST(LlmJarvisTools, EveryToolDeclaresAClosedObjectAndExternalOnesOnlyPrepare)
{
    test::FakeClock clock;
    test::TempHome home;
    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    jarvis::OfflineAssistant assistant(db, clock);
    const ToolRegistry tools = jarvis::jarvisTools(assistant, db);
    EXPECT_EQ(tools.names().size(), 13);
    for (const ToolDefinition& d : tools.definitions()) {
        EXPECT_EQ(d.parameters.value("type"_L1).toString(), u"object"_s) << d.name.toStdString();
        EXPECT_EQ(d.parameters.value("additionalProperties"_L1), QJsonValue(false)) << d.name.toStdString();
        EXPECT_FALSE(d.description.isEmpty());
    }
    EXPECT_EQ(tools.find(u"execute_move"_s)->effect, ToolEffect::External);
    EXPECT_EQ(tools.find(u"draft_follow_up"_s)->effect, ToolEffect::External);
    ToolCall execute { u"c"_s, u"execute_move"_s, uR"({"move_id":1})"_s, {}, {} };
    parseToolArguments(execute);
    EXPECT_FALSE(tools.run(execute).ok()); // no such move in an empty workspace: an error, never a send
}
