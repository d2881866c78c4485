#include "signals/SignalFileReader.h"

// PLACEHOLDER: not implemented yet.
