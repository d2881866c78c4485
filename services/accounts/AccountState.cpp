#include "AccountState.h"

using namespace Qt::StringLiterals;

namespace caseyos {

AccountState nextAccountState(AccountState current, AccountEvent event)
{
    switch (event) {
    case AccountEvent::ConnectSucceeded:
        return AccountState::Connected;
    case AccountEvent::ConnectFailed:
        return current;
    case AccountEvent::TokenOk:
        return current == AccountState::NeedsReconnect || current == AccountState::NotConnected
            ? current
            : AccountState::Connected;
    case AccountEvent::GrantRevoked:
        return current == AccountState::NotConnected ? current : AccountState::NeedsReconnect;
    case AccountEvent::TransientFailure:
        return current == AccountState::Connected ? AccountState::Error : current;
    case AccountEvent::Disconnected:
        return AccountState::NotConnected;
    }
    return current;
}

bool entersNeedsReconnect(AccountState from, AccountState to)
{
    return from != AccountState::NeedsReconnect && to == AccountState::NeedsReconnect;
}

QString toString(AccountState state)
{
    switch (state) {
    case AccountState::NotConnected:
        return u"not_connected"_s;
    case AccountState::Connected:
        return u"connected"_s;
    case AccountState::NeedsReconnect:
        return u"needs_reconnect"_s;
    case AccountState::Error:
        return u"error"_s;
    }
    return u"error"_s;
}

std::optional<AccountState> accountStateFromString(const QString& text)
{
    for (AccountState s : { AccountState::NotConnected, AccountState::Connected, AccountState::NeedsReconnect,
             AccountState::Error }) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

} // namespace caseyos
