#include "moves/SnoozePresets.h"

// PLACEHOLDER: not implemented yet.
