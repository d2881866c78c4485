#pragma once

#include "jarvis/Intent.h"

#include <QString>
#include <QStringList>

namespace caseyos::jarvis {

// The offline provider's understanding (PRODUCT.md §6): whole-word intent rules with slots, forgiving one
// typo in longer words, no network and no model. The same utterance always gives the same intent.
class IntentRouter
{
public:
    Intent route(QStringView utterance) const;

    // Agent keys the router can name, e.g. "duplicate_watcher" (the agents' registry uses the same keys).
    static QStringList agentKeys();
};

} // namespace caseyos::jarvis
