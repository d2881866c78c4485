#include "execution/GmailPerformers.h"

#include "connectors/clients/GmailWriteClient.h"
#include "connectors/clients/MimeMessage.h"
#include "execution/ActionPayloads.h"

#include <memory>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

MimeMessage mimeFor(const EmailPayload& email, const QString& remoteKey)
{
    MimeMessage m;
    m.to = email.to;
    m.cc = email.cc;
    m.subject = email.subject;
    m.text = email.text;
    m.html = email.html;
    m.inReplyTo = email.inReplyTo;
    m.messageId = messageIdForKey(remoteKey);
    return m; // no Date: Gmail stamps it, and the bytes stay the same for the preview and the send
}

EmailPayload emailOf(const QJsonObject& payload, ActionKind kind)
{
    const Result<EmailPayload> parsed = EmailPayload::fromJson(payload, kind);
    return parsed ? parsed.value() : EmailPayload {};
}

// A look-up by Message-ID as a reconcile answer: the first match (remote ref + undo info from `describe`),
// none, or the error that stopped the look-up.
template<typename Ref, typename Describe>
FindResult findResultFrom(const ClientResult<QList<Ref>>& result, Describe describe)
{
    FindResult out;
    if (!result.ok()) {
        out.status = FindResult::Status::Error;
        out.error = result.error.message;
    } else if (result.value.isEmpty()) {
        out.status = FindResult::Status::NotFound;
    } else {
        out.status = FindResult::Status::Found;
        std::tie(out.remoteRef, out.undoInfo) = describe(result.value.first());
    }
    return out;
}

// What both Gmail performers share: the client, the message, the preview.
class GmailPerformer : public ActionPerformer
{
public:
    explicit GmailPerformer(std::shared_ptr<GmailWriteClient> client)
        : m_client(std::move(client))
    {
    }
    QString serviceName() const override { return u"Gmail"_s; }
    QJsonObject describe(const QJsonObject& payload, const QString& remoteKey) const override
    {
        const EmailPayload email = emailOf(payload, kind());
        QJsonObject out { { u"request"_s,
                              kind() == ActionKind::SendEmail ? u"POST gmail/v1/users/me/messages/send"_s
                                                              : u"POST gmail/v1/users/me/drafts"_s },
            { u"message"_s, QString::fromUtf8(mimeFor(email, remoteKey).toRfc2822()) } };
        if (!email.threadId.isEmpty())
            out.insert(u"thread_id"_s, email.threadId);
        return out;
    }

protected:
    QByteArray rawFor(const QJsonObject& payload, const QString& remoteKey) const
    {
        return mimeFor(emailOf(payload, kind()), remoteKey).toRfc2822();
    }
    std::shared_ptr<GmailWriteClient> m_client;
};

class SendEmailPerformer final : public GmailPerformer
{
public:
    using GmailPerformer::GmailPerformer;
    ActionKind kind() const override { return ActionKind::SendEmail; }
    QString pastTense() const override { return u"sent"_s; }
    QString undoRefusal() const override { return u"an email cannot be recalled once it has left"_s; }

    void perform(
        const QJsonObject& payload, const QString& remoteKey, QObject* context, PerformDone done) override
    {
        const QString threadId = payload.value("thread_id"_L1).toString();
        m_client->sendMessage(rawFor(payload, remoteKey), threadId, context,
            [done](const ClientResult<GmailMessageRef>& result) {
                PerformResult out;
                out.ok = result.ok();
                out.error = result.error.message;
                out.remoteRef = result.value.id;
                out.undoInfo = { { u"thread_id"_s, result.value.threadId } };
                done(out);
            });
    }

    void find(const QString& remoteKey, const QJsonObject&, QObject* context, FindDone done) override
    {
        m_client->findMessages(
            messageIdForKey(remoteKey), context, [done](const ClientResult<QList<GmailMessageRef>>& result) {
                done(findResultFrom(result, [](const GmailMessageRef& m) {
                    return std::pair { m.id, QJsonObject { { u"thread_id"_s, m.threadId } } };
                }));
            });
    }
};

class CreateDraftPerformer final : public GmailPerformer
{
public:
    using GmailPerformer::GmailPerformer;
    ActionKind kind() const override { return ActionKind::CreateDraft; }
    QString pastTense() const override { return u"created"_s; }
    bool canUndo() const override { return true; }

    void perform(
        const QJsonObject& payload, const QString& remoteKey, QObject* context, PerformDone done) override
    {
        const QString threadId = payload.value("thread_id"_L1).toString();
        m_client->createDraft(
            rawFor(payload, remoteKey), threadId, context, [done](const ClientResult<GmailDraftRef>& result) {
                PerformResult out;
                out.ok = result.ok();
                out.error = result.error.message;
                out.remoteRef = result.value.id;
                out.undoInfo
                    = { { u"draft_id"_s, result.value.id }, { u"message_id"_s, result.value.messageId } };
                done(out);
            });
    }

    void find(const QString& remoteKey, const QJsonObject&, QObject* context, FindDone done) override
    {
        m_client->findDrafts(
            messageIdForKey(remoteKey), context, [done](const ClientResult<QList<GmailDraftRef>>& result) {
                done(findResultFrom(result, [](const GmailDraftRef& d) {
                    return std::pair { d.id,
                        QJsonObject { { u"draft_id"_s, d.id }, { u"message_id"_s, d.messageId } } };
                }));
            });
    }

    void undo(const ExecutionRecord& record, QObject* context, UndoDone done) override
    {
        m_client->deleteDraft(record.remoteRef, context, [done](const ClientResult<bool>& result) {
            // Already gone (deleted, or sent, by hand in Gmail): there is no draft left, which is what undo
            // wants.
            if (result.ok() || result.error.status == 404)
                done({ true, {} });
            else
                done({ false, result.error.message });
        });
    }
};

} // namespace

void addGmailPerformers(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config)
{
    auto client = std::make_shared<GmailWriteClient>(http, config);
    registry.add(std::make_unique<SendEmailPerformer>(client));
    registry.add(std::make_unique<CreateDraftPerformer>(client));
}

} // namespace caseyos
