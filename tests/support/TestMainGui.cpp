// gtest main for widget tests. Listing tests (--gtest_list_tests) needs no display, so the QApplication is
// only created when tests actually run.
#include <QApplication>

#include <gtest/gtest.h>

#include <cstring>
#include <memory>

int main(int argc, char** argv)
{
    bool listing = false;
    for (int i = 1; i < argc; ++i)
        listing = listing || std::strcmp(argv[i], "--gtest_list_tests") == 0;
    ::testing::InitGoogleTest(&argc, argv);
    std::unique_ptr<QApplication> app;
    if (!listing) {
        app = std::make_unique<QApplication>(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("CaseyOS-tests"));
        QApplication::setApplicationName(QStringLiteral("CaseyOS-tests"));
    }
    return RUN_ALL_TESTS();
}
