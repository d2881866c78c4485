#include "scoring/ApsCalculator.h"

// PLACEHOLDER: not implemented yet.
