#include "VoiceController.h"

#include "JarvisController.h"
#include "MovesModel.h"
#include "WorkspaceStatusBar.h"
#include "jarvis/ChatPane.h"
#include "jarvis/VoiceBar.h"
#include "voice/VoiceClient.h"
#include "voice/VoiceCommands.h"

#include <QApplication>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QSet>
#include <QWidget>

namespace caseyos {

VoiceController::VoiceController(const Parts& parts, RuntimeSource runtime, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_runtime(std::move(runtime))
    , m_client(new voice::VoiceClient(this))
{
    VoiceBar* bar = m_parts.bar;
    connect(bar, &VoiceBar::talkPressed, this, [this] {
        reconfigure(); // a key added, or a setting changed, since the last question
        m_client->pressToTalk();
    });
    connect(bar, &VoiceBar::talkReleased, m_client, &voice::VoiceClient::releaseToTalk);
    connect(bar, &VoiceBar::stopSpeakingRequested, m_client, &voice::VoiceClient::stopSpeaking);

    connect(m_client, &voice::VoiceClient::listeningChanged, this, [this](bool listening) {
        m_parts.bar->setListening(listening);
        if (listening)
            m_parts.bar->setStatus(m_keyHeld ? tr("Listening… let go of Ctrl+Space to ask") : tr("Listening…"));
    });
    connect(m_client, &voice::VoiceClient::level, bar, &VoiceBar::setLevel);
    connect(m_client, &voice::VoiceClient::transcribing, this,
        [this] { m_parts.bar->setStatus(tr("Transcribing…")); });
    connect(m_client, &voice::VoiceClient::heard, this, &VoiceController::onHeard);
    connect(m_client, &voice::VoiceClient::heardNothing, this, &VoiceController::showProblem);
    connect(m_client, &voice::VoiceClient::failed, this, &VoiceController::showProblem);
    connect(m_client, &voice::VoiceClient::notice, this,
        [this](const QString& text) { m_parts.statusBar->showMessage(text, 8000); });
    connect(m_client, &voice::VoiceClient::wakeWordHeard, this, [this](const QString& phrase) {
        m_parts.bar->setStatus(tr("Heard “%1”: ask your question").arg(phrase));
    });
    connect(m_client, &voice::VoiceClient::speakingChanged, this, [this](bool speaking) {
        m_parts.bar->setSpeaking(speaking);
        if (!m_client->isListening())
            m_parts.bar->setStatus(speaking ? tr("Speaking… (Esc stops)") : QString());
    });

    // Typed questions are not spoken questions; every answer may be read aloud.
    connect(m_parts.jarvis, &JarvisController::questionAsked, this, [this] { m_lastWasSpoken = false; });
    connect(m_parts.jarvis, &JarvisController::replied, this, &VoiceController::onReplied);

    qApp->installEventFilter(this);
    m_client->setVocabulary(voice::commandPhrases());
    reconfigure();
}

VoiceController::~VoiceController()
{
    qApp->removeEventFilter(this);
}

void VoiceController::reconfigure()
{
    const voice::VoiceRuntime runtime = m_runtime();
    m_speak = runtime.settings.speak;
    m_client->configure(runtime);
}

void VoiceController::setNames(const QStringList& names)
{
    m_client->setVocabulary(voice::commandPhrases() + names);
}

void VoiceController::learnNames(const MovesModel& model)
{
    // The top of the list is what people talk about; a few hundred phrases keep the phrase model small.
    constexpr int kRows = 300;
    static const QRegularExpression notWords(QStringLiteral("[^\\p{L}\\p{N}' ]+"));
    QStringList names;
    QSet<QString> seen;
    const auto add = [&](QString text) {
        text = text.toLower().replace(notWords, QStringLiteral(" ")).simplified();
        if (!text.isEmpty() && !seen.contains(text)) {
            seen.insert(text);
            names.append(text);
        }
    };
    for (int i = 0; i < std::min(model.rowCount(), kRows); ++i) {
        const MoveRow& row = model.rowAt(i);
        add(row.title);
        add(row.company);
    }
    setNames(names);
}

void VoiceController::onHeard(const QString& text)
{
    m_parts.bar->setStatus({});
    m_parts.jarvis->ask(text);
    m_lastWasSpoken = true; // after ask(): its questionAsked marks a typed question
    Q_EMIT asked(text);
}

void VoiceController::onReplied(const QString& markdown)
{
    const bool speak = m_speak == voice::SpeakMode::Always
        || (m_speak == voice::SpeakMode::VoiceTurns && m_lastWasSpoken);
    if (speak) {
        reconfigure();
        m_client->speak(markdown);
    }
}

void VoiceController::showProblem(const QString& text)
{
    m_parts.bar->setStatus(text, true);
}

// Ctrl+Space held anywhere in the window talks; Esc drops the recording or stops the voice. Watched on the
// application so that the key works whichever widget has the focus (a list, the question line, a dock).
bool VoiceController::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease && type != QEvent::ShortcutOverride)
        return QObject::eventFilter(watched, event);
    QWidget* widget = qobject_cast<QWidget*>(watched);
    if (!widget || !m_parts.window || widget->window() != m_parts.window || !m_parts.window->isActiveWindow())
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const bool talkKey = key->key() == Qt::Key_Space && (key->modifiers() & Qt::ControlModifier);
    if (type == QEvent::ShortcutOverride) {
        if (talkKey || (key->key() == Qt::Key_Escape && (m_client->isListening() || m_client->isSpeaking()))) {
            event->accept();
            return false; // delivered as a key press next, to the widget, and seen here again
        }
        return QObject::eventFilter(watched, event);
    }
    if (type == QEvent::KeyPress) {
        if (talkKey) {
            if (!key->isAutoRepeat() && !m_keyHeld) {
                m_keyHeld = true;
                reconfigure();
                m_client->pressToTalk();
            }
            return true;
        }
        if (key->key() == Qt::Key_Escape && (m_client->isListening() || m_client->isSpeaking())) {
            if (m_client->isListening()) {
                m_keyHeld = false;
                m_client->cancelTalk();
                m_parts.bar->setStatus(tr("Recording dropped."));
            }
            m_client->stopSpeaking();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }
    // Key release: letting go of Space or of Ctrl ends the question.
    if (m_keyHeld && !key->isAutoRepeat() && (key->key() == Qt::Key_Space || key->key() == Qt::Key_Control)) {
        m_keyHeld = false;
        m_client->releaseToTalk();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace caseyos
