// Contract check of the sync engines (issue 4): every request GmailSync, CalendarSync and HubspotSync sent in
// their real flows against the fake providers is sent again to Prism mocking the provider's OpenAPI spec, and
// must pass its request validation. SyncReplay.h says why the requests are recorded rather than sent to Prism
// by the engines directly. The requests themselves are built in services/connectors/SyncRequests.cpp.
#include "ContractHarness.h"
#include "SyncReplay.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <functional>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

// A request shape the engine must have sent at least once (so a flow that silently stops early is noticed).
struct Shape
{
    const char* name;
    std::function<bool(const FakeRequest&)> matches;
};

bool isGet(const FakeRequest& r, const QString& pathEnd)
{
    return r.method == "GET" && r.path.endsWith(pathEnd);
}

} // namespace

class SyncContract : public ContractTest
{
protected:
    // Sends every recorded request (except those under `unspecifiedPath`) to the started Prism; each must
    // pass. Returns how many were checked.
    int expectAllAccepted(const RecordedSync& recorded, const QString& unspecifiedPath = {})
    {
        int checked = 0;
        for (const FakeRequest& request : recorded.requests) {
            if (!unspecifiedPath.isEmpty() && request.path.startsWith(unspecifiedPath))
                continue;
            const HttpResult result = sendRaw(replayAt(request, m_prism.url()));
            const std::string what = describe(request).toStdString();
            EXPECT_TRUE(m_lastPassed) << what << ": Prism did not log that the request passed validation";
            EXPECT_TRUE(m_lastViolations.isEmpty())
                << what << ": " << m_lastViolations.join(u'\n').toStdString();
            EXPECT_TRUE(result.ok()) << what << ": " << result.response.status << " "
                                     << result.response.body.left(600).toStdString();
            ++checked;
        }
        return checked;
    }

    static void expectShapes(const RecordedSync& recorded, const QList<Shape>& shapes)
    {
        for (const Shape& shape : shapes) {
            const bool seen
                = std::any_of(recorded.requests.cbegin(), recorded.requests.cend(), shape.matches);
            EXPECT_TRUE(seen) << "the engine never sent: " << shape.name;
        }
    }
};

TEST_F(SyncContract, GmailSyncRequestsAreAccepted)
{
    const RecordedSync recorded = recordGmailSync();
    expectShapes(recorded,
        { { "users.getProfile", [](const FakeRequest& r) { return isGet(r, u"/users/me/profile"_s); } },
            { "messages.list of SENT",
                [](const FakeRequest& r) {
                    return isGet(r, u"/users/me/messages"_s) && r.query.hasQueryItem(u"labelIds"_s);
                } },
            { "messages.list, next page",
                [](const FakeRequest& r) {
                    return isGet(r, u"/users/me/messages"_s) && r.query.hasQueryItem(u"pageToken"_s);
                } },
            { "messages.get",
                [](const FakeRequest& r) { return r.path.contains(u"/users/me/messages/"_s); } },
            { "history.list", [](const FakeRequest& r) { return isGet(r, u"/users/me/history"_s); } },
            { "history.list, next page",
                [](const FakeRequest& r) {
                    return isGet(r, u"/users/me/history"_s) && r.query.hasQueryItem(u"pageToken"_s);
                } },
            { "threads.get",
                [](const FakeRequest& r) { return r.path.contains(u"/users/me/threads/"_s); } } });
    startPrism(u"google-gmail.prism.openapi.yaml"_s);
    EXPECT_EQ(expectAllAccepted(recorded), recorded.requests.size());
}

TEST_F(SyncContract, CalendarSyncRequestsAreAccepted)
{
    const RecordedSync recorded = recordCalendarSync();
    auto events = [](const FakeRequest& r) { return isGet(r, u"/calendars/primary/events"_s); };
    expectShapes(recorded,
        { { "events.list from timeMin",
              [events](const FakeRequest& r) { return events(r) && r.query.hasQueryItem(u"timeMin"_s); } },
            { "events.list, next page",
                [events](
                    const FakeRequest& r) { return events(r) && r.query.hasQueryItem(u"pageToken"_s); } },
            { "events.list from a syncToken", [events](const FakeRequest& r) {
                 return events(r) && r.query.hasQueryItem(u"syncToken"_s);
             } } });
    startPrism(u"google-calendar.openapi.yaml"_s);
    EXPECT_EQ(expectAllAccepted(recorded), recorded.requests.size());
}

TEST_F(SyncContract, HubspotSyncRequestsAreAccepted)
{
    const RecordedSync recorded = recordHubspotSync();
    auto search = [](const FakeRequest& r, const QString& type, bool nextPage) {
        return r.method == "POST" && r.path == u"/crm/v3/objects/"_s + type + u"/search"_s
            && (r.json().object().value("after"_L1).toString() != "0"_L1) == nextPage;
    };
    const QString pipelines = u"/crm/v3/pipelines/"_s;
    expectShapes(recorded,
        { { "deals search", [search](const FakeRequest& r) { return search(r, u"deals"_s, false); } },
            { "deals search, next page",
                [search](const FakeRequest& r) { return search(r, u"deals"_s, true); } },
            { "contacts search", [search](const FakeRequest& r) { return search(r, u"contacts"_s, false); } },
            { "deal pipelines",
                [pipelines](const FakeRequest& r) { return r.path.startsWith(pipelines); } } });
    QTemporaryDir dir;
    QString error;
    const QString spec = hubspotSpecWithSortObjects(dir.path(), &error);
    ASSERT_FALSE(spec.isEmpty()) << error.toStdString();
    startPrism(spec);
    // GET /crm/v3/pipelines/deals is in no spec of ../shared/contracts (HubSpot publishes it in a separate
    // Pipelines file): it is left out here, and only there.
    const auto unspecified = std::count_if(recorded.requests.cbegin(), recorded.requests.cend(),
        [&](const FakeRequest& r) { return r.path.startsWith(pipelines); });
    EXPECT_EQ(expectAllAccepted(recorded, pipelines), recorded.requests.size() - unspecified);
}
