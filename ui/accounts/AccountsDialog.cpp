#include "AccountsDialog.h"

#include "AccountsPage.h"
#include "accounts/AccountsRuntime.h"
#include "accounts/AccountsService.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

AccountsDialog::AccountsDialog(
    const Clock& clock, const QString& databasePath, const QString& settingsPath, QWidget* parent)
    : QDialog(parent)
    , m_runtime(new AccountsRuntime(clock, databasePath, settingsPath, this))
{
    build();
}

AccountsDialog::AccountsDialog(AccountsRuntime& runtime, SyncController* sync, QWidget* parent)
    : QDialog(parent)
    , m_runtime(&runtime)
{
    build();
    m_page->setSync(sync);
}

void AccountsDialog::build()
{
    setWindowTitle(u"Accounts"_s);
    setObjectName(u"accountsDialog"_s);
    resize(720, 460);
    auto* layout = new QVBoxLayout(this);
    m_page = new AccountsPage(m_runtime->service(), this);
    layout->addWidget(m_page);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false); // Return in a key field must not close
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    layout->addWidget(buttons);
    connect(&m_runtime->service(), &AccountsService::browserRequested, this,
        [](const QString&, const QUrl& url) { QDesktopServices::openUrl(url); });
}

AccountsDialog::~AccountsDialog() = default;

} // namespace caseyos
