#pragma once

#include "voice/VoiceSettings.h"
#include "voice/VoiceWorker.h"

#include <QObject>
#include <functional>

class QWidget;

namespace caseyos {

class JarvisController;
class MovesModel;
class VoiceBar;
class WorkspaceStatusBar;

namespace voice {
class VoiceClient;
}

// Voice in the window (PRODUCT.md §6): holding the Talk button or Ctrl+Space (anywhere in the window) records
// a question; letting go has it transcribed on the voice thread and asked in the Jarvis pane as an ordinary
// chat turn. Answers to spoken questions are read aloud (or every answer, or none: Settings ▸ Voice). Esc
// drops a recording or stops the voice. With wake words on, "hey jarvis …" asks without a key.
class VoiceController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QWidget* window = nullptr; // the keys are watched while it is active
        VoiceBar* bar = nullptr;
        JarvisController* jarvis = nullptr;
        WorkspaceStatusBar* statusBar = nullptr;
    };
    using RuntimeSource = std::function<voice::VoiceRuntime()>;

    VoiceController(const Parts& parts, RuntimeSource runtime, QObject* parent = nullptr);
    ~VoiceController() override;

    // Reads the settings (and the OpenAI key source) again: at start and after Settings ▸ Apply.
    void reconfigure();
    // Names the offline recogniser should expect (contacts, companies) besides Jarvis's own commands.
    void setNames(const QStringList& names);
    // The same from the list: the titles (which name the contact) and companies of the top moves.
    void learnNames(const MovesModel& model);

    voice::VoiceClient* client() const { return m_client; }

Q_SIGNALS:
    void asked(const QString& text); // a spoken question went to Jarvis (tests wait for it)

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onHeard(const QString& text);
    void onReplied(const QString& markdown);
    void showProblem(const QString& text);

    Parts m_parts;
    RuntimeSource m_runtime;
    voice::VoiceClient* m_client;
    voice::SpeakMode m_speak = voice::SpeakMode::VoiceTurns;
    bool m_keyHeld = false;
    bool m_lastWasSpoken = false; // the newest question was asked by voice
};

} // namespace caseyos
