#pragma once

#include "SettingsPage.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace caseyos {

// Settings ▸ Voice (voice::VoiceSettings, voice/…): who transcribes and who speaks (offline on this computer,
// the default, or OpenAI with the Accounts page's key — each OpenAI choice says what it sends), when answers
// are read aloud, OpenAI's voice, the speed for both voices, the wake words, and the microphone and speaker.
// Read by the voice thread after OK or Apply.
class VoicePage : public SettingsPage
{
    Q_OBJECT
public:
    explicit VoicePage(QWidget* parent = nullptr);

    QString title() const override { return tr("Voice"); }
    void load(const QSettings& settings) override;
    std::optional<SettingsProblem> validate() const override;
    void save(QSettings& settings) const override;

    QComboBox* transcriptionBox() const { return m_transcription; }
    QComboBox* speechBox() const { return m_speech; }
    QComboBox* speakBox() const { return m_speak; }
    QComboBox* voiceBox() const { return m_voice; }
    QDoubleSpinBox* speedBox() const { return m_speed; }
    QCheckBox* wakeWordsBox() const { return m_wakeWords; }
    QComboBox* microphoneBox() const { return m_microphone; }
    QComboBox* speakerBox() const { return m_speaker; }

private:
    void fillDevices(const QByteArray& input, const QByteArray& output);

    QComboBox* m_transcription = nullptr;
    QComboBox* m_speech = nullptr;
    QComboBox* m_speak = nullptr;
    QComboBox* m_voice = nullptr;
    QDoubleSpinBox* m_speed = nullptr;
    QCheckBox* m_wakeWords = nullptr;
    QComboBox* m_microphone = nullptr;
    QComboBox* m_speaker = nullptr;
};

} // namespace caseyos
