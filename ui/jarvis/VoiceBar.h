#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace caseyos {

// The voice row under the question line: a Talk button held down while speaking (the same as holding
// Ctrl+Space), a level meter while the microphone records, a line saying what voice is doing (listening,
// transcribing, what went wrong) and Stop while Jarvis speaks. It only shows state; VoiceController acts.
class VoiceBar : public QWidget
{
    Q_OBJECT
public:
    explicit VoiceBar(QWidget* parent = nullptr);

    QToolButton* talkButton() const { return m_talk; }
    QToolButton* stopButton() const { return m_stop; }
    QLabel* statusLabel() const { return m_status; }
    QProgressBar* meter() const { return m_meter; }

    void setListening(bool listening);
    void setLevel(float rms); // 0–1
    void setSpeaking(bool speaking);
    void setStatus(const QString& text, bool problem = false); // empty: the hint

Q_SIGNALS:
    void talkPressed();
    void talkReleased();
    void stopSpeakingRequested();

private:
    QToolButton* m_talk;
    QProgressBar* m_meter;
    QLabel* m_status;
    QToolButton* m_stop;
};

} // namespace caseyos
