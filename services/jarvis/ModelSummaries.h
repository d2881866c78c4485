#pragma once

#include "core/Result.h"
#include "llm/ChatProvider.h"
#include "llm/LlmSettings.h"
#include "memory/SessionSummaries.h"

#include <QObject>
#include <functional>
#include <memory>

namespace caseyos {

class Database;
class MemoryStore;

namespace jarvis {

// Whether old sessions may be summarised by the settings' model rather than offline: a provider other than
// offline and the "summaries may use the cloud" switch on, or a server on this machine (nothing leaves it).
bool modelSummariesAllowed(const llm::LlmSettings& settings);

// The conversation as the model reads it ("User: …" / "Jarvis: …"), at most `maxChars` long: a longer one
// keeps its beginning and end and says how many messages were left out between them.
QString summaryTranscript(const QList<MemoryMessage>& messages, int maxChars = 24000);

// The model's answer read as a digest: a JSON object {"summary": text, "key_facts": [text, …]}, possibly in a
// ```json fence. Anything else fails with a sentence (the session is then left as it was).
Result<SessionDigest> digestFromModelAnswer(const QString& answer);

// The offline digest's key facts (addresses, amounts, dates, move numbers) that the model's digest does not
// already state, appended to it: a model that glosses over a detail (or read a shortened transcript) never
// makes it lost when the messages are deleted.
SessionDigest withOfflineFacts(SessionDigest digest, const QList<MemoryMessage>& messages);

// Summarises the due sessions with a language model (PRODUCT.md §6), one at a time, asynchronously on the
// thread that owns the Database (the Jarvis worker's). Each session's digest is stored by SessionSummaries in
// one transaction; a model that fails, times out or answers something that is not a digest leaves that
// session exactly as it was, to be tried again at the next start. `done` runs once, with the report.
class ModelSessionSummaries : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const SummaryReport& report)>;

    ModelSessionSummaries(Database& db, const Clock& clock, MemoryStore& memory,
        std::unique_ptr<llm::ChatProvider> provider, SummaryPolicy policy, QObject* parent = nullptr);
    ~ModelSessionSummaries() override;

    void start(Done done);

private:
    void next();

    SessionSummaries m_summaries;
    MemoryStore& m_memory;
    std::unique_ptr<llm::ChatProvider> m_provider;
    SummaryPolicy m_policy;
    QList<MemorySession> m_queue;
    SummaryReport m_report;
    Done m_done;
};

} // namespace jarvis
} // namespace caseyos
