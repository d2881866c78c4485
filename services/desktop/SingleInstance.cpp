#include "desktop/SingleInstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr qint64 kMaxMessageBytes = 64 * 1024; // arguments only; anything larger is not a CaseyOS launch
constexpr int kIdleConnectionMs = 5000; // a client that connects and says nothing is dropped
// sockaddr_un.sun_path is 108 bytes on Linux (104 on macOS); keep well below.
constexpr qsizetype kMaxSocketPath = 100;

QByteArray userName()
{
    QByteArray user = qgetenv("USER");
    if (user.isEmpty())
        user = qgetenv("USERNAME");
    return user;
}

} // namespace

SingleInstance::SingleInstance(const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_serverName(serverNameFor(databasePath))
{
}

SingleInstance::~SingleInstance() = default; // the server (a child) closes and removes its socket file

QString SingleInstance::canonicalDatabasePath(const QString& databasePath)
{
    const QFileInfo file(databasePath);
    QString canonical = file.canonicalFilePath(); // empty when the file does not exist yet
    if (canonical.isEmpty()) {
        const QString folder = file.absoluteDir().canonicalPath();
        canonical = folder.isEmpty() ? file.absoluteFilePath() : QDir(folder).filePath(file.fileName());
    }
#ifdef Q_OS_WIN
    canonical = canonical.toLower(); // paths are case-insensitive there
#endif
    return QDir::cleanPath(canonical);
}

QString SingleInstance::serverNameFor(const QString& databasePath)
{
    // The user is part of the key: on systems where names share one namespace (Windows pipes, /tmp), two
    // users' instances must not meet.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(userName());
    hash.addData(QByteArrayView("\n"));
    hash.addData(canonicalDatabasePath(databasePath).toUtf8());
    const QString name = u"caseyos-"_s + QString::fromLatin1(hash.result().toHex().left(24));
#ifdef Q_OS_UNIX
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir()) {
        const QString path = QDir(runtime).filePath(name + u".socket"_s);
        if (path.size() <= kMaxSocketPath)
            return path;
    }
#endif
    return name;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

SingleInstance::Role SingleInstance::start(
    const QStringList& arguments, const QString& workingDirectory, int timeoutMs)
{
    // The lock covers "is anyone there? else listen", so that of two launches started together exactly one
    // listens. QLockFile treats a lock whose owner died as stale, so a crash cannot leave it stuck.
    const QString lockPath
        = (QDir::isAbsolutePath(m_serverName) ? m_serverName : QDir(QDir::tempPath()).filePath(m_serverName))
        + u".lock"_s;
    QLockFile lock(lockPath);
    if (!lock.tryLock(timeoutMs)) {
        m_error = u"Another CaseyOS launch holds %1"_s.arg(QDir::toNativeSeparators(lockPath));
        return Role::Failed;
    }

    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (socket.waitForConnected(timeoutMs))
        return forward(socket, arguments, workingDirectory, timeoutMs);

    const QLocalSocket::LocalSocketError error = socket.error();
    if (error != QLocalSocket::ServerNotFoundError && error != QLocalSocket::ConnectionRefusedError) {
        // Something is there (e.g. a timeout): taking the name over could leave two windows on one database.
        m_error = u"Cannot reach the running CaseyOS at %1: %2"_s.arg(m_serverName, socket.errorString());
        return Role::Unresponsive;
    }
    // Nobody answers: either nobody runs, or a crashed instance left its socket file behind. Under the lock
    // no live instance can be starting, so removing the name is safe.
    QLocalServer::removeServer(m_serverName);
    return listen() ? Role::Primary : Role::Failed;
}

SingleInstance::Role SingleInstance::forward(
    QLocalSocket& socket, const QStringList& arguments, const QString& workingDirectory, int timeoutMs)
{
    QJsonObject message;
    message.insert(u"arguments"_s, QJsonArray::fromStringList(arguments));
    message.insert(u"workingDirectory"_s, workingDirectory);
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    QDeadlineTimer deadline(timeoutMs);
    if (!socket.waitForBytesWritten(int(deadline.remainingTime()))) {
        m_error = u"The running CaseyOS did not take the message: %1"_s.arg(socket.errorString());
        return Role::Unresponsive;
    }
    QByteArray reply;
    while (!reply.contains('\n')) {
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime()))) {
            m_error = u"The running CaseyOS did not answer within %1 ms"_s.arg(timeoutMs);
            return Role::Unresponsive;
        }
        reply += socket.readAll();
    }
    socket.disconnectFromServer();
    if (reply.trimmed() != "ok") {
        m_error = u"The running CaseyOS refused the message: %1"_s.arg(QString::fromUtf8(reply.trimmed()));
        return Role::Unresponsive;
    }
    return Role::Forwarded;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    // Only this user may connect (on Unix the socket file is created 0700-style).
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        m_error = u"Cannot listen on %1: %2"_s.arg(m_serverName, m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnection);
    return true;
}

void SingleInstance::acceptConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kIdleConnectionMs, socket, [socket] { socket->abort(); });
    }
}

void SingleInstance::readMessage(QLocalSocket* socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxMessageBytes) {
            qWarning("Single instance: dropped an oversized message from a second launch");
            socket->abort();
        }
        return;
    }
    const QByteArray line = socket->readLine(kMaxMessageBytes);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QJsonValue argumentsValue = document.object().value(u"arguments"_s);
    if (parseError.error != QJsonParseError::NoError || !argumentsValue.isArray()) {
        qWarning("Single instance: ignored a malformed message from a second launch");
        socket->write("error malformed message\n");
        socket->disconnectFromServer();
        return;
    }
    QStringList arguments;
    for (const QJsonValue& value : argumentsValue.toArray())
        arguments << value.toString();
    const QString workingDirectory = document.object().value(u"workingDirectory"_s).toString();
    // Answer first: the newcomer exits as soon as it knows the message arrived.
    socket->write("ok\n");
    socket->flush();
    socket->disconnectFromServer();
    Q_EMIT messageReceived(arguments, workingDirectory);
}

} // namespace caseyos
