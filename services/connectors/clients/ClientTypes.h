#pragma once

#include "core/Result.h"
#include "net/HttpError.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace caseyos {

// Hands a client the credential for one call: a bearer token or an API key. It is asynchronous because the
// real source is the keychain (TokenStore::validAccessToken); the client never reads the keychain itself.
using CredentialCallback = std::function<void(const Result<QString>& token)>;
using TokenSource = std::function<void(QObject* context, CredentialCallback done)>;

// A TokenSource that always answers with the same secret (tests, or a key already in hand).
TokenSource fixedToken(QString token);

// Where and as whom a client talks: every base URL is configurable (tests point it at a local server).
struct ClientConfig
{
    QUrl baseUrl; // e.g. https://api.openai.com/v1 ; paths are appended to it
    TokenSource token; // empty = no credential sent (a local server)
    QString account; // circuit-breaker key, e.g. "openai:default"; empty = none
    int timeoutMs = 60000;
};

// Why a client call failed, in the classes the Accounts page and the assistant switch on.
enum class ClientErrorKind {
    None,
    NoCredential, // the token source had nothing (not connected, keychain locked)
    Auth, // 401/403, or Slack's invalid_auth: the key or grant is wrong or revoked
    Unreachable, // network error, timeout, circuit open
    RateLimited, // 429 after the retries
    Rejected, // another 4xx: the request was refused (the provider's message says why)
    Server, // 5xx after the retries
    Malformed, // the reply was not what the API documents (truncated, garbage, missing fields)
};

struct ClientError
{
    ClientErrorKind kind = ClientErrorKind::None;
    int status = 0;
    QString message; // one sentence for people; never a key, a token or a full URL
    qint64 retryAfterMs = -1;
    bool isError() const { return kind != ClientErrorKind::None; }
};

template<typename T>
struct ClientResult
{
    T value {};
    ClientError error;
    bool ok() const { return !error.isError(); }
};

QString clientErrorKindName(ClientErrorKind kind);

} // namespace caseyos
