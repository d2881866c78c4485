#include "core/CanonicalJson.h"

// PLACEHOLDER: not implemented yet.
