#include "signals/SignalRules.h"

// PLACEHOLDER: not implemented yet.
