#include "SecretStore.h"

#include "SecretKey.h"

#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "caseyos.secrets")

QString serviceName()
{
    return QString::fromUtf16(kSecretServiceName);
}

// Common set-up of every job. Jobs have no parent: QtKeychain's libsecret backend keeps a raw pointer to the
// job until libsecret calls back, so the job must outlive the store if the store goes first; autoDelete
// frees it after `finished`.
void prepare(QKeychain::Job* job, const QString& key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file instead of the keychain
    job->setKey(key);
}

void logOutcome(const char* operation, const QString& key, const SecretError& error)
{
    // The key names the account; the value never appears in any log line.
    if (!error.isError())
        qCInfo(lcSecrets, "%s %s: ok", operation, qUtf8Printable(key));
    else if (error.kind == SecretErrorKind::NotFound)
        qCInfo(lcSecrets, "%s %s: not found", operation, qUtf8Printable(key));
    else
        qCWarning(lcSecrets, "%s %s: %s (%s)", operation, qUtf8Printable(key),
            qUtf8Printable(secretErrorKindName(error.kind)), qUtf8Printable(error.detail));
}

} // namespace

SecretStore::SecretStore(QObject* parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

void SecretStore::write(const QString& provider, const QString& account, const QString& secret,
    QObject* context, DoneCallback done)
{
    const QString key = secretKey(provider, account);
    QPointer<QObject> guard(context);
    if (key.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [guard, done = std::move(done)] {
                if (guard)
                    done(invalidSecretKeyError());
            },
            Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    prepare(job, key);
    job->setTextData(secret);
    ++m_pending;
    connect(
        job, &QKeychain::Job::finished, this, [this, key, guard, done = std::move(done)](QKeychain::Job* j) {
            --m_pending;
            const SecretError error = secretErrorFromKeychain(j->error(), j->errorString(), key);
            logOutcome("write", key, error);
            if (guard)
                done(error);
        });
    job->start();
}

void SecretStore::read(const QString& provider, const QString& account, QObject* context, ReadCallback done)
{
    const QString key = secretKey(provider, account);
    QPointer<QObject> guard(context);
    if (key.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [guard, done = std::move(done)] {
                if (guard)
                    done(SecretReadResult { {}, invalidSecretKeyError() });
            },
            Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    prepare(job, key);
    ++m_pending;
    connect(
        job, &QKeychain::Job::finished, this, [this, key, guard, done = std::move(done)](QKeychain::Job* j) {
            --m_pending;
            SecretReadResult result;
            result.error = secretErrorFromKeychain(j->error(), j->errorString(), key);
            if (!result.error.isError())
                result.secret = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
            logOutcome("read", key, result.error);
            if (guard)
                done(result);
        });
    job->start();
}

void SecretStore::remove(const QString& provider, const QString& account, QObject* context, DoneCallback done)
{
    const QString key = secretKey(provider, account);
    QPointer<QObject> guard(context);
    if (key.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [guard, done = std::move(done)] {
                if (guard)
                    done(invalidSecretKeyError());
            },
            Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    prepare(job, key);
    ++m_pending;
    connect(
        job, &QKeychain::Job::finished, this, [this, key, guard, done = std::move(done)](QKeychain::Job* j) {
            --m_pending;
            SecretError error = secretErrorFromKeychain(j->error(), j->errorString(), key);
            if (error.kind == SecretErrorKind::NotFound)
                error = {}; // already gone is what the caller wanted
            logOutcome("remove", key, error);
            if (guard)
                done(error);
        });
    job->start();
}

} // namespace caseyos
