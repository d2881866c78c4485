#pragma once

#include <QString>
#include <QStringList>

namespace caseyos {

// "Open at login": one switch over the platform's own mechanism.
// - Linux and other XDG desktops: $XDG_CONFIG_HOME/autostart/caseyos.desktop (XDG Autostart spec).
// - Windows: a value named "CaseyOS" under HKCU\Software\Microsoft\Windows\CurrentVersion\Run.
// - macOS: ~/Library/LaunchAgents/app.caseyos.CaseyOS.plist with RunAtLoad.
// Elsewhere isSupported() is false and enable() says so instead of pretending.
// The Windows and macOS writers are plain Qt code built everywhere, so they compile here, but they are only
// selected (and only exercised for real) on their own platforms.
class AutostartEntry
{
public:
    enum class Mechanism { XdgAutostart, WindowsRunKey, MacLaunchAgent, Unsupported };

    // What the login session starts.
    struct Launch
    {
        QString program; // absolute path of the caseyos binary
        QStringList arguments; // e.g. --minimized [--home DIR]
    };

    static Mechanism platformMechanism();
    explicit AutostartEntry(Mechanism mechanism = platformMechanism());

    Mechanism mechanism() const { return m_mechanism; }
    bool isSupported() const { return m_mechanism != Mechanism::Unsupported; }
    // The file (or registry key) that holds the entry; empty when unsupported.
    QString location() const;
    bool isEnabled() const;
    bool enable(const Launch& launch, QString* error) const;
    bool disable(QString* error) const; // true when there is no entry afterwards (also if there was none)

    // The arguments for a login launch: start in the tray, and keep a data folder that is not the default.
    static QStringList loginArguments(const QString& home, const QString& defaultHome);

    // The XDG desktop entry's text, with Exec quoted as the Desktop Entry spec requires.
    static QString desktopFileContent(const Launch& launch);
    static QString desktopExecLine(const Launch& launch);
    // The launchd property list.
    static QByteArray launchAgentContent(const Launch& launch);

private:
    Mechanism m_mechanism;
};

} // namespace caseyos
