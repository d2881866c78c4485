// bench_outcome_stats: outcome stats over 100 000 outcomes must take < 100 ms (issue 3). Also times the
// outcome adjustment (one contact, and 1 000 contacts at once as ingest asks) and one record() with its
// re-scoring.
//   - stats_90d_all: every outcome in the window (the worst case: all 100 000 rows aggregated);
//   - stats_7d_all, stats_30d_all: the windows the Outcomes view offers;
//   - stats_90d_contact: one busy contact's stats.
// Each is timed once cold (first query on a fresh connection) and then over --runs runs (median, max).
// Exits 1 when a figure misses its goal or a count is wrong.
// Usage: bench_outcome_stats [--count N] [--contacts N] [--runs R] [--db PATH]

#include "BenchSupport.h"
#include "moves/MoveService.h"
#include "outcomes/OutcomeRepository.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::bench;

namespace {

constexpr double kGoalStatsMs = 100.0;
constexpr qint64 kDayMs = 86'400'000;

// splitmix64: deterministic across runs and machines.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) / double(1ULL << 53); }
    int below(int n) { return int(next() % quint64(n)); }

private:
    quint64 m_state;
};

// Types in rough real-world proportions: many sends and opens, fewer replies, meetings and deals.
OutcomeType pickType(Rng& rng)
{
    static const struct
    {
        OutcomeType type;
        int weight;
    } table[] = {
        { OutcomeType::EmailSent, 30 },
        { OutcomeType::EmailOpened, 18 },
        { OutcomeType::EmailClicked, 6 },
        { OutcomeType::EmailReplied, 8 },
        { OutcomeType::EmailBounced, 2 },
        { OutcomeType::EmailUnsubscribed, 1 },
        { OutcomeType::MeetingBooked, 4 },
        { OutcomeType::MeetingHeld, 3 },
        { OutcomeType::MeetingNoShow, 1 },
        { OutcomeType::MeetingRescheduled, 1 },
        { OutcomeType::DealCreated, 2 },
        { OutcomeType::DealStageAdvanced, 3 },
        { OutcomeType::DealStageRegressed, 1 },
        { OutcomeType::DealWon, 1 },
        { OutcomeType::DealLost, 1 },
        { OutcomeType::TaskCompleted, 6 },
        { OutcomeType::TaskOverdue, 3 },
        { OutcomeType::PositiveResponse, 3 },
        { OutcomeType::NegativeResponse, 2 },
        { OutcomeType::NoResponse, 4 },
    };
    int total = 0;
    for (const auto& t : table)
        total += t.weight;
    int pick = rng.below(total);
    for (const auto& t : table) {
        if (pick < t.weight)
            return t.type;
        pick -= t.weight;
    }
    return OutcomeType::EmailSent;
}

QString contactEmail(int i)
{
    return u"contact%1@company%2.example"_s.arg(i).arg(i % 97);
}

// N outcomes spread over the 89 days before `now` (all inside a 90-day window), over `contacts` contacts with
// a skew (low numbers are busier), in one transaction through one prepared statement.
bool fillOutcomes(Database& db, int count, int contacts, const QDateTime& now, qint64* inWeek)
{
    Rng rng(20261120);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 weekStart = now.date().addDays(-6).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
    *inWeek = 0;
    QString error;
    return db.transaction(
        [&] {
            QSqlQuery q(db.sql());
            q.prepare(u"INSERT INTO outcomes (type, category, source, confidence, impact, contact_email, "
                      "occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
            for (int i = 0; i < count; ++i) {
                const OutcomeType type = pickType(rng);
                const double confidence = rng.below(4) == 0 ? 0.5 + 0.5 * rng.unit() : 1.0;
                const int contact = int(double(contacts) * rng.unit() * rng.unit()); // skewed to low numbers
                const qint64 at = nowMs - qint64(rng.unit() * double(89 * kDayMs));
                *inWeek += at >= weekStart ? 1 : 0;
                q.addBindValue(toString(type));
                q.addBindValue(toString(categoryOf(type)));
                q.addBindValue(u"system"_s);
                q.addBindValue(confidence);
                q.addBindValue(scaledImpact(type, confidence));
                q.addBindValue(contactEmail(contact));
                q.addBindValue(at);
                q.addBindValue(at);
                if (!q.exec()) {
                    fail(u"insert: "_s + q.lastError().text());
                    return false;
                }
            }
            return true;
        },
        &error);
}

struct Timing
{
    double coldMs = 0;
    std::vector<double> runsMs;
};

template<typename Fn> Timing timeRuns(int runs, Fn&& fn)
{
    Timing t;
    {
        Stopwatch cold;
        fn();
        t.coldMs = cold.milliseconds();
    }
    for (int i = 0; i < runs; ++i) {
        Stopwatch timer;
        fn();
        t.runsMs.push_back(timer.milliseconds());
    }
    return t;
}

void reportTiming(const char* name, const Timing& t, double goalMs)
{
    const std::string n(name);
    report((n + "_cold").c_str(), t.coldMs, "ms", 2);
    report((n + "_median").c_str(), median(t.runsMs), "ms", 2);
    report((n + "_max").c_str(), maximum(t.runsMs), "ms", 2);
    if (goalMs > 0) {
        const bool met = t.coldMs < goalMs && median(t.runsMs) < goalMs;
        reportText((n + "_goal_met").c_str(), met ? u"yes"_s : u"no"_s);
        if (!met)
            fail(u"%1 missed its goal of %2 ms (cold %3 ms, median %4 ms)"_s.arg(QString::fromStdString(n))
                     .arg(goalMs)
                     .arg(t.coldMs, 0, 'f', 1)
                     .arg(median(t.runsMs), 0, 'f', 1));
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::printf("usage: bench_outcome_stats [--count N] [--contacts N] [--runs R] [--db PATH]\n");
        return 0;
    }
    initBenchLogging();
    const int count = intOption(args, u"--count"_s, 100000);
    const int contacts = intOption(args, u"--contacts"_s, 5000);
    const int runs = intOption(args, u"--runs"_s, 20);
    QTemporaryDir temp;
    const QString path = stringOption(args, u"--db"_s, temp.filePath(u"outcomes.db"_s));
    QFile::remove(path);
    FixedClock clock(referenceNow());
    report("goal", kGoalStatsMs, "ms", 0);

    qint64 inWeek = 0;
    {
        Database db;
        QString error;
        if (!db.open(path, &error)) {
            fail(u"cannot open %1: %2"_s.arg(path, error));
            return exitCode();
        }
        Stopwatch build;
        if (!fillOutcomes(db, count, contacts, clock.now(), &inWeek))
            return exitCode();
        // Open moves for the busiest contact, to time a record() with its re-scoring.
        MoveService moves(db, clock);
        for (int i = 0; i < 20; ++i) {
            Move draft;
            draft.title = u"Follow up %1"_s.arg(i);
            draft.actionType = u"email_follow_up"_s;
            draft.contactEmail = contactEmail(0);
            if (!moves.create(draft, {}).ok())
                fail(u"cannot create a move"_s);
        }
        report("build_seconds", build.seconds(), "s", 2);
    }

    // A fresh connection, so the first query of each kind is cold as in a new CLI process.
    Database db;
    QString error;
    if (!db.open(path, &error)) {
        fail(u"cannot reopen %1: %2"_s.arg(path, error));
        return exitCode();
    }
    OutcomeService service(db, clock);
    report("outcomes_in_database", OutcomeRepository(db).count());

    OutcomeStats last;
    auto statsRun = [&](int days, const QString& contact) {
        const Result<OutcomeStats> result = service.stats(days, contact);
        if (!result)
            fail(u"stats(%1): %2"_s.arg(days).arg(result.error()));
        else
            last = result.value();
    };
    const Timing all90 = timeRuns(runs, [&] { statsRun(90, {}); });
    reportTiming("stats_90d_all", all90, kGoalStatsMs);
    if (last.total != count)
        fail(u"stats(90) counted %1 outcomes, the database has %2"_s.arg(last.total).arg(count));
    qint64 perDay = 0;
    for (const OutcomeDay& day : last.perDay)
        perDay += day.count;
    if (perDay != last.total)
        fail(u"stats(90): per-day counts add up to %1, total is %2"_s.arg(perDay).arg(last.total));
    reportText("stats_90d_figures",
        u"total %1, reply rate %2, meeting rate %3, net %4"_s.arg(last.total)
            .arg(last.replyRate, 0, 'f', 3)
            .arg(last.meetingRate, 0, 'f', 3)
            .arg(last.netImpact, 0, 'f', 1));

    const Timing all30 = timeRuns(runs, [&] { statsRun(30, {}); });
    reportTiming("stats_30d_all", all30, kGoalStatsMs);
    const Timing all7 = timeRuns(runs, [&] { statsRun(7, {}); });
    reportTiming("stats_7d_all", all7, kGoalStatsMs);
    if (last.total != inWeek)
        fail(u"stats(7) counted %1 outcomes, expected %2"_s.arg(last.total).arg(inWeek));

    const Timing contact90 = timeRuns(runs, [&] { statsRun(90, contactEmail(0)); });
    reportTiming("stats_90d_contact", contact90, kGoalStatsMs);
    report("busiest_contact_outcomes", last.total);

    double adjustment = 0;
    const Timing one
        = timeRuns(runs, [&] { adjustment = service.contactAdjustment(contactEmail(0), clock.now()); });
    reportTiming("adjustment_one_contact", one, 0);
    reportText("busiest_contact_adjustment", QString::number(adjustment, 'f', 3));
    QStringList many;
    for (int i = 0; i < 1000; ++i)
        many << contactEmail(i);
    QHash<QString, double> adjustments;
    const Timing bulk = timeRuns(runs, [&] { adjustments = service.contactAdjustments(many, clock.now()); });
    reportTiming("adjustments_1000_contacts", bulk, 0);
    report("contacts_with_outcomes_of_1000", qint64(adjustments.size()));

    // One record with its re-scoring of the contact's 20 open moves (one transaction).
    std::vector<double> recordMs;
    for (int i = 0; i < 10; ++i) {
        OutcomeInput input;
        input.contactEmail = contactEmail(0);
        input.type = OutcomeType::EmailOpened;
        Stopwatch timer;
        const Result<OutcomeRecordResult> result = service.record(input);
        recordMs.push_back(timer.milliseconds());
        if (!result)
            fail(u"record: "_s + result.error());
        else if (result.value().rescored.size() != 20)
            fail(u"record re-scored %1 moves, expected 20"_s.arg(result.value().rescored.size()));
    }
    report("record_with_rescore_20_median", median(recordMs), "ms", 2);
    report("peak_rss", peakResidentMiB(), "MiB", 1);
    reportText("result", exitCode() == 0 ? u"ok"_s : u"FAILED"_s);
    return exitCode();
}
