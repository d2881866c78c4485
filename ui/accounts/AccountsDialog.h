#pragma once

#include "core/Clock.h"

#include <QDialog>

namespace caseyos {

class AccountHealth;
class AccountsPage;
class HttpClient;
class AccountsRuntime;

// File ▸ Accounts…: a non-modal dialog holding the Accounts page over the app's accounts stack. OAuth
// sign-ins open the system browser (QDesktopServices::openUrl) — the only Gui call, here in the UI layer.
class AccountsDialog : public QDialog
{
    Q_OBJECT
public:
    // databasePath: where a lost grant's "reconnect" notification goes (empty: none); settingsPath: empty for
    // the app's settings.
    AccountsDialog(const Clock& clock, const QString& databasePath, const QString& settingsPath = {},
        QWidget* parent = nullptr);
    ~AccountsDialog() override;

    AccountsPage* page() const { return m_page; }
    AccountsRuntime* runtime() const { return m_runtime; }
    AccountHealth* health() const { return m_health; }

private:
    AccountsRuntime* m_runtime = nullptr;
    HttpClient* m_http = nullptr; // the health checks' own client (this thread; everything is asynchronous)
    AccountHealth* m_health = nullptr;
    AccountsPage* m_page = nullptr;
};

} // namespace caseyos
