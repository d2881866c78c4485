#pragma once

#include "core/Clock.h"

#include <QDialog>

namespace caseyos {

class AccountsPage;
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
    AccountsDialog(AccountsRuntime& runtime, SyncController* sync, QWidget* parent = nullptr);
    ~AccountsDialog() override;

    AccountsPage* page() const { return m_page; }
    AccountsRuntime* runtime() const { return m_runtime; }

private:
    void build();

    AccountsRuntime* m_runtime = nullptr;
    AccountsPage* m_page = nullptr;
};

} // namespace caseyos
