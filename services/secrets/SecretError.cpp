#include "SecretError.h"

#include <QStringList>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace caseyos {

QString secretErrorKindName(SecretErrorKind kind)
{
    switch (kind) {
    case SecretErrorKind::None:
        return u"none"_s;
    case SecretErrorKind::NoKeychain:
        return u"no-keychain"_s;
    case SecretErrorKind::Locked:
        return u"locked"_s;
    case SecretErrorKind::NotFound:
        return u"not-found"_s;
    case SecretErrorKind::InvalidKey:
        return u"invalid-key"_s;
    case SecretErrorKind::Other:
        return u"other"_s;
    }
    return u"other"_s;
}

namespace {

bool containsAny(const QString& text, const QStringList& needles)
{
    for (const QString& needle : needles) {
        if (text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// QtKeychain's libsecret backend reports only "not found" and "locked" precisely; everything else (no session
// bus, no Secret Service on it, no default collection) arrives as OtherError with D-Bus / libsecret text.
// These fragments were observed on Debian 12 (QtKeychain 0.13.2, libsecret 0.20, gnome-keyring 42).
SecretErrorKind kindFromText(const QString& text)
{
    static const QStringList noKeychain = {
        u"Could not connect"_s, // DBUS_SESSION_BUS_ADDRESS points at nothing
        u"Cannot autolaunch D-Bus"_s, // no session bus at all
        u"org.freedesktop.DBus.Error.ServiceUnknown"_s, // bus without a Secret Service
        u"was not provided by any .service files"_s,
        u"No such interface"_s,
        u"Cannot spawn a message bus"_s,
    };
    static const QStringList locked = {
        u"locked"_s, // "Cannot create an item in a locked collection"
        u"/org/freedesktop/secrets/collection/"_s, // no default (login) keyring and no prompt to create it
        u"prompt"_s, // unlock prompt could not be shown or was dismissed
        u"dismissed"_s,
    };
    if (containsAny(text, noKeychain))
        return SecretErrorKind::NoKeychain;
    if (containsAny(text, locked))
        return SecretErrorKind::Locked;
    return SecretErrorKind::Other;
}

QString messageFor(SecretErrorKind kind, const QString& key)
{
    switch (kind) {
    case SecretErrorKind::None:
        return {};
    case SecretErrorKind::NoKeychain:
        return u"No system keychain is available, so CaseyOS cannot store or read account credentials. "
               "Start your desktop's keyring (for example GNOME Keyring or KWallet) and try again."_s;
    case SecretErrorKind::Locked:
        return u"The system keychain is locked or refused access. Unlock it (for example by signing in to "
               "your desktop session) and try again."_s;
    case SecretErrorKind::NotFound:
        return u"No saved credentials for %1. Connect the account again."_s.arg(key);
    case SecretErrorKind::InvalidKey:
        return u"The account has no valid provider and account name, so its credentials cannot be stored."_s;
    case SecretErrorKind::Other:
        return u"The system keychain reported an error for %1."_s.arg(key);
    }
    return {};
}

} // namespace

SecretError secretErrorFromKeychain(int keychainError, const QString& backendText, const QString& key)
{
    SecretErrorKind kind = SecretErrorKind::Other;
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        kind = SecretErrorKind::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        kind = SecretErrorKind::Locked;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        kind = SecretErrorKind::NoKeychain;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        kind = kindFromText(backendText);
        break;
    }
    SecretError error { kind, messageFor(kind, key), backendText };
    if (kind == SecretErrorKind::Other && !backendText.isEmpty())
        error.message += u" ("_s % backendText % u')';
    return error;
}

SecretError invalidSecretKeyError()
{
    return { SecretErrorKind::InvalidKey, messageFor(SecretErrorKind::InvalidKey, {}), {} };
}

} // namespace caseyos
