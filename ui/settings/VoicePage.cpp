#include "VoicePage.h"

#include "SettingsFields.h"
#include "voice/VoiceSettings.h"

#include <QAudioDevice>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QSettings>
#include <QVBoxLayout>

namespace caseyos {

namespace {

void selectItemData(QComboBox* box, const QVariant& value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

VoicePage::VoicePage(QWidget* parent)
    : SettingsPage(parent)
    , m_transcription(new QComboBox)
    , m_speech(new QComboBox)
    , m_speak(new QComboBox)
    , m_voice(new QComboBox)
    , m_speed(new QDoubleSpinBox)
    , m_wakeWords(new QCheckBox(tr("Listen for “hey Jarvis” and “hey Casey”")))
    , m_microphone(new QComboBox)
    , m_speaker(new QComboBox)
{
    setObjectName(QStringLiteral("voicePage"));
    m_transcription->setObjectName(QStringLiteral("voiceTranscriptionBox"));
    m_transcription->addItem(tr("Offline, on this computer"), int(voice::Engine::Offline));
    m_transcription->addItem(tr("OpenAI (sends the recording)"), int(voice::Engine::OpenAi));
    m_speech->setObjectName(QStringLiteral("voiceSpeechBox"));
    m_speech->addItem(tr("Offline, on this computer"), int(voice::Engine::Offline));
    m_speech->addItem(tr("OpenAI (sends the answer's text)"), int(voice::Engine::OpenAi));
    m_speak->setObjectName(QStringLiteral("voiceSpeakBox"));
    m_speak->addItem(tr("Answers to spoken questions"), int(voice::SpeakMode::VoiceTurns));
    m_speak->addItem(tr("Every answer"), int(voice::SpeakMode::Always));
    m_speak->addItem(tr("Never"), int(voice::SpeakMode::Never));
    m_voice->setObjectName(QStringLiteral("voiceVoiceBox"));
    for (const QString& name : voice::VoiceSettings::openAiVoices())
        m_voice->addItem(name, name);
    m_speed->setObjectName(QStringLiteral("voiceSpeedBox"));
    // Wider than accepted, so 5 can be typed and refused with a sentence rather than silently clamped.
    m_speed->setRange(0.0, 10.0);
    m_speed->setSingleStep(0.25);
    m_speed->setDecimals(2);
    m_speed->setSuffix(QStringLiteral("×"));
    m_wakeWords->setObjectName(QStringLiteral("voiceWakeWordsBox"));
    m_microphone->setObjectName(QStringLiteral("voiceMicrophoneBox"));
    m_speaker->setObjectName(QStringLiteral("voiceSpeakerBox"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Transcription:"), m_transcription);
    form->addRow(tr("Speech &output:"), m_speech);
    form->addRow(tr("&Read aloud:"), m_speak);
    form->addRow(tr("OpenAI &voice:"), m_voice);
    form->addRow(tr("S&peed:"), m_speed);
    form->addRow(tr("&Microphone:"), m_microphone);
    form->addRow(tr("Spea&ker:"), m_speaker);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(settingsui::hintLabel(
        tr("Hold Ctrl+Space (or the Talk button in the Jarvis pane) while you speak; let go to ask. Offline "
           "voice needs no network and no key. OpenAI uses the key of the OpenAI account on the Accounts page.")));
    layout->addLayout(form);
    layout->addWidget(settingsui::hintLabel(tr("Speed 0.25–4.0× applies to both voices.")));
    layout->addSpacing(6);
    layout->addWidget(m_wakeWords);
    layout->addWidget(settingsui::hintLabel(
        tr("While the window is open the microphone stays on and listens, on this computer, for “hey Jarvis”, "
           "“Jarvis”, “hey Casey” or “Casey”; the question after it is asked. Nothing is recorded before.")));
    layout->addStretch(1);

    for (QComboBox* box : { m_transcription, m_speech, m_speak, m_voice, m_microphone, m_speaker })
        connect(box, &QComboBox::currentIndexChanged, this, &SettingsPage::edited);
    connect(m_speed, &QDoubleSpinBox::valueChanged, this, &SettingsPage::edited);
    connect(m_wakeWords, &QCheckBox::toggled, this, &SettingsPage::edited);
    // OpenAI's voice only matters when OpenAI speaks.
    connect(m_speech, &QComboBox::currentIndexChanged, this, [this] {
        m_voice->setEnabled(m_speech->currentData().toInt() == int(voice::Engine::OpenAi));
    });
}

void VoicePage::fillDevices(const QByteArray& input, const QByteArray& output)
{
    const auto fill = [](QComboBox* box, const QList<QAudioDevice>& devices, const QByteArray& chosen) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(tr("System default"), QByteArray());
        for (const QAudioDevice& device : devices)
            box->addItem(device.description(), device.id());
        if (!chosen.isEmpty() && box->findData(chosen) < 0) // unplugged: kept, and said so
            box->addItem(tr("%1 (not connected)").arg(QString::fromUtf8(chosen)), chosen);
        selectItemData(box, chosen);
    };
    fill(m_microphone, QMediaDevices::audioInputs(), input);
    fill(m_speaker, QMediaDevices::audioOutputs(), output);
}

void VoicePage::load(const QSettings& settings)
{
    const voice::VoiceSettings s = voice::VoiceSettings::load(settings);
    selectItemData(m_transcription, int(s.transcription));
    selectItemData(m_speech, int(s.speech));
    selectItemData(m_speak, int(s.speak));
    selectItemData(m_voice, s.openAiVoice);
    m_voice->setEnabled(s.speech == voice::Engine::OpenAi);
    m_speed->setValue(s.speed);
    m_wakeWords->setChecked(s.wakeWords);
    fillDevices(s.inputDevice, s.outputDevice);
}

std::optional<SettingsProblem> VoicePage::validate() const
{
    const double speed = m_speed->value();
    if (speed < voice::VoiceSettings::kMinSpeed || speed > voice::VoiceSettings::kMaxSpeed)
        return SettingsProblem { m_speed, tr("The speaking speed must be between 0.25 and 4.0.") };
    return std::nullopt;
}

void VoicePage::save(QSettings& settings) const
{
    voice::VoiceSettings s = voice::VoiceSettings::load(settings); // keeps what the page does not show
    s.transcription = voice::Engine(m_transcription->currentData().toInt());
    s.speech = voice::Engine(m_speech->currentData().toInt());
    s.speak = voice::SpeakMode(m_speak->currentData().toInt());
    s.openAiVoice = m_voice->currentData().toString();
    s.speed = m_speed->value();
    s.wakeWords = m_wakeWords->isChecked();
    s.inputDevice = m_microphone->currentData().toByteArray();
    s.outputDevice = m_speaker->currentData().toByteArray();
    s.save(settings);
}

} // namespace caseyos
