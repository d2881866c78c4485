#pragma once

#include "connectors/clients/ClientTypes.h"

#include <QString>
#include <memory>

namespace caseyos::llm {

// Keeps a provider's key out of every text the provider hands on. Providers echo parts of a wrong key in
// their error messages ("Incorrect API key provided: sk-…"), and an error message ends up in the chat, the
// memory and the logs: wrapping the TokenSource lets the provider remember the key it sent and cut it out
// again.
class SecretScrubber
{
public:
    // A TokenSource that passes `source`'s answer on and remembers the secret for scrub().
    TokenSource wrap(TokenSource source);
    // The config with its token source wrapped.
    ClientConfig wrap(ClientConfig config)
    {
        config.token = wrap(std::move(config.token));
        return config;
    }
    QString scrub(QString text) const;

private:
    std::shared_ptr<QString> m_secret = std::make_shared<QString>();
};

// One sentence for people about a failed model call: who failed and why, with what to do where it helps
// (a rate limit's wait, a missing or refused key). Never a key or a URL: only ClientError's status and
// message are used (the clients keep keys out of them), and `host`, which the transport names, becomes
// `provider`.
QString providerErrorText(const QString& provider, const ClientError& error, const QString& host = {});

} // namespace caseyos::llm
