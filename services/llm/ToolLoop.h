#pragma once

#include "llm/ChatProvider.h"
#include "llm/ToolRegistry.h"

#include <QObject>
#include <functional>

namespace caseyos::llm {

struct LoopResult
{
    QString text; // everything the model said, over all steps
    bool failed = false; // a model call failed (error says why) or the step limit was reached
    QString error; // one sentence for people; empty when fine
    QList<ToolOutcome> tools; // every call run, in order
    int steps = 0; // model calls made
    bool stepLimitReached = false;
};

// The multi-step conversation of one question: model → tool calls → results → model … until the model
// answers without calling a tool, a call fails, or `maxSteps` model calls were made (then it stops and says
// so, instead of looping on a confused model). Tools run here, synchronously, on this thread (the Jarvis
// worker's, which owns the database); the model calls are asynchronous. Text is forwarded as it streams.
//
// The loop is the context of its model calls: deleting it (a newer question) drops whatever was still on its
// way, and no callback runs afterwards.
class ToolLoop : public QObject
{
public:
    using DeltaFn = std::function<void(const QString& text)>;
    using ToolFn = std::function<void(const ToolOutcome& outcome)>;
    using DoneFn = std::function<void(const LoopResult& result)>;

    static constexpr int kDefaultMaxSteps = 6;

    ToolLoop(ChatProvider& provider, const ToolRegistry& tools, int maxSteps = kDefaultMaxSteps,
        QObject* parent = nullptr);

    void setOnDelta(DeltaFn fn) { m_onDelta = std::move(fn); }
    void setOnTool(ToolFn fn) { m_onTool = std::move(fn); }

    // `messages` ends with the user's question (earlier turns before it). `done` runs once.
    void start(const QString& system, const QList<ChatMessage>& messages, DoneFn done);

private:
    void step();
    void onReply(const ProviderReply& reply);
    void finish();

    ChatProvider& m_provider;
    const ToolRegistry& m_tools;
    int m_maxSteps;
    ProviderTurn m_turn;
    LoopResult m_result;
    bool m_stepHadText = false;
    DeltaFn m_onDelta;
    ToolFn m_onTool;
    DoneFn m_done;
};

} // namespace caseyos::llm
