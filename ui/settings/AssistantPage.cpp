#include "AssistantPage.h"

#include "SettingsFields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace caseyos {

namespace {

using llm::ProviderKind;

// The typed ranges are wider than the accepted ones (LlmSettings::k…): too large a number is refused with a
// sentence instead of the spin box silently not taking the keystroke.
constexpr int kTypedMaxSteps = 99;
constexpr int kTypedMaxTimeoutSeconds = 9999;

QString providerLabel(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Offline:
        return AssistantPage::tr("Offline — built in, nothing leaves this computer");
    case ProviderKind::OpenAi:
        return AssistantPage::tr("OpenAI");
    case ProviderKind::Xai:
        return AssistantPage::tr("xAI (Grok)");
    case ProviderKind::OpenAiCompatible:
        return AssistantPage::tr("OpenAI-compatible server (Ollama, LM Studio, …)");
    case ProviderKind::Gemini:
        return AssistantPage::tr("Google Gemini");
    }
    return {};
}

QString defaultPlaceholder(const QString& value)
{
    return AssistantPage::tr("%1 (default)").arg(value);
}

// A switch with its one-line explanation under it, indented like the switch's text.
QCheckBox* addSwitch(QVBoxLayout* layout, const QString& text, const QString& hint, const QString& name)
{
    auto* box = new QCheckBox(text);
    box->setObjectName(name);
    layout->addWidget(box);
    QLabel* label = settingsui::hintLabel(hint);
    label->setContentsMargins(box->style()->pixelMetric(QStyle::PM_IndicatorWidth)
            + box->style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing),
        0, 0, 4);
    layout->addWidget(label);
    return box;
}

} // namespace

AssistantPage::AssistantPage(
    ProviderKeyStatus::KeySourceFor keySource, std::function<void()> manageKeys, QWidget* parent)
    : SettingsPage(parent)
{
    setObjectName(QStringLiteral("assistantPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(settingsui::hintLabel(
        tr("Which model answers in Jarvis. Changes apply to the next question. API keys are kept only in the "
           "system keychain, through the Accounts page.")));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_provider = new QComboBox;
    m_provider->setObjectName(QStringLiteral("providerBox"));
    for (ProviderKind kind : llm::allProviderKinds())
        m_provider->addItem(providerLabel(kind), llm::toString(kind));
    form->addRow(tr("&Provider:"), m_provider);
    m_model = new QLineEdit;
    m_model->setObjectName(QStringLiteral("modelField"));
    m_model->setClearButtonEnabled(true);
    form->addRow(tr("&Model:"), m_model);
    m_baseUrl = new QLineEdit;
    m_baseUrl->setObjectName(QStringLiteral("baseUrlField"));
    m_baseUrl->setClearButtonEnabled(true);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    m_embeddingModel = new QLineEdit;
    m_embeddingModel->setObjectName(QStringLiteral("embeddingModelField"));
    m_embeddingModel->setClearButtonEnabled(true);
    form->addRow(tr("&Embeddings model:"), m_embeddingModel);

    m_maxSteps = settingsui::rangeSpinBox(llm::LlmSettings::kMinSteps, kTypedMaxSteps, QString());
    m_maxSteps->setObjectName(QStringLiteral("maxStepsBox"));
    auto* steps = new QHBoxLayout;
    steps->addWidget(m_maxSteps);
    steps->addWidget(settingsui::hintLabel(tr("model calls per question, %1 to %2")
                                               .arg(llm::LlmSettings::kMinSteps)
                                               .arg(llm::LlmSettings::kMaxSteps)),
        1);
    form->addRow(settingsui::buddyLabel(tr("Max &tool steps:"), m_maxSteps), steps);
    m_timeout
        = settingsui::rangeSpinBox(llm::LlmSettings::kMinTimeoutSeconds, kTypedMaxTimeoutSeconds, tr(" s"));
    m_timeout->setObjectName(QStringLiteral("timeoutBox"));
    auto* timeout = new QHBoxLayout;
    timeout->addWidget(m_timeout);
    timeout->addWidget(settingsui::hintLabel(tr("a model that sends nothing for this long fails, %1 to %2 s")
                                                 .arg(llm::LlmSettings::kMinTimeoutSeconds)
                                                 .arg(llm::LlmSettings::kMaxTimeoutSeconds)),
        1);
    form->addRow(settingsui::buddyLabel(tr("T&imeout:"), m_timeout), timeout);
    m_keyStatus = new ProviderKeyStatus(std::move(keySource), std::move(manageKeys));
    form->addRow(tr("API key:"), m_keyStatus);
    layout->addLayout(form);

    auto* cloud = new QGroupBox(tr("May use the cloud"));
    auto* switches = new QVBoxLayout(cloud);
    m_cloudChat = addSwitch(switches, tr("C&hat"),
        tr("Your questions, and the moves and notes Jarvis looks up for them, go to the provider."),
        QStringLiteral("cloudChatBox"));
    m_cloudEmbeddings = addSwitch(switches, tr("Embe&ddings (memory search by meaning)"),
        tr("The messages kept in memory go to the provider to be indexed."),
        QStringLiteral("cloudEmbeddingsBox"));
    m_cloudSummaries = addSwitch(switches, tr("&Summaries of old sessions"),
        tr("Sessions older than a week go to the provider to be summarised (otherwise: here)."),
        QStringLiteral("cloudSummariesBox"));
    m_cloudAgents = addSwitch(switches, tr("A&gents"),
        tr("Agent results go to the provider for their prose: talking points, replies, drafts."),
        QStringLiteral("cloudAgentsBox"));
    switches->addWidget(
        settingsui::hintLabel(tr("All off by default: nothing leaves this computer until you "
                                 "allow it. A server on this computer (localhost) needs none.")));
    layout->addWidget(cloud);
    layout->addStretch(1);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &AssistantPage::providerChosen);
    for (QLineEdit* field : { m_model, m_baseUrl, m_embeddingModel })
        connect(field, &QLineEdit::textEdited, this, &SettingsPage::edited);
    for (QSpinBox* box : { m_maxSteps, m_timeout })
        connect(box, &QSpinBox::valueChanged, this, &SettingsPage::edited);
    for (QCheckBox* box : { m_cloudChat, m_cloudEmbeddings, m_cloudSummaries, m_cloudAgents })
        connect(box, &QCheckBox::toggled, this, &SettingsPage::edited);
}

ProviderKind AssistantPage::currentKind() const
{
    return llm::providerKindFromString(m_provider->currentData().toString()).value_or(ProviderKind::Offline);
}

void AssistantPage::setProvider(ProviderKind kind)
{
    m_provider->setCurrentIndex(m_provider->findData(llm::toString(kind)));
}

void AssistantPage::checkKey()
{
    m_keyStatus->check(currentKind());
}

void AssistantPage::load(const QSettings& settings)
{
    const llm::LlmSettings s = llm::LlmSettings::load(settings);
    m_fieldsByProvider.clear();
    m_fieldsByProvider.insert(int(s.provider), { s.model, s.baseUrl.toString(), s.embeddingModel });
    m_shownKind = s.provider;
    {
        const QSignalBlocker blocker(m_provider);
        setProvider(s.provider);
    }
    m_maxSteps->setValue(s.maxSteps);
    m_timeout->setValue(s.timeoutSeconds);
    m_cloudChat->setChecked(s.cloudChat);
    m_cloudEmbeddings->setChecked(s.cloudEmbeddings);
    m_cloudSummaries->setChecked(s.cloudSummaries);
    m_cloudAgents->setChecked(s.cloudAgents);
    showProvider(s.provider);
}

void AssistantPage::providerChosen()
{
    m_fieldsByProvider.insert(
        int(m_shownKind), { m_model->text(), m_baseUrl->text(), m_embeddingModel->text() });
    m_shownKind = currentKind();
    showProvider(m_shownKind);
    Q_EMIT edited();
}

void AssistantPage::showProvider(ProviderKind kind)
{
    const ModelFields fields = m_fieldsByProvider.value(int(kind));
    m_model->setText(fields.model);
    m_baseUrl->setText(fields.baseUrl);
    m_embeddingModel->setText(fields.embeddingModel);

    const bool offline = kind == ProviderKind::Offline;
    for (QWidget* field : { static_cast<QWidget*>(m_model), static_cast<QWidget*>(m_embeddingModel),
             static_cast<QWidget*>(m_maxSteps), static_cast<QWidget*>(m_timeout) })
        field->setEnabled(!offline);
    // Only a server of the user's own has an address to type; the cloud providers have theirs.
    m_baseUrl->setEnabled(kind == ProviderKind::OpenAiCompatible);
    if (offline) {
        for (QLineEdit* field : { m_model, m_baseUrl, m_embeddingModel })
            field->setPlaceholderText(tr("not used offline"));
    } else {
        m_model->setPlaceholderText(defaultPlaceholder(llm::defaultModel(kind)));
        m_baseUrl->setPlaceholderText(defaultPlaceholder(llm::defaultBaseUrl(kind).toString()));
        const QString embeddings = llm::defaultEmbeddingModel(kind);
        m_embeddingModel->setPlaceholderText(embeddings.isEmpty()
                ? tr("none: this provider has no embeddings")
                : defaultPlaceholder(embeddings));
    }
    m_keyStatus->check(kind);
}

llm::LlmSettings AssistantPage::values() const
{
    llm::LlmSettings s;
    s.provider = currentKind();
    s.model = m_model->text().trimmed();
    const QString url = m_baseUrl->text().trimmed();
    s.baseUrl = url.isEmpty() ? QUrl() : QUrl(url);
    s.embeddingModel = m_embeddingModel->text().trimmed();
    s.maxSteps = m_maxSteps->value();
    s.timeoutSeconds = m_timeout->value();
    s.cloudChat = m_cloudChat->isChecked();
    s.cloudEmbeddings = m_cloudEmbeddings->isChecked();
    s.cloudSummaries = m_cloudSummaries->isChecked();
    s.cloudAgents = m_cloudAgents->isChecked();
    return s;
}

std::optional<SettingsProblem> AssistantPage::validate() const
{
    const llm::LlmSettings s = values();
    if (!s.baseUrl.isEmpty() && !llm::LlmSettings::isUsableBaseUrl(s.baseUrl))
        return SettingsProblem { m_baseUrl,
            tr("The base URL must be an http:// or https:// address with a server name, like "
               "http://localhost:11434/v1.") };
    if (s.maxSteps < llm::LlmSettings::kMinSteps || s.maxSteps > llm::LlmSettings::kMaxSteps)
        return SettingsProblem { m_maxSteps,
            tr("Max tool steps must be from %1 to %2.")
                .arg(llm::LlmSettings::kMinSteps)
                .arg(llm::LlmSettings::kMaxSteps) };
    if (s.timeoutSeconds < llm::LlmSettings::kMinTimeoutSeconds
        || s.timeoutSeconds > llm::LlmSettings::kMaxTimeoutSeconds)
        return SettingsProblem { m_timeout,
            tr("The timeout must be from %1 to %2 seconds.")
                .arg(llm::LlmSettings::kMinTimeoutSeconds)
                .arg(llm::LlmSettings::kMaxTimeoutSeconds) };
    return std::nullopt;
}

void AssistantPage::save(QSettings& settings) const
{
    values().save(settings);
}

} // namespace caseyos
