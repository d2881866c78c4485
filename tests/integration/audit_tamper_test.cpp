// Tampering with the audit log's file the way an attacker with write access would: a raw sqlite3 connection drops
// the triggers and changes one byte of one column of one entry. Every such change must make verify() fail and
// name that entry; undoing it must make verify() pass again.
#include "AuditTestSupport.h"
#include "FakeClock.h"
#include "TempHome.h"
#include "audit/AuditHash.h"
#include "audit/AuditLog.h"
#include "storage/Database.h"

#include <gtest/gtest.h>

#include <iostream>
#include <optional>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kTarget = 10;

class AuditTamperTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(m_db.open(m_home.databasePath(), &error)) << error.toStdString();
        for (int i = 1; i <= 20; ++i) {
            ASSERT_TRUE(m_log.append(u"execution"_s, u"executor"_s, u"move:%1"_s.arg(i),
                { { u"action"_s, u"send_email"_s }, { u"to"_s, u"dana@example.com"_s }, { u"n"_s, i },
                    { u"subject"_s, u"Renewal — Grüße ☃"_s } }));
            m_clock.advance(61);
        }
        m_attacker.emplace(m_home.databasePath());
        ASSERT_TRUE(m_attacker->isOpen());
    }

    // verify() must fail naming the target (or, for an id change, at least fail).
    void expectBroken(const std::string& what, bool exactEntry = true)
    {
        const Result<AuditVerification> v = m_log.verify();
        ASSERT_TRUE(v) << v.error().toStdString();
        EXPECT_FALSE(v.value().ok) << what << " went unnoticed";
        if (exactEntry) {
            EXPECT_EQ(v.value().brokenId, kTarget) << what << ": " << v.value().reason.toStdString();
        }
        ++m_detected;
    }

    void expectIntact(const std::string& what)
    {
        const Result<AuditVerification> v = m_log.verify();
        ASSERT_TRUE(v && v.value().ok) << what << ": not intact after undoing the change";
    }

    TempHome m_home;
    FakeClock m_clock;
    Database m_db;
    AuditLog m_log { m_db, m_clock };
    std::optional<AuditAttacker> m_attacker; // opened once the database exists
    int m_detected = 0;
};

} // namespace

TEST_F(AuditTamperTest, ChangingAnyByteOfATextColumnIsFound)
{
    for (const char* column : { "kind", "actor", "subject", "details", "prev_hash", "hash" }) {
        const QByteArray original = m_attacker->text("audit_log", column, kTarget).value();
        ASSERT_FALSE(original.isEmpty()) << column;
        for (qsizetype i = 0; i < original.size(); ++i) {
            QByteArray changed = original;
            changed[i] = char(changed[i] ^ 0x01);
            const std::string what = std::string(column) + " byte " + std::to_string(i);
            ASSERT_TRUE(m_attacker->setText("audit_log", column, kTarget, changed)) << what;
            expectBroken(what);
            ASSERT_TRUE(m_attacker->setText("audit_log", column, kTarget, original)) << what;
            expectIntact(what);
        }
        // Appending or removing a byte counts too.
        ASSERT_TRUE(m_attacker->setText("audit_log", column, kTarget, original + ' '));
        expectBroken(std::string(column) + " with a byte appended");
        ASSERT_TRUE(m_attacker->setText("audit_log", column, kTarget, original.left(original.size() - 1)));
        expectBroken(std::string(column) + " with its last byte removed");
        ASSERT_TRUE(m_attacker->setText("audit_log", column, kTarget, original));
    }
    expectIntact("after every change was undone");
    std::cout << "[ figures ] " << m_detected << " single-column changes of entry " << kTarget << " all detected\n";
}

TEST_F(AuditTamperTest, ChangingAnyByteOfTheTimeIsFound)
{
    const qint64 original = m_attacker->integer("audit_log", "at", kTarget).value();
    for (int byte = 0; byte < 8; ++byte) {
        for (const int bit : { 0, 7 }) {
            const qint64 changed = original ^ (qint64(1) << (8 * byte + bit));
            ASSERT_TRUE(m_attacker->setInteger("audit_log", "at", kTarget, changed));
            expectBroken("at byte " + std::to_string(byte) + " bit " + std::to_string(bit));
        }
    }
    // The same digits stored as a BLOB (which column affinity does not convert back) read as the same number, but
    // the row changed: the storage class check finds it.
    ASSERT_TRUE(m_attacker->exec("UPDATE audit_log SET at = CAST(CAST(at AS TEXT) AS BLOB) WHERE id = 10"));
    expectBroken("at stored as a blob");
    ASSERT_TRUE(m_attacker->setInteger("audit_log", "at", kTarget, original));
    expectIntact("at restored");
}

TEST_F(AuditTamperTest, ChangingTheIdIsFound)
{
    for (const qint64 id : { qint64(1000), qint64(0), qint64(-10) }) {
        ASSERT_TRUE(m_attacker->setInteger("audit_log", "id", kTarget, id));
        expectBroken("id " + std::to_string(id), false);
        ASSERT_TRUE(m_attacker->setInteger("audit_log", "id", id, kTarget));
        expectIntact("id restored");
    }
}

TEST_F(AuditTamperTest, DeletingAnEntryInTheMiddleIsFound)
{
    ASSERT_TRUE(m_attacker->exec("DELETE FROM audit_log WHERE id = 10"));
    const Result<AuditVerification> v = m_log.verify();
    ASSERT_TRUE(v);
    EXPECT_FALSE(v.value().ok);
    EXPECT_EQ(v.value().brokenId, kTarget);
    EXPECT_TRUE(v.value().reason.contains(u"missing"_s)) << v.value().reason.toStdString();
}

TEST_F(AuditTamperTest, RewritingAnEntryAndItsHashIsFoundAtTheNextEntry)
{
    // A smarter attacker recomputes the changed entry's own hash: the next entry's prev_hash no longer matches.
    // (Rewriting every later entry as well is only detectable against a copy of the head kept elsewhere: see
    // docs/audit-log.md.)
    const AuditEntry target = m_log.list({ {}, {}, {}, kTarget + 1 }, 1).value().first();
    ASSERT_EQ(target.id, kTarget);
    const QByteArray details = m_attacker->text("audit_log", "details", kTarget).value();
    const QString forged = auditEntryHash(target.id, target.at.toMSecsSinceEpoch(), target.kind, u"mallory"_s,
        target.subject, QString::fromUtf8(details), target.prevHash);
    ASSERT_TRUE(m_attacker->setText("audit_log", "actor", kTarget, "mallory"));
    ASSERT_TRUE(m_attacker->setText("audit_log", "hash", kTarget, forged.toLatin1()));
    const Result<AuditVerification> v = m_log.verify();
    ASSERT_TRUE(v);
    EXPECT_FALSE(v.value().ok);
    EXPECT_EQ(v.value().brokenId, kTarget + 1);
    EXPECT_TRUE(v.value().reason.contains(u"does not follow entry 10"_s)) << v.value().reason.toStdString();
}
