#include "TempHome.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace caseyos::test {

TempHome::TempHome()
{
    EXPECT_TRUE(m_dir.isValid()) << "cannot create a temporary folder";
}

QString TempHome::databasePath() const
{
    return file(u"caseyos.db"_s);
}

QString TempHome::writeFile(const QString& name, const QByteArray& content) const
{
    const QString path = file(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << qPrintable(path);
    f.write(content);
    return path;
}

} // namespace caseyos::test
