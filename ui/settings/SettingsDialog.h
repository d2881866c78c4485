#pragma once

#include "ProviderKeyStatus.h"

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QPointer>
#include <functional>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSettings;
class QStackedWidget;

namespace caseyos {

class AssistantPage;
class Clock;
class ExecutionClient;
class McpPage;
class MemoryPage;
class NotificationsPage;
class SendingPage;
class SettingsPage;
class VoicePage;

// File ▸ Settings… (Ctrl+,): the app's settings on pages — Assistant, Voice, Sending, Memory, MCP, Notifications —
// listed on the left. OK and Apply check every page first: a value that cannot be saved keeps the dialog open
// on its page with the field tinted and a sentence under the pages, and nothing is written. Then the
// QSettings pages are saved and, when the sending limits changed, they are written to the workspace's
// database through the executor's thread; OK closes once that answered. Cancel writes nothing. Readers take
// the new values at their next use (Jarvis at the next question, the executor at the next send, …); the
// window passes on what its running parts keep (applied()).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Sources
    {
        QString settingsFile; // empty: the app's QSettings; tests pass an INI file of their own
        ExecutionClient* executions = nullptr; // the workspace's executor; null: no workspace open
        ProviderKeyStatus::KeySourceFor keySource; // where Jarvis would read a provider's key
        std::function<void()> showAccounts; // opens the Accounts page (keys are managed there)
        QByteArray mcpClientConfig; // what `caseyos mcp --print-config` prints for this data folder
    };

    SettingsDialog(const Clock& clock, Sources sources, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Validates, saves, and (for the sending limits) starts the database write; false when a value was
    // refused or the settings file could not be written. OK also closes once everything is stored.
    bool apply();

    QString message() const; // the sentence under the pages ("" when none)
    bool isSaving() const { return m_saving; }
    QListWidget* pageList() const { return m_list; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    SettingsPage* currentPage() const;
    void showPage(SettingsPage* page);
    AssistantPage* assistantPage() const { return m_assistant; }
    SendingPage* sendingPage() const { return m_sending; }
    MemoryPage* memoryPage() const { return m_memory; }
    McpPage* mcpPage() const { return m_mcp; }
    NotificationsPage* notificationsPage() const { return m_notifications; }
    VoicePage* voicePage() const { return m_voice; }

public Q_SLOTS:
    void accept() override; // OK
    void reject() override; // Cancel, Escape, the window's close button

Q_SIGNALS:
    void applied(); // settings were written (the sending limits may still be on their way)

protected:
    // Coming back to the dialog (from the Accounts page, say) checks the provider's key again.
    void changeEvent(QEvent* event) override;

private:
    std::unique_ptr<QSettings> openSettings() const;
    void addPage(SettingsPage* page);
    bool checkPages(); // marks the first problem; true when there is none
    void showMessage(const QString& text, bool problem);
    void setSaving(bool saving);
    void limitsSaved(const QString& error);

    QString m_settingsFile;
    QListWidget* m_list = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_messageIcon = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QList<SettingsPage*> m_pages;
    AssistantPage* m_assistant = nullptr;
    SendingPage* m_sending = nullptr;
    MemoryPage* m_memory = nullptr;
    McpPage* m_mcp = nullptr;
    NotificationsPage* m_notifications = nullptr;
    VoicePage* m_voice = nullptr;
    QPointer<QWidget> m_invalidField;
    bool m_problemShown = false;
    bool m_saving = false;
    bool m_closeWhenSaved = false;
};

} // namespace caseyos
