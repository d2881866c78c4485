#pragma once

#include "accounts/Account.h"
#include "accounts/AccountsRuntime.h"
#include "jarvis/LlmTurn.h"

#include <memory>

namespace caseyos::cli {

struct Context;

// The accounts for a command that may use a language model or a connected service (ask, agent run): the
// accounts list from the settings, and the accounts stack (keychain) only when there is at least one, so a
// machine with no account — the default — never touches the keychain. `runtime` must outlive every key or
// token source made from it.
struct CliAccounts
{
    QList<Account> accounts;
    std::unique_ptr<AccountsRuntime> runtime;

    TokenStore* tokens() const;
    // Jarvis's language-model settings (caseyos jarvis config) with the key of their provider, if stored.
    jarvis::LlmConfig llmConfig() const;
};

CliAccounts cliAccounts(const Context& context);

} // namespace caseyos::cli
