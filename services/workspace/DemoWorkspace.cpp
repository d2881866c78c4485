#include "workspace/DemoWorkspace.h"

// PLACEHOLDER: not implemented yet.
