#include "SecretKey.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString secretKey(const QString& provider, const QString& account)
{
    const QString p = provider.trimmed();
    const QString a = account.trimmed();
    // A ':' in the provider would make "caseyos:a:b:c" ambiguous between two accounts of different providers.
    if (p.isEmpty() || a.isEmpty() || p.contains(u':'))
        return {};
    return u"caseyos:"_s % p % u':' % a;
}

} // namespace caseyos
