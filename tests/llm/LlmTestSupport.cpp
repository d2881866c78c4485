#include "LlmTestSupport.h"

#include "WaitFor.h"
#include "moves/MoveService.h"

#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

struct Seed
{
    const char16_t* title;
    const char16_t* name;
    const char16_t* email;
    const char16_t* company;
    double level;
};

constexpr Seed kSeeds[] = {
    { u"Reply to Dana about pricing", u"Dana Lee", u"dana@acme.com", u"Acme", 0.9 },
    { u"Send the Globex proposal", u"Tom Baker", u"tom@globex.com", u"Globex", 0.8 },
    { u"Book a demo with Initech", u"Priya Patel", u"priya@initech.io", u"Initech", 0.7 },
    { u"Renewal call with Umbrella", u"Sam Green", u"sam@umbrella.com", u"Umbrella", 0.6 },
    { u"Follow up on Hooli contract", u"Ana Ruiz", u"ana@hooli.com", u"Hooli", 0.5 },
    { u"Check in with Stark", u"Tony Stark", u"tony@stark.com", u"Stark", 0.4 },
};

} // namespace

JarvisHarness::JarvisHarness()
{
    QString error;
    EXPECT_TRUE(m_db.open(m_home.databasePath(), &error)) << error.toStdString();
    for (const Seed& seed : kSeeds) {
        Move draft;
        draft.title = QString::fromUtf16(seed.title);
        draft.actionType = u"email_follow_up"_s;
        draft.contactName = QString::fromUtf16(seed.name);
        draft.contactEmail = QString::fromUtf16(seed.email);
        draft.company = QString::fromUtf16(seed.company);
        const Result<Move> created
            = MoveService(m_db, m_clock).create(draft, { seed.level, seed.level, 0.5, seed.level });
        EXPECT_TRUE(created.ok()) << created.error().toStdString();
    }
    m_worker = std::make_unique<JarvisWorker>(m_home.databasePath(), m_clock);
    HttpClientOptions options;
    options.retry.baseDelayMs = 20;
    options.retry.maxRetries = 2;
    options.random = [] { return 0.5; };
    m_worker->setHttpOptions(options);
}

JarvisHarness::~JarvisHarness() = default;

JarvisRun JarvisHarness::ask(const QString& text, const jarvis::LlmConfig& config, int timeoutMs)
{
    JarvisRun run;
    const qint64 generation = ++m_generation;
    QObject context;
    QObject::connect(
        m_worker.get(), &JarvisWorker::delta, &context, [&run, generation](qint64 g, const QString& t) {
            if (g == generation)
                run.deltas.append(t);
        });
    QObject::connect(m_worker.get(), &JarvisWorker::answered, &context,
        [&run, generation](qint64 g, const jarvis::AssistantReply& reply, const QList<MoveRow>& rows) {
            if (g != generation)
                return;
            run.answered = true;
            run.reply = reply;
            run.rows = rows;
        });
    m_worker->ask(generation, text, config);
    EXPECT_TRUE(waitFor([&] { return run.answered; }, timeoutMs)) << "no answer to: " << text.toStdString();
    return run;
}

QString JarvisHarness::scalar(const QString& sql)
{
    QSqlQuery q(m_db.sql());
    EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
    return q.value(0).toString();
}

QString JarvisHarness::moveStatus(qint64 id)
{
    return scalar(u"SELECT status FROM moves WHERE id = %1"_s.arg(id));
}

jarvis::LlmConfig JarvisHarness::openAiAt(const QUrl& base, bool withKey)
{
    jarvis::LlmConfig config;
    config.settings.provider = llm::ProviderKind::OpenAi;
    config.settings.baseUrl = base;
    config.settings.model = u"gpt-4o-mini"_s;
    config.settings.timeoutSeconds = 5;
    if (withKey)
        config.key = fixedToken(QString::fromUtf16(kLlmCanaryKey));
    return config;
}

jarvis::LlmConfig JarvisHarness::geminiAt(const QUrl& base)
{
    jarvis::LlmConfig config;
    config.settings.provider = llm::ProviderKind::Gemini;
    config.settings.baseUrl = base;
    config.settings.model = u"gemini-2.0-flash"_s;
    config.settings.timeoutSeconds = 5;
    config.key = fixedToken(QString::fromUtf16(kLlmCanaryKey));
    return config;
}

} // namespace caseyos::test
