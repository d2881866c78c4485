// The agents on a real SQLite database: seeded signals (via the real `caseyos ingest`), a sync_state row and
// an approval; every agent runs; the moves they propose appear once (a second run proposes nothing new), name
// their agent and evidence, and the runs are kept. Then the same through `caseyos agent list|run`.
#include "FakeClock.h"
#include "IntegrationSupport.h"
#include "TempHome.h"
#include "agents/AgentRegistry.h"
#include "agents/AgentRunner.h"
#include "core/Timestamps.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

QByteArray line(const QString& source, const QString& type, const QString& id, const QDateTime& at,
    const QJsonObject& payload)
{
    const QJsonObject record { { u"source"_s, source }, { u"event_type"_s, type }, { u"source_id"_s, id },
        { u"occurred_at"_s, toIsoUtc(at) }, { u"payload"_s, payload } };
    return QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
}

class AgentsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Dana Lee and Dana Leigh at acme.com: one person twice (same domain, names 0.78 alike → 0.85).
        QByteArray data = line(u"form"_s, u"form_submitted"_s, u"f1"_s, now.addDays(-2),
            { { u"email"_s, u"dana@acme.com"_s }, { u"name"_s, u"Dana Lee"_s }, { u"company"_s, u"Acme"_s },
                { u"phone"_s, u"+1 555 010 2000"_s } });
        data += line(u"form"_s, u"form_submitted"_s, u"f2"_s, now.addDays(-1),
            { { u"email"_s, u"dlee@acme.com"_s }, { u"name"_s, u"Dana Leigh"_s },
                { u"company"_s, u"Acme"_s } });
        // A disposable address: a contact_validation error.
        data += line(u"form"_s, u"form_submitted"_s, u"f3"_s, now.addDays(-1),
            { { u"email"_s, u"x@mailinator.com"_s }, { u"name"_s, u"Throwaway"_s },
                { u"company"_s, u"None"_s } });
        // An $80k deal still at "qualified", its close date passed 3 days ago, idle for 20 days:
        // at-risk score 30 + 25 + 15 = 70.
        data += line(u"hubspot"_s, u"deal_created"_s, u"h1"_s, now.addDays(-20),
            { { u"deal_id"_s, u"D-80"_s }, { u"deal_name"_s, u"Beta - Platform"_s },
                { u"dealstage"_s, u"qualifiedtobuy"_s }, { u"amount"_s, 80000 },
                { u"close_date"_s, now.addDays(-3).date().toString(Qt::ISODate) },
                { u"contact_email"_s, u"ben@beta.io"_s }, { u"contact_name"_s, u"Ben Ortiz"_s },
                { u"company"_s, u"Beta"_s } });
        const CliRun ingest = runCli(home.path(), { u"ingest"_s, home.writeFile(u"seed.jsonl"_s, data) });
        ASSERT_EQ(ingest.exitCode, 0) << ingest.errText().toStdString();

        DbProbe probe(home.databasePath());
        ASSERT_TRUE(probe.isOpen());
        // A Gmail stream whose last success was an hour ago and whose last sync failed.
        ASSERT_TRUE(probe.exec(
            u"INSERT INTO sync_state (account, stream, status, last_error, last_sync_at, "
            "last_success_at) VALUES ('google:casey@lumenpath.io', 'gmail', 'error', 'HTTP 401', %1, %2)"_s
                .arg(toEpochMs(now))
                .arg(toEpochMs(now.addSecs(-3600)))));
        // An MCP approval pending for 30 hours: past the 24-hour reminder.
        ASSERT_TRUE(probe.exec(
            u"INSERT INTO approvals (tool, summary, status, created_at) VALUES ('execute_move', "
            "'Execute move 1: Reply to Dana', 'pending', %1)"_s.arg(toEpochMs(now.addSecs(-30 * 3600)))));
    }

    qint64 count(const QString& sql)
    {
        DbProbe probe(home.databasePath());
        return probe.count(sql);
    }

    TempHome home;
};

} // namespace

TEST_F(AgentsTest, EveryAgentRunsAndProposesEachThingOnce)
{
    FakeClock clock(QDateTime::currentDateTimeUtc(), QTimeZone("America/New_York"));
    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    AgentRunner runner(db, clock);
    const qint64 movesBefore = count(u"SELECT COUNT(*) FROM moves"_s);

    QHash<QString, int> created;
    for (const AgentDefinition& agent : AgentRegistry::instance().all()) {
        const Result<AgentRunOutcome> run = runner.run(agent.info.name);
        ASSERT_TRUE(run.ok()) << agent.info.name.toStdString() << ": " << run.error().toStdString();
        EXPECT_NE(run.value().result.status, AgentStatus::Failed) << agent.info.name.toStdString();
        EXPECT_FALSE(run.value().result.summary.isEmpty()) << agent.info.name.toStdString();
        created.insert(agent.info.name, int(run.value().created.size()));
    }
    EXPECT_EQ(AgentRegistry::instance().all().size(), 31);
    EXPECT_EQ(created.value(u"duplicate_watcher"_s), 1);
    EXPECT_EQ(created.value(u"contact_validation"_s), 1);
    EXPECT_EQ(created.value(u"revenue_ops"_s), 1);
    EXPECT_EQ(created.value(u"sync_health"_s), 1);
    EXPECT_EQ(created.value(u"approval_gateway"_s), 1);
    int total = 0;
    for (int n : created)
        total += n;
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM moves"_s), movesBefore + total);
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM moves WHERE source = 'agent'"_s), total);
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM agent_proposals"_s), total);
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM agent_runs"_s), 31);

    // The duplicate move names its agent, subject and evidence; the deal move carries the deal.
    EXPECT_EQ(
        count(
            u"SELECT COUNT(*) FROM moves WHERE json_extract(action_context, '$.agent') = 'duplicate_watcher' "
            "AND json_extract(action_context, '$.agent_evidence.score') = 0.85 "
            "AND json_extract(action_context, '$.agent_evidence.reason') = 'same_domain_similar_name'"_s),
        1);
    EXPECT_EQ(
        count(u"SELECT COUNT(*) FROM moves WHERE json_extract(action_context, '$.agent') = 'revenue_ops' "
              "AND deal_id = 'D-80' AND json_extract(action_context, '$.agent_evidence.risk_score') = 70"_s),
        1);

    // Dismissing a proposal does not bring it back, and a second run proposes nothing new.
    ASSERT_EQ(
        count(u"SELECT COUNT(*) FROM moves WHERE json_extract(action_context, '$.agent') = 'sync_health'"_s),
        1);
    DbProbe(home.databasePath())
        .exec(
            u"UPDATE moves SET status = 'dismissed' WHERE json_extract(action_context, '$.agent') = 'sync_health'"_s);
    clock.advance(60);
    for (const AgentDefinition& agent : AgentRegistry::instance().all()) {
        const Result<AgentRunOutcome> again = runner.run(agent.info.name);
        ASSERT_TRUE(again.ok()) << again.error().toStdString();
        EXPECT_TRUE(again.value().created.isEmpty()) << agent.info.name.toStdString();
        // Agents that skip contacts with an open move (nurturing, next_step) may not even re-find theirs.
        EXPECT_LE(again.value().alreadyProposed, created.value(agent.info.name))
            << agent.info.name.toStdString();
    }
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM moves"_s), movesBefore + total);
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM agent_runs"_s), 62);

    // The last run per agent is what an Agents view lists.
    const QList<AgentRunRecord> latest = AgentRunRepository(db).latestRuns(&error);
    ASSERT_EQ(latest.size(), 31);
    for (const AgentRunRecord& r : latest) {
        EXPECT_EQ(r.movesCreated, 0) << r.agent.toStdString();
        if (r.agent == u"duplicate_watcher"_s || r.agent == u"revenue_ops"_s || r.agent == u"sync_health"_s)
            EXPECT_EQ(r.result.value(u"already_proposed"_s).toInt(), 1) << r.agent.toStdString();
    }
}

TEST_F(AgentsTest, CliListAndRun)
{
    const CliRun list = runCli(home.path(), { u"agent"_s, u"list"_s, u"--json"_s });
    ASSERT_EQ(list.exitCode, 0) << list.errText().toStdString();
    const QJsonArray agents = list.jsonArray();
    ASSERT_EQ(agents.size(), 31);
    QSet<QString> domains;
    for (const QJsonValue& v : agents) {
        EXPECT_FALSE(v[u"description"_s].toString().isEmpty());
        EXPECT_TRUE(v[u"needs"_s].isObject());
        EXPECT_TRUE(v[u"last_run"_s].isNull());
        domains.insert(v[u"domain"_s].toString());
    }
    EXPECT_EQ(domains.size(), 7);

    const CliRun unknown = runCli(home.path(), { u"agent"_s, u"run"_s, u"dupe_finder"_s });
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.errText().contains(u"unknown agent \"dupe_finder\""_s));
    EXPECT_TRUE(unknown.errText().contains(u"duplicate_watcher"_s));

    const CliRun first = runCli(home.path(), { u"agent"_s, u"run"_s, u"duplicate_watcher"_s, u"--json"_s });
    ASSERT_EQ(first.exitCode, 0) << first.errText().toStdString();
    EXPECT_EQ(first.json()[u"moves_created"_s].toInt(), 1);
    EXPECT_EQ(first.json()[u"status"_s].toString(), u"ok"_s);
    EXPECT_EQ(first.json()[u"result"_s][u"findings"_s].toArray().size(), 1);
    const qint64 moveId = first.json()[u"result"_s][u"created_move_ids"_s][0].toInteger();

    const CliRun second = runCli(home.path(), { u"agent"_s, u"run"_s, u"duplicate_watcher"_s });
    ASSERT_EQ(second.exitCode, 0);
    EXPECT_TRUE(second.outText().contains(u"1 move was already proposed before."_s))
        << second.outText().toStdString();
    EXPECT_FALSE(second.outText().contains(u"Proposed"_s));

    // The move is in Today's Moves once, with its agent and evidence.
    const CliRun today = runCli(home.path(), { u"today"_s, u"--all"_s, u"--json"_s });
    int agentMoves = 0;
    for (const QJsonValue& v : today.jsonArray()) {
        if (v[u"action_context"_s][u"agent"_s].toString() != u"duplicate_watcher"_s)
            continue;
        ++agentMoves;
        EXPECT_EQ(v[u"id"_s].toInteger(), moveId);
        EXPECT_EQ(v[u"action_type"_s].toString(), u"data_cleanup"_s);
        EXPECT_TRUE(v[u"title"_s].toString().startsWith(u"Merge duplicate contacts: "_s));
        EXPECT_DOUBLE_EQ(v[u"action_context"_s][u"agent_evidence"_s][u"score"_s].toDouble(), 0.85);
    }
    EXPECT_EQ(agentMoves, 1);

    // Parameters: a contract from a file, a quote from --input.
    const QString contract = home.writeFile(u"nda.txt"_s,
        "Mutual NDA. Confidential information may be used solely for the evaluation. The recipient accepts "
        "unlimited liability and grants a perpetual license.");
    const CliRun review = runCli(home.path(),
        { u"agent"_s, u"run"_s, u"contract_review"_s, u"--text-file"_s, contract, u"--input"_s,
            u"{\"type\":\"nda\"}"_s, u"--json"_s });
    ASSERT_EQ(review.exitCode, 0) << review.errText().toStdString();
    const QJsonObject output = review.json()[u"result"_s][u"output"_s].toObject();
    EXPECT_EQ(output[u"risk_score"_s].toInt(), 15 + 10 + 10); // critical + high, missing "term"
    EXPECT_EQ(output[u"risk_level"_s].toString(), u"medium"_s);

    const CliRun price = runCli(home.path(),
        { u"agent"_s, u"run"_s, u"pricing_calculator"_s, u"--input"_s,
            u"{\"services\":[\"audit\",\"audit\"],\"customer_years\":5,\"referral_percent\":10}"_s });
    ASSERT_EQ(price.exitCode, 0) << price.errText().toStdString();
    EXPECT_TRUE(price.outText().contains(u"$8000.00 less 25% = $6000.00 (discounts capped at 25%)"_s))
        << price.outText().toStdString();

    const CliRun badInput
        = runCli(home.path(), { u"agent"_s, u"run"_s, u"pricing_calculator"_s, u"--input"_s, u"[1]"_s });
    EXPECT_EQ(badInput.exitCode, 2);

    const CliRun model = runCli(home.path(), { u"agent"_s, u"run"_s, u"content_repurpose"_s, u"--json"_s });
    ASSERT_EQ(model.exitCode, 0);
    EXPECT_EQ(model.json()[u"status"_s].toString(), u"needs_model"_s);

    const CliRun listed = runCli(home.path(), { u"agent"_s, u"list"_s, u"--json"_s });
    int withRuns = 0;
    for (const QJsonValue& v : listed.jsonArray())
        withRuns += v[u"last_run"_s].isObject() ? 1 : 0;
    EXPECT_EQ(withRuns, 4);
    const CliRun text = runCli(home.path(), { u"agent"_s, u"list"_s });
    EXPECT_TRUE(text.outText().contains(u"data_hygiene\n"_s));
    EXPECT_TRUE(text.outText().contains(u"duplicate_watcher"_s));
}
