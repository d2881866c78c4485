// "Open at login": the XDG autostart file is written where the XDG Autostart spec says ($XDG_CONFIG_HOME/
// autostart), is a valid desktop entry whose Exec runs CaseyOS minimised with the right --home (even with
// spaces, quotes, $ and % in paths), and is removed again. Other mechanisms behind the same switch.
#include "desktop/AutostartEntry.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

// Sets an environment variable for one test and restores it afterwards.
class EnvGuard
{
public:
    EnvGuard(const char* name, const QByteArray& value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

// The [Desktop Entry] group's key=value pairs, as a desktop file reader sees them.
QMap<QString, QString> readEntry(const QString& path)
{
    QMap<QString, QString> entry;
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text)) << qPrintable(path);
    bool inGroup = false;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (line.startsWith(u'['))
            inGroup = line == u"[Desktop Entry]"_s;
        else if (inGroup && line.contains(u'='))
            entry.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
    }
    return entry;
}

// An independent reading of an Exec value by the Desktop Entry spec: string escapes first, then arguments
// split at spaces outside double quotes, backslash escapes inside them, and %% for a literal %.
QStringList parseExec(const QString& value)
{
    QString unescaped;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == u'\\' && i + 1 < value.size()) {
            const QChar next = value.at(++i);
            unescaped += next == u's' ? u' '
                : next == u'n'        ? u'\n'
                : next == u't'        ? u'\t'
                : next == u'r'        ? u'\r'
                                      : next;
        } else {
            unescaped += value.at(i);
        }
    }
    QStringList arguments;
    QString current;
    bool inQuotes = false;
    bool hasArgument = false;
    for (qsizetype i = 0; i < unescaped.size(); ++i) {
        const QChar c = unescaped.at(i);
        if (inQuotes) {
            if (c == u'\\' && i + 1 < unescaped.size())
                current += unescaped.at(++i);
            else if (c == u'"')
                inQuotes = false;
            else
                current += c;
        } else if (c == u'"') {
            inQuotes = true;
            hasArgument = true;
        } else if (c == u' ') {
            if (hasArgument || !current.isEmpty())
                arguments << current;
            current.clear();
            hasArgument = false;
        } else {
            current += c;
        }
    }
    EXPECT_FALSE(inQuotes) << "unterminated quote in Exec";
    if (hasArgument || !current.isEmpty())
        arguments << current;
    for (QString& argument : arguments)
        argument.replace(u"%%"_s, u"%"_s);
    return arguments;
}

} // namespace

TEST(AutostartEntry, LoginArgumentsStartMinimisedAndKeepANonDefaultHome)
{
    EXPECT_EQ(
        AutostartEntry::loginArguments(u"/home/u/.local/share/CaseyOS"_s, u"/home/u/.local/share/CaseyOS"_s),
        QStringList { u"--minimized"_s });
    EXPECT_EQ(
        AutostartEntry::loginArguments(u"/home/u/.local/share/CaseyOS/"_s, u"/home/u/.local/share/CaseyOS"_s),
        QStringList { u"--minimized"_s });
    EXPECT_EQ(AutostartEntry::loginArguments(u"/data/work"_s, u"/home/u/.local/share/CaseyOS"_s),
        (QStringList { u"--minimized"_s, u"--home"_s, u"/data/work"_s }));
}

TEST(AutostartEntry, XdgFileIsWrittenValidAndRemoved)
{
    QTemporaryDir config;
    ASSERT_TRUE(config.isValid());
    EnvGuard env("XDG_CONFIG_HOME", QFile::encodeName(config.path()));

    const AutostartEntry entry(AutostartEntry::Mechanism::XdgAutostart);
    ASSERT_TRUE(entry.isSupported());
    const QString expectedPath = QDir(config.path()).filePath(u"autostart/caseyos.desktop"_s);
    EXPECT_EQ(entry.location(), expectedPath);
    EXPECT_FALSE(entry.isEnabled());

    // Awkward but legal paths: spaces, quotes, $, %, a backslash.
    AutostartEntry::Launch launch;
    launch.program = u"/opt/Casey OS/bin/caseyos"_s;
    const QString home = u"/tmp/My \"Sales\" Home $USER 100% a\\b"_s;
    launch.arguments = AutostartEntry::loginArguments(home, u"/home/u/.local/share/CaseyOS"_s);
    QString error;
    ASSERT_TRUE(entry.enable(launch, &error)) << qPrintable(error);
    ASSERT_TRUE(QFile::exists(expectedPath));
    EXPECT_TRUE(entry.isEnabled());

    const QMap<QString, QString> values = readEntry(expectedPath);
    EXPECT_EQ(values.value(u"Type"_s), u"Application"_s);
    EXPECT_EQ(values.value(u"Name"_s), u"CaseyOS"_s);
    EXPECT_EQ(values.value(u"Terminal"_s), u"false"_s);
    // The login session runs exactly: caseyos --minimized --home <home>.
    EXPECT_EQ(parseExec(values.value(u"Exec"_s)),
        (QStringList { launch.program, u"--minimized"_s, u"--home"_s, home }));

    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    if (validator.isEmpty()) {
        std::cout
            << "[ note ] desktop-file-validate is not installed (package desktop-file-utils): the entry "
               "was checked by this test's own reader only\n";
    } else {
        QProcess validate;
        validate.start(validator, { expectedPath });
        ASSERT_TRUE(validate.waitForFinished(30000));
        EXPECT_EQ(validate.exitCode(), 0) << validate.readAllStandardOutput().toStdString()
                                          << validate.readAllStandardError().toStdString();
        // It prints errors and warnings; a clean entry gets neither.
        EXPECT_EQ(validate.readAllStandardOutput().trimmed().toStdString(), "");
    }

    // Enabling again replaces the file (e.g. after a move of the binary) rather than failing.
    launch.program = u"/usr/bin/caseyos"_s;
    launch.arguments = AutostartEntry::loginArguments(u"/x"_s, u"/x"_s);
    ASSERT_TRUE(entry.enable(launch, &error)) << qPrintable(error);
    EXPECT_EQ(parseExec(readEntry(expectedPath).value(u"Exec"_s)),
        (QStringList { u"/usr/bin/caseyos"_s, u"--minimized"_s }));

    ASSERT_TRUE(entry.disable(&error)) << qPrintable(error);
    EXPECT_FALSE(QFile::exists(expectedPath));
    EXPECT_FALSE(entry.isEnabled());
    EXPECT_TRUE(entry.disable(&error)); // nothing left to remove is not an error
}

TEST(AutostartEntry, UnwritableConfigFolderGivesAClearError)
{
    QTemporaryDir config;
    ASSERT_TRUE(config.isValid());
    // "autostart" exists as a file, so the folder cannot be created (works as root too, unlike chmod).
    QFile blocker(QDir(config.path()).filePath(u"autostart"_s));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    EnvGuard env("XDG_CONFIG_HOME", QFile::encodeName(config.path()));

    const AutostartEntry entry(AutostartEntry::Mechanism::XdgAutostart);
    QString error;
    EXPECT_FALSE(entry.enable({ u"/usr/bin/caseyos"_s, { u"--minimized"_s } }, &error));
    EXPECT_TRUE(error.contains(u"autostart"_s)) << qPrintable(error);
    EXPECT_FALSE(entry.isEnabled());
}

TEST(AutostartEntry, UnsupportedPlatformSaysSoInsteadOfPretending)
{
    const AutostartEntry entry(AutostartEntry::Mechanism::Unsupported);
    EXPECT_FALSE(entry.isSupported());
    EXPECT_TRUE(entry.location().isEmpty());
    EXPECT_FALSE(entry.isEnabled());
    QString error;
    EXPECT_FALSE(entry.enable({ u"/usr/bin/caseyos"_s, { u"--minimized"_s } }, &error));
    EXPECT_EQ(error, u"Opening CaseyOS at login is not supported on this system."_s);
    EXPECT_FALSE(entry.isEnabled());
}

TEST(AutostartEntry, ThisPlatformUsesItsOwnMechanism)
{
#if defined(Q_OS_LINUX)
    EXPECT_EQ(AutostartEntry::platformMechanism(), AutostartEntry::Mechanism::XdgAutostart);
#elif defined(Q_OS_WIN)
    EXPECT_EQ(AutostartEntry::platformMechanism(), AutostartEntry::Mechanism::WindowsRunKey);
#elif defined(Q_OS_MACOS)
    EXPECT_EQ(AutostartEntry::platformMechanism(), AutostartEntry::Mechanism::MacLaunchAgent);
#endif
    EXPECT_EQ(AutostartEntry().mechanism(), AutostartEntry::platformMechanism());
}

TEST(AutostartEntry, MacLaunchAgentListsTheProgramAndItsArguments)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    EnvGuard env("HOME", QFile::encodeName(home.path()));
    const AutostartEntry entry(AutostartEntry::Mechanism::MacLaunchAgent);
    EXPECT_EQ(
        entry.location(), QDir(home.path()).filePath(u"Library/LaunchAgents/app.caseyos.CaseyOS.plist"_s));

    const AutostartEntry::Launch launch { u"/Applications/CaseyOS.app/Contents/MacOS/caseyos"_s,
        { u"--minimized"_s, u"--home"_s, u"/Users/u/Sales & Co"_s } };
    QString error;
    ASSERT_TRUE(entry.enable(launch, &error)) << qPrintable(error);
    QFile file(entry.location());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList strings;
    bool runAtLoad = false;
    QString lastKey;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"key"_s) {
            lastKey = xml.readElementText();
        } else if (xml.name() == u"string"_s) {
            strings << xml.readElementText();
        } else if (xml.name() == u"true"_s && lastKey == u"RunAtLoad"_s) {
            runAtLoad = true;
        }
    }
    ASSERT_FALSE(xml.hasError()) << qPrintable(xml.errorString());
    EXPECT_EQ(strings,
        (QStringList { u"app.caseyos.CaseyOS"_s, launch.program, u"--minimized"_s, u"--home"_s,
            u"/Users/u/Sales & Co"_s }));
    EXPECT_TRUE(runAtLoad);
    ASSERT_TRUE(entry.disable(&error));
    EXPECT_FALSE(entry.isEnabled());
}
