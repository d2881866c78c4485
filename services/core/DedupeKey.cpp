#include "core/DedupeKey.h"

// PLACEHOLDER: not implemented yet.
