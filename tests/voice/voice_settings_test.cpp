// The voice settings: defaults, what load() refuses, and validation before saving.
#include "voice/VoiceSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace caseyos::voice;

namespace {

struct SettingsFile
{
    QTemporaryDir dir;
    QSettings settings { dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat };
};

} // namespace

TEST(VoiceSettings, TheDefaultsNeedNoNetworkAndSpeakToVoiceQuestionsWithNova)
{
    SettingsFile f;
    const VoiceSettings s = VoiceSettings::load(f.settings);
    EXPECT_EQ(s.transcription, Engine::Offline);
    EXPECT_EQ(s.speech, Engine::Offline);
    EXPECT_EQ(s.speak, SpeakMode::VoiceTurns);
    EXPECT_EQ(s.openAiVoice, QStringLiteral("nova"));
    EXPECT_DOUBLE_EQ(s.speed, 1.0);
    EXPECT_FALSE(s.wakeWords);
    EXPECT_TRUE(s.inputDevice.isEmpty());
}

TEST(VoiceSettings, SavedValuesComeBack)
{
    SettingsFile f;
    VoiceSettings s;
    s.transcription = Engine::OpenAi;
    s.speech = Engine::OpenAi;
    s.speak = SpeakMode::Always;
    s.openAiVoice = QStringLiteral("shimmer");
    s.speed = 2.5;
    s.wakeWords = true;
    s.inputDevice = QByteArrayLiteral("caseyos-mic");
    s.save(f.settings);
    const VoiceSettings back = VoiceSettings::load(f.settings);
    EXPECT_EQ(back.transcription, Engine::OpenAi);
    EXPECT_EQ(back.speech, Engine::OpenAi);
    EXPECT_EQ(back.speak, SpeakMode::Always);
    EXPECT_EQ(back.openAiVoice, QStringLiteral("shimmer"));
    EXPECT_DOUBLE_EQ(back.speed, 2.5);
    EXPECT_TRUE(back.wakeWords);
    EXPECT_EQ(back.inputDevice, QByteArrayLiteral("caseyos-mic"));
}

TEST(VoiceSettings, StoredValuesOutOfRangeOrUnknownAreIgnored)
{
    SettingsFile f;
    f.settings.setValue(QStringLiteral("voice/speed"), 9.0);
    f.settings.setValue(QStringLiteral("voice/openaiVoice"), QStringLiteral("darth"));
    f.settings.setValue(QStringLiteral("voice/transcription"), QStringLiteral("telepathy"));
    f.settings.setValue(QStringLiteral("voice/speak"), QStringLiteral("sometimes"));
    const VoiceSettings s = VoiceSettings::load(f.settings);
    EXPECT_DOUBLE_EQ(s.speed, 1.0);
    EXPECT_EQ(s.openAiVoice, QStringLiteral("nova"));
    EXPECT_EQ(s.transcription, Engine::Offline);
    EXPECT_EQ(s.speak, SpeakMode::VoiceTurns);
}

TEST(VoiceSettings, ValidationNamesTheRangeAndTheVoices)
{
    VoiceSettings s;
    EXPECT_TRUE(s.validate().isEmpty());
    s.speed = 0.2;
    EXPECT_EQ(s.validate(), QStringLiteral("The speaking speed must be between 0.25 and 4.0."));
    s.speed = 4.0;
    EXPECT_TRUE(s.validate().isEmpty());
    s.openAiVoice = QStringLiteral("robot");
    EXPECT_EQ(s.validate(), QStringLiteral("Choose one of OpenAI's voices: alloy, echo, fable, onyx, nova, shimmer."));
}

TEST(VoiceSettings, TheWakePhrasesAreTheFourOfTheProductLongestFirst)
{
    const QStringList phrases = wakePhrases();
    ASSERT_EQ(phrases.size(), 4);
    EXPECT_LT(phrases.indexOf(QStringLiteral("hey jarvis")), phrases.indexOf(QStringLiteral("jarvis")));
    EXPECT_LT(phrases.indexOf(QStringLiteral("hey casey")), phrases.indexOf(QStringLiteral("casey")));
}
