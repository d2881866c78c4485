#pragma once

#include "SecretError.h"

#include <QObject>
#include <QString>
#include <functional>

namespace caseyos {

struct SecretReadResult
{
    QString secret; // empty unless ok()
    SecretError error;

    bool ok() const { return !error.isError(); }
};

// Stores account secrets (access/refresh tokens, API keys) in the OS keychain through QtKeychain, under the
// service "CaseyOS" and the key secretKey(provider, account). The insecure plaintext fallback is always off:
// without a keychain the operation fails with SecretErrorKind::NoKeychain instead of writing a file.
//
// Every call returns at once; the result arrives later on this object's thread through the callback, which
// is dropped if `context` (or the store) is destroyed first — so the UI thread never waits on the keychain.
// Callbacks run even for an invalid key (queued), so callers have one code path. QtKeychain runs its jobs
// one after another, so a read queued after a write sees the written value.
//
// Logs name the key and the outcome, never the secret.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(const SecretError& error)>; // error.kind None on success
    using ReadCallback = std::function<void(const SecretReadResult& result)>;

    explicit SecretStore(QObject* parent = nullptr);
    ~SecretStore() override;

    // Creates or replaces the secret (a token rotation is a write).
    void write(const QString& provider, const QString& account, const QString& secret, QObject* context,
        DoneCallback done);
    // NotFound when nothing is stored under the key.
    void read(const QString& provider, const QString& account, QObject* context, ReadCallback done);
    // Removing a key that holds nothing succeeds (disconnecting twice is not an error).
    void remove(const QString& provider, const QString& account, QObject* context, DoneCallback done);

    // Jobs started and not yet finished (for shutdown and tests).
    int pendingCount() const { return m_pending; }

private:
    int m_pending = 0;
};

} // namespace caseyos
