#pragma once

// The executor with the HubSpot and Calendar performers against FakeHubspot and FakeCalendar over real HTTP,
// for execution_hubspot_test.cpp and execution_calendar_test.cpp. The performers' clock is pinned to Friday
// 30 Oct 2026 12:10 in New York (the weekend before DST ends); the executor runs on the system clock.
#include "FakeCalendar.h"
#include "FakeClock.h"
#include "FakeHubspot.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "execution/ActionPayloads.h"
#include "execution/CalendarPerformers.h"
#include "execution/ExecutionRepository.h"
#include "execution/Executor.h"
#include "execution/HubspotPerformers.h"
#include "execution/IdempotencyKey.h"
#include "execution/MeetingSlots.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <gtest/gtest.h>

namespace caseyos::test {

inline const QTimeZone kNewYork("America/New_York");

inline QDateTime newYork(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kNewYork);
}

class CrmExecution : public ::testing::Test
{
protected:
    void SetUp() override
    {
        using namespace Qt::StringLiterals;
        ASSERT_TRUE(hubspot.listen());
        ASSERT_TRUE(calendar.listen());
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        hubspot.putContact(u"501"_s, u"ann@acme.com"_s, 1000);
        hubspot.putDeal(u"701"_s, u"Acme renewal"_s, u"qualifiedtobuy"_s, 10000, 1000);
        hubspot.setProperty(u"deals"_s, u"701"_s, u"closedate"_s, u"2026-11-30T00:00:00Z"_s);
        WorkingHours hours;
        hours.zone = kNewYork;
        addHubspotPerformers(registry, http, configFor(hubspot, u"hubspot:test"_s), clock);
        addCalendarPerformer(registry, http, configFor(calendar, u"google:test"_s), clock, hours);
        restart();
    }

    static ClientConfig configFor(const FakeHttpServer& server, const QString& account)
    {
        return ClientConfig { server.baseUrl(), fixedToken(QStringLiteral("crm-test-token")), account, 5000 };
    }

    void restart()
    {
        executor = std::make_unique<Executor>(db, SystemClock::instance(), registry);
        executor->start();
    }

    SubmitResult submit(ActionKind kind, const QJsonObject& payload)
    {
        ExecuteRequest request;
        request.kind = kind;
        request.payload = payload;
        request.approved = true;
        return executor->submit(request);
    }

    ExecutionRecord record(qint64 id)
    {
        return ExecutionRepository(db).find(id).value_or(ExecutionRecord {});
    }

    // Waits until the execution left queued / running; returns it.
    ExecutionRecord finished(qint64 id)
    {
        EXPECT_TRUE(waitFor([&] {
            const ExecutionState s = record(id).state;
            return s != ExecutionState::Queued && s != ExecutionState::Running;
        })) << "execution "
            << id << " still under way";
        return record(id);
    }

    Result<ExecutionRecord> undo(qint64 id)
    {
        std::optional<Result<ExecutionRecord>> answer;
        executor->undo(id, [&](const Result<ExecutionRecord>& r) { answer = r; });
        EXPECT_TRUE(waitFor([&] { return answer.has_value(); }));
        return answer.value_or(Result<ExecutionRecord>::failure(QStringLiteral("no answer")));
    }

    // The performer's call on its own, as a run that a crash then interrupted made it.
    PerformResult performDirectly(ActionKind kind, const QJsonObject& payload, const QString& remoteKey)
    {
        std::optional<PerformResult> result;
        QObject context;
        registry.find(kind)->perform(
            payload, remoteKey, &context, [&](const PerformResult& r) { result = r; });
        EXPECT_TRUE(waitFor([&] { return result.has_value(); }));
        return result.value_or(PerformResult {});
    }

    // A row as a crash leaves it: committed as running by a process that is gone, with its real keys.
    ExecutionRecord orphan(ActionKind kind, const QJsonObject& payload)
    {
        ExecutionRecord r;
        r.action = kind;
        r.payload = normalizePayload(kind, payload).value();
        r.payloadHash = payloadHash(r.payload);
        r.idempotencyKey = idempotencyKey(0, kind, r.payload);
        r.remoteKey = remoteKeyFor(r.idempotencyKey, 0);
        r.state = ExecutionState::Running;
        r.runner = QStringLiteral("2147483000/dead"); // no such process
        r.attempts = 1;
        r.createdAt = r.updatedAt = r.startedAt = r.dueAt = QDateTime::currentDateTimeUtc();
        EXPECT_TRUE(ExecutionRepository(db).insert(r, nullptr));
        return r;
    }

    // Restarts the executor (as the next app start does) and waits for its reconciliation and any rerun.
    void restartAndReconcile()
    {
        executor.reset();
        executor = std::make_unique<Executor>(db, SystemClock::instance(), registry);
        QSignalSpy reconciled(executor.get(), &Executor::reconciled);
        executor->start();
        ASSERT_TRUE(waitForSignal(reconciled));
        ASSERT_TRUE(waitFor([&] {
            return ExecutionRepository(db).inState(ExecutionState::Running).isEmpty()
                && ExecutionRepository(db).inState(ExecutionState::Queued).isEmpty();
        }));
    }

    TempHome home;
    FakeHubspot hubspot;
    FakeCalendar calendar { QStringLiteral("casey@example.com") };
    FakeClock clock { newYork(2026, 10, 30, 12, 10), kNewYork };
    Database db;
    HttpClient http { SystemClock::instance() };
    PerformerRegistry registry;
    std::unique_ptr<Executor> executor;
};

} // namespace caseyos::test
