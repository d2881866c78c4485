// Database::open on real files: creation, pragmas, migrations, and refusing files it must not touch.
#include "storage/Database.h"

#include "IntegrationSupport.h"
#include "TempHome.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QVariant>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

QVariant scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(Database, OpenCreatesFolderAndSchemaInWalMode)
{
    TempHome home;
    const QString path = home.file(u"nested/deeper/caseyos.db"_s);
    Database db;
    QString error;
    ASSERT_TRUE(db.open(path, &error)) << error.toStdString();
    EXPECT_TRUE(QFile::exists(path));
    EXPECT_EQ(scalar(db, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    EXPECT_EQ(scalar(db, u"PRAGMA foreign_keys"_s).toInt(), 1);
    EXPECT_EQ(scalar(db, u"PRAGMA synchronous"_s).toInt(), 1); // NORMAL
    EXPECT_EQ(scalar(db, u"PRAGMA busy_timeout"_s).toInt(), 5000);
    EXPECT_EQ(db.schemaVersion(), Database::knownSchemaVersion());
    EXPECT_GE(Database::knownSchemaVersion(), 1);
    for (const QString& table : { u"signals"_s, u"moves"_s, u"move_events"_s, u"schema_migrations"_s })
        EXPECT_EQ(scalar(db,
                      u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'"_s.arg(table))
                      .toInt(),
            1)
            << table.toStdString();
    EXPECT_GT(scalar(db, u"SELECT applied_at FROM schema_migrations WHERE version = 1"_s).toLongLong(), 0);
}

TEST(Database, ReopeningAppliesNothingTwice)
{
    TempHome home;
    {
        Database db;
        ASSERT_TRUE(db.open(home.databasePath(), nullptr));
        QSqlQuery(db.sql()).exec(u"INSERT INTO move_events (move_id, type, at) VALUES (1, 'x', 1)"_s);
    }
    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    // One row per migration compiled in (numbers can have gaps while branches each add their own).
    const qsizetype migrations = QDir(u":/migrations"_s).entryList({ u"*.sql"_s }, QDir::Files).size();
    EXPECT_EQ(scalar(db, u"SELECT COUNT(*) FROM schema_migrations"_s).toInt(), migrations);
    EXPECT_EQ(scalar(db, u"SELECT MAX(version) FROM schema_migrations"_s).toInt(), Database::knownSchemaVersion());
    EXPECT_EQ(scalar(db, u"SELECT COUNT(*) FROM move_events"_s).toInt(), 1);
}

// A database that got a later migration before an earlier one (two lines of development each added a number)
// still gets the earlier one on the next open, and keeps what it holds.
TEST(Database, AMigrationSkippedByALaterOneIsAppliedOnOpen)
{
    TempHome home;
    {
        Database db;
        ASSERT_TRUE(db.open(home.databasePath(), nullptr));
        ASSERT_GE(Database::knownSchemaVersion(), 5) << "needs 0004_sync and a later migration";
        ASSERT_TRUE(db.exec(u"INSERT INTO move_events (move_id, type, at) VALUES (1, 'x', 1)"_s));
        // As if 0004 had never run: its tables and its record gone, 0005 still there.
        for (const QString& table : { u"sync_state"_s, u"sync_outcome_keys"_s, u"sync_gmail_threads"_s,
                 u"sync_hubspot_deals"_s, u"sync_calendar_events"_s })
            ASSERT_TRUE(db.exec(u"DROP TABLE "_s + table));
        ASSERT_TRUE(db.exec(u"DELETE FROM schema_migrations WHERE version = 4"_s));
    }
    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    EXPECT_EQ(scalar(db, u"SELECT COUNT(*) FROM schema_migrations WHERE version = 4"_s).toInt(), 1);
    EXPECT_EQ(scalar(db, u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"_s).toInt(), 1);
    EXPECT_EQ(scalar(db, u"SELECT COUNT(*) FROM move_events"_s).toInt(), 1);
}

TEST(Database, TwoObjectsOnOneFileHaveTheirOwnConnections)
{
    TempHome home;
    Database a;
    Database b;
    ASSERT_TRUE(a.open(home.databasePath(), nullptr));
    ASSERT_TRUE(b.open(home.databasePath(), nullptr));
    EXPECT_NE(a.sql().connectionName(), b.sql().connectionName());
    QSqlQuery(a.sql()).exec(u"INSERT INTO move_events (move_id, type, at) VALUES (1, 'x', 1)"_s);
    EXPECT_EQ(scalar(b, u"SELECT COUNT(*) FROM move_events"_s).toInt(), 1);
}

TEST(Database, GarbageFileIsRefusedAndLeftAlone)
{
    TempHome home;
    const QByteArray garbage = QByteArray("\x01\x02 definitely not SQLite \xff\xfe").repeated(500);
    const QString path = home.writeFile(u"caseyos.db"_s, garbage);
    Database db;
    QString error;
    EXPECT_FALSE(db.open(path, &error));
    EXPECT_TRUE(error.contains(u"is not a CaseyOS database"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"file is not a database"_s)) << error.toStdString();
    EXPECT_EQ(readFile(path), garbage);
    EXPECT_FALSE(QFile::exists(path + u"-wal"_s));
}

TEST(Database, SomeoneElsesDatabaseIsRefused)
{
    TempHome home;
    // A valid SQLite file with an unrelated table and no schema_migrations.
    const QString path = home.file(u"other.db"_s);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw-other"_s);
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        QSqlQuery(raw).exec(u"CREATE TABLE recipes (name TEXT)"_s);
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"raw-other"_s);
    const QByteArray before = readFile(path);
    Database db;
    QString error;
    EXPECT_FALSE(db.open(path, &error));
    EXPECT_TRUE(error.contains(u"not a CaseyOS database"_s)) << error.toStdString();
    EXPECT_EQ(readFile(path), before);
}

TEST(Database, NewerSchemaIsRefusedWithoutWriting)
{
    TempHome home;
    {
        Database db;
        ASSERT_TRUE(db.open(home.databasePath(), nullptr));
        QSqlQuery(db.sql()).exec(u"INSERT INTO schema_migrations (version, applied_at) VALUES (999, 1)"_s);
        QSqlQuery(db.sql()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    const QByteArray before = readFile(home.databasePath());
    Database db;
    QString error;
    EXPECT_FALSE(db.open(home.databasePath(), &error));
    EXPECT_TRUE(error.contains(u"newer CaseyOS"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"999"_s)) << error.toStdString();
    EXPECT_EQ(readFile(home.databasePath()), before);
}

TEST(Database, TransactionRollsBackWhenTheBodyFails)
{
    TempHome home;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    QString error;
    const bool ok = db.transaction(
        [&] {
            QSqlQuery(db.sql()).exec(u"INSERT INTO move_events (move_id, type, at) VALUES (1, 'x', 1)"_s);
            return false;
        },
        &error);
    EXPECT_FALSE(ok);
    EXPECT_EQ(scalar(db, u"SELECT COUNT(*) FROM move_events"_s).toInt(), 0);
    EXPECT_TRUE(db.transaction(
        [&] { return db.exec(u"INSERT INTO move_events (move_id, type, at) VALUES (1, 'x', 1)"_s); },
        &error));
    EXPECT_EQ(scalar(db, u"SELECT COUNT(*) FROM move_events"_s).toInt(), 1);
}
