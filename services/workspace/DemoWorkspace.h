#pragma once

#include "core/Clock.h"

#include <QString>

namespace caseyos {

// The demo workspace lives in <home>/demo and is created on first use from the sample signals shipped in
// resources (:/demo/signals.jsonl). Their times are shifted so the newest sample signal happened an hour
// before `clock.now()`, so a new user sees a current, full, ranked list at once.
// Returns the demo database path, or an empty string with `error` set.
QString ensureDemoWorkspace(const QString& home, const Clock& clock, QString* error);

} // namespace caseyos
