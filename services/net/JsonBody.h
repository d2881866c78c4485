#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonDocument>

namespace caseyos {

// Parses a reply body that should be JSON, trusting nothing: a wrong content type, an empty, truncated or
// garbage body, or a bare scalar all fail with a short reason (no body text in it: it may hold personal data).
// An empty contentType is accepted (some servers omit it); the body still has to parse.
Result<QJsonDocument> parseJsonBody(const QByteArray& body, const QByteArray& contentType);

} // namespace caseyos
