// MoveService on a real SQLite file with a fake clock: transitions, telemetry, manual moves, undo.
#include "moves/MoveService.h"

#include "FakeClock.h"
#include "IntegrationSupport.h"
#include "TempHome.h"
#include "moves/MoveRow.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

class MoveServiceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }

    qint64 createMove(const QString& title = u"Call Dana"_s, ApsInput components = {})
    {
        Move draft;
        draft.title = title;
        draft.actionType = u"schedule_meeting"_s;
        draft.contactEmail = u"dana@example.com"_s;
        const Result<Move> made = service.create(draft, components);
        EXPECT_TRUE(made.ok()) << made.error().toStdString();
        return made.ok() ? made.value().id : 0;
    }

    QStringList eventTypes(qint64 id)
    {
        QStringList types;
        for (const MoveEvent& e : service.history(id))
            types << e.type;
        return types;
    }

    TempHome home;
    FakeClock clock;
    Database db;
    MoveService service { db, clock };
};

} // namespace

TEST_F(MoveServiceTest, CreateFillsDefaultsComputesApsAndRecordsTheEvent)
{
    const qint64 id = createMove();
    const std::optional<Move> move = service.find(id);
    ASSERT_TRUE(move);
    EXPECT_EQ(move->status, MoveStatus::Pending);
    // schedule_meeting defaults 0.9 / 0.8 / 0.4 / 0.8 → 40·0.9 + 25·0.8 + 15·0.6 + 20·0.8 = 81.
    EXPECT_DOUBLE_EQ(move->aps, 81.0);
    EXPECT_EQ(move->components, (ApsComponents { 0.9, 0.8, 0.4, 0.8 }));
    EXPECT_FALSE(move->reasoning.isEmpty());
    EXPECT_EQ(move->createdAt, clock.now());
    EXPECT_FALSE(move->signalId.has_value());
    EXPECT_EQ(eventTypes(id), QStringList { u"move_created"_s });
    const QList<MoveRow> rows = MoveRepository(db).rows({ id }, nullptr);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().source, u"manual"_s);
}

TEST_F(MoveServiceTest, CreateKeepsExplicitZeroAndValidates)
{
    const qint64 id
        = createMove(u"Zero revenue"_s, ApsInput { 0.0, std::nullopt, std::nullopt, std::nullopt });
    EXPECT_DOUBLE_EQ(service.find(id)->components.revenue, 0.0);

    Move draft;
    draft.actionType = u"x"_s;
    draft.title = u"   "_s;
    EXPECT_EQ(service.create(draft, {}).error(), u"A move needs a title"_s);
    draft.title = u"T"_s;
    draft.actionType.clear();
    EXPECT_EQ(service.create(draft, {}).error(), u"A move needs an action type"_s);
    draft.actionType = u"x"_s;
    draft.domain = u"finance"_s;
    EXPECT_TRUE(service.create(draft, {}).error().contains(u"finance"_s));
}

TEST_F(MoveServiceTest, AcceptCompletesAndCannotBeRepeated)
{
    const qint64 id = createMove();
    clock.advance(60);
    const Result<MoveChange> change = service.apply(id, MoveAction::Accept);
    ASSERT_TRUE(change.ok()) << change.error().toStdString();
    EXPECT_EQ(change.value().before.status, MoveStatus::Pending);
    EXPECT_EQ(change.value().after.status, MoveStatus::Completed);
    EXPECT_EQ(change.value().after.completedAt, clock.now());
    EXPECT_EQ(service.find(id)->updatedAt, clock.now());
    EXPECT_EQ(eventTypes(id), (QStringList { u"move_created"_s, u"move_accepted"_s }));

    const Result<MoveChange> again = service.apply(id, MoveAction::Accept);
    EXPECT_FALSE(again.ok());
    EXPECT_EQ(again.error(), u"Move %1 is already completed"_s.arg(id));
    EXPECT_EQ(service.history(id).size(), 2);
    EXPECT_EQ(service.apply(424242, MoveAction::Accept).error(), u"No move with id 424242"_s);
}

TEST_F(MoveServiceTest, DismissKeepsTheReasonAndReopenClearsIt)
{
    const qint64 id = createMove();
    ASSERT_TRUE(service.apply(id, MoveAction::Dismiss, u"  not now  "_s).ok());
    EXPECT_EQ(service.find(id)->dismissReason, u"not now"_s);
    EXPECT_EQ(service.history(id).last().details.value(u"reason"_s).toString(), u"not now"_s);
    EXPECT_FALSE(service.apply(id, MoveAction::Complete).ok());
    EXPECT_FALSE(service.apply(id, MoveAction::Dismiss).ok());

    ASSERT_TRUE(service.apply(id, MoveAction::Reopen).ok());
    const Move move = *service.find(id);
    EXPECT_EQ(move.status, MoveStatus::Pending);
    EXPECT_TRUE(move.dismissReason.isEmpty());
    EXPECT_EQ(service.apply(id, MoveAction::Reopen).error(), u"Move %1 is already pending"_s.arg(id));
    EXPECT_EQ(eventTypes(id), (QStringList { u"move_created"_s, u"move_dismissed"_s, u"move_reopened"_s }));
}

TEST_F(MoveServiceTest, SnoozeNeedsAFutureTimeAndWakesWhenItComes)
{
    const qint64 id = createMove();
    EXPECT_FALSE(service.apply(id, MoveAction::Snooze, {}, clock.now().addSecs(-1)).ok());
    EXPECT_FALSE(service.apply(id, MoveAction::Snooze, {}, clock.now()).ok());
    EXPECT_FALSE(service.apply(id, MoveAction::Snooze).ok());
    EXPECT_EQ(service.find(id)->status, MoveStatus::Pending);

    const QDateTime until = clock.now().addSecs(3600);
    ASSERT_TRUE(service.apply(id, MoveAction::Snooze, {}, until).ok());
    EXPECT_EQ(service.find(id)->snoozedUntil, until);
    EXPECT_EQ(service.history(id).last().details.value(u"until"_s).toString(), u"2026-11-25T11:00:00.000Z"_s);

    clock.advance(3599);
    EXPECT_EQ(service.wakeExpiredSnoozes(), 0);
    EXPECT_EQ(service.find(id)->status, MoveStatus::Snoozed);
    clock.advance(1);
    QString error;
    EXPECT_EQ(service.wakeExpiredSnoozes(&error), QList<qint64> { id });
    const Move woken = *service.find(id);
    EXPECT_EQ(woken.status, MoveStatus::Pending);
    EXPECT_FALSE(woken.snoozedUntil.isValid());
    EXPECT_EQ(service.history(id).last().type, u"move_reopened"_s);
    EXPECT_EQ(service.history(id).last().details.value(u"reason"_s).toString(), u"snooze expired"_s);
}

TEST_F(MoveServiceTest, AnExpiredSnoozeCanBeAcceptedLikeAPendingMove)
{
    const qint64 id = createMove();
    ASSERT_TRUE(service.apply(id, MoveAction::Snooze, {}, clock.now().addSecs(60)).ok());
    clock.advance(120);
    EXPECT_TRUE(service.apply(id, MoveAction::Accept).ok());
    EXPECT_FALSE(service.find(id)->snoozedUntil.isValid());
}

TEST_F(MoveServiceTest, EditRecomputesApsAndRecordsWhatChanged)
{
    const qint64 id = createMove();
    Move move = *service.find(id);
    move.title = u"Call Dana about pricing"_s;
    move.status = MoveStatus::Completed; // not editable: ignored
    const Result<MoveChange> change = service.edit(move, ApsInput { 1.0, 1.0, 0.0, 1.0 });
    ASSERT_TRUE(change.ok()) << change.error().toStdString();
    const Move after = *service.find(id);
    EXPECT_EQ(after.title, u"Call Dana about pricing"_s);
    EXPECT_EQ(after.status, MoveStatus::Pending);
    EXPECT_DOUBLE_EQ(after.aps, 100.0);
    const MoveEvent edited = service.history(id).last();
    EXPECT_EQ(edited.type, u"move_edited"_s);
    const QJsonArray fields = edited.details.value(u"fields"_s).toArray();
    EXPECT_TRUE(fields.contains(u"title"_s));
    EXPECT_TRUE(fields.contains(u"components"_s));
    EXPECT_FALSE(fields.contains(u"domain"_s));
}

// A manual move starts with its contact's outcome adjustment, and an edit that changes the contact takes the
// new contact's (PRODUCT.md §2): a move is never scored as if its contact had no history.
TEST_F(MoveServiceTest, ManualMovesTakeTheirContactsOutcomeAdjustment)
{
    OutcomeInput booked; // meeting_booked +10, recorded now: the adjustment is +10
    booked.type = OutcomeType::MeetingBooked;
    booked.contactEmail = u"dana@example.com"_s;
    ASSERT_TRUE(OutcomeService(db, clock).record(booked).ok());

    const qint64 id = createMove(u"Call Dana"_s, ApsInput { 0.5, 0.5, 0.5, 0.5 });
    Move move = *service.find(id);
    EXPECT_DOUBLE_EQ(move.outcomeAdjustment, 10.0);
    // raw = 0.4·0.5 + 0.25·0.5 + 0.15·(1 − 0.5) + 0.2·0.5 = 0.5 → 50, + 10
    EXPECT_DOUBLE_EQ(move.aps, 60.0);

    move.contactEmail = u"someone.else@example.com"_s; // no outcomes
    ASSERT_TRUE(service.edit(move, ApsInput { 0.5, 0.5, 0.5, 0.5 }).ok());
    const Move edited = *service.find(id);
    EXPECT_DOUBLE_EQ(edited.outcomeAdjustment, 0.0);
    EXPECT_DOUBLE_EQ(edited.aps, 50.0);
}

TEST_F(MoveServiceTest, RemoveAndRestoreKeepTheIdAndHistory)
{
    const qint64 first = createMove(u"First"_s);
    const qint64 last = createMove(u"Last"_s);
    const Result<Move> removed = service.remove(last);
    ASSERT_TRUE(removed.ok());
    EXPECT_FALSE(service.find(last));
    // The deleted id is never handed to a new move (undo must be able to put it back).
    const qint64 newer = createMove(u"Newer"_s);
    EXPECT_GT(newer, last);

    const Result<Move> restored = service.restore(removed.value());
    ASSERT_TRUE(restored.ok()) << restored.error().toStdString();
    EXPECT_EQ(restored.value().id, last);
    EXPECT_EQ(service.find(last)->title, u"Last"_s);
    EXPECT_EQ(eventTypes(last), (QStringList { u"move_created"_s, u"move_deleted"_s, u"move_restored"_s }));
    EXPECT_TRUE(service.find(first));
    EXPECT_FALSE(service.remove(999).ok());
}

TEST_F(MoveServiceTest, RestoreUndoesAnAction)
{
    const qint64 id = createMove();
    const Result<MoveChange> change = service.apply(id, MoveAction::Accept);
    ASSERT_TRUE(change.ok());
    ASSERT_TRUE(service.restore(change.value().before).ok());
    const Move move = *service.find(id);
    EXPECT_EQ(move.status, MoveStatus::Pending);
    EXPECT_FALSE(move.completedAt.isValid());
    EXPECT_EQ(service.history(id).last().type, u"move_restored"_s);
}

TEST_F(MoveServiceTest, ViewedIsRecorded)
{
    const qint64 id = createMove();
    service.recordViewed(id);
    service.recordViewed(999); // unknown: nothing
    EXPECT_EQ(eventTypes(id), (QStringList { u"move_created"_s, u"move_viewed"_s }));
    QSqlQuery q(db.sql());
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM move_events WHERE move_id = 999"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
}

TEST(MoveRowRank, SameOrderAsMoves)
{
    auto row = [](qint64 id, double aps, qint64 due, qint64 created) {
        MoveRow r;
        r.id = id;
        r.aps = aps;
        r.dueByMs = due;
        r.createdAtMs = created;
        return r;
    };
    EXPECT_TRUE(ranksBefore(row(1, 90, 0, 5), row(2, 80, 10, 1))); // higher APS first
    EXPECT_TRUE(ranksBefore(row(2, 80, 10, 9), row(1, 80, 0, 1))); // a due time before none
    EXPECT_TRUE(ranksBefore(row(2, 80, 10, 9), row(1, 80, 20, 1))); // sooner due first
    EXPECT_TRUE(ranksBefore(row(2, 80, 10, 1), row(1, 80, 10, 2))); // older first
    EXPECT_TRUE(ranksBefore(row(1, 80, 10, 1), row(2, 80, 10, 1))); // then id
    EXPECT_FALSE(ranksBefore(row(1, 80, 10, 1), row(1, 80, 10, 1)));
}
