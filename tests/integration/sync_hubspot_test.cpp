// HubSpot sync against FakeHubspot (100 requests / 10 s enforced) with a real SQLite file: the first sync is
// a baseline, stage changes are classified by the pipeline's display order, idle costs one search per type,
// and objects sharing one last-modified millisecond page correctly.
#include "FakeHubspot.h"
#include "SyncTestSupport.h"
#include "connectors/HubspotSync.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kT0 = 1'790'000'000'000; // ms, an arbitrary instant

SyncAccountConfig hubspotConfig(const FakeHubspot& server, int pageSize = 0)
{
    SyncAccountConfig config;
    config.provider = SyncProvider::Hubspot;
    config.accountId = u"portal-42"_s;
    config.baseUrl = server.baseUrl();
    config.pageSize = pageSize;
    config.requestTimeoutMs = 5000;
    return config;
}

// deal id → outcome type recorded for it
QHash<QString, QString> outcomesByDeal(Database& db)
{
    QHash<QString, QString> map;
    QSqlQuery q(db.sql());
    q.exec(u"SELECT deal_id, type FROM outcomes"_s);
    while (q.next())
        map.insert(q.value(0).toString(), q.value(1).toString());
    return map;
}

class HubspotSyncTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_hubspot.listen()); }
    FakeHubspot m_hubspot;
};

} // namespace

TEST_F(HubspotSyncTest, FirstSyncRecordsABaselineWithoutSignals)
{
    m_hubspot.putDeal(u"1"_s, u"Acme"_s, u"appointmentscheduled"_s, 5000, kT0 + 1);
    m_hubspot.putDeal(u"2"_s, u"Beta"_s, u"contractsent"_s, 20000, kT0 + 2);
    for (int i = 0; i < 5; ++i)
        m_hubspot.putContact(QString::number(100 + i), u"c%1@x.com"_s.arg(i), kT0 + 10 + i);
    SyncHarness sync(hubspotConfig(m_hubspot));
    const SyncRunResult result = sync.run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.fullSync);
    EXPECT_EQ(sync.countSignals(u"hubspot"_s), 0);
    EXPECT_EQ(sync.countOutcomes(), 0);
    EXPECT_EQ(m_hubspot.requestCount(u"/search"_s), 2);
    EXPECT_EQ(m_hubspot.requestCount(u"/pipelines"_s), 0);
    EXPECT_EQ(sync.stateNumber(HubspotSync::kDealsStream, u"items_seen"_s), 2);
    EXPECT_EQ(sync.stateNumber(HubspotSync::kContactsStream, u"items_seen"_s), 5);
    const HubspotCursor cursor = HubspotCursor::parse(sync.cursor(HubspotSync::kContactsStream));
    EXPECT_EQ(cursor.since, kT0 + 14);
    EXPECT_EQ(cursor.idsAtSince, QSet<QString> { u"104"_s });
}

TEST_F(HubspotSyncTest, StageChangesAreClassifiedByDisplayOrderNeverByName)
{
    m_hubspot.putDeal(u"1"_s, u"Acme"_s, u"qualifiedtobuy"_s, 5000, kT0 + 1);
    m_hubspot.putDeal(u"2"_s, u"Beta"_s, u"contractsent"_s, 20000, kT0 + 2);
    m_hubspot.putDeal(u"3"_s, u"Gamma"_s, u"contractsent"_s, 30000, kT0 + 3);
    m_hubspot.putDeal(u"4"_s, u"Delta"_s, u"presentationscheduled"_s, 1000, kT0 + 4);
    m_hubspot.putDeal(u"5"_s, u"Eps"_s, u"appointmentscheduled"_s, 800, kT0 + 5);
    SyncHarness sync(hubspotConfig(m_hubspot));
    ASSERT_TRUE(sync.run().ok);

    // qualifiedtobuy (1) → presentationscheduled (2): advanced, although "p" < "q" by the alphabet.
    m_hubspot.putDeal(u"1"_s, u"Acme"_s, u"presentationscheduled"_s, 5000, kT0 + 100);
    // contractsent (4) → decisionmakerboughtin (3): regressed, although "d" sorts after "c".
    m_hubspot.putDeal(u"2"_s, u"Beta"_s, u"decisionmakerboughtin"_s, 20000, kT0 + 101);
    m_hubspot.putDeal(u"3"_s, u"Gamma"_s, u"closedwon"_s, 30000, kT0 + 102);
    m_hubspot.putDeal(u"4"_s, u"Delta"_s, u"closedlost"_s, 1000, kT0 + 103);
    m_hubspot.putDeal(u"5"_s, u"Eps"_s, u"appointmentscheduled"_s, 950, kT0 + 104); // amount only
    m_hubspot.putDeal(u"6"_s, u"Zeta"_s, u"appointmentscheduled"_s, 700, kT0 + 105); // new
    m_hubspot.clearLog();
    const SyncRunResult result = sync.run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_FALSE(result.fullSync);

    EXPECT_EQ(sync.countSignals(u"hubspot"_s, u"deal_stage_changed"_s), 4);
    EXPECT_EQ(sync.countSignals(u"hubspot"_s, u"deal_created"_s), 1);
    EXPECT_EQ(sync.countSignals(u"hubspot"_s, u"deal_amount_changed"_s), 1);
    const QHash<QString, QString> outcomes = outcomesByDeal(sync.db());
    EXPECT_EQ(outcomes.size(), 4);
    EXPECT_EQ(outcomes.value(u"1"_s), u"deal_stage_advanced"_s);
    EXPECT_EQ(outcomes.value(u"2"_s), u"deal_stage_regressed"_s);
    EXPECT_EQ(outcomes.value(u"3"_s), u"deal_won"_s);
    EXPECT_EQ(outcomes.value(u"4"_s), u"deal_lost"_s);
    EXPECT_EQ(m_hubspot.requestCount(u"/pipelines/deals"_s), 1);

    QSqlQuery q(sync.db().sql());
    ASSERT_TRUE(q.exec(
        u"SELECT payload FROM signals WHERE event_type = 'deal_stage_changed' AND source_id LIKE '1:%'"_s));
    ASSERT_TRUE(q.next());
    const QJsonObject payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    EXPECT_EQ(payload.value(u"deal_id"_s).toString(), u"1"_s);
    EXPECT_EQ(payload.value(u"deal_name"_s).toString(), u"Acme"_s);
    EXPECT_EQ(payload.value(u"stage"_s).toString(), u"presentationscheduled"_s);
    EXPECT_EQ(payload.value(u"previous_stage"_s).toString(), u"qualifiedtobuy"_s);
    EXPECT_EQ(payload.value(u"amount"_s).toDouble(), 5000.0);
    // Rules made moves from them.
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM moves WHERE source = 'hubspot'"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 6);

    // The same state again changes nothing.
    m_hubspot.clearLog();
    const SyncRunResult idle = sync.run();
    ASSERT_TRUE(idle.ok);
    EXPECT_EQ(idle.signalsMade, 0);
    EXPECT_EQ(sync.countOutcomes(), 4);
}

TEST_F(HubspotSyncTest, IdleCycleCostsOneSearchPerObjectType)
{
    for (int i = 0; i < 30; ++i) {
        m_hubspot.putDeal(QString::number(i + 1), u"Deal %1"_s.arg(i), u"qualifiedtobuy"_s, 100, kT0 + i);
        m_hubspot.putContact(QString::number(1000 + i), u"p%1@x.com"_s.arg(i), kT0 + i);
    }
    SyncHarness sync(hubspotConfig(m_hubspot, 10));
    ASSERT_TRUE(sync.run().ok);
    EXPECT_EQ(m_hubspot.requestCount(u"/search"_s), 6);
    m_hubspot.clearLog();
    const SyncRunResult idle = sync.run();
    ASSERT_TRUE(idle.ok) << idle.error.toStdString();
    EXPECT_EQ(m_hubspot.log().size(), 2);
    EXPECT_EQ(m_hubspot.requestCount(u"/deals/search"_s), 1);
    EXPECT_EQ(m_hubspot.requestCount(u"/contacts/search"_s), 1);
    EXPECT_EQ(idle.itemsSeen, 0);
}

TEST_F(HubspotSyncTest, ObjectsSharingOneMillisecondArePagedAndNotRepeated)
{
    for (int i = 0; i < 7; ++i)
        m_hubspot.putContact(QString::number(500 + i), u"same%1@x.com"_s.arg(i), kT0);
    SyncHarness sync(hubspotConfig(m_hubspot, 3));
    ASSERT_TRUE(sync.run().ok);
    EXPECT_EQ(sync.stateNumber(HubspotSync::kContactsStream, u"items_seen"_s), 7);
    m_hubspot.putContact(u"900"_s, u"later@x.com"_s, kT0);
    m_hubspot.putContact(u"901"_s, u"later2@x.com"_s, kT0 + 1);
    ASSERT_TRUE(sync.run().ok);
    EXPECT_EQ(sync.stateNumber(HubspotSync::kContactsStream, u"items_seen"_s), 9);
    const HubspotCursor cursor = HubspotCursor::parse(sync.cursor(HubspotSync::kContactsStream));
    EXPECT_EQ(cursor.since, kT0 + 1);
}

TEST_F(HubspotSyncTest, SearchBodyHasTheContractsRequiredFields)
{
    SyncHarness sync(hubspotConfig(m_hubspot));
    QJsonObject seen;
    m_hubspot.onRequest = [&seen](const FakeRequest& request) {
        if (request.path.endsWith(u"/deals/search"_s))
            seen = request.json().object();
    };
    ASSERT_TRUE(sync.run().ok);
    for (const char* key : { "filterGroups", "sorts", "properties", "limit", "after" })
        EXPECT_TRUE(seen.contains(QLatin1StringView(key))) << key;
    EXPECT_EQ(seen.value(u"limit"_s).toInt(), HubspotSync::kDefaultPageSize);
}

TEST(HubspotCursorTest, TimesAndCursorRoundTrip)
{
    const QString iso = QDateTime::fromMSecsSinceEpoch(kT0 + 7, QTimeZone::utc()).toString(Qt::ISODateWithMs);
    EXPECT_EQ(hubspotTimeMs(iso), kT0 + 7) << iso.toStdString();
    EXPECT_EQ(hubspotTimeMs(QString::number(kT0)), kT0);
    HubspotCursor cursor;
    cursor.advance(kT0, u"2"_s);
    cursor.advance(kT0, u"1"_s);
    EXPECT_TRUE(cursor.alreadySynced(kT0, u"1"_s));
    EXPECT_FALSE(cursor.alreadySynced(kT0, u"3"_s));
    cursor.advance(kT0 + 1, u"3"_s);
    EXPECT_TRUE(cursor.alreadySynced(kT0, u"9"_s)); // older than the cursor
    const HubspotCursor back = HubspotCursor::parse(cursor.toText());
    EXPECT_EQ(back.since, kT0 + 1);
    EXPECT_EQ(back.idsAtSince, QSet<QString> { u"3"_s });
}
