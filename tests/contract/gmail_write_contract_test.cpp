// Contract check: every Gmail request the executor sends (GmailWriteClient: messages.send, drafts.create,
// drafts.delete, messages.list and drafts.list by rfc822msgid) against Prism mocking the Gmail spec.
#include "ContractHarness.h"
#include "connectors/clients/GmailWriteClient.h"
#include "connectors/clients/MimeMessage.h"

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

class GmailWriteContract : public ContractTest
{
protected:
    static QByteArray message()
    {
        MimeMessage m;
        m.to = { u"ann@acme.com"_s };
        m.subject = u"Q3 plan — next steps"_s;
        m.text = u"Hi Ann, shall we talk on Tuesday?"_s;
        m.html = u"<p>Hi Ann, shall we talk on Tuesday?</p>"_s;
        m.messageId = messageIdForKey(u"0123abcd"_s);
        return m.toRfc2822();
    }
};

TEST_F(GmailWriteContract, ExecutorRequestsAreAccepted)
{
    startPrism(u"google-gmail.prism.openapi.yaml"_s);
    GmailWriteClient client(m_http, config({}));
    const auto sent
        = run<GmailMessageRef>([&](auto done) { client.sendMessage(message(), {}, &m_context, done); });
    expectAccepted(sent, "users.messages.send");
    const auto reply = run<GmailMessageRef>(
        [&](auto done) { client.sendMessage(message(), u"18c1f0a2b3c4d5e6"_s, &m_context, done); });
    expectAccepted(reply, "users.messages.send in a thread");
    const auto draft
        = run<GmailDraftRef>([&](auto done) { client.createDraft(message(), {}, &m_context, done); });
    expectAccepted(draft, "users.drafts.create");
    const auto removed = run<bool>([&](auto done) { client.deleteDraft(u"r-123"_s, &m_context, done); });
    expectAccepted(removed, "users.drafts.delete");
    const auto messages = run<QList<GmailMessageRef>>(
        [&](auto done) { client.findMessages(messageIdForKey(u"0123abcd"_s), &m_context, done); });
    expectAccepted(messages, "users.messages.list q=rfc822msgid:");
    const auto drafts = run<QList<GmailDraftRef>>(
        [&](auto done) { client.findDrafts(messageIdForKey(u"0123abcd"_s), &m_context, done); });
    expectAccepted(drafts, "users.drafts.list q=rfc822msgid:");
}
