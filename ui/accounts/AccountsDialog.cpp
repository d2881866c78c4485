#include "AccountsDialog.h"

#include "AccountsPage.h"
#include "accounts/AccountsRuntime.h"
#include "accounts/AccountsService.h"
#include "connectors/clients/AccountHealth.h"
#include "net/HttpClient.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

AccountsDialog::AccountsDialog(
    const Clock& clock, const QString& databasePath, const QString& settingsPath, QWidget* parent)
    : QDialog(parent)
    , m_runtime(new AccountsRuntime(clock, databasePath, settingsPath, this))
{
    build(clock, settingsPath);
}

AccountsDialog::AccountsDialog(const Clock& clock, AccountsRuntime& runtime, SyncController* sync, QWidget* parent)
    : QDialog(parent)
    , m_runtime(&runtime)
{
    build(clock, {});
    m_page->setSync(sync);
}

void AccountsDialog::build(const Clock& clock, const QString& settingsPath)
{
    setWindowTitle(u"Accounts"_s);
    setObjectName(u"accountsDialog"_s);
    resize(720, 460);
    auto* layout = new QVBoxLayout(this);
    m_http = new HttpClient(clock, {}, this);
    const std::unique_ptr<QSettings> settings = settingsPath.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);
    m_health = new AccountHealth(m_runtime->service(), *m_http, HealthEndpoints::fromSettings(*settings), this);
    m_page = new AccountsPage(m_runtime->service(), m_health, this);
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
