#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace caseyos {

class AccountHealth;
class AccountsService;

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

    QString stateText(const QString& provider) const; // for tests
    QPushButton* connectButton(const QString& provider) const;
    QPushButton* disconnectButton(const QString& provider) const;
    QLineEdit* keyField(const QString& provider) const;
    QPushButton* checkButton(const QString& provider) const;
    QString healthText(const QString& provider) const;
    QLabel* messageLabel() const { return m_message; }

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

    void showHealth(const QString& provider);

    AccountsService& m_service;
    AccountHealth* m_health = nullptr;
    QHash<QString, Row> m_rows;
    QLabel* m_message = nullptr;
};

} // namespace caseyos
