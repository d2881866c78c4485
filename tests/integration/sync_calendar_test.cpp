// Calendar sync against FakeCalendar with a real SQLite file and a FakeClock: meetings scheduled, moved,
// cancelled and ended (meeting_held once), the syncToken, a 410 Gone resync, paging and the idle cost.
#include "FakeCalendar.h"
#include "SyncTestSupport.h"
#include "connectors/CalendarSync.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCalendarOwner = u"casey@example.com"_s;

class CalendarSyncTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_calendar.listen());
        m_now = QDateTime::currentDateTimeUtc();
        m_clock.set(m_now);
        SyncAccountConfig config;
        config.provider = SyncProvider::Calendar;
        config.accountId = kCalendarOwner;
        config.baseUrl = m_calendar.baseUrl();
        config.pageSize = 2;
        config.requestTimeoutMs = 2000;
        m_sync = std::make_unique<SyncHarness>(config, fastHttpOptions(), &m_clock);
    }
    FakeCalendar::Event meeting(
        const QString& id, int startHours, const QStringList& attendees = { u"ann@acme.com"_s })
    {
        FakeCalendar::Event e;
        e.id = id;
        e.summary = u"Demo "_s + id;
        e.start = m_now.addSecs(startHours * 3600);
        e.end = e.start.addSecs(1800);
        e.attendees = attendees;
        return e;
    }

    FakeCalendar m_calendar { kCalendarOwner };
    FakeClock m_clock;
    QDateTime m_now;
    std::unique_ptr<SyncHarness> m_sync;
};

} // namespace

TEST_F(CalendarSyncTest, UpcomingMeetingsAreScheduledAndEndedOnceWithMeetingHeld)
{
    m_calendar.putEvent(meeting(u"a"_s, 2));
    m_calendar.putEvent(meeting(u"b"_s, 5, { u"bob@beta.io"_s, u"cy@beta.io"_s }));
    m_calendar.putEvent(meeting(u"solo"_s, 3, {})); // nobody else: not a meeting
    m_calendar.putEvent(meeting(u"past"_s, -5)); // already over at the first sync: a baseline
    const SyncRunResult first = m_sync->run();
    ASSERT_TRUE(first.ok) << first.error.toStdString();
    EXPECT_EQ(m_sync->countSignals(u"calendar"_s, u"meeting_scheduled"_s), 2);
    EXPECT_EQ(m_sync->countSignals(u"calendar"_s, u"meeting_ended"_s), 0);
    EXPECT_EQ(m_calendar.requestCount(), 2); // 4 events, 2 per page
    EXPECT_EQ(m_sync->cursor(CalendarSync::kStream), u"tok-%1"_s.arg(m_calendar.version()));

    QSqlQuery q(m_sync->db().sql());
    ASSERT_TRUE(q.exec(u"SELECT payload FROM signals WHERE source_id LIKE 'a@%'"_s) && q.next());
    const QJsonObject payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    EXPECT_EQ(payload.value(u"event_id"_s).toString(), u"a"_s);
    EXPECT_EQ(payload.value(u"attendee_email"_s).toString(), u"ann@acme.com"_s);
    EXPECT_EQ(payload.value(u"summary"_s).toString(), u"Demo a"_s);
    EXPECT_FALSE(payload.value(u"start"_s).toString().isEmpty());

    // Three hours later "a" is over; nothing changed on the server: one request, one ended signal, one
    // outcome.
    m_clock.advance(3 * 3600);
    m_calendar.clearLog();
    const SyncRunResult later = m_sync->run();
    ASSERT_TRUE(later.ok) << later.error.toStdString();
    EXPECT_EQ(m_calendar.requestCount(), 1);
    EXPECT_EQ(m_sync->sourceIds(u"calendar"_s, u"meeting_ended"_s).size(), 1);
    EXPECT_EQ(m_sync->outcomeContacts(u"meeting_held"_s), QStringList { u"ann@acme.com"_s });
    ASSERT_TRUE(q.exec(u"SELECT payload FROM signals WHERE event_type = 'meeting_ended'"_s) && q.next());
    const QJsonObject ended = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    EXPECT_EQ(ended.value(u"attendee_email"_s).toString(), u"ann@acme.com"_s);
    EXPECT_FALSE(ended.value(u"end"_s).toString().isEmpty());

    // Again: nothing new, nothing repeated.
    m_calendar.clearLog();
    const SyncRunResult idle = m_sync->run();
    ASSERT_TRUE(idle.ok);
    EXPECT_EQ(m_calendar.requestCount(), 1);
    EXPECT_EQ(idle.signalsMade, 0);
    EXPECT_EQ(m_sync->countOutcomes(u"meeting_held"_s), 1);
}

TEST_F(CalendarSyncTest, MovedMeetingIsScheduledAgainAndCancelledOneNeverEnds)
{
    m_calendar.putEvent(meeting(u"a"_s, 2));
    m_calendar.putEvent(meeting(u"c"_s, 1));
    ASSERT_TRUE(m_sync->run().ok);
    m_calendar.putEvent(meeting(u"a"_s, 26)); // moved to tomorrow
    m_calendar.cancelEvent(u"c"_s);
    ASSERT_TRUE(m_sync->run().ok);
    EXPECT_EQ(m_sync->sourceIds(u"calendar"_s, u"meeting_scheduled"_s).size(), 3);
    m_clock.advance(4 * 3600);
    ASSERT_TRUE(m_sync->run().ok);
    EXPECT_EQ(m_sync->countSignals(u"calendar"_s, u"meeting_ended"_s), 0); // a moved, c cancelled
    m_clock.advance(24 * 3600);
    ASSERT_TRUE(m_sync->run().ok);
    const QStringList ended = m_sync->sourceIds(u"calendar"_s, u"meeting_ended"_s);
    ASSERT_EQ(ended.size(), 1);
    EXPECT_TRUE(ended.first().startsWith(u"a@"_s));
    EXPECT_EQ(m_sync->countOutcomes(u"meeting_held"_s), 1);
}

TEST_F(CalendarSyncTest, ExpiredSyncTokenTriggersAFullResyncWithoutDuplicates)
{
    m_calendar.putEvent(meeting(u"a"_s, 2));
    ASSERT_TRUE(m_sync->run().ok);
    m_calendar.putEvent(meeting(u"n"_s, 8));
    m_calendar.expireTokens();
    m_calendar.clearLog();
    const SyncRunResult result = m_sync->run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.fullSync);
    EXPECT_EQ(m_calendar.statusCount(410), 1);
    EXPECT_EQ(m_sync->countSignals(u"calendar"_s, u"meeting_scheduled"_s), 2);
    EXPECT_EQ(m_sync->stateNumber(CalendarSync::kStream, u"full_syncs"_s), 1);
    EXPECT_EQ(m_sync->cursor(CalendarSync::kStream), u"tok-%1"_s.arg(m_calendar.version()));
}
