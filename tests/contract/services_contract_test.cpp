// Contract check: Slack, X, Google Drive, Google Docs and the HubSpot health call against Prism.
#include "ContractHarness.h"
#include "connectors/clients/GoogleDocsClients.h"
#include "connectors/clients/MessagingClients.h"

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

class ServicesContract : public ContractTest
{
};

TEST_F(ServicesContract, SlackPostAndAuthTestAreAccepted)
{
    startPrism(u"slack-web.prism.openapi.json"_s);
    SlackClient client(m_http, config({}));
    const auto posted = run<SlackPosted>(
        [&](auto done) { client.postMessage(u"C0123456"_s, u"Renewal call moved to 3 pm"_s, {}, &m_context, done); });
    expectAccepted(posted, "chat.postMessage");
    const auto threaded = run<SlackPosted>([&](auto done) {
        client.postMessage(u"C0123456"_s, u"Done"_s, u"1700000000.000100"_s, &m_context, done);
    });
    expectAccepted(threaded, "chat.postMessage in a thread");
    const auto who = run<SlackIdentity>([&](auto done) { client.authTest(&m_context, done); });
    expectAccepted(who, "auth.test");
    expectHealthy(u"slack"_s, {});
}

TEST_F(ServicesContract, XPostAndMeAreAccepted)
{
    startPrism(u"x-twitter-v2.openapi.json"_s);
    XClient client(m_http, config({}));
    const auto posted = run<QString>([&](auto done) { client.post(u"Shipping today"_s, {}, &m_context, done); });
    expectAccepted(posted, "POST /2/tweets");
    const auto reply = run<QString>(
        [&](auto done) { client.post(u"Thanks!"_s, u"1460323737035677698"_s, &m_context, done); });
    expectAccepted(reply, "POST /2/tweets as a reply");
    const auto me = run<XUser>([&](auto done) { client.me(&m_context, done); });
    expectAccepted(me, "GET /2/users/me");
    expectHealthy(u"x"_s, {});
}

TEST_F(ServicesContract, DriveSearchIsAccepted)
{
    startPrism(u"google-drive.openapi.yaml"_s);
    DriveClient client(m_http, config({}));
    const auto page = run<DrivePage>(
        [&](auto done) { client.search(u"Acme's Q3 + renewal"_s, 25, {}, &m_context, done); });
    expectAccepted(page, "files.list search");
    const auto next = run<DrivePage>(
        [&](auto done) { client.search(u"Acme"_s, 25, u"token+/=="_s, &m_context, done); });
    expectAccepted(next, "files.list next page");
    expectHealthy(u"google"_s, {});
}

TEST_F(ServicesContract, DocsGetIsAccepted)
{
    startPrism(u"google-docs.prism.openapi.yaml"_s);
    DocsClient client(m_http, config({}));
    const auto doc = run<DocsDocument>([&](auto done) { client.get(u"1AbC-dEf_123"_s, &m_context, done); });
    expectAccepted(doc, "documents.get");
    EXPECT_FALSE(doc.value.text.isEmpty());
}

TEST_F(ServicesContract, HubspotHealthCheckIsAccepted)
{
    startPrism(u"hubspot-crm.prism.openapi.json"_s);
    expectHealthy(u"hubspot"_s, {});
}

