#include "GuiMain.h"

namespace caseyos {

int runGui(const QStringList&)
{
    return 1; // PLACEHOLDER until the window exists
}

} // namespace caseyos
