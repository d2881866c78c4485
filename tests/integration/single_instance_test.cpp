// Single instance per data folder, with the real `caseyos` binary (offscreen): a second launch for the same
// home hands its arguments to the running window and exits 0 at once; another home runs its own instance;
// a socket left by a killed instance does not block the next start; CLI commands run beside the window; a
// malformed message does not disturb the running instance.
#include "TempHome.h"
#include "WaitFor.h"
#include "desktop/SingleInstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using caseyos::SingleInstance;
using caseyos::test::TempHome;
using caseyos::test::waitFor;

namespace {

constexpr int kStartMs = 20000;

// The environment every launch of one test shares: offscreen, and a private runtime folder (where the
// single-instance sockets live) and config folder, so nothing of the user's is touched or met.
class Session
{
public:
    Session()
    {
        EXPECT_TRUE(m_runtime.isValid() && m_config.isValid());
        QFile::setPermissions(m_runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        m_env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime.path());
        m_env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
        m_env.remove(u"CASEYOS_HOME"_s);
    }
    const QProcessEnvironment& env() const { return m_env; }
    QString runtimeDir() const { return m_runtime.path(); }
    QStringList sockets() const
    {
        return QDir(m_runtime.path()).entryList({ u"caseyos-*.socket"_s }, QDir::System);
    }

private:
    QTemporaryDir m_runtime;
    QTemporaryDir m_config;
    QProcessEnvironment m_env;
};

// One run of the window (`caseyos --home HOME ...`), its stdout and stderr merged.
class App
{
public:
    App(const Session& session, const QString& home, const QStringList& extra = {})
    {
        m_process.setProcessEnvironment(session.env());
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_timer.start();
        m_process.start(QStringLiteral(CASEYOS_BINARY), QStringList { u"--home"_s, home } + extra);
        EXPECT_TRUE(m_process.waitForStarted(10000));
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QString output()
    {
        m_output += m_process.readAll();
        return QString::fromUtf8(m_output);
    }
    bool waitForOutput(const QString& text, int timeoutMs = kStartMs)
    {
        return waitFor([&] { return output().contains(text); }, timeoutMs);
    }
    bool waitForExit(int timeoutMs)
    {
        return waitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    }
    // Primary: listening and the window's list is up.
    bool waitUntilServing()
    {
        return waitForOutput(u"Single instance: listening"_s) && waitForOutput(u"Moves listed"_s);
    }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    qint64 elapsedMs() const { return m_timer.elapsed(); }
    void killHard()
    {
        m_process.kill(); // SIGKILL: no clean-up of the socket file
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
    QByteArray m_output;
    QElapsedTimer m_timer;
};

} // namespace

TEST(SingleInstance, SecondLaunchWithTheSameHomeHandsOverAndExits)
{
    Session session;
    TempHome home;
    App first(session, home.path());
    ASSERT_TRUE(first.waitUntilServing()) << first.output().toStdString();
    ASSERT_EQ(session.sockets().size(), 1);

    App second(session, home.path(), { u"--log-level"_s, u"warn"_s });
    ASSERT_TRUE(second.waitForExit(5000)) << "the second launch kept running";
    EXPECT_LT(second.elapsedMs(), 2000) << "it should hand over and exit at once";
    EXPECT_EQ(second.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(second.exitCode(), 0) << second.output().toStdString();
    EXPECT_TRUE(second.output().contains(u"already running"_s)) << second.output().toStdString();
    EXPECT_FALSE(second.output().contains(u"Moves listed"_s)) << "the second launch opened a window";

    // The first got the arguments and is still there.
    EXPECT_TRUE(first.waitForOutput(u"Second launch for this data folder"_s, 2000))
        << first.output().toStdString();
    EXPECT_TRUE(first.output().contains(u"--home "_s + home.path() + u" --log-level warn"_s))
        << first.output().toStdString();
    QTest::qWait(200);
    EXPECT_TRUE(first.isRunning());
    EXPECT_EQ(session.sockets().size(), 1);
}

TEST(SingleInstance, EquivalentPathsAreTheSameInstance)
{
    // "home/../home" and a symlink to home name the same database, so they meet the same instance.
    Session session;
    TempHome home;
    TempHome other;
    const QString link = other.file(u"link-to-home"_s);
    ASSERT_TRUE(QFile::link(home.path(), link));
    App first(session, home.path());
    ASSERT_TRUE(first.waitUntilServing()) << first.output().toStdString();

    App viaDots(session, home.path() + u"/../"_s + QDir(home.path()).dirName());
    ASSERT_TRUE(viaDots.waitForExit(5000));
    EXPECT_EQ(viaDots.exitCode(), 0);
    App viaLink(session, link);
    ASSERT_TRUE(viaLink.waitForExit(5000));
    EXPECT_EQ(viaLink.exitCode(), 0);
    EXPECT_TRUE(viaLink.output().contains(u"already running"_s)) << viaLink.output().toStdString();
    EXPECT_TRUE(first.isRunning());
}

TEST(SingleInstance, AnotherHomeRunsItsOwnInstance)
{
    Session session;
    TempHome homeA;
    TempHome homeB;
    App first(session, homeA.path());
    ASSERT_TRUE(first.waitUntilServing()) << first.output().toStdString();

    App other(session, homeB.path());
    ASSERT_TRUE(other.waitUntilServing()) << other.output().toStdString();
    QTest::qWait(300);
    EXPECT_TRUE(other.isRunning());
    EXPECT_TRUE(first.isRunning());
    EXPECT_FALSE(first.output().contains(u"Second launch"_s)) << "another home must not be handed over";
    EXPECT_EQ(session.sockets().size(), 2);
}

TEST(SingleInstance, StaleSocketOfAKilledInstanceDoesNotBlockTheNextStart)
{
    Session session;
    TempHome home;
    {
        App crashed(session, home.path());
        ASSERT_TRUE(crashed.waitUntilServing()) << crashed.output().toStdString();
        crashed.killHard();
    }
    // The killed instance could not remove its socket file.
    ASSERT_EQ(session.sockets().size(), 1) << "expected the stale socket file to stay behind";

    App restarted(session, home.path());
    ASSERT_TRUE(restarted.waitUntilServing()) << restarted.output().toStdString();
    QTest::qWait(300);
    EXPECT_TRUE(restarted.isRunning());

    // And it is the live instance now: a second launch is handed to it.
    App second(session, home.path());
    ASSERT_TRUE(second.waitForExit(5000));
    EXPECT_EQ(second.exitCode(), 0) << second.output().toStdString();
    EXPECT_TRUE(restarted.waitForOutput(u"Second launch for this data folder"_s, 2000));
}

TEST(SingleInstance, CliCommandsRunBesideTheWindow)
{
    Session session;
    TempHome home;
    App window(session, home.path());
    ASSERT_TRUE(window.waitUntilServing()) << window.output().toStdString();

    QProcess cli;
    cli.setProcessEnvironment(session.env());
    cli.start(QStringLiteral(CASEYOS_BINARY), { u"--home"_s, home.path(), u"today"_s, u"--json"_s });
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    EXPECT_TRUE(cli.readAllStandardOutput().trimmed().startsWith('[')) << "today --json printed its list";
    EXPECT_FALSE(window.output().contains(u"Second launch"_s)) << "a CLI command is not handed to the window";
    EXPECT_TRUE(window.isRunning());
}

TEST(SingleInstance, MalformedMessageIsRefusedAndTheInstanceCarriesOn)
{
    Session session;
    TempHome home;
    App window(session, home.path());
    ASSERT_TRUE(window.waitUntilServing()) << window.output().toStdString();
    const QStringList sockets = session.sockets();
    ASSERT_EQ(sockets.size(), 1);

    QLocalSocket socket;
    socket.connectToServer(QDir(session.runtimeDir()).filePath(sockets.first()));
    ASSERT_TRUE(socket.waitForConnected(2000)) << socket.errorString().toStdString();
    socket.write("this is not json\n");
    ASSERT_TRUE(waitFor([&] { return socket.canReadLine(); }, 3000));
    EXPECT_TRUE(socket.readLine().startsWith("error")) << "a malformed message is refused";
    socket.abort();

    EXPECT_TRUE(window.waitForOutput(u"ignored a malformed message"_s, 2000))
        << window.output().toStdString();
    EXPECT_TRUE(window.isRunning());
    App second(session, home.path());
    ASSERT_TRUE(second.waitForExit(5000));
    EXPECT_EQ(second.exitCode(), 0);
}

TEST(SingleInstance, ServerNameIsPerDatabaseAndPrivateToTheRuntimeFolder)
{
    QTemporaryDir runtime;
    ASSERT_TRUE(runtime.isValid());
    const QByteArray oldRuntime = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    TempHome a;
    TempHome b;
    const QString nameA = SingleInstance::serverNameFor(a.databasePath());
    EXPECT_TRUE(nameA.startsWith(runtime.path() + u"/caseyos-"_s)) << qPrintable(nameA);
    EXPECT_TRUE(nameA.endsWith(u".socket"_s));
    EXPECT_EQ(nameA, SingleInstance::serverNameFor(a.path() + u"/./caseyos.db"_s));
    EXPECT_NE(nameA, SingleInstance::serverNameFor(b.databasePath()));
    // The demo workspace of a home is another database, so another instance.
    EXPECT_NE(nameA, SingleInstance::serverNameFor(a.file(u"demo/caseyos.db"_s)));
    // Without a runtime folder: a plain name Qt places in the temp folder.
    qunsetenv("XDG_RUNTIME_DIR");
    const QString plain = SingleInstance::serverNameFor(a.databasePath());
    EXPECT_FALSE(plain.contains(u'/'));
    EXPECT_TRUE(plain.startsWith(u"caseyos-"_s));
    if (!oldRuntime.isEmpty())
        qputenv("XDG_RUNTIME_DIR", oldRuntime);
}
