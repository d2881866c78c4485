#include "signals/SignalImporter.h"

// PLACEHOLDER: not implemented yet.
