#include "CliCommon.h"
