#include "jarvis/ModelSummaries.h"

#include "llm/ModelJson.h"
#include "llm/ProviderErrors.h"
#include "memory/MemoryStore.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

// What the model is asked to do. The facts list is what the user would be sorry to lose once the messages
// are gone (the retention setting), so it names the kinds of detail to keep.
QString summarySystemPrompt()
{
    return u"You summarise a finished conversation between a salesperson and Jarvis, their assistant in "
           "CaseyOS, so it can be remembered after the messages are gone. Answer with one JSON object and "
           "nothing else: {\"summary\": \"two to four sentences: what the user wanted and what was done or "
           "decided\", \"key_facts\": [\"one short sentence per fact worth keeping: names, email addresses, "
           "amounts, dates, move numbers, commitments\"]}. Use only what the conversation says."_s;
}

QString transcriptSpeaker(const QString& role)
{
    if (role == "user"_L1)
        return u"User"_s;
    if (role == "assistant"_L1)
        return u"Jarvis"_s;
    return u"Note"_s;
}

QString transcriptLine(const MemoryMessage& m)
{
    return transcriptSpeaker(m.role) + u": "_s + m.content.trimmed() + u'\n';
}

} // namespace

bool modelSummariesAllowed(const llm::LlmSettings& settings)
{
    if (settings.provider == llm::ProviderKind::Offline)
        return false;
    return settings.cloudSummaries || settings.isLocal();
}

QString summaryTranscript(const QList<MemoryMessage>& messages, int maxChars)
{
    QString whole;
    for (const MemoryMessage& m : messages)
        whole += transcriptLine(m);
    if (whole.size() <= maxChars)
        return whole;
    // Beginning and end: what the user came for, and where it ended up.
    const int half = maxChars / 2;
    QString head;
    qsizetype first = 0;
    while (first < messages.size() && head.size() + transcriptLine(messages[first]).size() <= half)
        head += transcriptLine(messages[first++]);
    QString tail;
    qsizetype last = messages.size();
    while (last > first && tail.size() + transcriptLine(messages[last - 1]).size() <= half)
        tail.prepend(transcriptLine(messages[--last]));
    if (head.isEmpty() && first < last) // one huge first message: its beginning stands for it
        head = transcriptLine(messages[first++]).left(half) + u"…\n"_s;
    return head + u"[… %1 messages left out …]\n"_s.arg(last - first) + tail;
}

Result<SessionDigest> digestFromModelAnswer(const QString& answer)
{
    const std::optional<QJsonObject> json = llm::jsonObjectInAnswer(answer);
    if (!json)
        return Result<SessionDigest>::failure(u"the model's answer was not the JSON summary asked for"_s);
    const QJsonObject& o = *json;
    SessionDigest digest;
    digest.summary = o.value("summary"_L1).toString().trimmed();
    if (digest.summary.isEmpty())
        return Result<SessionDigest>::failure(u"the model's answer had no summary"_s);
    for (const QJsonValue& fact : o.value("key_facts"_L1).toArray()) {
        const QString f = fact.toString().trimmed();
        if (!f.isEmpty() && !digest.keyFacts.contains(f))
            digest.keyFacts << f;
    }
    return Result<SessionDigest>::success(digest);
}

SessionDigest withOfflineFacts(SessionDigest digest, const QList<MemoryMessage>& messages)
{
    const QString stated = QString(digest.summary + u' ' + digest.keyFacts.join(u' ')).toCaseFolded();
    for (const QString& fact : offlineSessionDigest(messages).keyFacts) {
        if (!stated.contains(fact.toCaseFolded()))
            digest.keyFacts << fact;
    }
    return digest;
}

ModelSessionSummaries::ModelSessionSummaries(Database& db, const Clock& clock, MemoryStore& memory,
    std::unique_ptr<llm::ChatProvider> provider, SummaryPolicy policy, QObject* parent)
    : QObject(parent)
    , m_summaries(db, clock, memory)
    , m_memory(memory)
    , m_provider(std::move(provider))
    , m_policy(policy)
{
}

ModelSessionSummaries::~ModelSessionSummaries() = default;

void ModelSessionSummaries::start(Done done)
{
    m_done = std::move(done);
    const Result<QList<MemorySession>> due = m_summaries.due(m_policy);
    if (!due) {
        ++m_report.failed;
        m_report.errors << due.error();
    } else {
        m_queue = due.value();
    }
    next();
}

void ModelSessionSummaries::next()
{
    if (m_queue.isEmpty()) {
        if (m_done)
            std::exchange(m_done, {})(m_report);
        return;
    }
    const MemorySession session = m_queue.takeFirst();
    const Result<QList<MemoryMessage>> messages = m_memory.messages(session.id);
    if (!messages) {
        m_summaries.apply(session, {}, Result<SessionDigest>::failure(messages.error()), m_policy, m_report);
        next();
        return;
    }
    llm::ProviderTurn turn;
    turn.system = summarySystemPrompt();
    turn.messages.append({ u"user"_s, summaryTranscript(messages.value()), {}, {} });
    const QList<MemoryMessage> read = messages.value();
    m_provider->send(turn, this, {}, [this, session, read](const llm::ProviderReply& reply) {
        Result<SessionDigest> digest = reply.ok()
            ? digestFromModelAnswer(reply.value.content)
            : Result<SessionDigest>::failure(llm::providerErrorText(m_provider->displayName(), reply.error));
        if (digest)
            digest = Result<SessionDigest>::success(withOfflineFacts(digest.value(), read));
        m_summaries.apply(session, read, digest, m_policy, m_report);
        next();
    });
}

} // namespace caseyos::jarvis
