#pragma once

#include <QString>

namespace caseyos {

// Why an HTTP exchange failed, in the words the sync code and the UI switch on.
enum class HttpErrorKind {
    None, // success
    Network, // could not connect, connection dropped, DNS failure
    Timeout, // the server stopped sending for longer than the request's timeout
    Http, // the server answered with a status we do not retry (or retries ran out)
    RateLimited, // 429 after the retries the policy allows; retryAfterMs says when to try again
    CircuitOpen, // the account's circuit breaker is open: the request was not sent
    TooLarge, // the reply body passed the request's size limit and was aborted
    Malformed, // the reply body was not the JSON we asked for (truncated, wrong type, garbage)
};

// A structured failure. `message` is a short sentence the UI can show as is: it names the host, never the
// full URL (queries can carry keys) and never a header value.
struct HttpError
{
    HttpErrorKind kind = HttpErrorKind::None;
    int status = 0; // HTTP status when the server answered, else 0
    QString message;
    qint64 retryAfterMs = -1; // when known: how long to wait before trying again; -1 when unknown

    bool isError() const { return kind != HttpErrorKind::None; }
};

// Stable lower-case names ("network", "timeout", "http", "rate_limited", "circuit_open", "too_large",
// "malformed"; "none" for success) for logs and JSON output.
QString httpErrorKindName(HttpErrorKind kind);

} // namespace caseyos
