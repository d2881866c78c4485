// The offline provider end to end, one table: each utterance must route to the right intent and slots, and
// carrying it out on a real database (six seeded moves, fresh for every row) must change exactly what the
// row says — a move's status, one outcome, one draft — or nothing at all.
#include "FakeClock.h"
#include "TempHome.h"
#include "agents/AgentRegistry.h"
#include "jarvis/AgentAnswer.h"
#include "jarvis/IntentRouter.h"
#include "jarvis/OfflineAssistant.h"
#include "jarvis/Words.h"
#include "moves/MoveService.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <gtest/gtest.h>

// Readable failures: QStrings as text.
inline void PrintTo(const QString& text, std::ostream* os)
{
    *os << '"' << text.toStdString() << '"';
}

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::jarvis;
using caseyos::test::FakeClock;
using caseyos::test::TempHome;
using Ref = MoveReference::Kind;

namespace {

struct Seed
{
    const char16_t* title;
    const char16_t* name;
    const char16_t* email;
    const char16_t* company;
    double level; // all four APS components: the seeds rank in this order
};

// Ids 1–6 in a fresh database, ranked 1–6 in Today's Moves.
constexpr Seed kSeeds[] = {
    { u"Reply to Dana about pricing", u"Dana Lee", u"dana@acme.com", u"Acme", 0.9 },
    { u"Send the Globex proposal", u"Tom Baker", u"tom@globex.com", u"Globex", 0.8 },
    { u"Book a demo with Initech", u"Priya Patel", u"priya@initech.io", u"Initech", 0.7 },
    { u"Renewal call with Umbrella", u"Sam Green", u"sam@umbrella.com", u"Umbrella", 0.6 },
    { u"Follow up on Hooli contract", u"Ana Ruiz", u"ana@hooli.com", u"Hooli", 0.5 },
    { u"Check in with Stark", u"Tony Stark", u"tony@stark.com", u"Stark", 0.4 },
};

enum class Effect { Nothing, MoveStatus, Outcome, Draft };

struct Row
{
    const char16_t* utterance;
    IntentKind kind;
    Ref ref = Ref::None;
    int position = 0;
    qint64 id = 0;
    const char16_t* text = u"";
    const char16_t* contact = u"";
    std::optional<SnoozePreset> preset = {};
    int minutes = 0;
    std::optional<OutcomeType> outcome = {};
    int days = 0;
    const char16_t* agent = u"";
    const char16_t* query = u"";
    const char16_t* reason = u"";
    const char16_t* before = nullptr; // said first in the same conversation
    Effect effect = Effect::Nothing;
    qint64 target = 0; // the move whose status changes, or the outcome's move, or the draft's move
    const char16_t* status = u""; // the target's status afterwards
    const char16_t* to = u""; // the draft's address, or the outcome's contact
    bool answerFails = false; // e.g. an agent or memory with none configured
};

using K = IntentKind;
using P = SnoozePreset;
using O = OutcomeType;

const Row kRows[] = {
    // What's up, help and the list: answers only, nothing changes.
    { .utterance = u"what's up?", .kind = K::WhatsUp },
    { .utterance = u"whats up jarvis", .kind = K::WhatsUp },
    { .utterance = u"Anything new?", .kind = K::WhatsUp },
    { .utterance = u"brief me", .kind = K::WhatsUp },
    { .utterance = u"catch me up please", .kind = K::WhatsUp },
    { .utterance = u"good morning", .kind = K::WhatsUp },
    { .utterance = u"help", .kind = K::Help },
    { .utterance = u"what can you do?", .kind = K::Help },
    { .utterance = u"What can I ask you?", .kind = K::Help },
    { .utterance = u"what should I do today?", .kind = K::ListMoves },
    { .utterance = u"show me my moves", .kind = K::ListMoves },
    { .utterance = u"list today's moves", .kind = K::ListMoves },
    { .utterance = u"what's next", .kind = K::ListMoves },
    { .utterance = u"what's on my plate", .kind = K::ListMoves },
    { .utterance = u"top moves please", .kind = K::ListMoves },
    { .utterance = u"my queue", .kind = K::ListMoves },
    // Show one move.
    { .utterance = u"show the second one", .kind = K::ShowMove, .ref = Ref::Position, .position = 2 },
    { .utterance = u"open #3", .kind = K::ShowMove, .ref = Ref::Id, .id = 3 },
    { .utterance = u"tell me about the Acme deal", .kind = K::ShowMove, .ref = Ref::Text, .text = u"acme" },
    { .utterance = u"details of the last one", .kind = K::ShowMove, .ref = Ref::Position, .position = -1 },
    { .utterance = u"explain the Initech move", .kind = K::ShowMove, .ref = Ref::Text, .text = u"initech" },
    { .utterance = u"show me number 4", .kind = K::ShowMove, .ref = Ref::Position, .position = 4 },
    // Accept (a move taken on completes until execution exists: MoveService).
    { .utterance = u"accept the top move", .kind = K::AcceptMove, .ref = Ref::Position, .position = 1,
        .effect = Effect::MoveStatus, .target = 1, .status = u"completed" },
    { .utterance = u"I'll take the second one", .kind = K::AcceptMove, .ref = Ref::Position, .position = 2,
        .effect = Effect::MoveStatus, .target = 2, .status = u"completed" },
    { .utterance = u"accept #5", .kind = K::AcceptMove, .ref = Ref::Id, .id = 5, .effect = Effect::MoveStatus,
        .target = 5, .status = u"completed" },
    { .utterance = u"acept the third", .kind = K::AcceptMove, .ref = Ref::Position, .position = 3,
        .effect = Effect::MoveStatus, .target = 3, .status = u"completed" },
    { .utterance = u"let's do the Hooli one", .kind = K::AcceptMove, .ref = Ref::Text, .text = u"hooli",
        .effect = Effect::MoveStatus, .target = 5, .status = u"completed" },
    { .utterance = u"go with number 2", .kind = K::AcceptMove, .ref = Ref::Position, .position = 2,
        .effect = Effect::MoveStatus, .target = 2, .status = u"completed" },
    { .utterance = u"start on Tom's move", .kind = K::AcceptMove, .ref = Ref::Text, .text = u"tom",
        .effect = Effect::MoveStatus, .target = 2, .status = u"completed" },
    // Dismiss.
    { .utterance = u"dismiss the second one", .kind = K::DismissMove, .ref = Ref::Position, .position = 2,
        .effect = Effect::MoveStatus, .target = 2, .status = u"dismissed" },
    { .utterance = u"skip the Umbrella renewal", .kind = K::DismissMove, .ref = Ref::Text,
        .text = u"umbrella renewal", .effect = Effect::MoveStatus, .target = 4, .status = u"dismissed" },
    { .utterance = u"dismis #6 because it's a duplicate", .kind = K::DismissMove, .ref = Ref::Id, .id = 6,
        .reason = u"it's a duplicate", .effect = Effect::MoveStatus, .target = 6, .status = u"dismissed" },
    { .utterance = u"drop the last one", .kind = K::DismissMove, .ref = Ref::Position, .position = -1,
        .effect = Effect::MoveStatus, .target = 6, .status = u"dismissed" },
    { .utterance = u"ignore it", .kind = K::DismissMove, .ref = Ref::Previous, .before = u"show #2",
        .effect = Effect::MoveStatus, .target = 2, .status = u"dismissed" },
    { .utterance = u"not relevant: the Stark check in", .kind = K::DismissMove, .ref = Ref::Text,
        .text = u"stark check", .effect = Effect::MoveStatus, .target = 6, .status = u"dismissed" },
    // Snooze.
    { .utterance = u"snooze the top move until tomorrow", .kind = K::SnoozeMove, .ref = Ref::Position,
        .position = 1, .preset = P::TomorrowMorning, .effect = Effect::MoveStatus, .target = 1,
        .status = u"snoozed" },
    { .utterance = u"snoze the third one for an hour", .kind = K::SnoozeMove, .ref = Ref::Position,
        .position = 3, .preset = P::OneHour, .effect = Effect::MoveStatus, .target = 3, .status = u"snoozed" },
    { .utterance = u"postpone the proposal till monday", .kind = K::SnoozeMove, .ref = Ref::Text,
        .text = u"proposal", .preset = P::NextMondayMorning, .effect = Effect::MoveStatus, .target = 2,
        .status = u"snoozed" },
    { .utterance = u"remind me about it in 4 hours", .kind = K::SnoozeMove, .ref = Ref::Previous,
        .preset = P::FourHours, .before = u"show #3", .effect = Effect::MoveStatus, .target = 3,
        .status = u"snoozed" },
    { .utterance = u"push the Hooli one back 2 days", .kind = K::SnoozeMove, .ref = Ref::Text, .text = u"hooli",
        .minutes = 2 * 24 * 60, .effect = Effect::MoveStatus, .target = 5, .status = u"snoozed" },
    { .utterance = u"snooze #4 for 30 minutes", .kind = K::SnoozeMove, .ref = Ref::Id, .id = 4, .minutes = 30,
        .effect = Effect::MoveStatus, .target = 4, .status = u"snoozed" },
    { .utterance = u"snooze the second one", .kind = K::SnoozeMove, .ref = Ref::Position, .position = 2,
        .effect = Effect::MoveStatus, .target = 2, .status = u"snoozed" },
    // Complete.
    { .utterance = u"mark the second one as done", .kind = K::CompleteMove, .ref = Ref::Position, .position = 2,
        .effect = Effect::MoveStatus, .target = 2, .status = u"completed" },
    { .utterance = u"I finished the Initech demo", .kind = K::CompleteMove, .ref = Ref::Text,
        .text = u"initech demo", .effect = Effect::MoveStatus, .target = 3, .status = u"completed" },
    { .utterance = u"done with #1", .kind = K::CompleteMove, .ref = Ref::Id, .id = 1, .effect = Effect::MoveStatus,
        .target = 1, .status = u"completed" },
    { .utterance = u"complete the last one", .kind = K::CompleteMove, .ref = Ref::Position, .position = -1,
        .effect = Effect::MoveStatus, .target = 6, .status = u"completed" },
    { .utterance = u"compelte the top move", .kind = K::CompleteMove, .ref = Ref::Position, .position = 1,
        .effect = Effect::MoveStatus, .target = 1, .status = u"completed" },
    // Draft a follow-up: saved in CaseyOS, never sent.
    { .utterance = u"draft a follow-up to dana@acme.com", .kind = K::DraftFollowUp, .contact = u"dana@acme.com",
        .effect = Effect::Draft, .to = u"dana@acme.com" },
    { .utterance = u"write an email to Priya", .kind = K::DraftFollowUp, .ref = Ref::Text, .text = u"priya",
        .effect = Effect::Draft, .target = 3, .to = u"priya@initech.io" },
    { .utterance = u"follow up with Tom", .kind = K::DraftFollowUp, .ref = Ref::Text, .text = u"tom",
        .effect = Effect::Draft, .target = 2, .to = u"tom@globex.com" },
    { .utterance = u"compose a reply for the second one", .kind = K::DraftFollowUp, .ref = Ref::Position,
        .position = 2, .effect = Effect::Draft, .target = 2, .to = u"tom@globex.com" },
    { .utterance = u"draft a follow up for it", .kind = K::DraftFollowUp, .ref = Ref::Previous,
        .before = u"show #5", .effect = Effect::Draft, .target = 5, .to = u"ana@hooli.com" },
    // Outcomes: one stored; one naming a move completes it.
    { .utterance = u"Dana replied", .kind = K::RecordOutcome, .ref = Ref::Text, .text = u"dana",
        .outcome = O::EmailReplied, .effect = Effect::Outcome, .target = 1, .status = u"completed" },
    { .utterance = u"record that tom@globex.com replied", .kind = K::RecordOutcome, .contact = u"tom@globex.com",
        .outcome = O::EmailReplied, .effect = Effect::Outcome, .to = u"tom@globex.com" },
    { .utterance = u"log a meeting booked with Priya", .kind = K::RecordOutcome, .ref = Ref::Text,
        .text = u"priya", .outcome = O::MeetingBooked, .effect = Effect::Outcome, .target = 3,
        .status = u"completed" },
    { .utterance = u"the Umbrella deal was won", .kind = K::RecordOutcome, .ref = Ref::Text, .text = u"umbrella",
        .outcome = O::DealWon, .effect = Effect::Outcome, .target = 4, .status = u"completed" },
    { .utterance = u"we lost the Hooli deal", .kind = K::RecordOutcome, .ref = Ref::Text, .text = u"hooli",
        .outcome = O::DealLost, .effect = Effect::Outcome, .target = 5, .status = u"completed" },
    { .utterance = u"no response from sam@umbrella.com", .kind = K::RecordOutcome,
        .contact = u"sam@umbrella.com", .outcome = O::NoResponse, .effect = Effect::Outcome,
        .to = u"sam@umbrella.com" },
    { .utterance = u"mark the second one as not interested", .kind = K::RecordOutcome, .ref = Ref::Position,
        .position = 2, .outcome = O::NegativeResponse, .effect = Effect::Outcome, .target = 2,
        .status = u"completed" },
    { .utterance = u"Ana was a no-show", .kind = K::RecordOutcome, .ref = Ref::Text, .text = u"ana",
        .outcome = O::MeetingNoShow, .effect = Effect::Outcome, .target = 5, .status = u"completed" },
    { .utterance = u"priya is interested", .kind = K::RecordOutcome, .ref = Ref::Text, .text = u"priya",
        .outcome = O::PositiveResponse, .effect = Effect::Outcome, .target = 3, .status = u"completed" },
    { .utterance = u"the Initech email bounced", .kind = K::RecordOutcome, .ref = Ref::Text, .text = u"initech",
        .outcome = O::EmailBounced, .effect = Effect::Outcome, .target = 3, .status = u"completed" },
    // Stats.
    { .utterance = u"how did I do this week?", .kind = K::OutcomeStats, .days = 7 },
    { .utterance = u"outcome stats for the last 30 days", .kind = K::OutcomeStats, .days = 30 },
    { .utterance = u"show my stats for today", .kind = K::OutcomeStats, .days = 1 },
    { .utterance = u"what's my reply rate this month", .kind = K::OutcomeStats, .days = 30 },
    { .utterance = u"performance this quarter", .kind = K::OutcomeStats, .days = 90 },
    { .utterance = u"stats for dana@acme.com", .kind = K::OutcomeStats, .contact = u"dana@acme.com" },
    // Memory (no store configured in this test: the answer says so, nothing changes).
    { .utterance = u"what did we say about pricing?", .kind = K::SearchMemory, .query = u"pricing",
        .answerFails = true },
    { .utterance = u"search memory for Globex contract", .kind = K::SearchMemory, .query = u"Globex contract",
        .answerFails = true },
    { .utterance = u"do you remember the Initech demo", .kind = K::SearchMemory, .query = u"the Initech demo",
        .answerFails = true },
    // Agents (none configured here).
    { .utterance = u"check for duplicates", .kind = K::RunAgent, .agent = u"duplicate_watcher", .answerFails = true },
    { .utterance = u"run the duplicate watcher", .kind = K::RunAgent, .agent = u"duplicate_watcher",
        .answerFails = true },
    { .utterance = u"any stale contacts?", .kind = K::RunAgent, .agent = u"data_decay", .answerFails = true },
    { .utterance = u"is sync healthy?", .kind = K::RunAgent, .agent = u"sync_health", .answerFails = true },
    { .utterance = u"show deals at risk", .kind = K::RunAgent, .agent = u"revenue_ops", .answerFails = true },
    { .utterance = u"review the Hooli contract", .kind = K::RunAgent, .agent = u"contract_review",
        .answerFails = true },
    { .utterance = u"calculate a quote for 20 seats", .kind = K::RunAgent, .agent = u"pricing_calculator",
        .answerFails = true },
    { .utterance = u"generate a proposal for Acme", .kind = K::RunAgent, .agent = u"proposal_generator",
        .answerFails = true },
    { .utterance = u"turn the blog into a linkedin post", .kind = K::RunAgent, .agent = u"content_repurpose",
        .answerFails = true },
    { .utterance = u"find a free slot with Dana next week", .kind = K::RunAgent, .agent = u"meeting_slot",
        .answerFails = true },
    // Not understood: no false matches on parts of words or lone topic words.
    { .utterance = u"I'm lost", .kind = K::Unknown },
    { .utterance = u"the proposal is ready", .kind = K::Unknown },
    { .utterance = u"purple elephant", .kind = K::Unknown },
};

void PrintTo(const Row& row, std::ostream* os)
{
    *os << '"' << QString::fromUtf16(row.utterance).toStdString() << '"';
}

class JarvisOfflineTest : public ::testing::TestWithParam<Row>
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        for (const Seed& seed : kSeeds) {
            Move draft;
            draft.title = QString::fromUtf16(seed.title);
            draft.actionType = u"email_follow_up"_s;
            draft.contactName = QString::fromUtf16(seed.name);
            draft.contactEmail = QString::fromUtf16(seed.email);
            draft.company = QString::fromUtf16(seed.company);
            const Result<Move> created
                = MoveService(db, clock).create(draft, { seed.level, seed.level, 0.5, seed.level });
            ASSERT_TRUE(created.ok()) << created.error().toStdString();
        }
    }

    QString scalar(const QString& sql)
    {
        QSqlQuery q(db.sql());
        EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
        return q.value(0).toString();
    }

    QStringList statuses()
    {
        QStringList list;
        QSqlQuery q(db.sql());
        EXPECT_TRUE(q.exec(u"SELECT status FROM moves ORDER BY id"_s));
        while (q.next())
            list.append(q.value(0).toString());
        return list;
    }

    TempHome home;
    FakeClock clock;
    Database db;
};

TEST_P(JarvisOfflineTest, RoutesAndCarriesOut)
{
    const Row& row = GetParam();
    const Intent intent = IntentRouter().route(QString::fromUtf16(row.utterance));
    SCOPED_TRACE(QString::fromUtf16(row.utterance).toStdString());
    EXPECT_EQ(toString(intent.kind), toString(row.kind));
    EXPECT_EQ(int(intent.move.kind), int(row.ref));
    EXPECT_EQ(intent.move.position, row.position);
    EXPECT_EQ(intent.move.id, row.id);
    EXPECT_EQ(intent.move.text, QString::fromUtf16(row.text));
    EXPECT_EQ(intent.contact, QString::fromUtf16(row.contact));
    EXPECT_EQ(intent.snooze.preset, row.preset);
    EXPECT_EQ(intent.snooze.minutes, row.minutes);
    EXPECT_EQ(intent.outcome, row.outcome);
    EXPECT_EQ(intent.days, row.days);
    EXPECT_EQ(intent.agent, QString::fromUtf16(row.agent));
    EXPECT_EQ(intent.query, QString::fromUtf16(row.query));
    EXPECT_EQ(intent.reason, QString::fromUtf16(row.reason));

    OfflineAssistant assistant(db, clock);
    const QStringList before = statuses();
    if (row.before) {
        const AssistantReply first = assistant.answer(QString::fromUtf16(row.before));
        ASSERT_FALSE(first.failed) << first.markdown.toStdString();
    }
    const AssistantReply reply = assistant.answer(QString::fromUtf16(row.utterance));
    EXPECT_EQ(reply.failed, row.answerFails) << reply.markdown.toStdString();
    EXPECT_FALSE(reply.markdown.isEmpty());

    QStringList expected = before;
    if (row.effect == Effect::MoveStatus || (row.effect == Effect::Outcome && row.target != 0))
        expected[row.target - 1] = QString::fromUtf16(row.status);
    EXPECT_EQ(statuses(), expected) << reply.markdown.toStdString();
    EXPECT_EQ(reply.changedMoves.contains(row.target), row.target != 0 && row.effect != Effect::Draft);

    const int outcomes = scalar(u"SELECT COUNT(*) FROM outcomes"_s).toInt();
    EXPECT_EQ(outcomes, row.effect == Effect::Outcome ? 1 : 0);
    if (row.effect == Effect::Outcome) {
        EXPECT_EQ(scalar(u"SELECT type FROM outcomes"_s), toString(*row.outcome));
        if (row.target != 0)
            EXPECT_EQ(scalar(u"SELECT move_id FROM outcomes"_s).toLongLong(), row.target);
        else
            EXPECT_EQ(scalar(u"SELECT contact_email FROM outcomes"_s), QString::fromUtf16(row.to));
    }
    const int drafts = scalar(u"SELECT COUNT(*) FROM email_drafts"_s).toInt();
    EXPECT_EQ(drafts, row.effect == Effect::Draft ? 1 : 0);
    if (row.effect == Effect::Draft) {
        EXPECT_EQ(scalar(u"SELECT to_address FROM email_drafts"_s), QString::fromUtf16(row.to));
        EXPECT_EQ(scalar(u"SELECT COALESCE(move_id, 0) FROM email_drafts"_s).toLongLong(), row.target);
        EXPECT_TRUE(reply.markdown.contains(u"nothing was sent"_s));
    }
}

std::string rowName(const ::testing::TestParamInfo<Row>& info)
{
    std::string name = std::to_string(info.index) + "_";
    for (QChar c : QString::fromUtf16(info.param.utterance))
        name += c.isLetterOrNumber() && c.unicode() < 128 ? char(c.unicode()) : '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Utterances, JarvisOfflineTest, ::testing::ValuesIn(kRows), rowName);

TEST(JarvisRouterTable, HasAtLeastSixtyUtterances)
{
    EXPECT_GE(std::size(kRows), 60u);
}

TEST(JarvisWords, WholeWordsOnlyWithOneTypoInLongerWords)
{
    EXPECT_FALSE(wordMatches(u"postpone", u"post"));
    EXPECT_FALSE(wordMatches(u"proposal", u"post"));
    EXPECT_FALSE(wordMatches(u"posts", u"post")); // short keywords must match exactly
    EXPECT_TRUE(wordMatches(u"snoze", u"snooze"));
    EXPECT_TRUE(wordMatches(u"dismsis", u"dismiss")); // two neighbours swapped
    EXPECT_FALSE(wordMatches(u"except", u"accept")); // a different first letter is another word
    EXPECT_FALSE(wordMatches(u"snoozing", u"snooze"));
    EXPECT_FALSE(wordMatches(u"seats", u"stats")); // five letters are too few to guess at

}

TEST(JarvisWords, KeepsAddressesWhole)
{
    const QList<Word> words = splitWords(u"Mail dana.lee@acme-corp.com, then #12.");
    ASSERT_EQ(words.size(), 4);
    EXPECT_EQ(words[1].text, u"dana.lee@acme-corp.com"_s);
    EXPECT_TRUE(words[1].isEmail);
    EXPECT_EQ(words[3].text, u"#12"_s);
}

} // namespace

namespace {

// Every agent the router can name is one the registry runs (a renamed agent would make "run X" fail).
TEST(JarvisRouterAgents, EveryRoutedAgentExists)
{
    for (const QString& key : IntentRouter::agentKeys())
        EXPECT_NE(AgentRegistry::instance().find(key), nullptr) << key.toStdString();
}

// "check for duplicates" runs the real duplicate watcher through the assistant; its moves join the queue.
TEST(JarvisRouterAgents, AskingForAnAgentRunsIt)
{
    TempHome home;
    FakeClock clock;
    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    OfflineAssistant assistant(db, clock);
    assistant.setAgentRunner([&](const QString& key) { return agentAnswer(db, clock, key); });
    const AssistantReply reply = assistant.answer(u"check for duplicates"_s);
    EXPECT_FALSE(reply.failed) << reply.markdown.toStdString();
    EXPECT_TRUE(reply.markdown.startsWith(u"**duplicate_watcher**"_s)) << reply.markdown.toStdString();
    QSqlQuery runs(db.sql());
    ASSERT_TRUE(runs.exec(u"SELECT COUNT(*) FROM agent_runs WHERE agent = 'duplicate_watcher'"_s) && runs.next());
    EXPECT_EQ(runs.value(0).toInt(), 1);
}

} // namespace
