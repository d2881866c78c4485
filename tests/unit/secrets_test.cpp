// Keychain keys and the structured errors the Accounts page shows; SecretStore's behaviour that needs no
// keychain (invalid keys, callbacks after the caller is gone). The real keychain is tested in
// tests/integration/keychain_test.cpp.
#include "WaitFor.h"
#include "secrets/SecretError.h"
#include "secrets/SecretKey.h"
#include "secrets/SecretStore.h"

#include <QObject>
#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <qt6keychain/keychain.h>

using namespace caseyos;

TEST(SecretKey, NamespacesProviderAndAccount)
{
    EXPECT_EQ(secretKey(QStringLiteral("google"), QStringLiteral("casey@example.com")),
        QStringLiteral("caseyos:google:casey@example.com"));
    EXPECT_EQ(secretKey(QStringLiteral(" hubspot "), QStringLiteral("portal:123")),
        QStringLiteral("caseyos:hubspot:portal:123")); // trimmed; the account (last field) may hold ':'
}

TEST(SecretKey, RejectsKeysThatWouldCollide)
{
    EXPECT_TRUE(secretKey(QString(), QStringLiteral("a")).isEmpty());
    EXPECT_TRUE(secretKey(QStringLiteral("google"), QStringLiteral("  ")).isEmpty());
    // "google:x" + "y" and "google" + "x:y" would both give caseyos:google:x:y.
    EXPECT_TRUE(secretKey(QStringLiteral("google:x"), QStringLiteral("y")).isEmpty());
}

TEST(SecretError, MapsQtKeychainCodes)
{
    const QString key = QStringLiteral("caseyos:google:a@b.c");
    EXPECT_FALSE(secretErrorFromKeychain(QKeychain::NoError, {}, key).isError());

    const SecretError notFound
        = secretErrorFromKeychain(QKeychain::EntryNotFound, QStringLiteral("Entry not found"), key);
    EXPECT_EQ(notFound.kind, SecretErrorKind::NotFound);
    EXPECT_TRUE(notFound.message.contains(key)) << notFound.message.toStdString();

    // libsecret's SECRET_ERROR_IS_LOCKED arrives as AccessDenied.
    const SecretError locked = secretErrorFromKeychain(
        QKeychain::AccessDenied, QStringLiteral("Cannot create an item in a locked collection"), key);
    EXPECT_EQ(locked.kind, SecretErrorKind::Locked);
    EXPECT_TRUE(locked.message.contains(QStringLiteral("locked"))) << locked.message.toStdString();
    EXPECT_EQ(locked.detail, QStringLiteral("Cannot create an item in a locked collection"));

    EXPECT_EQ(
        secretErrorFromKeychain(QKeychain::NoBackendAvailable, {}, key).kind, SecretErrorKind::NoKeychain);
}

TEST(SecretError, ClassifiesLibsecretTextsOfOtherError)
{
    const QString key = QStringLiteral("caseyos:x:y");
    // The texts QtKeychain 0.13.2 gives on Debian 12 for: bus address pointing at nothing, no bus at all,
    // a bus without a Secret Service, and a keyring daemon without an unlocked default collection.
    EXPECT_EQ(secretErrorFromKeychain(
                  QKeychain::OtherError, QStringLiteral("Could not connect: No such file or directory"), key)
                  .kind,
        SecretErrorKind::NoKeychain);
    EXPECT_EQ(secretErrorFromKeychain(
                  QKeychain::OtherError, QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY"), key)
                  .kind,
        SecretErrorKind::NoKeychain);
    EXPECT_EQ(secretErrorFromKeychain(QKeychain::OtherError,
                  QStringLiteral("GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name "
                                 "org.freedesktop.secrets was not provided by any .service files"),
                  key)
                  .kind,
        SecretErrorKind::NoKeychain);
    EXPECT_EQ(
        secretErrorFromKeychain(QKeychain::OtherError,
            QStringLiteral("Object does not exist at path “/org/freedesktop/secrets/collection/login”"), key)
            .kind,
        SecretErrorKind::Locked);

    const SecretError other
        = secretErrorFromKeychain(QKeychain::OtherError, QStringLiteral("disk on fire"), key);
    EXPECT_EQ(other.kind, SecretErrorKind::Other);
    EXPECT_TRUE(other.message.contains(QStringLiteral("disk on fire"))) << other.message.toStdString();
}

TEST(SecretError, MessagesTellTheUserWhatToDo)
{
    const SecretError none = secretErrorFromKeychain(QKeychain::NoBackendAvailable, {}, QStringLiteral("k"));
    EXPECT_TRUE(none.message.contains(QStringLiteral("keyring"))) << none.message.toStdString();
    EXPECT_EQ(secretErrorKindName(SecretErrorKind::NoKeychain), QStringLiteral("no-keychain"));
    EXPECT_EQ(secretErrorKindName(SecretErrorKind::Locked), QStringLiteral("locked"));
    EXPECT_EQ(secretErrorKindName(SecretErrorKind::NotFound), QStringLiteral("not-found"));
}

TEST(SecretStore, InvalidKeyFailsAsynchronouslyWithoutTouchingTheKeychain)
{
    SecretStore store;
    QObject context;
    std::optional<SecretError> written;
    std::optional<SecretReadResult> read;
    std::optional<SecretError> removed;
    store.write(QString(), QStringLiteral("a"), QStringLiteral("canary-invalid"), &context,
        [&](const SecretError& e) { written = e; });
    store.read(
        QStringLiteral("p:q"), QStringLiteral("a"), &context, [&](const SecretReadResult& r) { read = r; });
    store.remove(QStringLiteral("p"), QString(), &context, [&](const SecretError& e) { removed = e; });
    // Never called back inside the call: callers may connect UI state after starting the operation.
    EXPECT_FALSE(written || read || removed);
    EXPECT_EQ(store.pendingCount(), 0); // no keychain job was started

    ASSERT_TRUE(test::waitFor([&] { return written && read && removed; }, 2000));
    EXPECT_EQ(written->kind, SecretErrorKind::InvalidKey);
    EXPECT_EQ(read->error.kind, SecretErrorKind::InvalidKey);
    EXPECT_FALSE(read->ok());
    EXPECT_TRUE(read->secret.isEmpty());
    EXPECT_EQ(removed->kind, SecretErrorKind::InvalidKey);
}

TEST(SecretStore, CallbackIsDroppedWhenItsContextIsGone)
{
    SecretStore store;
    bool called = false;
    bool otherCalled = false;
    QObject keeper;
    {
        auto context = std::make_unique<QObject>();
        store.read(
            QString(), QStringLiteral("a"), context.get(), [&](const SecretReadResult&) { called = true; });
    }
    store.read(QString(), QStringLiteral("b"), &keeper, [&](const SecretReadResult&) { otherCalled = true; });
    // The second callback runs after the first was due: by then the first must have been dropped.
    ASSERT_TRUE(test::waitFor([&] { return otherCalled; }, 2000));
    EXPECT_FALSE(called);
}
