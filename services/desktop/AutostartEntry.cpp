#include "desktop/AutostartEntry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kWindowsRunKey = u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s;
const QString kWindowsValueName = u"CaseyOS"_s;
const QString kLaunchAgentLabel = u"app.caseyos.CaseyOS"_s;

// Desktop Entry spec, "The Exec key": an argument with a reserved character goes in double quotes, and inside
// them ", `, $ and \ are escaped with a backslash. A literal % is written %% (field codes).
QString quoteExecArgument(const QString& argument)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    QString escaped = argument;
    escaped.replace(u'%', u"%%"_s);
    bool needsQuotes = escaped.isEmpty();
    for (const QChar c : escaped)
        needsQuotes = needsQuotes || reserved.contains(c);
    if (!needsQuotes)
        return escaped;
    QString quoted;
    for (const QChar c : escaped) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    return u'"' + quoted + u'"';
}

// The value of a desktop entry key is itself a string with escapes (\s \n \t \r \\): a backslash left by the
// quoting above must be doubled again, and a newline written as \n.
QString escapeDesktopValue(const QString& value)
{
    QString out;
    for (const QChar c : value) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c == u'\r')
            out += u"\\r"_s;
        else
            out += c;
    }
    return out;
}

// Windows command line quoting (CommandLineToArgvW rules) for the Run value.
QString quoteWindowsArgument(const QString& argument)
{
    if (!argument.isEmpty() && !argument.contains(u' ') && !argument.contains(u'\t')
        && !argument.contains(u'"'))
        return argument;
    QString quoted = u"\""_s;
    int backslashes = 0;
    for (const QChar c : argument) {
        if (c == u'\\') {
            ++backslashes;
            continue;
        }
        if (c == u'"')
            quoted += QString(backslashes * 2 + 1, u'\\');
        else
            quoted += QString(backslashes, u'\\');
        backslashes = 0;
        quoted += c;
    }
    quoted += QString(backslashes * 2, u'\\');
    return quoted + u'"';
}

bool writeFileAtomically(const QString& path, const QByteArray& content, QString* error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = u"Cannot create the folder %1"_s.arg(
                QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return false;
    }
    // QSaveFile: a full disk or a crash leaves the previous file, never half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        if (error)
            *error = u"Cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool removeFile(const QString& path, QString* error)
{
    if (!QFileInfo::exists(path))
        return true;
    QFile file(path);
    if (!file.remove()) {
        if (error)
            *error = u"Cannot remove %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

AutostartEntry::Mechanism AutostartEntry::platformMechanism()
{
#if defined(Q_OS_WIN)
    return Mechanism::WindowsRunKey;
#elif defined(Q_OS_MACOS)
    return Mechanism::MacLaunchAgent;
#elif defined(Q_OS_UNIX) && !defined(Q_OS_ANDROID) && !defined(Q_OS_IOS)
    return Mechanism::XdgAutostart;
#else
    return Mechanism::Unsupported;
#endif
}

AutostartEntry::AutostartEntry(Mechanism mechanism)
    : m_mechanism(mechanism)
{
}

QString AutostartEntry::location() const
{
    switch (m_mechanism) {
    case Mechanism::XdgAutostart: {
        // GenericConfigLocation is $XDG_CONFIG_HOME, else ~/.config (XDG Autostart spec).
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        return QDir(config).filePath(u"autostart/caseyos.desktop"_s);
    }
    case Mechanism::WindowsRunKey:
        return kWindowsRunKey + u'\\' + kWindowsValueName;
    case Mechanism::MacLaunchAgent:
        return QDir(QDir::homePath()).filePath(u"Library/LaunchAgents/"_s + kLaunchAgentLabel + u".plist"_s);
    case Mechanism::Unsupported:
        break;
    }
    return {};
}

bool AutostartEntry::isEnabled() const
{
    switch (m_mechanism) {
    case Mechanism::XdgAutostart:
    case Mechanism::MacLaunchAgent:
        return QFileInfo::exists(location());
    case Mechanism::WindowsRunKey:
        return QSettings(kWindowsRunKey, QSettings::NativeFormat).contains(kWindowsValueName);
    case Mechanism::Unsupported:
        break;
    }
    return false;
}

bool AutostartEntry::enable(const Launch& launch, QString* error) const
{
    switch (m_mechanism) {
    case Mechanism::XdgAutostart:
        return writeFileAtomically(location(), desktopFileContent(launch).toUtf8(), error);
    case Mechanism::MacLaunchAgent:
        return writeFileAtomically(location(), launchAgentContent(launch), error);
    case Mechanism::WindowsRunKey: {
        QStringList parts { quoteWindowsArgument(QDir::toNativeSeparators(launch.program)) };
        for (const QString& argument : launch.arguments)
            parts << quoteWindowsArgument(argument);
        QSettings run(kWindowsRunKey, QSettings::NativeFormat);
        run.setValue(kWindowsValueName, parts.join(u' '));
        run.sync();
        if (run.status() != QSettings::NoError) {
            if (error)
                *error = u"Cannot write the registry value %1"_s.arg(location());
            return false;
        }
        return true;
    }
    case Mechanism::Unsupported:
        break;
    }
    if (error)
        *error = u"Opening CaseyOS at login is not supported on this system."_s;
    return false;
}

bool AutostartEntry::disable(QString* error) const
{
    switch (m_mechanism) {
    case Mechanism::XdgAutostart:
    case Mechanism::MacLaunchAgent:
        return removeFile(location(), error);
    case Mechanism::WindowsRunKey: {
        QSettings run(kWindowsRunKey, QSettings::NativeFormat);
        run.remove(kWindowsValueName);
        run.sync();
        if (run.status() != QSettings::NoError) {
            if (error)
                *error = u"Cannot remove the registry value %1"_s.arg(location());
            return false;
        }
        return true;
    }
    case Mechanism::Unsupported:
        break;
    }
    return true; // nothing can be registered here, so nothing is
}

QStringList AutostartEntry::loginArguments(const QString& home, const QString& defaultHome)
{
    QStringList arguments { u"--minimized"_s };
    if (!home.isEmpty() && QDir::cleanPath(home) != QDir::cleanPath(defaultHome))
        arguments << u"--home"_s << QDir::cleanPath(home);
    return arguments;
}

QString AutostartEntry::desktopExecLine(const Launch& launch)
{
    QStringList parts { quoteExecArgument(launch.program) };
    for (const QString& argument : launch.arguments)
        parts << quoteExecArgument(argument);
    return escapeDesktopValue(parts.join(u' '));
}

QString AutostartEntry::desktopFileContent(const Launch& launch)
{
    // Written by CaseyOS's "Open at login" option; unticking the option deletes this file.
    return u"[Desktop Entry]\n"
           u"Type=Application\n"
           u"Name=CaseyOS\n"
           u"Comment=Today's Moves from your CRM, inbox and calendar\n"
           u"Exec="_s
        + desktopExecLine(launch)
        + u"\n"
          u"Icon=caseyos\n"
          u"Terminal=false\n"
          u"Categories=Office;ProjectManagement;\n"
          u"X-GNOME-Autostart-enabled=true\n"_s;
}

QByteArray AutostartEntry::launchAgentContent(const Launch& launch)
{
    QByteArray content;
    QXmlStreamWriter xml(&content);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(u"<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                 u"\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"_s);
    xml.writeStartElement(u"plist"_s);
    xml.writeAttribute(u"version"_s, u"1.0"_s);
    xml.writeStartElement(u"dict"_s);
    xml.writeTextElement(u"key"_s, u"Label"_s);
    xml.writeTextElement(u"string"_s, kLaunchAgentLabel);
    xml.writeTextElement(u"key"_s, u"ProgramArguments"_s);
    xml.writeStartElement(u"array"_s);
    xml.writeTextElement(u"string"_s, launch.program);
    for (const QString& argument : launch.arguments)
        xml.writeTextElement(u"string"_s, argument);
    xml.writeEndElement(); // array
    xml.writeTextElement(u"key"_s, u"RunAtLoad"_s);
    xml.writeEmptyElement(u"true"_s);
    xml.writeEndElement(); // dict
    xml.writeEndElement(); // plist
    xml.writeEndDocument();
    return content;
}

} // namespace caseyos
