#include "Cli.h"

namespace caseyos::cli {

bool isGuiInvocation(int, char**)
{
    return false;
}

int run(const QStringList&)
{
    return 1; // PLACEHOLDER
}

} // namespace caseyos::cli
