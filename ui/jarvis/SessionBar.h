#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QToolButton;

namespace caseyos {

class SessionsModel;

// The strip above the Jarvis conversation: which session is shown (its name, or its start time), a list of
// every session to switch to (most recently active first, with last-active time and message count), "New
// session" (Ctrl+Shift+J in the pane), and Rename… (F2 in the pane), End and Forget… for the shown one.
// Forget asks first, naming what is deleted for good. The bar only asks: JarvisController does the work.
class SessionBar : public QWidget
{
    Q_OBJECT
public:
    explicit SessionBar(QWidget* parent = nullptr);

    void setModel(SessionsModel* model);
    // The session the conversation below shows; 0: a new one, not started until the next question.
    void setShownSession(qint64 sessionId);
    qint64 shownSession() const { return m_shown; }

    void rename(); // asks for the shown session's new name (a small dialog; nothing waits for it)
    void confirmForget(); // asks before the shown session is forgotten

    QComboBox* sessionList() const { return m_list; }
    QAction* newAction() const { return m_new; }
    QAction* renameAction() const { return m_rename; }
    QAction* endAction() const { return m_end; }
    QAction* forgetAction() const { return m_forget; }

Q_SIGNALS:
    void switchRequested(qint64 sessionId);
    void newRequested();
    void renameRequested(qint64 sessionId, const QString& name);
    void endRequested(qint64 sessionId);
    void forgetRequested(qint64 sessionId); // confirmed by the user

private:
    void showCurrent(); // the list's current row and the actions follow the shown session
    QString shownTitle() const;

    SessionsModel* m_model = nullptr;
    qint64 m_shown = 0;
    QComboBox* m_list;
    QToolButton* m_newButton;
    QToolButton* m_moreButton;
    QAction* m_new;
    QAction* m_rename;
    QAction* m_end;
    QAction* m_forget;
};

} // namespace caseyos
