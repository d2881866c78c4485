#include "execution/ApprovedCalls.h"

#include "execution/MovePayload.h"
#include "mcp/ApprovalService.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// The line stored on the approval: what the user (and get_approval) reads about the hand-over.
QString handoffLine(const SubmitResult& result)
{
    const qint64 id = result.record ? result.record->id : 0;
    switch (result.status) {
    case SubmitResult::Status::Queued:
        return u"Execution %1 queued: leaves after the undo window"_s.arg(id);
    case SubmitResult::Status::Started:
        return u"Execution %1 started"_s.arg(id);
    case SubmitResult::Status::AlreadyDone:
        return u"Already done as execution %1"_s.arg(id);
    case SubmitResult::Status::InProgress:
        return u"Execution %1 is already under way"_s.arg(id);
    default:
        return u"Not run: "_s + result.message;
    }
}

bool isStorageTrouble(const SubmitResult& result)
{
    return result.status == SubmitResult::Status::Blocked && result.blockedBy == u"storage"_s;
}

} // namespace

Result<ExecuteRequest> requestForApproval(Database& db, const Approval& approval)
{
    ExecuteRequest request;
    request.approved = true;
    request.approvalId = approval.id;
    if (approval.tool == u"execute_move"_s) {
        const qint64 moveId = approval.arguments.value(u"id"_s).toInteger();
        QString error;
        const std::optional<Move> move = MoveRepository(db).find(moveId, &error);
        if (!move)
            return Result<ExecuteRequest>::failure(
                error.isEmpty() ? u"move %1 no longer exists"_s.arg(moveId) : error);
        const ActionDraft draft = defaultActionFor(*move);
        request.moveId = move->id;
        request.kind = draft.kind;
        request.payload = draft.payload;
        return Result<ExecuteRequest>::success(request);
    }
    if (approval.tool == u"create_email_draft"_s && approval.arguments.value(u"send"_s).toBool(false)) {
        request.kind = ActionKind::SendEmail;
        request.payload = { { u"to"_s, QJsonArray { approval.arguments.value(u"to"_s).toString() } },
            { u"subject"_s, approval.arguments.value(u"subject"_s).toString() },
            { u"text"_s, approval.arguments.value(u"body"_s).toString() } };
        if (approval.arguments.contains(u"move_id"_s))
            request.moveId = approval.arguments.value(u"move_id"_s).toInteger();
        return Result<ExecuteRequest>::success(request);
    }
    return Result<ExecuteRequest>::failure(u"%1 runs nothing when approved"_s.arg(approval.tool));
}

HandoffReport handOverApproved(Database& db, const Clock& clock, Executor& executor)
{
    HandoffReport report;
    ApprovalService approvals(db, clock);
    const Result<QList<Approval>> waiting = approvals.awaitingHandoff();
    if (!waiting) {
        report.error = waiting.error();
        return report;
    }
    for (const Approval& approval : waiting.value()) {
        const Result<ExecuteRequest> request = requestForApproval(db, approval);
        SubmitResult result;
        if (request) {
            result = executor.submit(request.value());
        } else {
            result.status = SubmitResult::Status::Invalid;
            result.message = request.error();
        }
        if (isStorageTrouble(result)) {
            report.error = result.message;
            return report;
        }
        const qint64 executionId = result.record ? result.record->id : 0;
        const Result<bool> recorded = approvals.recordHandoff(approval.id, executionId, handoffLine(result));
        if (!recorded) {
            report.error = recorded.error();
            return report;
        }
        if (executionId > 0)
            ++report.handedOver;
        else
            ++report.refused;
        report.results.append(result);
    }
    return report;
}

} // namespace caseyos
