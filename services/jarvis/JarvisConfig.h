#pragma once

#include "jarvis/LlmTurn.h"

class QSettings;

namespace caseyos {
class AccountRegistry;
class TokenStore;
} // namespace caseyos

namespace caseyos::jarvis {

// Where the key of the settings' provider comes from: the first usable account (Connected or Error) of that
// provider on the Accounts page, read from the keychain through `tokens` at each call (so a key added or
// removed later is seen). Empty when the provider needs no key or has no account. The source may be called
// on any thread; the store answers on the caller's.
TokenSource apiKeySource(const AccountRegistry& registry, TokenStore* tokens, llm::ProviderKind provider);

// The settings from the app's QSettings and the key source: what JarvisClient hands the worker per question.
LlmConfig currentLlmConfig(const QSettings& settings, const AccountRegistry& registry, TokenStore* tokens);

} // namespace caseyos::jarvis
