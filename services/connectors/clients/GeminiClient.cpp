#include "connectors/clients/GeminiClient.h"

#include "connectors/clients/ApiCall.h"
#include "connectors/clients/GeminiStreamAssembler.h"
#include "connectors/clients/SseParser.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

GeminiClient::GeminiClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

void GeminiClient::generateContent(const GeminiRequest& request, QObject* context,
    std::function<void(const ClientResult<GeminiResponse>&)> done)
{
    const QUrl url = apiUrl(m_config.baseUrl, u"models/%1:generateContent"_s.arg(geminiModelId(request.model)));
    sendApiRequest(m_http, m_config, AuthStyle::GoogleApiKey, jsonPost(url, geminiRequestJson(request)), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<GeminiResponse> out;
            out.error = error;
            QString why;
            if (!error.isError() && !parseGeminiResponse(result.response.json.object(), out.value, &why))
                out.error = ClientError { ClientErrorKind::Malformed, result.response.status,
                    u"The Gemini reply could not be used: %1"_s.arg(why) };
            done(out);
        });
}

void GeminiClient::streamGenerateContent(const GeminiRequest& request, QObject* context,
    std::function<void(const QString& text)> onDelta,
    std::function<void(const ClientResult<GeminiResponse>&)> done)
{
    QUrl url
        = apiUrl(m_config.baseUrl, u"models/%1:streamGenerateContent"_s.arg(geminiModelId(request.model)));
    url.setQuery(u"alt=sse"_s);
    HttpRequest req = jsonPost(url, geminiRequestJson(request));
    req.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream") });
    req.expectJson = false;
    struct State
    {
        SseParser parser;
        GeminiStreamAssembler assembler;
        QString error;
    };
    auto state = std::make_shared<State>();
    req.onData = [state, onDelta](const QByteArray& chunk) {
        for (const SseEvent& event : state->parser.feed(chunk)) {
            if (!state->error.isEmpty())
                return;
            const QString text = state->assembler.add(event.data, &state->error);
            if (!text.isEmpty() && onDelta)
                onDelta(text);
        }
        if (state->parser.overflow() && state->error.isEmpty())
            state->error = u"a streamed event was too large"_s;
    };
    sendApiRequest(m_http, m_config, AuthStyle::GoogleApiKey, std::move(req), context,
        [state, done](const HttpResult& result, const ClientError& error) {
            ClientResult<GeminiResponse> out;
            out.error = error;
            if (error.isError()) {
                done(out);
                return;
            }
            if (!state->error.isEmpty())
                out.error = ClientError { ClientErrorKind::Malformed, result.response.status,
                    u"The Gemini stream broke: %1"_s.arg(state->error) };
            else if (state->assembler.chunks() == 0)
                out.error = ClientError { ClientErrorKind::Malformed, result.response.status,
                    u"The Gemini stream ended without an answer"_s };
            else
                out.value = state->assembler.result();
            done(out);
        });
}

void GeminiClient::embedContent(const QString& model, const QString& text, QObject* context,
    std::function<void(const ClientResult<QList<float>>&)> done)
{
    const QUrl url = apiUrl(m_config.baseUrl, u"models/%1:embedContent"_s.arg(geminiModelId(model)));
    const QJsonObject body { { u"content"_s,
        QJsonObject { { u"parts"_s, QJsonArray { QJsonObject { { u"text"_s, text } } } } } } };
    sendApiRequest(m_http, m_config, AuthStyle::GoogleApiKey, jsonPost(url, body), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QList<float>> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonArray values
                    = result.response.json.object().value("embedding"_L1).toObject().value("values"_L1).toArray();
                for (const QJsonValue& v : values)
                    out.value.append(float(v.toDouble()));
                if (out.value.isEmpty())
                    out.error = ClientError { ClientErrorKind::Malformed, result.response.status,
                        u"The Gemini embedding reply has no values"_s };
            }
            done(out);
        });
}

void GeminiClient::listModels(QObject* context, std::function<void(const ClientResult<QStringList>&)> done)
{
    HttpRequest req;
    req.url = apiUrl(m_config.baseUrl, u"models"_s);
    req.url.setQuery(u"pageSize=1"_s);
    sendApiRequest(m_http, m_config, AuthStyle::GoogleApiKey, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QStringList> out;
            out.error = error;
            for (const QJsonValue& m : result.response.json.object().value("models"_L1).toArray())
                out.value.append(m.toObject().value("name"_L1).toString());
            done(out);
        });
}

} // namespace caseyos
