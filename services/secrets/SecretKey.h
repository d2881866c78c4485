#pragma once

#include <QString>

namespace caseyos {

// Every secret of CaseyOS lives in the keychain under the service name "CaseyOS" and a key
// "caseyos:<provider>:<account>", e.g. "caseyos:google:casey@example.com". Settings keep only the account
// identifiers; the key is derived from them.
inline constexpr char16_t kSecretServiceName[] = u"CaseyOS";

// The key for one account's secret, or an empty string when provider or account cannot form one: both must
// be non-empty and the provider may not contain ':' (the account may: it is the last field).
QString secretKey(const QString& provider, const QString& account);

} // namespace caseyos
