#include "SyncReplay.h"

#include "FakeCalendar.h"
#include "FakeClock.h"
#include "FakeGmail.h"
#include "FakeHubspot.h"
#include "PrismMock.h"
#include "SyncTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

const QString kMe = u"casey@example.com"_s;
constexpr qint64 kT0 = 1'790'000'000'000; // ms, an arbitrary instant

// Runs one sync of `sync` and reports a failed run as a test failure.
void runSync(SyncHarness& sync, const char* what)
{
    const SyncRunResult result = sync.run(30000);
    EXPECT_TRUE(result.ok) << what << ": " << result.error.toStdString();
}

SyncAccountConfig configFor(SyncProvider provider, const QUrl& base, const QString& accountId)
{
    SyncAccountConfig config;
    config.provider = provider;
    config.accountId = accountId;
    config.baseUrl = base;
    config.pageSize = 2; // small pages: every paging parameter is exercised
    config.windowDays = 14;
    config.maxMessages = 10;
    config.requestTimeoutMs = 5000;
    return config;
}

// Starts the fake provider with every request it gets appended to `out`.
void startRecording(FakeHttpServer& server, RecordedSync& out)
{
    EXPECT_TRUE(server.listen());
    server.onRequest = [&out](const FakeRequest& request) { out.requests.append(request); };
}

} // namespace

RecordedSync recordGmailSync()
{
    RecordedSync out;
    FakeGmail gmail(kMe);
    startRecording(gmail, out);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 1; i <= 3; ++i) {
        const QString thread = u"t%1"_s.arg(i);
        gmail.addSent(thread, u"ann%1@acme.com"_s.arg(i), u"Proposal %1"_s.arg(i), now.addDays(-3));
        gmail.addInbound(
            thread, u"Ann <ann%1@acme.com>"_s.arg(i), u"Re: Proposal"_s, u"Sounds good"_s, now.addDays(-2));
    }
    SyncHarness sync(configFor(SyncProvider::Gmail, gmail.baseUrl(), kMe));
    runSync(sync, "Gmail first sync");
    // Replies in a known thread and in threads the engine has to look at (threads.get), over two history
    // pages.
    gmail.addInbound(u"t1"_s, u"Ann <ann1@acme.com>"_s, u"Re: Proposal"_s, u"One more thing"_s, now);
    gmail.addInbound(u"t8"_s, u"Bo <bo@beta.io>"_s, u"Hello"_s, u"New thread"_s, now);
    gmail.addInbound(u"t9"_s, u"Cy <cy@beta.io>"_s, u"Hi"_s, u"Another"_s, now);
    runSync(sync, "Gmail incremental sync");
    gmail.expireHistoryUpTo(gmail.historyId());
    gmail.addInbound(u"t2"_s, u"Ann <ann2@acme.com>"_s, u"Re: Proposal"_s, u"Still there?"_s, now);
    runSync(sync, "Gmail resync after an expired historyId");
    gmail.onRequest = nullptr;
    return out;
}

RecordedSync recordCalendarSync()
{
    RecordedSync out;
    FakeCalendar calendar(kMe);
    startRecording(calendar, out);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    FakeClock clock;
    clock.set(now);
    auto meeting = [&](const QString& id, int startHours) {
        FakeCalendar::Event e;
        e.id = id;
        e.summary = u"Demo "_s + id;
        e.start = now.addSecs(startHours * 3600);
        e.end = e.start.addSecs(1800);
        e.attendees = { u"ann@acme.com"_s };
        return e;
    };
    for (int i = 1; i <= 3; ++i)
        calendar.putEvent(meeting(u"m%1"_s.arg(i), i));
    SyncHarness sync(configFor(SyncProvider::Calendar, calendar.baseUrl(), kMe), fastHttpOptions(), &clock);
    runSync(sync, "Calendar first sync");
    calendar.putEvent(meeting(u"m1"_s, 5)); // moved
    runSync(sync, "Calendar incremental sync");
    calendar.expireTokens();
    runSync(sync, "Calendar full sync after 410 Gone");
    calendar.onRequest = nullptr;
    return out;
}

RecordedSync recordHubspotSync()
{
    RecordedSync out;
    FakeHubspot hubspot;
    startRecording(hubspot, out);
    hubspot.putDeal(u"1"_s, u"Acme"_s, u"appointmentscheduled"_s, 5000, kT0 + 1);
    hubspot.putDeal(u"2"_s, u"Beta"_s, u"qualifiedtobuy"_s, 7000, kT0 + 2);
    hubspot.putDeal(u"3"_s, u"Cyan"_s, u"contractsent"_s, 9000, kT0 + 3);
    for (int i = 0; i < 3; ++i)
        hubspot.putContact(QString::number(100 + i), u"c%1@x.com"_s.arg(i), kT0 + 10 + i);
    SyncHarness sync(configFor(SyncProvider::Hubspot, hubspot.baseUrl(), u"portal-42"_s));
    runSync(sync, "HubSpot baseline");
    hubspot.putDeal(u"1"_s, u"Acme"_s, u"contractsent"_s, 5000, kT0 + 100); // a stage change: pipelines
    runSync(sync, "HubSpot incremental sync");
    hubspot.onRequest = nullptr;
    return out;
}

HttpRequest replayAt(const FakeRequest& recorded, const QUrl& base)
{
    HttpRequest request;
    request.method = recorded.method;
    QUrl url = base;
    url.setPath(recorded.path);
    url.setQuery(recorded.query);
    request.url = url;
    request.body = recorded.body;
    static const QList<QByteArray> hopByHop { "host", "content-length", "connection", "accept-encoding" };
    for (const auto& [name, value] : recorded.headers) {
        if (!hopByHop.contains(name.toLower()))
            request.headers.append({ name, value });
    }
    return request;
}

QString describe(const FakeRequest& recorded)
{
    const QString query = recorded.query.isEmpty() ? QString() : u'?' + recorded.query.toString();
    return QString::fromLatin1(recorded.method) + u' ' + recorded.path + query;
}

QString hubspotSpecWithSortObjects(const QString& dir, QString* error)
{
    QFile in(contractSpec(u"hubspot-crm.prism.openapi.json"_s));
    if (!in.open(QIODevice::ReadOnly)) {
        *error = in.errorString();
        return {};
    }
    QJsonObject spec = QJsonDocument::fromJson(in.readAll()).object();
    QJsonObject components = spec.value("components"_L1).toObject();
    QJsonObject schemas = components.value("schemas"_L1).toObject();
    QJsonObject search = schemas.value("PublicObjectSearchRequest"_L1).toObject();
    QJsonObject properties = search.value("properties"_L1).toObject();
    QJsonObject sorts = properties.value("sorts"_L1).toObject();
    if (sorts.value("items"_L1).toObject().value("type"_L1).toString() != "string"_L1) {
        *error = u"the spec's sorts are no longer string[]: drop this erratum"_s;
        return {};
    }
    const QJsonObject sortObject { { u"type"_s, u"object"_s },
        { u"required"_s, QJsonArray { u"propertyName"_s } }, { u"additionalProperties"_s, false },
        { u"properties"_s,
            QJsonObject { { u"propertyName"_s, QJsonObject { { u"type"_s, u"string"_s } } },
                { u"direction"_s,
                    QJsonObject { { u"type"_s, u"string"_s },
                        { u"enum"_s, QJsonArray { u"ASCENDING"_s, u"DESCENDING"_s } } } } } } };
    sorts.insert("items"_L1,
        QJsonObject {
            { u"oneOf"_s, QJsonArray { QJsonObject { { u"type"_s, u"string"_s } }, sortObject } } });
    properties.insert("sorts"_L1, sorts);
    search.insert("properties"_L1, properties);
    schemas.insert("PublicObjectSearchRequest"_L1, search);
    components.insert("schemas"_L1, schemas);
    spec.insert("components"_L1, components);
    QJsonObject info = spec.value("info"_L1).toObject();
    info.insert("x-contracts-erratum"_L1,
        u"PublicObjectSearchRequest.sorts items: string or {propertyName, direction}"_s);
    spec.insert("info"_L1, info);
    const QString path = dir + u"/hubspot-crm.sorts-erratum.prism.openapi.json"_s;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)
        || out.write(QJsonDocument(spec).toJson(QJsonDocument::Compact)) < 0) {
        *error = out.errorString();
        return {};
    }
    return path;
}

} // namespace caseyos::test
