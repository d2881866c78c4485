// gtest main for tests that need only QtCore: one QCoreApplication for the whole binary.
#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CaseyOS-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("CaseyOS-tests"));
    return RUN_ALL_TESTS();
}
