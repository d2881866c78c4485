// CaseyOS entry point: a CLI subcommand runs with a QCoreApplication (no display needed); no subcommand
// opens the window with a QApplication. The choice is made before any application object exists, because
// constructing a QApplication without a display aborts.
#include "GuiMain.h"
#include "cli/Cli.h"

#include <QApplication>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(u"CaseyOS"_s);
    QCoreApplication::setApplicationName(u"CaseyOS"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEYOS_VERSION));
}
} // namespace

int main(int argc, char** argv)
{
    if (!caseyos::cli::isGuiInvocation(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        return caseyos::cli::run(app.arguments());
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setDesktopFileName(u"caseyos"_s);
    return caseyos::runGui(app.arguments());
}
