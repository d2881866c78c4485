#include "signals/GmailReplyClassifier.h"

// PLACEHOLDER: not implemented yet.
