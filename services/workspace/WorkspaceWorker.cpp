#include "workspace/WorkspaceWorker.h"

// PLACEHOLDER: not implemented yet.
