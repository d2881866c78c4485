#include "AccountStateText.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace caseyos {

QString providerStateText(const QList<Account>& accounts, bool connecting)
{
    if (connecting)
        return u"Waiting for the browser…"_s;
    if (accounts.isEmpty())
        return u"Not connected"_s;
    QStringList parts;
    for (const Account& a : accounts) {
        const QString who = a.displayName.isEmpty() ? a.id : a.displayName;
        switch (a.state) {
        case AccountState::Connected:
            parts << (a.credential == Account::Credential::Token && a.id == u"default"_s ? u"Connected (key stored)"_s
                                                                                      : u"Connected as "_s + who);
            break;
        case AccountState::NeedsReconnect:
            parts << u"Needs reconnect (%1)"_s.arg(who)
                    + (a.lastError.isEmpty() ? QString() : u": "_s + a.lastError);
            break;
        case AccountState::Error:
            parts << u"Error (%1)"_s.arg(who) + (a.lastError.isEmpty() ? QString() : u": "_s + a.lastError);
            break;
        case AccountState::NotConnected:
            parts << u"Not connected"_s;
            break;
        }
    }
    return parts.join(u"\n"_s);
}

} // namespace caseyos
