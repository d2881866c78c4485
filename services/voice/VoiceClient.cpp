#include "voice/VoiceClient.h"

#include <QThread>

namespace caseyos::voice {

VoiceClient::VoiceClient(QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new VoiceWorker)
{
    m_thread->setObjectName(QStringLiteral("voice"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &VoiceWorker::listeningChanged, this, [this](bool listening) {
        m_listening = listening;
        Q_EMIT listeningChanged(listening);
    });
    connect(m_worker, &VoiceWorker::level, this, &VoiceClient::level);
    connect(m_worker, &VoiceWorker::transcribing, this, [this](qint64 turn) {
        if (current(turn))
            Q_EMIT transcribing();
    });
    connect(m_worker, &VoiceWorker::transcribed, this, [this](qint64 turn, const QString& text) {
        if (!current(turn))
            return;
        m_question = 0;
        Q_EMIT heard(text);
    });
    connect(m_worker, &VoiceWorker::heardNothing, this, [this](qint64 turn, const QString& why) {
        if (!current(turn))
            return;
        m_question = 0;
        Q_EMIT heardNothing(why);
    });
    connect(m_worker, &VoiceWorker::failed, this, [this](qint64 turn, const QString& message) {
        if (turn != 0 && !current(turn))
            return;
        if (turn != 0)
            m_question = 0;
        Q_EMIT failed(message);
    });
    connect(m_worker, &VoiceWorker::wakeWordHeard, this, [this](qint64 turn, const QString& phrase) {
        if (m_pressed)
            return; // the key is held: that question wins
        m_question = turn;
        Q_EMIT wakeWordHeard(phrase);
    });
    connect(m_worker, &VoiceWorker::speakingChanged, this, [this](bool speaking) {
        m_speaking = speaking;
        Q_EMIT speakingChanged(speaking);
    });
    connect(m_worker, &VoiceWorker::notice, this, &VoiceClient::notice);
    m_thread->start();
}

VoiceClient::~VoiceClient()
{
    m_thread->quit();
    m_thread->wait();
}

void VoiceClient::post(std::function<void(VoiceWorker*)> call)
{
    QPointer<VoiceWorker> worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, call = std::move(call)] {
        if (worker)
            call(worker);
    }, Qt::QueuedConnection);
}

void VoiceClient::configure(const VoiceRuntime& runtime)
{
    post([runtime](VoiceWorker* w) { w->configure(runtime); });
}

void VoiceClient::setVocabulary(const QStringList& phrases)
{
    post([phrases](VoiceWorker* w) { w->setVocabulary(phrases); });
}

void VoiceClient::pressToTalk()
{
    if (m_pressed)
        return; // auto-repeat, or the button and the key at once
    m_pressed = true;
    const qint64 turn = ++m_turns;
    m_question = turn;
    post([turn](VoiceWorker* w) { w->startTalking(turn); });
}

void VoiceClient::releaseToTalk()
{
    if (!m_pressed)
        return;
    m_pressed = false;
    const qint64 turn = m_turns;
    post([turn](VoiceWorker* w) { w->stopTalking(turn); });
}

void VoiceClient::cancelTalk()
{
    m_pressed = false;
    m_question = 0;
    post([](VoiceWorker* w) { w->cancelTalking(); });
}

void VoiceClient::speak(const QString& markdown)
{
    post([markdown](VoiceWorker* w) { w->speak(markdown); });
}

void VoiceClient::stopSpeaking()
{
    post([](VoiceWorker* w) { w->stopSpeaking(); });
}

} // namespace caseyos::voice
