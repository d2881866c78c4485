#include "execution/MessagingPerformers.h"

#include "connectors/clients/MessagingClients.h"
#include "execution/ActionPayloads.h"
#include "execution/ActionPerformer.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

class SlackPerformer final : public ActionPerformer
{
public:
    SlackPerformer(HttpClient& http, const ClientConfig& config)
        : m_client(http, config)
    {
    }
    ActionKind kind() const override { return ActionKind::PostSlack; }
    QString serviceName() const override { return u"Slack"_s; }
    QString pastTense() const override { return u"posted"_s; }
    QString undoRefusal() const override { return u"delete the message in Slack if it must go"_s; }

    void perform(const QJsonObject& payload, const QString&, QObject* context, PerformDone done) override
    {
        const Result<SlackPayload> parsed = SlackPayload::fromJson(payload);
        const SlackPayload p = parsed ? parsed.value() : SlackPayload {}; // validated before; Slack refuses an empty one
        m_client.postMessage(p.channel, p.text, p.threadTs, context, [done](const ClientResult<SlackPosted>& result) {
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

class XPerformer final : public ActionPerformer
{
public:
    XPerformer(HttpClient& http, const ClientConfig& config)
        : m_client(http, config)
    {
    }
    ActionKind kind() const override { return ActionKind::PostX; }
    QString serviceName() const override { return u"X"_s; }
    QString pastTense() const override { return u"posted"_s; }
    QString undoRefusal() const override { return u"delete the post on X if it must go"_s; }

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
