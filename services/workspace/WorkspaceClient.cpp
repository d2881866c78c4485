#include "workspace/WorkspaceClient.h"

// PLACEHOLDER: not implemented yet.
