#pragma once

#include "FakeClock.h"
#include "TempHome.h"
#include "jarvis/AssistantReply.h"
#include "jarvis/JarvisWorker.h"
#include "jarvis/LlmTurn.h"
#include "moves/MoveRow.h"
#include "storage/Database.h"

#include <QStringList>
#include <memory>

namespace caseyos::test {

// The key every LLM test sends: a canary that must never show in a reply, the memory, a log or test output.
inline constexpr char16_t kLlmCanaryKey[] = u"sk-llm-canary-5c1e9b7a";
// The canary key as text. Assertions about it compare with EXPECT_TRUE, so that even a failure does not print it.
inline QString llmCanaryKey()
{
    return QString::fromUtf16(kLlmCanaryKey);
}

// What one question to the worker produced.
struct JarvisRun
{
    bool answered = false;
    jarvis::AssistantReply reply;
    QStringList deltas; // the streamed pieces, in order
    QList<MoveRow> rows;
};

// A JarvisWorker on this thread over a fresh workspace with six seeded moves (ids 1–6, ranked in that order:
// "Reply to Dana about pricing", "Send the Globex proposal", …), with fast retries for the fault tests.
class JarvisHarness
{
public:
    JarvisHarness();
    ~JarvisHarness();

    JarvisRun ask(const QString& text, const jarvis::LlmConfig& config, int timeoutMs = 15000);
    QString moveStatus(qint64 id);
    QString scalar(const QString& sql);
    Database& db() { return m_db; }
    JarvisWorker& worker() { return *m_worker; }

    // Settings for a scripted server at `base` (OpenAI-compatible: base ends in /v1; Gemini: in /v1beta).
    static jarvis::LlmConfig openAiAt(const QUrl& base, bool withKey = true);
    static jarvis::LlmConfig geminiAt(const QUrl& base);

private:
    FakeClock m_clock;
    TempHome m_home;
    Database m_db;
    std::unique_ptr<JarvisWorker> m_worker;
    qint64 m_generation = 0;
};

} // namespace caseyos::test
