#pragma once

#include <QUrl>
#include <QWidget>

class QLineEdit;
class QListView;
class QPushButton;

namespace caseyos {

class ChatDelegate;
class ChatModel;

// The Jarvis pane: the conversation above, a line to ask below (Enter sends). Links in answers are reported
// through linkActivated; the pane itself knows nothing about moves or storage.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPane(ChatModel* model, QWidget* parent = nullptr);

    QLineEdit* input() const { return m_input; }
    QListView* view() const { return m_view; }
    void focusInput();

Q_SIGNALS:
    void askRequested(const QString& text);
    void linkActivated(const QUrl& url);

private:
    void send();
    ChatModel* m_model;
    QListView* m_view;
    ChatDelegate* m_delegate;
    QLineEdit* m_input;
    QPushButton* m_send;
};

} // namespace caseyos
