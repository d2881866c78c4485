#include "moves/MoveService.h"

// PLACEHOLDER: not implemented yet.
