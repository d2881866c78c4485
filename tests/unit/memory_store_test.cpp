// Jarvis memory on a real database: sessions (a new one after an hour idle), FTS5 search with stemming and
// snippets, compact vectors whose cosine ranking matches the exact one, and the merged ranking.
#include "FakeClock.h"
#include "TempHome.h"
#include "memory/MemoryStore.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::TempHome;

namespace {

class MemoryStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }

    qint64 say(const QString& content, const QString& role = u"user"_s)
    {
        const Result<MemoryMessage> m = store.remember(role, content);
        EXPECT_TRUE(m.ok()) << m.error().toStdString();
        return m.ok() ? m.value().id : 0;
    }

    qint64 count(const QString& sql)
    {
        QSqlQuery q(db.sql());
        EXPECT_TRUE(q.exec(sql) && q.next());
        return q.value(0).toLongLong();
    }

    TempHome home;
    FakeClock clock;
    Database db;
    MemoryStore store { db, clock };
};

std::vector<float> randomVector(std::mt19937& rng, int dims)
{
    std::normal_distribution<float> normal;
    std::vector<float> v(static_cast<size_t>(dims));
    for (float& x : v)
        x = normal(rng);
    return v;
}

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double dot = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

TEST_F(MemoryStoreTest, ANewSessionStartsAfterAnHourIdle)
{
    const qint64 first = say(u"hello"_s);
    clock.advance(59 * 60);
    const qint64 second = say(u"still here"_s);
    clock.advance(61 * 60);
    const qint64 third = say(u"back after lunch"_s);
    const QList<MemorySession> sessions = store.sessions().value();
    ASSERT_EQ(sessions.size(), 2);
    EXPECT_EQ(sessions[0].messageCount, 1); // newest first
    EXPECT_EQ(sessions[1].messageCount, 2);
    EXPECT_TRUE(sessions[1].endedAt.isValid());
    EXPECT_FALSE(sessions[0].endedAt.isValid());
    const QList<MemoryMessage> old = store.messages(sessions[1].id).value();
    ASSERT_EQ(old.size(), 2);
    EXPECT_EQ(old[0].id, first);
    EXPECT_EQ(old[1].id, second);
    EXPECT_EQ(store.messages(sessions[0].id).value().first().id, third);
}

TEST_F(MemoryStoreTest, ActivateRenameEndAndForget)
{
    say(u"first session about the Acme pricing"_s);
    clock.advance(2 * 3600);
    say(u"second session about Globex"_s);
    const QList<MemorySession> sessions = store.sessions().value();
    const qint64 older = sessions[1].id;
    ASSERT_TRUE(store.activate(older).ok());
    say(u"more on Acme"_s);
    EXPECT_EQ(store.messages(older).value().size(), 2);
    EXPECT_EQ(store.rename(older, u"  Acme deal  "_s).value().name, u"Acme deal"_s);
    EXPECT_TRUE(store.end(older).value().endedAt.isValid());
    EXPECT_FALSE(store.activate(9999).ok());

    ASSERT_TRUE(store.setEmbedding(store.messages(older).value()[0].id, u"m"_s, std::vector<float> { 1, 0, 0 }).ok());
    EXPECT_EQ(store.vectorIndex(u"m"_s).size(), 1);
    EXPECT_EQ(store.forget(older).value(), 2);
    EXPECT_EQ(store.sessions().value().size(), 1);
    EXPECT_TRUE(store.searchLexical(u"Acme"_s, 10).value().isEmpty()); // gone from the index too
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM memory_vectors"_s), 0);
    EXPECT_EQ(store.vectorIndex(u"m"_s).size(), 0);
}

TEST_F(MemoryStoreTest, LexicalSearchStemsRanksAndQuotesTheMatch)
{
    say(u"Dana asked about the price of the enterprise plan"_s);
    say(u"We agreed to send the Globex proposal on Friday"_s);
    say(u"Pricing for Acme: 20 seats at the enterprise price, pricing sheet attached"_s);
    say(u"Lunch was good"_s);
    const QList<MemoryHit> hits = store.searchLexical(u"pricing"_s, 10).value();
    ASSERT_EQ(hits.size(), 2); // "price" and "pricing" stem alike
    EXPECT_TRUE(hits[0].message.content.startsWith(u"Pricing for Acme"_s)); // three matches beat one
    EXPECT_TRUE(hits[0].snippet.contains(u"[Pricing]"_s)) << hits[0].snippet.toStdString();
    EXPECT_EQ(hits[0].lexicalRank, 1);

    // Every word when possible, else any word.
    EXPECT_EQ(store.searchLexical(u"enterprise Dana"_s, 10).value().size(), 1);
    EXPECT_EQ(store.searchLexical(u"Globex lunch"_s, 10).value().size(), 2);
    // Operators and quotes in the query are words, never FTS syntax errors.
    EXPECT_TRUE(store.searchLexical(u"\"NEAR( OR *"_s, 10).ok());
}

TEST_F(MemoryStoreTest, QuantizedCosineStaysWithinOnePercentOfTheExactOne)
{
    std::mt19937 rng(7);
    for (int i = 0; i < 50; ++i) {
        const std::vector<float> a = randomVector(rng, 1536);
        std::vector<float> b = randomVector(rng, 1536);
        for (size_t d = 0; d < b.size(); ++d)
            b[d] = 0.6f * a[d] + 0.4f * b[d]; // correlated, so similarities are spread out
        VectorIndex index;
        ASSERT_TRUE(index.insert(1, quantize(a)));
        const QList<VectorHit> hit = index.search(b, 1);
        ASSERT_EQ(hit.size(), 1);
        EXPECT_NEAR(hit[0].score, cosine(a, b), 0.01);
    }
}

TEST_F(MemoryStoreTest, VectorTopTenMatchesTheExactRanking)
{
    std::mt19937 rng(11);
    std::vector<std::vector<float>> corpus;
    VectorIndex index(256);
    for (int i = 0; i < 2000; ++i) {
        corpus.push_back(randomVector(rng, 256));
        ASSERT_TRUE(index.insert(i + 1, quantize(corpus.back())));
    }
    const std::vector<float> query = randomVector(rng, 256);
    std::vector<std::pair<double, qint64>> exact;
    for (size_t i = 0; i < corpus.size(); ++i)
        exact.emplace_back(cosine(query, corpus[i]), qint64(i) + 1);
    std::sort(exact.rbegin(), exact.rend());
    const QList<VectorHit> hits = index.search(query, 10);
    ASSERT_EQ(hits.size(), 10);
    for (int i = 0; i < 10; ++i) {
        // Same vectors in the same order, unless two exact scores are closer than the quantization error.
        if (hits[i].id != exact[size_t(i)].second)
            EXPECT_NEAR(exact[size_t(i)].first, cosine(query, corpus[size_t(hits[i].id - 1)]), 0.005);
        EXPECT_NEAR(hits[i].score, cosine(query, corpus[size_t(hits[i].id - 1)]), 0.01);
    }
    index.remove(hits[0].id);
    EXPECT_NE(index.search(query, 1).first().id, hits[0].id);
    EXPECT_FALSE(index.insert(99999, quantize(std::vector<float>(8, 1.0f)))); // another dimension
}

TEST_F(MemoryStoreTest, MergedSearchPutsWhatBothListsFindFirstAndFindsMeaningWithoutTheWord)
{
    // Four dimensions stand for topics: pricing, travel, hiring, weather.
    const qint64 priceWords = say(u"The price list for Acme is attached"_s);
    const qint64 priceMeaning = say(u"Acme wants a cheaper plan for next year"_s);
    const qint64 travel = say(u"Flight to Berlin on Monday"_s);
    const qint64 hiring = say(u"Interview with a price analyst candidate"_s);
    const QString model = u"test-embeddings"_s;
    ASSERT_TRUE(store.setEmbedding(priceWords, model, std::vector<float> { 0.9f, 0.1f, 0.0f, 0.0f }).ok());
    ASSERT_TRUE(store.setEmbedding(priceMeaning, model, std::vector<float> { 0.95f, 0.0f, 0.05f, 0.0f }).ok());
    ASSERT_TRUE(store.setEmbedding(travel, model, std::vector<float> { 0.0f, 1.0f, 0.0f, 0.1f }).ok());
    ASSERT_TRUE(store.setEmbedding(hiring, model, std::vector<float> { 0.1f, 0.0f, 1.0f, 0.0f }).ok());

    const std::vector<float> query { 1.0f, 0.0f, 0.0f, 0.0f }; // "how much does it cost"
    const QList<MemoryHit> hits = store.search(u"price"_s, 3, model, query).value();
    ASSERT_EQ(hits.size(), 3);
    EXPECT_EQ(hits[0].message.id, priceWords); // first in both lists
    EXPECT_GT(hits[0].lexicalRank, 0);
    EXPECT_GT(hits[0].semanticRank, 0);
    QList<qint64> ids;
    for (const MemoryHit& h : hits)
        ids.append(h.message.id);
    EXPECT_TRUE(ids.contains(priceMeaning)); // found by meaning alone
    EXPECT_FALSE(ids.contains(travel));
    // Without vectors, only the words count.
    const QList<MemoryHit> lexical = store.search(u"price"_s, 10).value();
    EXPECT_EQ(lexical.size(), 2);
}

} // namespace
