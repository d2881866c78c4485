#include "execution/MessagingPerformers.h"

#include "connectors/clients/MessagingClients.h"
#include "execution/ActionPayloads.h"
#include "execution/ActionPerformer.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// What a Slack and an X post share: it reaches people at once, cannot be looked up, and is not taken back.
class PostPerformer : public ActionPerformer
{
public:
    PostPerformer(ActionKind kind, QString service, QString refusal)
        : m_kind(kind)
        , m_service(std::move(service))
        , m_refusal(std::move(refusal))
    {
    }
    ActionKind kind() const override { return m_kind; }
    QString serviceName() const override { return m_service; }
    QString pastTense() const override { return u"posted"_s; }
    QString undoRefusal() const override { return m_refusal; }

private:
    ActionKind m_kind;
    QString m_service;
    QString m_refusal;
};

class SlackPerformer final : public PostPerformer
{
public:
    SlackPerformer(HttpClient& http, const ClientConfig& config)
        : PostPerformer(ActionKind::PostSlack, u"Slack"_s, u"delete the message in Slack if it must go"_s)
        , m_client(http, config)
    {
    }

    void perform(const QJsonObject& payload, const QString&, QObject* context, PerformDone done) override
    {
        const Result<SlackPayload> parsed = SlackPayload::fromJson(payload);
        const SlackPayload p
            = parsed ? parsed.value() : SlackPayload {}; // validated before; Slack refuses an empty one
        m_client.postMessage(
            p.channel, p.text, p.threadTs, context, [done](const ClientResult<SlackPosted>& result) {
                PerformResult out;
                out.ok = result.ok();
                out.error = result.error.message;
                out.remoteRef = result.value.channel + u'/' + result.value.ts;
                out.undoInfo = { { u"channel"_s, result.value.channel }, { u"ts"_s, result.value.ts } };
                done(out);
            });
    }

private:
    SlackClient m_client;
};

class XPerformer final : public PostPerformer
{
public:
    XPerformer(HttpClient& http, const ClientConfig& config)
        : PostPerformer(ActionKind::PostX, u"X"_s, u"delete the post on X if it must go"_s)
        , m_client(http, config)
    {
    }

    void perform(const QJsonObject& payload, const QString&, QObject* context, PerformDone done) override
    {
        const Result<XPayload> parsed = XPayload::fromJson(payload);
        const XPayload p = parsed ? parsed.value() : XPayload {}; // validated before; X refuses an empty one
        m_client.post(p.text, p.replyTo, context, [done](const ClientResult<QString>& result) {
            PerformResult out;
            out.ok = result.ok();
            out.error = result.error.message;
            out.remoteRef = result.value;
            out.undoInfo = { { u"post_id"_s, result.value } };
            done(out);
        });
    }

private:
    XClient m_client;
};

} // namespace

void addSlackPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config)
{
    registry.add(std::make_unique<SlackPerformer>(http, config));
}

void addXPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config)
{
    registry.add(std::make_unique<XPerformer>(http, config));
}

} // namespace caseyos
