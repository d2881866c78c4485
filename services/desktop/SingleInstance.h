#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace caseyos {

// One window per data folder. The first GUI launch for a database listens on a local socket whose name is
// derived from the database's canonical path (so two different homes run side by side); a later launch for
// the same database connects, hands over its arguments and exits. A socket left behind by a crashed
// instance (nobody answers) is removed and taken over. A short-lived lock file serialises two launches that
// start at the same moment. CLI subcommands do not use this: they may run beside the window.
//
// Protocol: the newcomer sends one JSON line {"arguments": [...], "workingDirectory": "..."} and waits for
// the running instance's "ok" line.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role {
        Primary, // this process listens: go on and open the window
        Forwarded, // another instance runs and has the arguments: exit
        Unresponsive, // another instance holds the name but did not take the arguments (errorString())
        Failed, // could not listen (errorString()); the caller may run without the guarantee
    };

    explicit SingleInstance(const QString& databasePath, QObject* parent = nullptr);
    ~SingleInstance() override;

    // The local server name for a database: a full socket path in $XDG_RUNTIME_DIR when there is one
    // (private to the user), else a name Qt puts in the temp folder. Stable for one user and one path.
    static QString serverNameFor(const QString& databasePath);
    // The canonical form of a database path used for the key (resolves symlinks and "..").
    static QString canonicalDatabasePath(const QString& databasePath);

    // Becomes the primary or forwards `arguments`. Blocks for at most about `timeoutMs` (it runs before any
    // window exists; the running instance answers from its event loop).
    Role start(const QStringList& arguments, const QString& workingDirectory, int timeoutMs = 2000);

    QString serverName() const { return m_serverName; }
    QString errorString() const { return m_error; }
    bool isListening() const;

Q_SIGNALS:
    // In the primary: a later launch's arguments (its argv, program name first).
    void messageReceived(const QStringList& arguments, const QString& workingDirectory);

private:
    Role forward(
        QLocalSocket& socket, const QStringList& arguments, const QString& workingDirectory, int timeoutMs);
    bool listen();
    void acceptConnection();
    void readMessage(QLocalSocket* socket);

    QString m_serverName;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

} // namespace caseyos
