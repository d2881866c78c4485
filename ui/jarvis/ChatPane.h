#pragma once

#include <QUrl>
#include <QWidget>

class QLineEdit;
class QListView;
class QPushButton;

namespace caseyos {

class ChatDelegate;
class ChatModel;
class SessionBar;
class VoiceBar;

// The Jarvis pane: the session bar on top, the conversation below it, a line to ask at the bottom (Enter
// sends) and the voice row under it (VoiceBar). Links in answers are reported through linkActivated; the pane itself knows nothing about moves or
// storage.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPane(ChatModel* model, QWidget* parent = nullptr);

    QLineEdit* input() const { return m_input; }
    QListView* view() const { return m_view; }
    SessionBar* sessionBar() const { return m_sessionBar; }
    VoiceBar* voiceBar() const { return m_voiceBar; }
    void focusInput();

Q_SIGNALS:
    void askRequested(const QString& text);
    void linkActivated(const QUrl& url);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void send();
    ChatModel* m_model;
    SessionBar* m_sessionBar;
    QListView* m_view;
    ChatDelegate* m_delegate;
    QLineEdit* m_input;
    QPushButton* m_send;
    VoiceBar* m_voiceBar;
};

} // namespace caseyos
