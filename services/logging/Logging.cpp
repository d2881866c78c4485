#include "logging/Logging.h"

// PLACEHOLDER: not implemented yet.
