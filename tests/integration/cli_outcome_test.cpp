// `caseyos outcome record|stats|types` through the real binary: recording an outcome changes the APS and the
// order that `caseyos today --json` reports for that contact's moves, by the amount PRODUCT.md §2 gives.
#include "IntegrationSupport.h"
#include "TempHome.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

// A form lead whose move has APS 40·revenue + 44.5 (form rule: urgency 0.9, effort 0.2, strategic 0.5:
// 25·0.9 + 15·0.8 + 20·0.5 = 44.5).
QByteArray lead(const QString& sourceId, const QString& email, double revenue)
{
    const QJsonObject record { { u"source"_s, u"form"_s }, { u"event_type"_s, u"form_submitted"_s },
        { u"source_id"_s, sourceId }, { u"occurred_at"_s, u"2026-11-25T08:00:00Z"_s },
        { u"payload"_s,
            QJsonObject { { u"email"_s, email }, { u"name"_s, QString(u"Lead "_s + sourceId) },
                { u"company"_s, u"Acme"_s }, { u"revenue_potential"_s, revenue } } } };
    return QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
}

struct Listed
{
    qint64 id;
    QString email;
    double aps;
    double adjustment;
    QString reasoning;
};

QList<Listed> today(const TempHome& home)
{
    const CliRun run = runCli(home.path(), { u"today"_s, u"--all"_s, u"--json"_s });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    QList<Listed> moves;
    for (const QJsonValue& v : run.jsonArray()) {
        const QJsonObject m = v.toObject();
        moves.append({ m.value(u"id"_s).toInteger(), m.value(u"contact_email"_s).toString(),
            m.value(u"aps"_s).toDouble(), m.value(u"outcome_adjustment"_s).toDouble(),
            m.value(u"reasoning"_s).toString() });
    }
    return moves;
}

QList<qint64> ids(const QList<Listed>& moves)
{
    QList<qint64> list;
    for (const Listed& m : moves)
        list << m.id;
    return list;
}

const Listed* byId(const QList<Listed>& moves, qint64 id)
{
    for (const Listed& m : moves)
        if (m.id == id)
            return &m;
    return nullptr;
}

class CliOutcome : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Dana has three moves (80.5, 72.5, 64.5), Ben one (76.5), Chen one (68.5).
        const QByteArray data = lead(u"d1"_s, u"dana@acme.com"_s, 0.9) + lead(u"b1"_s, u"ben@beta.io"_s, 0.8)
            + lead(u"d2"_s, u"Dana@Acme.com"_s, 0.7) + lead(u"c1"_s, u"chen@gamma.org"_s, 0.6)
            + lead(u"d3"_s, u"dana@acme.com"_s, 0.5);
        const CliRun run = runCli(home.path(), { u"ingest"_s, home.writeFile(u"leads.jsonl"_s, data) });
        ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
        const QList<Listed> moves = today(home);
        ASSERT_EQ(moves.size(), 5);
        d1 = moves.at(0).id;
        ben = moves.at(1).id;
        d2 = moves.at(2).id;
        chen = moves.at(3).id;
        d3 = moves.at(4).id;
        const QList<double> aps { moves.at(0).aps, moves.at(1).aps, moves.at(2).aps, moves.at(3).aps,
            moves.at(4).aps };
        ASSERT_EQ(aps, (QList<double> { 80.5, 76.5, 72.5, 68.5, 64.5 }));
        ASSERT_EQ(moves.at(0).email, u"dana@acme.com"_s);
        ASSERT_EQ(moves.at(4).email, u"dana@acme.com"_s);
    }

    qint64 outcomeCount()
    {
        DbProbe probe(home.databasePath());
        return probe.count(u"SELECT COUNT(*) FROM outcomes"_s);
    }

    TempHome home;
    qint64 d1 = 0, ben = 0, d2 = 0, chen = 0, d3 = 0;
};

TEST_F(CliOutcome, RecordingForAMoveRescoresTheContactsOtherMovesAndReordersToday)
{
    const CliRun run = runCli(home.path(),
        { u"outcome"_s, u"record"_s, u"--move"_s, QString::number(d1), u"--type"_s, u"email_replied"_s,
            u"--json"_s });
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    const QJsonObject result = run.json();
    EXPECT_EQ(result.value(u"outcome"_s).toObject().value(u"type"_s).toString(), u"email_replied"_s);
    EXPECT_EQ(result.value(u"outcome"_s).toObject().value(u"contact_email"_s).toString(), u"dana@acme.com"_s);
    EXPECT_EQ(result.value(u"move"_s).toObject().value(u"status"_s).toString(), u"completed"_s);
    EXPECT_EQ(result.value(u"rescored"_s).toArray().size(), 2);

    // Dana's only outcome is email_replied, +8: one outcome, so the time weight cancels and her adjustment is
    // exactly +8. Her open moves: 72.5 → 80.5 and 64.5 → 72.5. The completed move leaves Today; Ben and
    // Chen keep theirs.
    const QList<Listed> after = today(home);
    ASSERT_EQ(after.size(), 4);
    EXPECT_EQ(byId(after, d1), nullptr);
    ASSERT_NE(byId(after, d2), nullptr);
    EXPECT_DOUBLE_EQ(byId(after, d2)->aps, 80.5);
    EXPECT_DOUBLE_EQ(byId(after, d2)->adjustment, 8.0);
    EXPECT_TRUE(byId(after, d2)->reasoning.endsWith(u" · Outcome +8.0"_s))
        << byId(after, d2)->reasoning.toStdString();
    EXPECT_DOUBLE_EQ(byId(after, d3)->aps, 72.5);
    EXPECT_DOUBLE_EQ(byId(after, ben)->aps, 76.5);
    EXPECT_DOUBLE_EQ(byId(after, ben)->adjustment, 0.0);
    EXPECT_DOUBLE_EQ(byId(after, chen)->aps, 68.5);
    // Before: d1, ben, d2, chen, d3. Now Dana's second move passes Ben, her third passes Chen.
    EXPECT_EQ(ids(after), (QList<qint64> { d2, ben, d3, chen }));

    // The move's history names the outcome.
    const CliRun show = runCli(home.path(), { u"move"_s, u"show"_s, QString::number(d1), u"--json"_s });
    ASSERT_EQ(show.exitCode, 0);
    const QJsonArray history = show.json().value(u"history"_s).toArray();
    ASSERT_FALSE(history.isEmpty());
    EXPECT_EQ(history.last().toObject().value(u"type"_s).toString(), u"outcome_recorded"_s);
    EXPECT_EQ(history.last().toObject().value(u"details"_s).toObject().value(u"type"_s).toString(),
        u"email_replied"_s);
}

TEST_F(CliOutcome, AnOlderNegativeOutcomeCountsWithItsTimeWeight)
{
    ASSERT_EQ(
        runCli(home.path(),
            { u"outcome"_s, u"record"_s, u"--move"_s, QString::number(d1), u"--type"_s, u"email_replied"_s })
            .exitCode,
        0);
    // A lost deal 7.5 days ago (weight 1 − 7.5/30 = 0.75) beside the reply just recorded (weight ≈ 1; it is a
    // second or so old, which moves the mean by ~1e-6):
    //   (8·1 − 5·0.75) / (1 + 0.75) = 4.25 / 1.75 = 2.4285714…
    // Dana's open moves: 72.5 + 2.43 = 74.93 and 64.5 + 2.43 = 66.93 (rounded to 2 decimals).
    const QString at
        = QDateTime::currentDateTimeUtc().addMSecs(-qint64(7.5 * 86'400'000)).toString(Qt::ISODate);
    const CliRun run = runCli(home.path(),
        { u"outcome"_s, u"record"_s, u"--contact"_s, u"DANA@acme.com"_s, u"--type"_s, u"deal_lost"_s,
            u"--at"_s, at });
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_TRUE(run.outText().contains(u"Re-scored 2 open moves of dana@acme.com"_s))
        << run.outText().toStdString();

    const QList<Listed> after = today(home);
    ASSERT_EQ(after.size(), 4);
    EXPECT_NEAR(byId(after, d2)->adjustment, 4.25 / 1.75, 1e-4);
    EXPECT_DOUBLE_EQ(byId(after, d2)->aps, 74.93);
    EXPECT_DOUBLE_EQ(byId(after, d3)->aps, 66.93);
    EXPECT_DOUBLE_EQ(byId(after, ben)->aps, 76.5);
    // Ben is back on top; Dana's third move falls below Chen again.
    EXPECT_EQ(ids(after), (QList<qint64> { ben, d2, chen, d3 }));

    // Stats: two outcomes, no sends (rates 0), net +8 − 5 = +3, one positive and one negative.
    const CliRun stats = runCli(home.path(), { u"outcome"_s, u"stats"_s, u"--days"_s, u"30"_s, u"--json"_s });
    ASSERT_EQ(stats.exitCode, 0) << stats.errText().toStdString();
    const QJsonObject s = stats.json();
    EXPECT_EQ(s.value(u"total"_s).toInt(), 2);
    EXPECT_EQ(s.value(u"positive"_s).toInt(), 1);
    EXPECT_EQ(s.value(u"negative"_s).toInt(), 1);
    EXPECT_DOUBLE_EQ(s.value(u"net_impact"_s).toDouble(), 3.0);
    EXPECT_EQ(s.value(u"reply_rate"_s).toDouble(), 0.0);
    EXPECT_EQ(s.value(u"per_day"_s).toArray().size(), 30);
    // The 7-day window starts at local midnight six days ago, so the lost deal (7.5 days ago) is outside it.
    const CliRun week = runCli(home.path(), { u"outcome"_s, u"stats"_s, u"--json"_s });
    EXPECT_EQ(week.json().value(u"total"_s).toInt(), 1);
    const CliRun ben = runCli(
        home.path(), { u"outcome"_s, u"stats"_s, u"--contact"_s, u"ben@beta.io"_s, u"--days"_s, u"90"_s });
    ASSERT_EQ(ben.exitCode, 0);
    EXPECT_TRUE(ben.outText().contains(u"No outcomes recorded"_s)) << ben.outText().toStdString();
}

TEST_F(CliOutcome, BadInputGetsAClearMessageAndTheRightExitCode)
{
    struct Case
    {
        QStringList args;
        int exitCode;
        QString message;
    };
    const QString move = QString::number(d2);
    const QList<Case> cases {
        { { u"record"_s, u"--move"_s, move, u"--type"_s, u"email_replyed"_s }, 2,
            u"unknown outcome type \"email_replyed\" (valid types: email_sent,"_s },
        { { u"record"_s, u"--move"_s, u"9999"_s, u"--type"_s, u"deal_won"_s }, 1, u"No move with id 9999"_s },
        { { u"record"_s, u"--move"_s, move, u"--type"_s, u"deal_won"_s, u"--confidence"_s, u"1.5"_s }, 2,
            u"--confidence must be a number from 0 to 1"_s },
        { { u"record"_s, u"--move"_s, move, u"--type"_s, u"deal_won"_s, u"--confidence"_s, u"high"_s }, 2,
            u"--confidence must be a number from 0 to 1"_s },
        { { u"record"_s, u"--type"_s, u"deal_won"_s }, 2, u"needs --move ID or --contact EMAIL"_s },
        { { u"record"_s, u"--move"_s, move }, 2, u"needs --type TYPE"_s },
        { { u"record"_s, u"--move"_s, u"abc"_s, u"--type"_s, u"deal_won"_s }, 2, u"is not a move id"_s },
        { { u"record"_s, u"--move"_s, move, u"--contact"_s, u"ben@beta.io"_s, u"--type"_s, u"deal_won"_s }, 1,
            u"is about dana@acme.com, not ben@beta.io"_s },
        { { u"record"_s, u"--contact"_s, u"ben@beta.io"_s, u"--type"_s, u"deal_won"_s, u"--at"_s,
              u"someday"_s },
            2, u"cannot understand --at"_s },
        { { u"record"_s, u"--contact"_s, u"ben@beta.io"_s, u"--type"_s, u"deal_won"_s, u"--at"_s,
              u"2099-01-01T00:00:00Z"_s },
            2, u"is in the future"_s },
        { { u"stats"_s, u"--days"_s, u"0"_s }, 2, u"--days must be a whole number from 1 to 90"_s },
        { { u"stats"_s, u"--days"_s, u"91"_s }, 2, u"--days must be a whole number from 1 to 90"_s },
        { { u"frobnicate"_s }, 2, u"unknown outcome subcommand \"frobnicate\""_s },
    };
    for (const Case& c : cases) {
        const CliRun run = runCli(home.path(), QStringList { u"outcome"_s } + c.args);
        SCOPED_TRACE(c.args.join(u' ').toStdString());
        ASSERT_TRUE(run.finished);
        EXPECT_EQ(run.exitCode, c.exitCode) << run.errText().toStdString();
        EXPECT_TRUE(run.errText().contains(c.message)) << run.errText().toStdString();
    }
    // Nothing was recorded and no move changed.
    EXPECT_EQ(outcomeCount(), 0);
    const QList<Listed> after = today(home);
    EXPECT_EQ(ids(after), (QList<qint64> { d1, ben, d2, chen, d3 }));
}

TEST_F(CliOutcome, HelpAndTypes)
{
    for (const QString& sub : { u"record"_s, u"stats"_s, u"types"_s }) {
        const CliRun help = runCli(home.path(), { u"outcome"_s, sub, u"--help"_s });
        EXPECT_EQ(help.exitCode, 0) << sub.toStdString();
        EXPECT_TRUE(help.outText().contains(u"outcome "_s + sub)) << help.outText().toStdString();
    }
    const CliRun overview = runCli(home.path(), { u"outcome"_s, u"--help"_s });
    EXPECT_EQ(overview.exitCode, 0);
    EXPECT_TRUE(overview.outText().contains(u"Subcommands:"_s));
    EXPECT_EQ(runCli(home.path(), { u"outcome"_s }).exitCode, 2);
    const CliRun general = runCli(home.path(), { u"--help"_s });
    EXPECT_TRUE(general.outText().contains(u"outcome SUBCOMMAND"_s)) << general.outText().toStdString();

    const CliRun types = runCli(home.path(), { u"outcome"_s, u"types"_s, u"--json"_s });
    ASSERT_EQ(types.exitCode, 0);
    const QJsonArray list = types.jsonArray();
    ASSERT_EQ(list.size(), 20);
    EXPECT_EQ(list.at(3).toObject().value(u"type"_s).toString(), u"email_replied"_s);
    EXPECT_EQ(list.at(3).toObject().value(u"impact"_s).toDouble(), 8.0);
    EXPECT_EQ(list.at(3).toObject().value(u"category"_s).toString(), u"email"_s);
    const CliRun text = runCli(home.path(), { u"outcome"_s, u"types"_s });
    EXPECT_TRUE(text.outText().contains(u"meeting_no_show"_s));
}

} // namespace
