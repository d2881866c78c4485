#include "jarvis/JarvisWorker.h"

#include "jarvis/AgentAnswer.h"
#include "jarvis/JarvisTools.h"
#include "jarvis/MemoryAnswer.h"
#include "jarvis/ModelSummaries.h"
#include "jarvis/OfflineAssistant.h"
#include "llm/Embedder.h"
#include "llm/ProviderErrors.h"
#include "llm/ProviderFactory.h"
#include "llm/ToolLoop.h"
#include "memory/MemoryStore.h"
#include "memory/SessionSummaries.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QSettings>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace caseyos {

JarvisWorker::JarvisWorker(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
{
}

JarvisWorker::~JarvisWorker()
{
    m_loop.reset();
    m_provider.reset();
    m_http.reset();
    m_tools.reset();
    m_assistant.reset();
    m_memory.reset();
    m_db.reset(); // on the storage thread: the connection is closed where it was opened
}

HttpClient& JarvisWorker::http()
{
    // Created here, on the worker's thread, which is where its network manager must live.
    if (!m_http)
        m_http = std::make_unique<HttpClient>(m_clock, m_httpOptions);
    return *m_http;
}

bool JarvisWorker::ensureOpen(QString* error)
{
    if (m_db)
        return true;
    auto db = std::make_unique<Database>();
    if (!db->open(m_databasePath, error))
        return false;
    m_db = std::move(db);
    m_memory = std::make_unique<MemoryStore>(*m_db, m_clock);
    m_assistant = std::make_unique<jarvis::OfflineAssistant>(*m_db, m_clock);
    MemoryStore* memory = m_memory.get();
    m_assistant->setMemorySearcher([memory](const QString& query) { return jarvis::memoryAnswer(*memory, query); });
    Database* connection = m_db.get();
    const Clock* clock = &m_clock;
    m_assistant->setAgentRunner(
        [connection, clock](const QString& key) { return jarvis::agentAnswer(*connection, *clock, key); });
    m_tools = std::make_unique<llm::ToolRegistry>(jarvis::jarvisTools(*m_assistant, *m_db));
    return true;
}

// PRODUCT.md §6: sessions older than 7 days with ≥ 10 messages get a digest, once per run of the worker (at the
// first question, which brings the settings). Written by the chosen model when summaries may use it
// (ModelSessionSummaries, asynchronously beside the answer), offline otherwise. A failure leaves the session as
// it was and is only logged: the next start tries again.
void JarvisWorker::summarizeOldSessions(const jarvis::LlmConfig& config)
{
    const SummaryPolicy policy = SummaryPolicy::fromSettings(QSettings());
    const auto log = [](const SummaryReport& report) {
        if (report.summarized > 0 || report.failed > 0)
            qInfo("Jarvis memory: %d old session(s) summarised, %d not (%d messages deleted)", report.summarized,
                report.failed, report.messagesDeleted);
        for (const QString& error : report.errors)
            qWarning("%s", qUtf8Printable(error));
    };
    if (jarvis::modelSummariesAllowed(config.settings)) {
        llm::LlmSettings settings = config.settings;
        settings.cloudChat = settings.cloudSummaries; // the summaries' own switch decides, not chat's
        llm::ProviderChoice choice = llm::chooseChatProvider(settings, http(), config.key);
        if (choice.provider) {
            auto* summaries = new jarvis::ModelSessionSummaries(
                *m_db, m_clock, *m_memory, std::move(choice.provider), policy, this);
            summaries->start([summaries, log](const SummaryReport& report) {
                log(report);
                summaries->deleteLater();
            });
            return;
        }
    }
    log(SessionSummaries(*m_db, m_clock, *m_memory)
            .run(policy, [](const MemorySession&, const QList<MemoryMessage>& messages) {
                return Result<SessionDigest>::success(offlineSessionDigest(messages));
            }));
}

void JarvisWorker::ask(qint64 generation, const QString& text, const jarvis::LlmConfig& config)
{
    // A newer question: the older model conversation is dropped (its callbacks die with the loop).
    m_loop.reset();
    m_provider.reset();
    QString error;
    if (!ensureOpen(&error)) {
        jarvis::AssistantReply reply;
        reply.failed = true;
        reply.markdown = u"Cannot open the workspace for Jarvis: "_s + error;
        Q_EMIT answered(generation, reply, {});
        return;
    }
    if (!m_summariesStarted) {
        m_summariesStarted = true;
        summarizeOldSessions(config);
    }
    llm::ProviderChoice choice = llm::chooseChatProvider(config.settings, http(), config.key);
    if (!choice.provider) {
        answerOffline(generation, text, choice.offlineReason, config);
        return;
    }
    // Memory is a record, not a condition: a turn that cannot be remembered is still answered.
    const Result<MemoryMessage> asked = m_memory->remember(u"user"_s, text);
    QList<ChatMessage> messages;
    if (asked) {
        const Result<QList<MemoryMessage>> session = m_memory->messages(asked.value().sessionId);
        if (session)
            messages = jarvis::recentHistory(session.value(), asked.value().id);
    }
    messages.append({ u"user"_s, text, {}, {} });
    m_provider = std::move(choice.provider);
    m_loop = std::make_unique<llm::ToolLoop>(*m_provider, *m_tools, config.settings.maxSteps);
    m_loop->setOnDelta([this, generation](const QString& piece) { Q_EMIT delta(generation, piece); });
    const qint64 askedId = asked ? asked.value().id : 0;
    m_loop->start(jarvis::systemPrompt(m_clock.now()), messages,
        [this, generation, config, askedId, text](const llm::LoopResult& result) {
            jarvis::AssistantReply reply = jarvis::replyFromLoop(result);
            const Result<MemoryMessage> answer = m_memory->remember(u"assistant"_s, reply.markdown);
            QList<qint64> ids;
            QStringList texts;
            if (askedId > 0) {
                ids.append(askedId);
                texts.append(text);
            }
            if (answer) {
                ids.append(answer.value().id);
                texts.append(reply.markdown);
            }
            embedLater(config, ids, texts);
            finish(generation, reply);
        });
}

void JarvisWorker::answerOffline(
    qint64 generation, const QString& text, const QString& notice, const jarvis::LlmConfig& config)
{
    const Result<MemoryMessage> asked = m_memory->remember(u"user"_s, text);
    jarvis::AssistantReply reply = m_assistant->answer(text);
    if (!notice.isEmpty() && !m_noticesGiven.contains(notice)) {
        m_noticesGiven.insert(notice);
        reply.markdown = u"*"_s + notice + u"*\n\n"_s + reply.markdown;
    }
    const Result<MemoryMessage> answer = m_memory->remember(u"assistant"_s, reply.markdown);
    if (asked && answer)
        embedLater(config, { asked.value().id, answer.value().id }, { text, reply.markdown });
    finish(generation, reply);
}

void JarvisWorker::finish(qint64 generation, jarvis::AssistantReply reply)
{
    QString error;
    QList<MoveRow> rows;
    if (!reply.changedMoves.isEmpty())
        rows = MoveRepository(*m_db).rows(reply.changedMoves, &error);
    Q_EMIT answered(generation, reply, rows);
}

void JarvisWorker::embedLater(
    const jarvis::LlmConfig& config, const QList<qint64>& ids, const QStringList& texts)
{
    if (ids.isEmpty() || !llm::embeddingsAllowed(config.settings, bool(config.key)))
        return;
    auto embedder = std::make_shared<llm::Embedder>(http(), config.settings, config.key);
    const QString model = embedder->model();
    embedder->embed(
        texts, this, [this, embedder, ids, model](const ClientResult<llm::Embedder::Vectors>& result) {
            if (!result.ok()) {
                // Lexical search keeps working without vectors; the next turns try again.
                spdlog::warn("jarvis: memory embeddings failed ({}): {}",
                    clientErrorKindName(result.error.kind).toStdString(),
                    llm::SecretScrubber().scrub(result.error.message.left(200)).toStdString());
                return;
            }
            for (qsizetype i = 0; i < ids.size() && i < result.value.size(); ++i) {
                const Result<bool> stored = m_memory->setEmbedding(ids[i], model, result.value[i]);
                if (!stored)
                    spdlog::warn("jarvis: could not store a memory vector: {}", stored.error().toStdString());
            }
        });
}

} // namespace caseyos
