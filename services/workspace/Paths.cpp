#include "workspace/Paths.h"

// PLACEHOLDER: not implemented yet.
