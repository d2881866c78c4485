// OutcomeService::record on a real (temporary) database: the outcome is stored, its move completed, and only
// that contact's open moves are re-scored.
#include "FakeClock.h"
#include "TempHome.h"
#include "moves/MoveService.h"
#include "outcomes/OutcomeRepository.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"
#include "storage/MoveEventRepository.h"

#include <QSqlQuery>
#include <gtest/gtest.h>
#include <limits>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::TempHome;

namespace {

class OutcomeServiceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }

    // A manual move with all four components at `c`: APS = 100·c with default weights (0.4+0.25+0.15+0.2 = 1,
    // effort inverted: 0.15·(1 − c)). With c = 0.5 that is 50.00; the effort term keeps other c off 100·c, so
    // the tests use explicit components and compute the APS by hand where it matters.
    Move makeMove(const QString& title, const QString& email, ApsInput components = { 0.5, 0.5, 0.5, 0.5 })
    {
        Move draft;
        draft.title = title;
        draft.actionType = u"call_back"_s;
        draft.contactEmail = email;
        const Result<Move> created = MoveService(db, clock).create(draft, components);
        EXPECT_TRUE(created.ok()) << created.error().toStdString();
        return created.ok() ? created.value() : Move {};
    }

    Move reload(qint64 id) { return MoveService(db, clock).find(id).value_or(Move {}); }

    qint64 outcomeCount() { return OutcomeRepository(db).count(); }

    TempHome home;
    FakeClock clock;
    Database db;
};

TEST_F(OutcomeServiceTest, RecordingForAMoveStoresTheOutcomeAndCompletesTheMove)
{
    const Move move = makeMove(u"Reply to Dana"_s, u"dana@acme.com"_s);
    OutcomeInput input;
    input.moveId = move.id;
    input.type = OutcomeType::EmailReplied;
    input.confidence = 0.5;
    input.note = u"  She wants a demo  "_s;
    clock.advance(60);
    const Result<OutcomeRecordResult> result = OutcomeService(db, clock).record(input);
    ASSERT_TRUE(result.ok()) << result.error().toStdString();

    const Outcome& o = result.value().outcome;
    EXPECT_GT(o.id, 0);
    EXPECT_EQ(o.type, OutcomeType::EmailReplied);
    EXPECT_EQ(o.category, OutcomeCategory::Email);
    EXPECT_EQ(o.source, OutcomeSource::Manual);
    EXPECT_DOUBLE_EQ(o.impact, 4.0); // +8 × 0.5
    EXPECT_EQ(o.contactEmail, u"dana@acme.com"_s); // the move's contact
    EXPECT_EQ(o.note, u"She wants a demo"_s);
    EXPECT_EQ(o.occurredAt, clock.now());

    // Stored as returned.
    const std::optional<Outcome> stored = OutcomeRepository(db).find(o.id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->type, OutcomeType::EmailReplied);
    EXPECT_DOUBLE_EQ(stored->impact, 4.0);
    EXPECT_DOUBLE_EQ(stored->confidence, 0.5);
    EXPECT_EQ(stored->moveId, move.id);
    EXPECT_EQ(stored->occurredAt, clock.now());
    EXPECT_EQ(OutcomeRepository(db).forMove(move.id).size(), 1);

    // The move is completed, with an "outcome_recorded" event naming the type.
    const Move after = reload(move.id);
    EXPECT_EQ(after.status, MoveStatus::Completed);
    EXPECT_EQ(after.completedAt, clock.now());
    ASSERT_TRUE(result.value().move.has_value());
    EXPECT_EQ(result.value().move->before.status, MoveStatus::Pending);
    EXPECT_EQ(result.value().move->after.status, MoveStatus::Completed);
    const QList<MoveEvent> history = MoveEventRepository(db).history(move.id);
    ASSERT_FALSE(history.isEmpty());
    EXPECT_EQ(history.last().type, u"outcome_recorded"_s);
    EXPECT_EQ(history.last().details.value(u"type"_s).toString(), u"email_replied"_s);
    EXPECT_EQ(history.last().at, clock.now());
}

TEST_F(OutcomeServiceTest, RescoresOnlyThatContactsOpenMoves)
{
    // Dana: the move the outcome is for, a pending one, a snoozed one, a completed one and a dismissed one.
    const Move target = makeMove(u"Send Dana the deck"_s, u"dana@acme.com"_s);
    const Move pending = makeMove(u"Book a call with Dana"_s, u"Dana@Acme.com"_s); // same person, other case
    const Move snoozed = makeMove(u"Ask Dana about budget"_s, u"dana@acme.com"_s);
    const Move completed = makeMove(u"Intro Dana to Sam"_s, u"dana@acme.com"_s);
    const Move dismissed = makeMove(u"Old idea for Dana"_s, u"dana@acme.com"_s);
    // Ben: another contact, also open.
    const Move other = makeMove(u"Follow up with Ben"_s, u"ben@beta.io"_s);
    // A move about no one must never be taken for a contact's.
    const Move nobody = makeMove(u"Clean up the CRM"_s, QString());
    MoveService moves(db, clock);
    ASSERT_TRUE(moves.apply(snoozed.id, MoveAction::Snooze, {}, clock.now().addDays(1)).ok());
    ASSERT_TRUE(moves.apply(completed.id, MoveAction::Complete).ok());
    ASSERT_TRUE(moves.apply(dismissed.id, MoveAction::Dismiss, u"no"_s).ok());
    for (const Move& m : { target, pending, snoozed, completed, dismissed, other, nobody })
        ASSERT_DOUBLE_EQ(m.aps, 50.0) << m.title.toStdString(); // every component 0.5: 100·0.5

    OutcomeInput input;
    input.moveId = target.id;
    input.type = OutcomeType::MeetingBooked; // +10
    const Result<OutcomeRecordResult> result = OutcomeService(db, clock).record(input);
    ASSERT_TRUE(result.ok()) << result.error().toStdString();

    // Dana's only outcome is +10, so her adjustment is +10 (one outcome: the weight cancels), and each of her
    // open moves goes from 50 to 60.
    EXPECT_DOUBLE_EQ(result.value().adjustment, 10.0);
    QList<qint64> rescoredIds;
    for (const MoveChange& change : result.value().rescored)
        rescoredIds << change.after.id;
    EXPECT_EQ(rescoredIds, (QList<qint64> { pending.id, snoozed.id }));
    for (qint64 id : { pending.id, snoozed.id }) {
        const Move m = reload(id);
        EXPECT_DOUBLE_EQ(m.aps, 60.0) << m.title.toStdString();
        EXPECT_DOUBLE_EQ(m.outcomeAdjustment, 10.0);
        EXPECT_TRUE(m.reasoning.endsWith(u" · Outcome +10.0"_s)) << m.reasoning.toStdString();
    }
    EXPECT_EQ(reload(snoozed.id).status, MoveStatus::Snoozed); // re-scored, not woken

    // Untouched: the completed and dismissed moves, the move the outcome completed, Ben's and nobody's.
    for (qint64 id : { completed.id, dismissed.id, target.id, other.id, nobody.id }) {
        const Move m = reload(id);
        EXPECT_DOUBLE_EQ(m.aps, 50.0) << m.title.toStdString();
        EXPECT_DOUBLE_EQ(m.outcomeAdjustment, 0.0) << m.title.toStdString();
    }
    EXPECT_EQ(reload(target.id).status, MoveStatus::Completed);
}

TEST_F(OutcomeServiceTest, AContactOutcomeRescoresWithTheTimeWeightedMean)
{
    // Components R 0.9, U 0.8, E 0.2, S 0.7: raw = 0.36 + 0.2 + 0.12 + 0.14 = 0.82 → APS 82.00.
    const Move move = makeMove(u"Prepare Dana's proposal"_s, u"dana@acme.com"_s, { 0.9, 0.8, 0.2, 0.7 });
    ASSERT_DOUBLE_EQ(move.aps, 82.0);
    OutcomeService service(db, clock);
    auto recordAt = [&](OutcomeType type, double ageDays) {
        OutcomeInput input;
        input.contactEmail = u"DANA@acme.com "_s;
        input.type = type;
        input.occurredAt = clock.now().addMSecs(-qint64(ageDays * 86'400'000.0));
        const auto result = service.record(input);
        EXPECT_TRUE(result.ok()) << result.error().toStdString();
        return result.ok() ? result.value() : OutcomeRecordResult {};
    };
    // Ages 0, 7.5, 29 and 45 days with impacts +10 (deal_won), −4 (email_bounced), +8 (email_replied),
    // −5 (deal_lost); weights 1, 0.75, 0.1 (floor), 0.1 (floor):
    //   Σ i·w = 10 − 3 + 0.8 − 0.5 = 7.3; Σ w = 1.95; adjustment = 7.3/1.95 = 3.7435897…
    recordAt(OutcomeType::DealLost, 45);
    recordAt(OutcomeType::EmailReplied, 29);
    recordAt(OutcomeType::EmailBounced, 7.5);
    const OutcomeRecordResult last = recordAt(OutcomeType::DealWon, 0);
    EXPECT_NEAR(last.adjustment, 7.3 / 1.95, 1e-9);
    EXPECT_NEAR(service.contactAdjustment(u"dana@acme.com"_s, clock.now()), 7.3 / 1.95, 1e-9);

    // APS = round2(82 + 3.7435897) = 85.74; the reasoning shows the adjustment to one decimal.
    const Move after = reload(move.id);
    EXPECT_DOUBLE_EQ(after.aps, 85.74);
    EXPECT_NEAR(after.outcomeAdjustment, 7.3 / 1.95, 1e-9);
    EXPECT_TRUE(after.reasoning.endsWith(u"Outcome +3.7"_s)) << after.reasoning.toStdString();
    EXPECT_EQ(after.status, MoveStatus::Pending); // an outcome for a contact completes no move

    // Ten days later every weight has moved: ages 10, 17.5, 39, 55 → w = 2/3, 5/12, 0.1, 0.1:
    //   Σ i·w = 20/3 − 5/3 + 0.8 − 0.5 = 5.3; Σ w = 2/3 + 5/12 + 0.2 = 1.283333…; adjustment = 4.1298701…
    clock.advance(10 * 86400);
    EXPECT_NEAR(
        service.contactAdjustment(u"dana@acme.com"_s, clock.now()), 5.3 / (2.0 / 3 + 5.0 / 12 + 0.2), 1e-9);
}

TEST_F(OutcomeServiceTest, BadInputIsRejectedAndNothingChanges)
{
    const Move move = makeMove(u"Reply to Dana"_s, u"dana@acme.com"_s);
    OutcomeService service(db, clock);
    OutcomeInput input;
    input.moveId = move.id;
    input.type = OutcomeType::EmailReplied;

    for (double bad : { -0.1, 1.5, std::numeric_limits<double>::quiet_NaN() }) {
        input.confidence = bad;
        const auto result = service.record(input);
        ASSERT_FALSE(result.ok());
        EXPECT_TRUE(result.error().contains(u"Confidence must be a number from 0 to 1"_s))
            << result.error().toStdString();
    }
    input.confidence = 1.0;

    input.moveId = 999;
    auto result = service.record(input);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error(), u"No move with id 999"_s);

    input.moveId = move.id;
    input.contactEmail = u"ben@beta.io"_s;
    result = service.record(input);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().contains(u"dana@acme.com"_s)) << result.error().toStdString();

    input.moveId.reset();
    input.contactEmail = u"   "_s;
    result = service.record(input);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().contains(u"needs a move or a contact"_s)) << result.error().toStdString();

    EXPECT_EQ(outcomeCount(), 0);
    const Move after = reload(move.id);
    EXPECT_EQ(after.status, MoveStatus::Pending);
    EXPECT_DOUBLE_EQ(after.aps, 50.0);
}

TEST_F(OutcomeServiceTest, AFailedWriteRollsEverythingBack)
{
    const Move target = makeMove(u"Send Dana the deck"_s, u"dana@acme.com"_s);
    const Move sibling = makeMove(u"Book a call with Dana"_s, u"dana@acme.com"_s);
    // Make re-scoring fail after the outcome insert and the completion: a trigger refuses the APS update.
    QSqlQuery q(db.sql());
    ASSERT_TRUE(q.exec(u"CREATE TRIGGER refuse BEFORE UPDATE OF aps ON moves WHEN NEW.id = %1 "
                       "BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s.arg(sibling.id)));
    OutcomeInput input;
    input.moveId = target.id;
    input.type = OutcomeType::DealWon;
    const auto result = OutcomeService(db, clock).record(input);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().contains(u"disk full"_s)) << result.error().toStdString();
    // One transaction: no outcome, the move still pending, no event.
    EXPECT_EQ(outcomeCount(), 0);
    EXPECT_EQ(reload(target.id).status, MoveStatus::Pending);
    EXPECT_EQ(MoveEventRepository(db).count(u"outcome_recorded"_s), 0);
}

TEST_F(OutcomeServiceTest, OutcomeForACompletedOrDismissedMoveKeepsItsStatus)
{
    const Move done = makeMove(u"Done already"_s, u"dana@acme.com"_s);
    const Move dropped = makeMove(u"Dropped"_s, u"dana@acme.com"_s);
    MoveService moves(db, clock);
    ASSERT_TRUE(moves.apply(done.id, MoveAction::Complete).ok());
    ASSERT_TRUE(moves.apply(dropped.id, MoveAction::Dismiss).ok());
    const QDateTime completedAt = reload(done.id).completedAt;
    clock.advance(3600);
    OutcomeService service(db, clock);
    OutcomeInput input;
    input.type = OutcomeType::EmailReplied;
    input.moveId = done.id;
    ASSERT_TRUE(service.record(input).ok());
    input.moveId = dropped.id;
    ASSERT_TRUE(service.record(input).ok());
    EXPECT_EQ(reload(done.id).status, MoveStatus::Completed);
    EXPECT_EQ(reload(done.id).completedAt, completedAt);
    EXPECT_EQ(reload(dropped.id).status, MoveStatus::Dismissed);
    EXPECT_EQ(MoveEventRepository(db).count(u"outcome_recorded"_s), 2);
}

TEST_F(OutcomeServiceTest, BulkAdjustmentsForIngest)
{
    OutcomeService service(db, clock);
    auto record = [&](const QString& email, OutcomeType type) {
        OutcomeInput input;
        input.contactEmail = email;
        input.type = type;
        ASSERT_TRUE(service.record(input).ok());
    };
    record(u"dana@acme.com"_s, OutcomeType::EmailReplied); // +8
    record(u"dana@acme.com"_s, OutcomeType::EmailBounced); // −4 → mean +2 (same age, equal weights)
    record(u"ben@beta.io"_s, OutcomeType::DealLost); // −5
    const QHash<QString, double> adjustments = service.contactAdjustments(
        { u"Dana@Acme.com"_s, u"ben@beta.io"_s, u"nobody@x.org"_s, QString() }, clock.now());
    EXPECT_EQ(adjustments.size(), 2);
    EXPECT_NEAR(adjustments.value(u"dana@acme.com"_s), 2.0, 1e-9);
    EXPECT_NEAR(adjustments.value(u"ben@beta.io"_s), -5.0, 1e-9);
    EXPECT_FALSE(adjustments.contains(u"nobody@x.org"_s));
    EXPECT_EQ(service.contactAdjustment(u"nobody@x.org"_s, clock.now()), 0.0);
}

TEST_F(OutcomeServiceTest, RescoringUsesTheContactIndex)
{
    QSqlQuery q(db.sql());
    ASSERT_TRUE(
        q.exec(u"EXPLAIN QUERY PLAN SELECT id FROM moves WHERE contact_email = 'a@b.c' COLLATE NOCASE "
               "AND contact_email <> '' AND (status = 'pending' OR status = 'snoozed' OR "
               "status = 'in_progress') ORDER BY id"_s));
    QString plan;
    while (q.next())
        plan += q.value(3).toString() + u'\n';
    EXPECT_TRUE(plan.contains(u"moves_contact"_s)) << plan.toStdString();
}

} // namespace
