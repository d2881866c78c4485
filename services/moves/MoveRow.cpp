#include "moves/MoveRow.h"

// PLACEHOLDER: not implemented yet.
