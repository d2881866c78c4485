#include "signals/IngestPipeline.h"

// PLACEHOLDER: not implemented yet.
