#pragma once

#include <QString>
#include <QTemporaryDir>

namespace caseyos::test {

// A fresh, empty data folder for one test, removed afterwards.
class TempHome
{
public:
    TempHome();
    QString path() const { return m_dir.path(); }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QString databasePath() const; // <home>/caseyos.db
    // Writes `content` to <home>/<name> and returns the path.
    QString writeFile(const QString& name, const QByteArray& content) const;

private:
    QTemporaryDir m_dir;
};

} // namespace caseyos::test
