#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QGridLayout;

namespace caseyos {

class AccountHealth;
class AccountsService;
class SyncController;

// The Accounts page: one row per provider with its state, Connect (OAuth: opens the browser through
// AccountsService::browserRequested, which the dialog wires to QDesktopServices; API keys: a password-mode
// field and Save) and Disconnect. It only calls the asynchronous service and shows its answers; it never
// waits on the keychain or the network.
class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    // health: optional; with it each row has a Check button and shows the provider's last health check.
    explicit AccountsPage(AccountsService& service, AccountHealth* health = nullptr, QWidget* parent = nullptr);

    // Shows a "Sync" section: per syncing account its status and a "Sync now" button (null: none).
    void setSync(SyncController* sync);

    QString stateText(const QString& provider) const; // for tests
    QPushButton* connectButton(const QString& provider) const;
    QPushButton* disconnectButton(const QString& provider) const;
    QLineEdit* keyField(const QString& provider) const;
    QPushButton* checkButton(const QString& provider) const;
    QString healthText(const QString& provider) const;
    QLabel* messageLabel() const { return m_message; }
    QString syncStatusText(const QString& key) const; // key: SyncAccountConfig::key()
    QPushButton* syncNowButton(const QString& key) const;

public Q_SLOTS:
    void refresh();

private:
    struct Row
    {
        QLabel* state = nullptr;
        QPushButton* connect = nullptr;
        QPushButton* disconnect = nullptr;
        QLineEdit* key = nullptr;
        QPushButton* saveKey = nullptr;
        QPushButton* check = nullptr;
        QLabel* health = nullptr;
    };
    void connectProvider(const QString& provider);
    void disconnectProvider(const QString& provider);
    void showMessage(const QString& text, bool error);
    void rebuildSyncRows();
    void updateSyncRow(const QString& key);

    void showHealth(const QString& provider);

    AccountsService& m_service;
    AccountHealth* m_health = nullptr;
    QHash<QString, Row> m_rows;
    QLabel* m_message = nullptr;
    struct SyncRow
    {
        QLabel* status = nullptr;
        QPushButton* syncNow = nullptr;
    };
    QPointer<SyncController> m_sync;
    QWidget* m_syncBox = nullptr;
    QGridLayout* m_syncGrid = nullptr;
    QHash<QString, SyncRow> m_syncRows;
};

} // namespace caseyos
