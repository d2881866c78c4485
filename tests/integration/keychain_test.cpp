// SecretStore against a real Secret Service. scripts/test.sh runs the suite in a private D-Bus session with
// an unlocked gnome-keyring (tests/support/desktop-session/run-in-session.sh) and sets
// CASEYOS_EXPECT_KEYRING=1: there the round trips must work. Outside that session the round-trip tests check
// the "no keychain" error path instead (they never write into a developer's own keyring) and print that they
// did so. The error paths (no bus, locked keyring) run in child processes with a session of their own.
#include "TempHome.h"
#include "WaitFor.h"
#include "secrets/SecretKey.h"
#include "secrets/SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QUuid>
#include <gtest/gtest.h>
#include <iostream>
#include <optional>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

struct ProbeRun
{
    int exitCode = -1;
    QJsonObject result;
    QByteArray out;
    QByteArray err; // the probe's log lines
};

ProbeRun runProbe(const QStringList& args, const QByteArray& input, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASEYOS_KEYCHAIN_PROBE), args);
    ProbeRun run;
    if (!p.waitForStarted(10000))
        return run;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    run.result = QJsonDocument::fromJson(run.out.trimmed()).object();
    return run;
}

// A bus address that leads nowhere: what a session without any D-Bus / keychain looks like to QtKeychain.
QProcessEnvironment deadBusEnvironment(const test::TempHome& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home.file(u"no-bus-here"_s));
    env.insert(u"HOME"_s, home.path());
    return env;
}

bool suiteKeyring()
{
    return qEnvironmentVariable("CASEYOS_EXPECT_KEYRING") == u"1"_s;
}

QString uniqueAccount()
{
    return u"it-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces) % u"@example.com"_s;
}

// Without the suite's keyring: the clear error a user without a keychain sees, and no secret in the logs.
void expectNoKeychainErrorPath()
{
    std::cout
        << "[ NOTE     ] CASEYOS_EXPECT_KEYRING is not 1 (not in scripts/test.sh's session): checking the "
           "no-keychain error path instead of the round trip\n";
    test::TempHome home;
    const QString canary = u"canary-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
    const ProbeRun run = runProbe(
        { u"write"_s, u"test"_s, u"nobody@example.com"_s }, canary.toUtf8(), deadBusEnvironment(home));
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    EXPECT_FALSE(run.result.value(u"ok"_s).toBool());
    EXPECT_EQ(run.result.value(u"kind"_s).toString(), u"no-keychain"_s) << run.out.constData();
}

// The suite's keyring, through the same tool a user would use (secret-tool, libsecret's CLI). QtKeychain
// stores the service name in the attribute "server" and the key in "user". secret-tool prints each item's
// header and secret on stdout and its attributes on stderr.
struct KeyringItems
{
    int count = 0; // items with server=CaseyOS and user=key
    QString secret;
    bool listedUnderService = false; // the key shows up in `secret-tool search --all server CaseyOS`
};

KeyringItems keyringItemsFor(const QString& key)
{
    const QString service = QString::fromUtf16(kSecretServiceName);
    KeyringItems items;
    const QByteArray attribute = QByteArray("attribute.user = ") + key.toUtf8() + '\n';
    // Other tests (accounts, OAuth) add and delete CaseyOS items in the same keyring at the same time; an item
    // deleted while secret-tool walks the list makes it stop part-way. Ask again when the key is missing.
    for (int attempt = 0; attempt < 5; ++attempt) {
        QProcess all;
        all.start(u"secret-tool"_s, { u"search"_s, u"--all"_s, u"server"_s, service });
        EXPECT_TRUE(all.waitForFinished(10000));
        items.listedUnderService = all.readAllStandardError().contains(attribute);
        if (items.listedUnderService) // a partial listing can only miss it, never invent it
            break;
    }

    QProcess one;
    one.start(u"secret-tool"_s, { u"search"_s, u"--all"_s, u"server"_s, service, u"user"_s, key });
    EXPECT_TRUE(one.waitForFinished(10000));
    const QString out = QString::fromUtf8(one.readAllStandardOutput());
    for (const QString& line : out.split(u'\n')) {
        if (line.startsWith(u'['))
            ++items.count;
        else if (line.startsWith(u"secret = "_s))
            items.secret = line.mid(9);
    }
    return items;
}

class KeychainRoundTrip : public ::testing::Test
{
protected:
    SecretError write(const QString& provider, const QString& account, const QString& value)
    {
        std::optional<SecretError> result;
        m_store.write(provider, account, value, &m_context, [&](const SecretError& e) { result = e; });
        EXPECT_TRUE(test::waitFor([&] { return result.has_value(); }, 15000)) << "keychain write timed out";
        return result.value_or(SecretError { SecretErrorKind::Other, u"timeout"_s, {} });
    }
    SecretReadResult read(const QString& provider, const QString& account)
    {
        std::optional<SecretReadResult> result;
        m_store.read(provider, account, &m_context, [&](const SecretReadResult& r) { result = r; });
        EXPECT_TRUE(test::waitFor([&] { return result.has_value(); }, 15000)) << "keychain read timed out";
        return result.value_or(SecretReadResult { {}, { SecretErrorKind::Other, u"timeout"_s, {} } });
    }
    SecretError remove(const QString& provider, const QString& account)
    {
        std::optional<SecretError> result;
        m_store.remove(provider, account, &m_context, [&](const SecretError& e) { result = e; });
        EXPECT_TRUE(test::waitFor([&] { return result.has_value(); }, 15000)) << "keychain remove timed out";
        return result.value_or(SecretError { SecretErrorKind::Other, u"timeout"_s, {} });
    }

    SecretStore m_store;
    QObject m_context;
};

} // namespace

TEST_F(KeychainRoundTrip, WriteReadRotateRemove)
{
    if (!suiteKeyring())
        return expectNoKeychainErrorPath();

    const QString provider = u"test"_s;
    const QString account = uniqueAccount();
    const QString key = secretKey(provider, account);
    const QString first = u"canary-access-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString rotated = u"canary-rotated-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);

    const SecretReadResult before = read(provider, account);
    EXPECT_EQ(before.error.kind, SecretErrorKind::NotFound) << before.error.message.toStdString();

    const SecretError written = write(provider, account, first);
    ASSERT_FALSE(written.isError()) << written.message.toStdString() << " / " << written.detail.toStdString();
    const SecretReadResult back = read(provider, account);
    ASSERT_TRUE(back.ok()) << back.error.message.toStdString();
    EXPECT_EQ(back.secret, first);

    // It is really in the OS keychain under service "CaseyOS" and the namespaced key, as a user would find
    // it.
    KeyringItems items = keyringItemsFor(key);
    EXPECT_TRUE(items.listedUnderService);
    EXPECT_EQ(items.count, 1);
    EXPECT_EQ(items.secret, first);

    // A token rotation replaces the value; it never leaves a second item behind.
    ASSERT_FALSE(write(provider, account, rotated).isError());
    EXPECT_EQ(read(provider, account).secret, rotated);
    items = keyringItemsFor(key);
    EXPECT_EQ(items.count, 1);
    EXPECT_EQ(items.secret, rotated);

    ASSERT_FALSE(remove(provider, account).isError());
    const SecretReadResult gone = read(provider, account);
    EXPECT_EQ(gone.error.kind, SecretErrorKind::NotFound);
    EXPECT_TRUE(gone.secret.isEmpty());
    items = keyringItemsFor(key);
    EXPECT_EQ(items.count, 0);
    EXPECT_FALSE(items.listedUnderService);
    // Disconnecting twice is fine.
    EXPECT_FALSE(remove(provider, account).isError());
}

TEST_F(KeychainRoundTrip, NonAsciiFourKilobyteValueSurvives)
{
    if (!suiteKeyring())
        return expectNoKeychainErrorPath();

    // 4 KB of UTF-8 mixing 1-, 2-, 3- and 4-byte characters (a long JWT-like token or a JSON credential).
    QString value;
    const QString pattern = u"tok-é€😀ü_Ω-"_s;
    while (value.toUtf8().size() < 4096)
        value += pattern;
    const QString provider = u"test"_s;
    const QString account = uniqueAccount();
    ASSERT_FALSE(write(provider, account, value).isError());
    const SecretReadResult back = read(provider, account);
    ASSERT_TRUE(back.ok()) << back.error.message.toStdString();
    EXPECT_EQ(back.secret.size(), value.size());
    EXPECT_EQ(back.secret, value);
    EXPECT_FALSE(remove(provider, account).isError());
}

TEST_F(KeychainRoundTrip, SeparateAccountsDoNotShareSecrets)
{
    if (!suiteKeyring())
        return expectNoKeychainErrorPath();

    const QString a = uniqueAccount();
    const QString b = uniqueAccount();
    ASSERT_FALSE(write(u"google"_s, a, u"canary-a"_s).isError());
    ASSERT_FALSE(write(u"hubspot"_s, a, u"canary-b"_s).isError());
    EXPECT_EQ(read(u"google"_s, a).secret, u"canary-a"_s);
    EXPECT_EQ(read(u"hubspot"_s, a).secret, u"canary-b"_s);
    EXPECT_EQ(read(u"google"_s, b).error.kind, SecretErrorKind::NotFound);
    EXPECT_FALSE(remove(u"google"_s, a).isError());
    EXPECT_EQ(read(u"hubspot"_s, a).secret, u"canary-b"_s); // removing one account's key leaves the other
    EXPECT_FALSE(remove(u"hubspot"_s, a).isError());
}

TEST(Keychain, ProbeLogsTheKeyNeverTheSecret)
{
    // In the suite's session the write succeeds, elsewhere it fails: either way the log names the key only.
    test::TempHome home;
    const QString account = uniqueAccount();
    const QString canary = u"canary-log-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QProcessEnvironment env
        = suiteKeyring() ? QProcessEnvironment::systemEnvironment() : deadBusEnvironment(home);
    const ProbeRun run = runProbe({ u"write"_s, u"test"_s, account }, canary.toUtf8(), env);
    ASSERT_EQ(run.exitCode, 0) << run.err.constData();
    EXPECT_EQ(run.result.value(u"ok"_s).toBool(), suiteKeyring()) << run.out.constData();
    EXPECT_TRUE(run.err.contains(secretKey(u"test"_s, account).toUtf8())) << run.err.constData();
    EXPECT_FALSE(run.err.contains(canary.toUtf8()));
    EXPECT_FALSE(run.out.contains(canary.toUtf8()));
    if (suiteKeyring()) {
        const ProbeRun removed = runProbe({ u"remove"_s, u"test"_s, account }, {}, env);
        EXPECT_TRUE(removed.result.value(u"ok"_s).toBool()) << removed.out.constData();
    }
}

TEST(Keychain, UnreachableBusGivesNoKeychainError)
{
    test::TempHome home;
    const QProcessEnvironment env = deadBusEnvironment(home);
    for (const QString& op : { u"write"_s, u"read"_s, u"remove"_s }) {
        const ProbeRun run = runProbe({ op, u"test"_s, u"a@example.com"_s }, "canary-dead-bus", env);
        ASSERT_EQ(run.exitCode, 0) << op.toStdString() << ": " << run.err.constData();
        EXPECT_FALSE(run.result.value(u"ok"_s).toBool()) << op.toStdString();
        EXPECT_EQ(run.result.value(u"kind"_s).toString(), u"no-keychain"_s) << run.out.constData();
        const QString message = run.result.value(u"message"_s).toString();
        EXPECT_TRUE(message.contains(u"keychain"_s) && message.contains(u"keyring"_s))
            << message.toStdString();
    }
}

TEST(Keychain, LockedKeyringGivesLockedError)
{
    // A session of its own: create a login keyring (unlocked with a password), stop the daemon, start it
    // again without the password — the keyring is then locked, as after a reboot without auto-unlock. No
    // display, so gnome-keyring's unlock prompt cannot appear and the request fails at once.
    if (QStandardPaths::findExecutable(u"dbus-run-session"_s).isEmpty()
        || QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s).isEmpty())
        FAIL()
            << "dbus-run-session and gnome-keyring-daemon are needed (scripts/install-deps.sh installs them)";
    test::TempHome home;
    const QString script = uR"(set -u
wait_secrets() {
  for _ in $(seq 1 100); do
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true && return 0
    sleep 0.05
  done
  echo "no secrets service" >&2; return 1
}
printf locked-test-pass | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
pid=$!
wait_secrets || exit 4
kill $pid; wait $pid 2>/dev/null
gnome-keyring-daemon --foreground --components=secrets </dev/null >/dev/null 2>&1 &
pid=$!
wait_secrets || exit 4
printf canary-locked | "$PROBE" write test locked@example.com
status=$?
kill $pid; wait $pid 2>/dev/null
exit $status
)"_s;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_DATA_HOME"_s, home.file(u"data"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, home.path());
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    env.insert(u"PROBE"_s, QStringLiteral(CASEYOS_KEYCHAIN_PROBE));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(u"dbus-run-session"_s, { u"--"_s, u"bash"_s, u"-c"_s, script });
    ASSERT_TRUE(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    ASSERT_EQ(p.exitCode(), 0) << err.constData();
    const QJsonObject result = QJsonDocument::fromJson(out.trimmed()).object();
    EXPECT_FALSE(result.value(u"ok"_s).toBool()) << out.constData();
    EXPECT_EQ(result.value(u"kind"_s).toString(), u"locked"_s) << out.constData();
    EXPECT_TRUE(result.value(u"message"_s).toString().contains(u"Unlock"_s)) << out.constData();
    EXPECT_FALSE(err.contains("canary-locked"));
}
