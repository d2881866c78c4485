#include "workspace/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace caseyos {

QString resolveHome(const QString& homeOption)
{
    if (!homeOption.isEmpty())
        return QDir(homeOption).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable("CASEYOS_HOME");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString databasePath(const QString& home)
{
    return QDir(home).filePath(u"caseyos.db"_s);
}

QString demoHome(const QString& home)
{
    return QDir(home).filePath(u"demo"_s);
}

QString logDirectory(const QString& home)
{
    return QDir(home).filePath(u"logs"_s);
}

bool ensureDirectory(const QString& path, QString* error)
{
    if (!QDir().mkpath(path)) {
        if (error)
            *error = u"Cannot create the folder %1"_s.arg(QDir::toNativeSeparators(path));
        return false;
    }
    // mkpath succeeds on an existing read-only folder: prove we can write there.
    QTemporaryFile probe(QDir(path).filePath(u".write-test-XXXXXX"_s));
    if (!probe.open()) {
        if (error)
            *error = u"The folder %1 is not writable: %2"_s.arg(QDir::toNativeSeparators(path), probe.errorString());
        return false;
    }
    return true;
}

} // namespace caseyos
