#include "MovesModel.h"
