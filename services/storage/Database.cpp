#include "storage/Database.h"

// PLACEHOLDER: not implemented yet.
