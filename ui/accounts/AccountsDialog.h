#pragma once

#include "core/Clock.h"

#include <QDialog>

namespace caseyos {

class AccountHealth;
class AccountsPage;
class HttpClient;
class AccountsRuntime;
class SyncController;

// File ▸ Accounts…: a non-modal dialog holding the Accounts page over the app's accounts stack (its own, or the
// window's with the background sync). OAuth
// sign-ins open the system browser (QDesktopServices::openUrl) — the only Gui call, here in the UI layer.
class AccountsDialog : public QDialog
{
    Q_OBJECT
public:
    // databasePath: where a lost grant's "reconnect" notification goes (empty: none); settingsPath: empty for
    // the app's settings.
    AccountsDialog(const Clock& clock, const QString& databasePath, const QString& settingsPath = {},
        QWidget* parent = nullptr);
    // Over the window's accounts stack (not owned) and its background sync (may be null: no Sync section).
    // The window's own accounts stack and sync (settings: the application's QSettings).
    AccountsDialog(const Clock& clock, AccountsRuntime& runtime, SyncController* sync, QWidget* parent = nullptr);
    ~AccountsDialog() override;

    AccountsPage* page() const { return m_page; }
    AccountsRuntime* runtime() const { return m_runtime; }
    AccountHealth* health() const { return m_health; }

private:
    void build(const Clock& clock, const QString& settingsPath);

    AccountsRuntime* m_runtime = nullptr;
    HttpClient* m_http = nullptr; // the health checks' own client (this thread; everything is asynchronous)
    AccountHealth* m_health = nullptr;
    AccountsPage* m_page = nullptr;
};

} // namespace caseyos
