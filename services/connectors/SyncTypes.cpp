#include "connectors/SyncTypes.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString toString(SyncProvider provider)
{
    switch (provider) {
    case SyncProvider::Gmail:
        return u"gmail"_s;
    case SyncProvider::Calendar:
        return u"calendar"_s;
    case SyncProvider::Hubspot:
        return u"hubspot"_s;
    }
    return u"unknown"_s;
}

} // namespace caseyos
