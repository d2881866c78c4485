// A 50 000-contact HubSpot backfill with the production rate budgets (ProviderLimits) against a fake that
// enforces HubSpot's 100 requests / 10 s and 5 searches / s like the real API: at most 510 requests, not a
// single 429, the 10 000-result search window split by time, every contact synced once; then an idle cycle
// costs one search per object type. Takes about 80 s of wall time: the search budget (4 / s) is the
// bottleneck, as it is for real.
#include "FakeHubspot.h"
#include "SyncTestSupport.h"
#include "connectors/HubspotSync.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>
#include <iostream>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

TEST(SyncBackfill, FiftyThousandContactsWithinBudgetAndWithoutA429)
{
    constexpr int kContacts = 50000;
    constexpr qint64 kT0 = 1'780'000'000'000;
    FakeHubspot hubspot; // 100 / 10 s
    hubspot.addRateLimit(5, 1000, u"/search"_s);
    ASSERT_TRUE(hubspot.listen());
    // Mostly distinct times, with some runs of equal ones (imports stamp many contacts in one millisecond).
    for (int i = 0; i < kContacts; ++i)
        hubspot.putContact(
            QString::number(i + 1), u"c%1@example.org"_s.arg(i), kT0 + (i / 3) * 7 + (i % 3 == 2 ? 1 : 0));
    for (int i = 0; i < 40; ++i)
        hubspot.putDeal(
            QString::number(900000 + i), u"Deal %1"_s.arg(i), u"qualifiedtobuy"_s, 1000 + i, kT0 + i);

    SyncAccountConfig config;
    config.provider = SyncProvider::Hubspot;
    config.accountId = u"portal-backfill"_s;
    config.baseUrl = hubspot.baseUrl();
    config.requestTimeoutMs = 30000;
    HttpClientOptions options; // production retry, breaker and (in the engine) rate budgets
    SyncHarness sync(config, options);

    QElapsedTimer timer;
    timer.start();
    const SyncRunResult result = sync.run(350000);
    const qint64 elapsed = timer.elapsed();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    std::cout << "backfill: " << hubspot.requestCount() << " requests, " << elapsed << " ms, max "
              << hubspot.maxInWindow(10000) << " per 10 s, max " << hubspot.maxInWindow(1000, u"/search"_s)
              << " searches per s\n";

    EXPECT_EQ(sync.stateNumber(HubspotSync::kContactsStream, u"items_seen"_s), kContacts);
    EXPECT_EQ(sync.stateNumber(HubspotSync::kDealsStream, u"items_seen"_s), 40);
    EXPECT_LE(hubspot.requestCount(), 510);
    EXPECT_EQ(hubspot.statusCount(429), 0);
    EXPECT_EQ(hubspot.statusCount(400), 0); // never paged past the 10 000-result window
    EXPECT_LE(hubspot.maxInWindow(10000), 100);
    EXPECT_LE(hubspot.maxInWindow(1000, u"/search"_s), 5);
    EXPECT_EQ(result.requests, hubspot.requestCount());
    const HubspotCursor cursor = HubspotCursor::parse(sync.cursor(HubspotSync::kContactsStream));
    EXPECT_EQ(cursor.since, kT0 + ((kContacts - 1) / 3) * 7 + ((kContacts - 1) % 3 == 2 ? 1 : 0));

    hubspot.clearLog();
    const SyncRunResult idle = sync.run();
    ASSERT_TRUE(idle.ok) << idle.error.toStdString();
    EXPECT_EQ(hubspot.requestCount(u"/contacts/search"_s), 1);
    EXPECT_EQ(hubspot.requestCount(u"/deals/search"_s), 1);
    EXPECT_EQ(hubspot.requestCount(), 2);
}
