#pragma once

#include "ProviderKeyStatus.h"
#include "SettingsPage.h"
#include "llm/LlmSettings.h"

#include <QHash>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace caseyos {

// Settings ▸ Assistant: which language model answers in Jarvis (llm::LlmSettings, the keys `caseyos jarvis
// config` sets too), the per-feature "may use the cloud" switches, and whether the chosen provider's key is
// stored. Jarvis reads these at each question, so they apply to the next one. No key is ever entered here.
class AssistantPage : public SettingsPage
{
    Q_OBJECT
public:
    AssistantPage(ProviderKeyStatus::KeySourceFor keySource, std::function<void()> manageKeys,
        QWidget* parent = nullptr);

    QString title() const override { return tr("Assistant"); }
    void load(const QSettings& settings) override;
    std::optional<SettingsProblem> validate() const override;
    void save(QSettings& settings) const override;

    llm::LlmSettings values() const; // what save() writes
    void setProvider(llm::ProviderKind kind); // as if chosen in the list
    void checkKey(); // asks again whether the chosen provider's key is stored (one may have been added)

    QComboBox* providerBox() const { return m_provider; }
    QLineEdit* modelField() const { return m_model; }
    QLineEdit* baseUrlField() const { return m_baseUrl; }
    QLineEdit* embeddingModelField() const { return m_embeddingModel; }
    QSpinBox* maxStepsBox() const { return m_maxSteps; }
    QSpinBox* timeoutBox() const { return m_timeout; }
    QCheckBox* cloudChatBox() const { return m_cloudChat; }
    QCheckBox* cloudEmbeddingsBox() const { return m_cloudEmbeddings; }
    QCheckBox* cloudSummariesBox() const { return m_cloudSummaries; }
    QCheckBox* cloudAgentsBox() const { return m_cloudAgents; }
    ProviderKeyStatus* keyStatus() const { return m_keyStatus; }

private:
    // Model names and URLs belong to one provider: switching keeps what was typed for the old one and brings
    // back the new one's (empty: its defaults, shown as placeholders).
    struct ModelFields
    {
        QString model;
        QString baseUrl;
        QString embeddingModel;
    };
    llm::ProviderKind currentKind() const;
    void providerChosen();
    void showProvider(llm::ProviderKind kind);

    QComboBox* m_provider = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_embeddingModel = nullptr;
    QSpinBox* m_maxSteps = nullptr;
    QSpinBox* m_timeout = nullptr;
    QCheckBox* m_cloudChat = nullptr;
    QCheckBox* m_cloudEmbeddings = nullptr;
    QCheckBox* m_cloudSummaries = nullptr;
    QCheckBox* m_cloudAgents = nullptr;
    ProviderKeyStatus* m_keyStatus = nullptr;
    QHash<int, ModelFields> m_fieldsByProvider;
    llm::ProviderKind m_shownKind = llm::ProviderKind::Offline;
};

} // namespace caseyos
