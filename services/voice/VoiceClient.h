#pragma once

#include "voice/VoiceWorker.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QThread;

namespace caseyos::voice {

// The UI-thread side of voice: a VoiceWorker on a thread named "voice", reached by queued calls; nothing here
// waits on a device, an engine or the network. Push-to-talk turns are numbered here; only the newest question
// (pressed or woken) is reported, so releasing the key twice, or cancelling, never asks an old question.
class VoiceClient : public QObject
{
    Q_OBJECT
public:
    explicit VoiceClient(QObject* parent = nullptr);
    ~VoiceClient() override;

    void configure(const VoiceRuntime& runtime);
    void setVocabulary(const QStringList& phrases);

    void pressToTalk(); // the talk key or button went down
    void releaseToTalk(); // it came up: what was said is transcribed
    void cancelTalk(); // dropped, nothing is asked
    void speak(const QString& markdown);
    void stopSpeaking();

    bool isListening() const { return m_listening; }
    bool isSpeaking() const { return m_speaking; }

    // Tests: the worker, to call on its own thread (QMetaObject::invokeMethod).
    VoiceWorker* worker() const { return m_worker; }

Q_SIGNALS:
    void listeningChanged(bool listening);
    void level(float rms);
    void transcribing();
    void heard(const QString& text); // the question, to be asked as an ordinary chat turn
    void heardNothing(const QString& why);
    void failed(const QString& message);
    void wakeWordHeard(const QString& phrase);
    void speakingChanged(bool speaking);
    void notice(const QString& message);

private:
    void post(std::function<void(VoiceWorker*)> call);
    bool current(qint64 turn) const { return turn != 0 && turn == m_question; }

    QThread* m_thread;
    QPointer<VoiceWorker> m_worker;
    qint64 m_turns = 0; // push-to-talk turns handed out
    qint64 m_question = 0; // the newest question's turn; 0: none pending
    bool m_pressed = false;
    bool m_listening = false;
    bool m_speaking = false;
};

} // namespace caseyos::voice
