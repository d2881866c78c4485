#include "signals/IngestReport.h"

// PLACEHOLDER: not implemented yet.
