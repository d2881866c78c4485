#include "core/Timestamps.h"

// PLACEHOLDER: not implemented yet.
