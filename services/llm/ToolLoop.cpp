#include "llm/ToolLoop.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace caseyos::llm {

ToolLoop::ToolLoop(ChatProvider& provider, const ToolRegistry& tools, int maxSteps, QObject* parent)
    : QObject(parent)
    , m_provider(provider)
    , m_tools(tools)
    , m_maxSteps(qMax(1, maxSteps))
{
}

void ToolLoop::start(const QString& system, const QList<ChatMessage>& messages, DoneFn done)
{
    m_turn.system = system;
    m_turn.messages = messages;
    m_turn.tools = m_tools.definitions();
    m_result = {};
    m_done = std::move(done);
    step();
}

void ToolLoop::step()
{
    ++m_result.steps;
    m_stepHadText = false;
    m_provider.send(
        m_turn, this,
        [this](const QString& text) {
            // A step after one that spoke starts a new paragraph, in the stream as in the final text.
            QString piece = text;
            if (!m_stepHadText && !m_result.text.isEmpty())
                piece.prepend(u"\n\n"_s);
            m_stepHadText = true;
            m_result.text += piece;
            if (m_onDelta)
                m_onDelta(piece);
        },
        [this](const ProviderReply& reply) { onReply(reply); });
}

void ToolLoop::onReply(const ProviderReply& reply)
{
    if (reply.error.isError()) {
        m_result.failed = true;
        m_result.error = reply.error.message;
        finish();
        return;
    }
    const ChatResponse& response = reply.value;
    // A provider that did not stream (or streamed nothing) still answered: its text counts once.
    if (!m_stepHadText && !response.content.isEmpty()) {
        const QString piece = (m_result.text.isEmpty() ? QString() : u"\n\n"_s) + response.content;
        m_result.text += piece;
        if (m_onDelta)
            m_onDelta(piece);
    }
    if (response.toolCalls.isEmpty()) {
        finish();
        return;
    }
    if (m_result.steps >= m_maxSteps) {
        m_result.failed = true;
        m_result.stepLimitReached = true;
        m_result.error = u"I stopped after %1 steps without a final answer; what was done so far is listed "
                         "below. Try asking for one thing at a time."_s.arg(m_maxSteps);
        finish();
        return;
    }
    QList<ToolCall> calls = response.toolCalls;
    for (qsizetype i = 0; i < calls.size(); ++i)
        if (calls[i].id.isEmpty()) // some local servers send none; the results must still name their call
            calls[i].id = u"call_%1_%2"_s.arg(m_result.steps).arg(i + 1);
    m_turn.messages.append({ u"assistant"_s, response.content, calls, {} });
    for (const ToolCall& c : calls) {
        const ToolOutcome outcome = m_tools.run(c);
        m_result.tools.append(outcome);
        if (m_onTool)
            m_onTool(outcome);
        const QString content
            = QString::fromUtf8(QJsonDocument(outcome.result).toJson(QJsonDocument::Compact));
        m_turn.messages.append({ u"tool"_s, content, {}, c.id });
    }
    step();
}

void ToolLoop::finish()
{
    if (DoneFn done = std::exchange(m_done, nullptr))
        done(m_result);
}

} // namespace caseyos::llm
