#include "connectors/clients/OpenAiClient.h"

#include "connectors/clients/ApiCall.h"
#include "connectors/clients/ChatStreamAssembler.h"
#include "connectors/clients/MultipartBody.h"
#include "connectors/clients/SseParser.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

template<typename T>
ClientResult<T> failed(ClientErrorKind kind, const QString& message)
{
    ClientResult<T> out;
    out.error = ClientError { kind, 0, message };
    return out;
}

HttpRequest openAiSpeechRequest(const ClientConfig& config, const SpeechRequest& request)
{
    QJsonObject body { { u"model"_s, request.model }, { u"input"_s, request.input },
        { u"voice"_s, request.voice }, { u"response_format"_s, request.format } };
    if (request.speed != 1.0)
        body.insert(u"speed"_s, request.speed);
    HttpRequest req = jsonPost(apiUrl(config.baseUrl, u"audio/speech"_s), body);
    req.expectJson = false;
    req.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/octet-stream") });
    return req;
}

} // namespace

OpenAiClient::OpenAiClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

void OpenAiClient::chat(const ChatRequest& request, QObject* context, ChatDone done)
{
    HttpRequest req = jsonPost(apiUrl(m_config.baseUrl, u"chat/completions"_s), chatRequestJson(request, false));
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<ChatResponse> out;
            out.error = error;
            QString why;
            if (!error.isError() && !parseChatResponse(result.response.json.object(), out.value, &why))
                out = failed<ChatResponse>(ClientErrorKind::Malformed, u"The chat reply could not be read: %1"_s.arg(why));
            done(out);
        });
}

void OpenAiClient::chatStream(const ChatRequest& request, QObject* context, DeltaFn onDelta, ChatDone done)
{
    HttpRequest req = jsonPost(apiUrl(m_config.baseUrl, u"chat/completions"_s), chatRequestJson(request, true));
    req.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream") });
    req.expectJson = false;
    struct State
    {
        SseParser parser;
        ChatStreamAssembler assembler;
        QString error;
    };
    auto state = std::make_shared<State>();
    req.onData = [state, onDelta](const QByteArray& chunk) {
        for (const SseEvent& event : state->parser.feed(chunk)) {
            if (!state->error.isEmpty() || state->assembler.done())
                return;
            const QString text = state->assembler.add(event.data, &state->error);
            if (!text.isEmpty() && onDelta)
                onDelta(text);
        }
        if (state->parser.overflow() && state->error.isEmpty())
            state->error = u"a streamed event was too large"_s;
    };
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [state, done](const HttpResult&, const ClientError& error) {
            ClientResult<ChatResponse> out;
            out.error = error;
            if (error.isError()) {
                done(out);
                return;
            }
            if (!state->error.isEmpty())
                out = failed<ChatResponse>(ClientErrorKind::Malformed, u"The chat stream broke: %1"_s.arg(state->error));
            else if (!state->assembler.done())
                out = failed<ChatResponse>(ClientErrorKind::Malformed, u"The chat stream ended before [DONE]"_s);
            else
                out.value = state->assembler.result();
            done(out);
        });
}

void OpenAiClient::embeddings(const QString& model, const QStringList& inputs, QObject* context,
    std::function<void(const ClientResult<QList<QList<float>>>&)> done)
{
    const QJsonObject body { { u"model"_s, model }, { u"input"_s, QJsonArray::fromStringList(inputs) },
        { u"encoding_format"_s, u"float"_s } };
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, jsonPost(apiUrl(m_config.baseUrl, u"embeddings"_s), body),
        context, [done, count = inputs.size()](const HttpResult& result, const ClientError& error) {
            ClientResult<QList<QList<float>>> out;
            out.error = error;
            if (error.isError()) {
                done(out);
                return;
            }
            QList<QList<float>> vectors(count);
            const QJsonArray data = result.response.json.object().value("data"_L1).toArray();
            for (const QJsonValue& item : data) {
                const QJsonObject o = item.toObject();
                const int index = o.value("index"_L1).toInt(-1);
                if (index < 0 || index >= count)
                    continue;
                for (const QJsonValue& x : o.value("embedding"_L1).toArray())
                    vectors[index].append(float(x.toDouble()));
            }
            for (const auto& v : vectors) {
                if (v.isEmpty()) {
                    done(failed<QList<QList<float>>>(ClientErrorKind::Malformed,
                        u"The embeddings reply lacks a vector for an input"_s));
                    return;
                }
            }
            out.value = vectors;
            done(out);
        });
}

void OpenAiClient::transcribe(const TranscriptionRequest& request, QObject* context,
    std::function<void(const ClientResult<QString>&)> done)
{
    MultipartBody form;
    form.addFile("file", request.fileName, request.mimeType, request.audio);
    form.addField("model", request.model.toUtf8());
    form.addField("response_format", "json");
    if (!request.language.isEmpty())
        form.addField("language", request.language.toUtf8());
    if (!request.prompt.isEmpty())
        form.addField("prompt", request.prompt.toUtf8());
    HttpRequest req;
    req.method = "POST";
    req.url = apiUrl(m_config.baseUrl, u"audio/transcriptions"_s);
    req.body = form.body();
    req.headers.append({ "Content-Type", form.contentType() });
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QString> out;
            out.error = error;
            const QJsonValue text = result.response.json.object().value("text"_L1);
            if (!error.isError() && !text.isString())
                out = failed<QString>(ClientErrorKind::Malformed, u"The transcription reply has no text"_s);
            else
                out.value = text.toString();
            done(out);
        });
}

void OpenAiClient::speech(const SpeechRequest& request, QObject* context,
    std::function<void(const ClientResult<QByteArray>&)> done)
{
    HttpRequest req = openAiSpeechRequest(m_config, request);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QByteArray> out;
            out.error = error;
            if (!error.isError())
                out.value = result.response.body;
            done(out);
        });
}

void OpenAiClient::speechStream(const SpeechRequest& request, QObject* context,
    std::function<void(const QByteArray& audio)> onAudio, std::function<void(const ClientError&)> done)
{
    HttpRequest req = openAiSpeechRequest(m_config, request);
    req.onData = std::move(onAudio);
    req.maxBodyBytes = 64 * 1024 * 1024; // a long answer at 24 kHz is about 48 KB a second
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult&, const ClientError& error) { done(error); });
}

void OpenAiClient::listModels(QObject* context, std::function<void(const ClientResult<QStringList>&)> done)
{
    HttpRequest req;
    req.url = apiUrl(m_config.baseUrl, u"models"_s);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QStringList> out;
            out.error = error;
            if (error.isError()) {
                done(out);
                return;
            }
            const QJsonValue data = result.response.json.object().value("data"_L1);
            if (!data.isArray()) {
                done(failed<QStringList>(ClientErrorKind::Malformed, u"The model list could not be read"_s));
                return;
            }
            for (const QJsonValue& m : data.toArray())
                out.value.append(m.toObject().value("id"_L1).toString());
            done(out);
        });
}

} // namespace caseyos
