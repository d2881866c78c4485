// The audit log (services/audit) on a real SQLite file: appending, listing, the triggers that keep it
// append-only, pruning behind a checkpoint, and the places that write to it (approvals, MCP calls).
#include "AuditTestSupport.h"
#include "FakeClock.h"
#include "TempHome.h"
#include "audit/AuditLog.h"
#include "mcp/ApprovalService.h"
#include "mcp/McpSession.h"
#include "storage/Database.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

class AuditLogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(m_db.open(m_home.databasePath(), &error)) << error.toStdString();
    }

    void appendDaily(int count)
    {
        for (int i = 0; i < count; ++i) {
            ASSERT_TRUE(m_log.append(u"execution"_s, u"executor"_s, u"move:%1"_s.arg(i),
                { { u"n"_s, i }, { u"note"_s, u"Grüße — ☃ \"quoted\"\n"_s } }));
            m_clock.advance(24 * 3600);
        }
    }

    AuditVerification verified()
    {
        const Result<AuditVerification> v = m_log.verify();
        EXPECT_TRUE(v.ok()) << v.error().toStdString();
        return v ? v.value() : AuditVerification {};
    }

    bool sqlOk(const QString& sql)
    {
        QSqlQuery query(m_db.sql());
        return query.exec(sql);
    }

    TempHome m_home;
    FakeClock m_clock;
    Database m_db;
    AuditLog m_log { m_db, m_clock };
};

} // namespace

TEST_F(AuditLogTest, AppendsAChainAndListsNewestFirst)
{
    EXPECT_TRUE(verified().ok) << "an empty log verifies";
    appendDaily(5);
    ASSERT_TRUE(m_log.append(u"approval"_s, u"user"_s, u"approval:3"_s, { { u"decision"_s, u"approved"_s } }));
    const AuditVerification v = verified();
    EXPECT_TRUE(v.ok) << v.reason.toStdString();
    EXPECT_EQ(v.checked, 6);
    EXPECT_EQ(v.firstId, 1);
    EXPECT_EQ(v.lastId, 6);

    const auto all = m_log.list({}, 100);
    ASSERT_TRUE(all);
    ASSERT_EQ(all.value().size(), 6);
    EXPECT_EQ(all.value().first().id, 6);
    EXPECT_EQ(all.value().last().prevHash, QString(64, u'0'));
    for (qsizetype i = 0; i + 1 < all.value().size(); ++i)
        EXPECT_EQ(all.value()[i].prevHash, all.value()[i + 1].hash);
    EXPECT_EQ(all.value().last().details.value(u"note"_s).toString(), u"Grüße — ☃ \"quoted\"\n"_s);

    const auto approvals = m_log.list({ u"approval"_s, {}, {}, 0 }, 10);
    ASSERT_TRUE(approvals);
    ASSERT_EQ(approvals.value().size(), 1);
    EXPECT_EQ(approvals.value().first().subject, u"approval:3"_s);
    const auto page = m_log.list({ {}, {}, {}, 4 }, 2);
    ASSERT_TRUE(page);
    ASSERT_EQ(page.value().size(), 2);
    EXPECT_EQ(page.value().first().id, 3);

    EXPECT_FALSE(m_log.append(u"Not A Kind"_s, u"user"_s, {}));
    EXPECT_FALSE(m_log.append(u"execution"_s, u" "_s, {}));
}

TEST_F(AuditLogTest, TheDatabaseRefusesToRewriteHistory)
{
    appendDaily(3);
    EXPECT_FALSE(sqlOk(u"UPDATE audit_log SET actor = 'someone else' WHERE id = 2"_s));
    EXPECT_FALSE(sqlOk(u"DELETE FROM audit_log WHERE id = 2"_s));
    EXPECT_FALSE(sqlOk(u"DELETE FROM audit_log"_s));
    // An entry that does not follow the last one (a fork, or a forged id) is refused too.
    const auto last = m_log.list({}, 1).value().first();
    EXPECT_FALSE(sqlOk(u"INSERT INTO audit_log (id, at, kind, actor, subject, details, prev_hash, hash) VALUES "
                       "(4, 0, 'execution', 'x', '', '{}', '%1', 'x')"_s.arg(QString(64, u'0'))));
    EXPECT_FALSE(sqlOk(u"INSERT INTO audit_log (id, at, kind, actor, subject, details, prev_hash, hash) VALUES "
                       "(9, 0, 'execution', 'x', '', '{}', '%1', 'x')"_s.arg(last.hash)));
    // A checkpoint must name a real entry by its real hash.
    EXPECT_FALSE(sqlOk(u"INSERT INTO audit_checkpoints (id, last_id, last_hash, at, pruned, hash) VALUES "
                       "(1, 2, 'forged', 0, 2, 'x')"_s));
    EXPECT_TRUE(verified().ok);
    EXPECT_EQ(verified().checked, 3);
}

TEST_F(AuditLogTest, PruneRemovesTheFrontBehindAVerifiableCheckpoint)
{
    appendDaily(100); // day 0 … 99
    m_clock.advance(300 * 24 * 3600); // now: day 400 → entries before day 35 are older than a year
    const auto pruned = m_log.prune();
    ASSERT_TRUE(pruned) << pruned.error().toStdString();
    EXPECT_EQ(pruned.value().removed, 35);
    EXPECT_EQ(pruned.value().lastId, 35);
    const AuditVerification v = verified();
    EXPECT_TRUE(v.ok) << v.reason.toStdString();
    EXPECT_EQ(v.checkpointId, 35);
    EXPECT_EQ(v.firstId, 36);
    EXPECT_EQ(v.lastId, 101); // 100 entries + the prune's own entry
    const auto note = m_log.list({ u"audit_prune"_s, {}, {}, 0 }, 1);
    ASSERT_TRUE(note);
    ASSERT_EQ(note.value().size(), 1);
    EXPECT_EQ(note.value().first().details.value(u"removed"_s).toInteger(), 35);

    // Appending after a prune and pruning again (nothing new is old enough, then everything is).
    ASSERT_TRUE(m_log.append(u"undo"_s, u"user"_s, u"execution:9"_s));
    ASSERT_TRUE(m_log.prune());
    EXPECT_EQ(m_log.prune().value().removed, 0);
    m_clock.advance(1000LL * 24 * 3600);
    const auto everything = m_log.prune();
    ASSERT_TRUE(everything);
    EXPECT_EQ(everything.value().removed, 67);
    EXPECT_TRUE(verified().ok) << verified().reason.toStdString();
    EXPECT_EQ(verified().checkpointId, 102);
    EXPECT_EQ(verified().lastId, 103);
}

TEST_F(AuditLogTest, ATamperedCheckpointFailsVerification)
{
    appendDaily(50);
    m_clock.advance(400 * 24 * 3600);
    ASSERT_TRUE(m_log.prune());
    ASSERT_TRUE(verified().ok);
    const qint64 checkpoint = verified().checkpointId;
    ASSERT_EQ(checkpoint, 50);
    AuditAttacker attacker(m_home.databasePath());
    ASSERT_TRUE(attacker.isOpen());

    const QByteArray hash = attacker.text("audit_checkpoints", "last_hash", 1).value();
    QByteArray changed = hash;
    changed[10] = changed[10] == '0' ? '1' : '0';
    ASSERT_TRUE(attacker.setText("audit_checkpoints", "last_hash", 1, changed));
    AuditVerification v = verified();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.brokenId, checkpoint + 1);
    EXPECT_TRUE(v.reason.contains(u"checkpoint"_s)) << v.reason.toStdString();
    ASSERT_TRUE(attacker.setText("audit_checkpoints", "last_hash", 1, hash));
    EXPECT_TRUE(verified().ok);

    // Every other field of the checkpoint is covered by its own hash.
    for (const char* column : { "last_id", "at", "pruned" }) {
        const qint64 original = attacker.integer("audit_checkpoints", column, 1).value();
        ASSERT_TRUE(attacker.setInteger("audit_checkpoints", column, 1, original + 1));
        EXPECT_FALSE(verified().ok) << column;
        ASSERT_TRUE(attacker.setInteger("audit_checkpoints", column, 1, original));
    }
    // Without the checkpoint, the front of the chain is missing.
    ASSERT_TRUE(attacker.exec("DELETE FROM audit_checkpoints"));
    v = verified();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.brokenId, 1);
    EXPECT_TRUE(v.reason.contains(u"missing"_s)) << v.reason.toStdString();
}

TEST_F(AuditLogTest, PruneRefusesABrokenChain)
{
    appendDaily(10);
    m_clock.advance(400 * 24 * 3600);
    {
        AuditAttacker attacker(m_home.databasePath());
        ASSERT_TRUE(attacker.setText("audit_log", "actor", 3, "mallory"));
    }
    const auto pruned = m_log.prune();
    EXPECT_FALSE(pruned);
    EXPECT_TRUE(pruned.error().contains(u"entry 3"_s)) << pruned.error().toStdString();
    EXPECT_EQ(m_log.list({}, 100).value().size(), 10) << "nothing was removed";
}

TEST_F(AuditLogTest, DecidingAnApprovalWritesItsEntryInTheSameTransaction)
{
    ApprovalService approvals(m_db, m_clock);
    const auto pending = approvals.request(u"send_email"_s, { { u"to"_s, u"dana@example.com"_s }, { u"api_key"_s, u"sk-1"_s } },
        u"Email Dana"_s, false);
    ASSERT_TRUE(pending);
    EXPECT_TRUE(m_log.list({}, 10).value().isEmpty()) << "a request is not a decision";
    ASSERT_TRUE(approvals.approve(pending.value().id));
    EXPECT_FALSE(approvals.reject(pending.value().id)) << "decided once";
    const auto allowed = approvals.request(u"draft_email"_s, {}, u"Draft"_s, true);
    ASSERT_TRUE(allowed);
    const auto entries = m_log.list({ u"approval"_s, {}, {}, 0 }, 10);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries.value().size(), 2);
    const AuditEntry& decided = entries.value().last();
    EXPECT_EQ(decided.actor, u"user"_s);
    EXPECT_EQ(decided.subject, u"approval:%1"_s.arg(pending.value().id));
    EXPECT_EQ(decided.details.value(u"decision"_s).toString(), u"approved"_s);
    EXPECT_EQ(decided.details.value(u"arguments"_s).toObject().value(u"api_key"_s).toString(), u"[redacted]"_s);
    EXPECT_EQ(entries.value().first().actor, u"allowed_tool"_s);
    EXPECT_TRUE(verified().ok);
}

TEST_F(AuditLogTest, EveryMcpToolCallIsAudited)
{
    mcp::McpSession session(m_db, m_clock, {});
    session.handleLine(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
                       R"("capabilities":{},"clientInfo":{"name":"audit-test","version":"1"}}})");
    session.handleLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    session.handleLine(R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}})");
    session.handleLine(R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"whats_up","arguments":{}}})");
    const auto entries = m_log.list({ u"mcp_call"_s, {}, {}, 0 }, 10);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries.value().size(), 2);
    EXPECT_EQ(entries.value().last().actor, u"mcp:audit-test"_s);
    EXPECT_EQ(entries.value().last().subject, u"no_such_tool"_s);
    EXPECT_TRUE(entries.value().last().details.value(u"is_error"_s).toBool());
    EXPECT_EQ(entries.value().first().subject, u"whats_up"_s);
    QSqlQuery calls(m_db.sql());
    ASSERT_TRUE(calls.exec(u"SELECT COUNT(*) FROM mcp_calls"_s) && calls.next());
    EXPECT_EQ(calls.value(0).toInt(), 2);
    EXPECT_TRUE(verified().ok);
}
