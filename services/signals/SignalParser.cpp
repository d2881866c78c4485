#include "signals/SignalParser.h"

// PLACEHOLDER: not implemented yet.
