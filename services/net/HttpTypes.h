#pragma once

#include "net/HttpError.h"
#include "net/RateGovernor.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrl>

#include <functional>

namespace caseyos {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HttpHeaders headers; // may carry Authorization: never logged, never put in an error message
    QByteArray body; // sent as application/json unless a Content-Type header says otherwise
    QString account; // circuit-breaker key ("hubspot:<account>"); empty = no breaker
    QList<RateCost> rateCosts; // what the request spends from the rate governor
    int timeoutMs = 30000; // gives up when the server sends nothing for this long
    qint64 maxBodyBytes = 16 * 1024 * 1024; // the reply is aborted past this (too_large)
    bool expectJson = true; // the body must parse as a JSON object or array, else malformed
    bool retry = true; // false for calls that must not run twice (posting a message)
    // Streaming (server-sent events): when set, each chunk of a 2xx body is handed over as it arrives, on the
    // client's thread, before the final callback. Once a chunk was delivered the request is never retried.
    std::function<void(const QByteArray& chunk)> onData;
};

struct HttpResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body; // also kept for HTTP errors: the provider's error text
    QJsonDocument json; // set when expectJson and the body parsed

    QByteArray header(QByteArrayView name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

struct HttpResult
{
    HttpResponse response;
    HttpError error;
    int attempts = 0; // requests actually sent

    bool ok() const { return !error.isError(); }
};

} // namespace caseyos
