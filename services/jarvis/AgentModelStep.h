#pragma once

#include "agents/Agent.h"
#include "llm/LlmSettings.h"
#include "llm/ChatProvider.h"

#include <QObject>
#include <functional>
#include <memory>

namespace caseyos::jarvis {

// Whether agents may hand their prose to the settings' model: a provider other than offline and the "agents
// may use the cloud" switch on, or a server on this machine (nothing leaves it).
bool agentModelAllowed(const llm::LlmSettings& settings);

// Whether a finished run has a part that a language model writes (PRODUCT.md §6: "an LLM step only where
// language is the product"): an agent that needs a model and answered NeedsModel (talking points, reply
// suggestions, repurposed content, research answers), or the draft writer's template draft, which a model
// tailors.
bool wantsModel(const AgentInfo& agent, const AgentResult& result);

// The language step of one agent run: the deterministic result goes to the model as data, and what it
// writes joins the result — output.model_text (and, for the draft writer, output.subject/body rewritten and
// checked again), status Ok, the summary saying which model wrote it. A model that fails leaves the
// deterministic result as it was, with the reason added to its summary. Asynchronous, on the calling thread.
class AgentModelStep : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(AgentResult result)>;

    explicit AgentModelStep(std::unique_ptr<llm::ChatProvider> provider, QObject* parent = nullptr);
    ~AgentModelStep() override;

    void finish(const AgentInfo& agent, const QJsonObject& input, AgentResult result, Done done);

private:
    std::unique_ptr<llm::ChatProvider> m_provider;
};

} // namespace caseyos::jarvis
