#include "jarvis/AgentModelStep.h"

#include "agents/cores/DraftCheck.h"
#include "llm/ModelJson.h"
#include "llm/ProviderErrors.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

constexpr int kMaxDataChars = 30000; // the run's data as the model reads it; a bigger result is cut

// What the model writes for each agent whose product is language; others get the general instruction.
QString agentLanguageTask(const QString& agent)
{
    if (agent == "research"_L1)
        return u"three to five talking points for the next conversation with this contact or company"_s;
    if (agent == "prospecting"_L1)
        return u"a short suggested reply (two to four sentences) to each message the result says deserves one"_s;
    if (agent == "content_repurpose"_L1)
        return u"from input.text: three LinkedIn posts, an X thread of at most five posts of 280 characters, "
               "an email snippet and a newsletter paragraph"_s;
    if (agent == "content_repurpose_v2"_L1)
        return u"from the transcript in input.text: a LinkedIn post and a newsletter section"_s;
    if (agent == "deep_research"_L1)
        return u"an answer to input.query from the local matches, saying plainly what they do not cover"_s;
    return u"the part the result says needs a language model"_s;
}

QString agentDataText(const QJsonObject& input, const AgentResult& result)
{
    const QString data = QString::fromUtf8(
        QJsonDocument(QJsonObject { { u"input"_s, input }, { u"result"_s, agentResultToJson(result) } })
            .toJson(QJsonDocument::Compact));
    return data.size() <= kMaxDataChars ? data : data.left(kMaxDataChars) + u" …(cut)"_s;
}

QString draftWriterPrompt()
{
    return u"You are the draft_writer agent of CaseyOS, a sales assistant. Below is an outreach email written "
           "from a template, with the data it was written from. Rewrite it so it reads as personal and "
           "specific to this contact: keep every meeting time, link, name and fact, add nothing that is not "
           "in the data, under 150 words, plain text. Answer with one JSON object and nothing else: "
           "{\"subject\": \"…\", \"body\": \"…\"}."_s;
}

QString agentPrompt(const AgentInfo& agent)
{
    return u"You are the %1 agent of CaseyOS, a sales assistant. What you do: %2 The data work is done; its "
           "result is below as JSON. Write only %3. Use only the data given: never invent names, numbers or "
           "dates. Answer in Markdown, concisely."_s.arg(agent.name, agent.description, agentLanguageTask(agent.name));
}

// The draft writer's answer: the tailored draft in place of the template's, checked again.
bool takeTailoredDraft(const QString& answer, const QString& writer, AgentResult& result)
{
    const std::optional<QJsonObject> json = llm::jsonObjectInAnswer(answer);
    const QString subject = json ? json->value("subject"_L1).toString().trimmed() : QString();
    const QString body = json ? json->value("body"_L1).toString().trimmed() : QString();
    if (subject.isEmpty() || body.isEmpty())
        return false;
    const agents::DraftCheckResult check = agents::checkDraft(subject, body);
    QJsonObject& out = result.output;
    out.insert(u"template_subject"_s, out.value("subject"_L1));
    out.insert(u"template_body"_s, out.value("body"_L1));
    out.insert(u"subject"_s, subject);
    out.insert(u"body"_s, body);
    out.insert(u"validation"_s, check.verdict());
    out.insert(u"writer"_s, writer);
    result.summary = u"Drafted \"%1\" to %2 (written by %3; %4)."_s.arg(
        subject, out.value("to"_L1).toString(), writer, check.verdict());
    return true;
}

} // namespace

bool agentModelAllowed(const llm::LlmSettings& settings)
{
    if (settings.provider == llm::ProviderKind::Offline)
        return false;
    return settings.cloudAgents || settings.isLocal();
}

bool wantsModel(const AgentInfo& agent, const AgentResult& result)
{
    if (agent.name == "draft_writer"_L1)
        return result.status == AgentStatus::Ok && result.output.contains("body"_L1);
    return agent.needs.model && result.status == AgentStatus::NeedsModel;
}

AgentModelStep::AgentModelStep(std::unique_ptr<llm::ChatProvider> provider, QObject* parent)
    : QObject(parent)
    , m_provider(std::move(provider))
{
}

AgentModelStep::~AgentModelStep() = default;

void AgentModelStep::finish(const AgentInfo& agent, const QJsonObject& input, AgentResult result, Done done)
{
    const bool draft = agent.name == "draft_writer"_L1;
    llm::ProviderTurn turn;
    turn.system = draft ? draftWriterPrompt() : agentPrompt(agent);
    turn.messages.append({ u"user"_s, agentDataText(input, result), {}, {} });
    const QString writer = u"%1 (%2)"_s.arg(m_provider->displayName(), m_provider->model());
    const QString who = m_provider->displayName();
    m_provider->send(turn, this, {},
        [result, done, draft, writer, who](const llm::ProviderReply& reply) mutable {
            if (!reply.ok()) {
                result.summary += u" (The language part was not written: %1)"_s.arg(
                    llm::providerErrorText(who, reply.error));
                done(std::move(result));
                return;
            }
            const QString text = reply.value.content.trimmed();
            if (draft) {
                if (!takeTailoredDraft(text, writer, result))
                    result.summary += u" (%1 did not answer with a draft; the template stands.)"_s.arg(who);
                done(std::move(result));
                return;
            }
            if (text.isEmpty()) {
                result.summary += u" (%1 answered nothing.)"_s.arg(who);
                done(std::move(result));
                return;
            }
            result.output.insert(u"model_text"_s, text);
            result.output.insert(u"writer"_s, writer);
            result.status = AgentStatus::Ok;
            result.summary += u" %1 wrote the language part."_s.arg(writer);
            done(std::move(result));
        });
}

} // namespace caseyos::jarvis
