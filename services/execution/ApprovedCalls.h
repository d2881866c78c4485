#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "execution/Executor.h"

#include <QString>

namespace caseyos {

class Database;
struct Approval;

// What the executor is asked to run for an approved MCP call (PRODUCT.md §8): execute_move → the move's own
// action with the payload built from the move (MovePayload); create_email_draft with send → send_email of
// that draft. approved is set (the user's approval is the confirmation) and approvalId links the execution
// back. Fails with a sentence when the call cannot become a request (the move is gone, another tool).
Result<ExecuteRequest> requestForApproval(Database& db, const Approval& approval);

// Hands every approved call that has not been handed over to the executor, oldest first, and records on
// each approval what happened ("Execution 12 queued", "Not run: the kill switch is on"). Runs on the
// executor's thread (the app's ExecutionWorker, `caseyos approvals approve`). Safe to run in two processes
// at once: the executor's idempotency key makes a second submit answer with the first execution, and the
// approval's hand-over is recorded once. A storage failure records nothing, so the next pass tries again.
struct HandoffReport
{
    int handedOver = 0; // approvals that got an execution (queued, started or already done)
    int refused = 0; // approvals recorded as not run (blocked, invalid)
    QList<SubmitResult> results; // one per approval handed over or refused, in order
    QString error; // storage trouble: nothing recorded for the rest
};

HandoffReport handOverApproved(Database& db, const Clock& clock, Executor& executor);

} // namespace caseyos
