#include "signals/HubspotTables.h"

// PLACEHOLDER: not implemented yet.
