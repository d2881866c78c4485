// Voice in the window (offscreen, with the test session's PulseAudio): holding the Talk button, or Ctrl+Space,
// while a command is spoken into the microphone asks it in the Jarvis pane as an ordinary chat turn, the list
// changes, and the answer to a spoken question is read aloud. Saves docs/screenshots/jarvis-voice.png.
#include "AudioTestSupport.h"
#include "JarvisController.h"
#include "MainWindow.h"
#include "MovesView.h"
#include "SpeechFixtures.h"
#include "TempHome.h"
#include "UiTestSupport.h"
#include "VoiceController.h"
#include "WaitFor.h"
#include "core/Move.h"
#include "jarvis/ChatModel.h"
#include "jarvis/ChatPane.h"
#include "jarvis/VoiceBar.h"
#include "moves/MoveRow.h"
#include "voice/VoiceClient.h"
#include "voice/VoiceSettings.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;
using namespace caseyos::voice::test;

namespace {

QString lastRow(ChatPane* pane, int fromEnd)
{
    const QAbstractItemModel* model = pane->view()->model();
    return model->index(model->rowCount() - 1 - fromEnd, 0).data(ChatModel::MarkdownRole).toString();
}

} // namespace

TEST(VoiceWindow, HoldingTalkOrCtrlSpaceAsksTheSpokenCommandAndTheAnswerIsReadAloud)
{
    ASSERT_TRUE(audioExpected()) << audioSessionMissing();
    AudioDevicesLock lock;
    ASSERT_TRUE(lock.locked());
    TempHome config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    {
        QSettings settings;
        voice::VoiceSettings voiceSettings;
        voiceSettings.inputDevice = micSource().toUtf8();
        voiceSettings.outputDevice = speakerSink().toUtf8();
        voiceSettings.save(settings);
    }

    WindowHarness h;
    ASSERT_TRUE(h.start());
    ASSERT_TRUE(h.importSignals(fiveLeads()));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    MainWindow* window = h.window();
    ChatPane* pane = window->chatPane();
    VoiceBar* bar = pane->voiceBar();
    voice::VoiceClient* voice = window->voice()->client();
    EXPECT_EQ(bar->statusLabel()->text(), u"or hold Ctrl+Space"_s);

    // 1. The Talk button, held with the mouse while "accept the top move" is spoken.
    const MoveRow* dana = h.moveByEmail(u"dana@acme.com"_s);
    ASSERT_NE(dana, nullptr);
    QSignalSpy asked(window->voice(), &VoiceController::asked);
    QSignalSpy answered(window->jarvis(), &JarvisController::answered);
    QSignalSpy speaking(voice, &voice::VoiceClient::speakingChanged);
    QTest::mousePress(bar->talkButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return voice->isListening(); }, 10'000)) << bar->statusLabel()->text().toStdString();
    EXPECT_TRUE(bar->meter()->isVisible());
    EXPECT_EQ(bar->statusLabel()->text(), u"Listening…"_s);
    {
        auto feed = feedMicrophone(silencePcm(300) + spokenPcm(u"accept the top move"_s) + silencePcm(400));
        ASSERT_TRUE(waitFor([&] { return feed->done(); }, 30'000)) << feed->error().toStdString();
    }
    QTest::qWait(300);
    QTest::mouseRelease(bar->talkButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !answered.isEmpty(); }, 30'000)) << bar->statusLabel()->text().toStdString();
    ASSERT_EQ(asked.size(), 1);
    const QString question = lastRow(pane, 1);
    EXPECT_TRUE(question.contains(u"accept"_s) && question.contains(u"top"_s)) << question.toStdString();
    EXPECT_TRUE(lastRow(pane, 0).startsWith(u"Accepted [#%1"_s.arg(dana->id))) << lastRow(pane, 0).toStdString();
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Completed)));
    // A spoken question is answered aloud: the voice starts, Stop shows, and it ends by itself.
    ASSERT_TRUE(waitFor([&] { return !speaking.isEmpty(); }, 15'000));
    EXPECT_TRUE(speaking.first().first().toBool());
    ASSERT_TRUE(waitFor([&] { return bar->stopButton()->isVisible(); }, 5'000));
    EXPECT_EQ(bar->statusLabel()->text(), u"Speaking… (Esc stops)"_s);
    ASSERT_TRUE(waitFor([&] { return !voice->isSpeaking(); }, 30'000));
    EXPECT_FALSE(bar->stopButton()->isVisible());

    // 2. Ctrl+Space held in the list while "what's up" is spoken; Esc stops the voice reading the answer.
    window->activateWindow();
    h.press(Qt::Key_Escape); // nothing to stop: Esc reaches the window as usual
    QTest::keyPress(window->movesView(), Qt::Key_Space, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return voice->isListening(); }, 10'000));
    EXPECT_EQ(bar->statusLabel()->text(), u"Listening… let go of Ctrl+Space to ask"_s);
    {
        auto feed = feedMicrophone(silencePcm(300) + spokenPcm(u"what's up"_s) + silencePcm(400));
        ASSERT_TRUE(waitFor([&] { return feed->done(); }, 30'000)) << feed->error().toStdString();
    }
    QTest::qWait(300);
    QTest::keyRelease(window->movesView(), Qt::Key_Space, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return answered.size() >= 2; }, 30'000)) << bar->statusLabel()->text().toStdString();
    EXPECT_EQ(asked.size(), 2);
    EXPECT_TRUE(lastRow(pane, 0).contains(u"pending moves"_s)) << lastRow(pane, 0).toStdString();
    ASSERT_TRUE(waitFor([&] { return voice->isSpeaking(); }, 15'000));

    // A screenshot for people to look at, while Jarvis reads the answer.
    QString folder = qEnvironmentVariable("CASEYOS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(folder);
    window->resize(1400, 800);
    QTest::qWait(100);
    EXPECT_TRUE(window->grab().save(QDir(folder).filePath(u"jarvis-voice.png"_s)));

    QTest::keyClick(window->movesView(), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return !voice->isSpeaking(); }, 3'000));

    // A typed question is not read aloud (by default only spoken questions are).
    const int spokenSoFar = int(speaking.size());
    pane->input()->setFocus();
    QTest::keyClicks(pane->input(), u"help"_s);
    QTest::keyClick(pane->input(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return answered.size() >= 3; }, 10'000));
    QTest::qWait(1000);
    EXPECT_EQ(speaking.size(), spokenSoFar);
}
