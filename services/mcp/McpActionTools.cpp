// MCP tools that would act outside CaseyOS (execute a move, send an email). They never act on their own: each
// call becomes an approval, pending until the user decides in the app or with `caseyos approvals`; the
// approved call is then handed to the executor (execution/ApprovedCalls). When the user allowed the tool
// permanently it is approved at once and handed over right away (ToolContext::handOverApproved).
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "mcp/ApprovalService.h"
#include "mcp/McpTool.h"
#include "storage/Database.h"
#include "storage/EmailDraftRepository.h"
#include "storage/MoveRepository.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

namespace {

QString approvalText(const Approval& approval)
{
    if (approval.status == u"approved"_s) {
        QString text = u"Approval %1 was approved at once because the user allowed this tool permanently."_s.arg(
            approval.id);
        text += approval.handoff.isEmpty()
            ? u" The CaseyOS app runs it through its executor (preview rules, caps, undo window); check the "
              "outcome with get_approval."_s
            : u" "_s + approval.handoff + u'.';
        return text;
    }
    return u"Awaiting the user's approval (approval id %1). Nothing was sent or changed; the user decides in "
           "the CaseyOS app or with \"caseyos approvals\". Check the outcome with get_approval."_s.arg(
               approval.id);
}

// The approval as the client sees it; one approved at once is handed to the executor first, so the result
// already says what became of it.
ToolResult approvalResult(ToolContext& context, Approval approval, QJsonObject extra = {})
{
    if (approval.awaitsHandoff() && context.handOverApproved) {
        context.handOverApproved();
        const Result<Approval> after = ApprovalService(context.db, context.clock).find(approval.id);
        if (after)
            approval = after.value();
    }
    extra.insert(u"status"_s, approval.status == u"approved"_s ? u"approved"_s : u"awaiting_approval"_s);
    extra.insert(u"executed"_s, approval.executedAt.isValid());
    extra.insert(u"approval"_s, approvalToJson(approval));
    extra.insert(u"message"_s, approvalText(approval));
    return ToolResult::ok(extra, approvalText(approval));
}

ToolResult executeMove(ToolContext& context, const QJsonObject& arguments)
{
    const qint64 id = arguments.value(u"id"_s).toInteger();
    QString error;
    const std::optional<Move> move = MoveRepository(context.db).find(id, &error);
    if (!move)
        return ToolResult::error(error.isEmpty() ? u"No move with id %1"_s.arg(id) : error);
    const MoveStatus status = move->effectiveStatus(context.clock.now());
    if (status == MoveStatus::Completed || status == MoveStatus::Dismissed)
        return ToolResult::error(
            u"Move %1 is %2; only an open move can be executed"_s.arg(id).arg(toString(status)));
    const QString tool = u"execute_move"_s;
    const Result<Approval> approval
        = ApprovalService(context.db, context.clock)
              .request(tool, arguments, u"Execute move %1: %2"_s.arg(id).arg(move->title),
                  context.allowedTools.contains(tool));
    if (!approval)
        return ToolResult::error(approval.error());
    return approvalResult(context, approval.value(), { { u"move_id"_s, id } });
}

ToolResult createEmailDraft(ToolContext& context, const QJsonObject& arguments)
{
    const QString to = arguments.value(u"to"_s).toString().trimmed();
    if (!to.contains(u'@'))
        return ToolResult::error(u"\"to\" must be an email address"_s);
    const bool send = arguments.value(u"send"_s).toBool(false);
    const QString tool = u"create_email_draft"_s;
    const QDateTime now = context.clock.now();
    std::optional<Approval> approval;
    qint64 draftId = 0;
    QString error;
    if (send) {
        const Result<Approval> requested
            = ApprovalService(context.db, context.clock)
                  .request(tool, arguments,
                      u"Send email to %1: %2"_s.arg(to, arguments.value(u"subject"_s).toString()),
                      context.allowedTools.contains(tool));
        if (!requested)
            return ToolResult::error(requested.error());
        approval = requested.value();
    }
    EmailDraft stored;
    stored.to = to;
    stored.subject = arguments.value(u"subject"_s).toString();
    stored.body = arguments.value(u"body"_s).toString();
    if (arguments.contains(u"move_id"_s))
        stored.moveId = arguments.value(u"move_id"_s).toInteger();
    if (approval)
        stored.approvalId = approval->id;
    stored.createdAt = now;
    const bool ok = EmailDraftRepository(context.db).insert(stored, &error);
    draftId = stored.id;
    if (!ok)
        return ToolResult::error(u"Cannot store the draft: "_s + error);
    const QJsonObject draft { { u"id"_s, draftId }, { u"to"_s, to },
        { u"subject"_s, arguments.value(u"subject"_s).toString() }, { u"created_at"_s, toIsoUtc(now) } };
    if (approval)
        return approvalResult(context, *approval, { { u"draft"_s, draft }, { u"sent"_s, false } });
    return ToolResult::ok({ { u"draft"_s, draft }, { u"sent"_s, false }, { u"status"_s, u"draft_saved"_s } },
        u"Draft %1 saved in CaseyOS; nothing was sent."_s.arg(draftId));
}

ToolResult getApproval(ToolContext& context, const QJsonObject& arguments)
{
    const Result<Approval> found
        = ApprovalService(context.db, context.clock).find(arguments.value(u"id"_s).toInteger());
    if (!found)
        return ToolResult::error(found.error());
    return ToolResult::ok({ { u"approval"_s, approvalToJson(found.value()) } });
}

QJsonObject approvalOutputSchema()
{
    return objectSchema({ { u"status"_s, QJsonObject { { u"type"_s, u"string"_s } } },
                            { u"executed"_s, QJsonObject { { u"type"_s, u"boolean"_s } } },
                            { u"approval"_s, looseObjectSchema() },
                            { u"message"_s, QJsonObject { { u"type"_s, u"string"_s } } },
                            { u"move_id"_s, QJsonObject { { u"type"_s, u"integer"_s } } } },
        { u"status"_s, u"executed"_s, u"approval"_s });
}

} // namespace

QList<ToolDef> actionTools()
{
    QList<ToolDef> tools;
    tools.append({ u"execute_move"_s, u"Execute a move"_s,
        u"Asks to carry out a move (send its email, book its meeting, ...). This never acts on its own: it "
        "creates an approval the user decides in CaseyOS. The result gives the approval id."_s,
        objectSchema({ { u"id"_s, integerSchema(u"The move's id."_s, 1, kMaxId) } }, { u"id"_s }),
        approvalOutputSchema(), { false, true, false, true }, executeMove });
    QJsonObject draftOutput = objectSchema(
        { { u"draft"_s, looseObjectSchema() }, { u"sent"_s, QJsonObject { { u"type"_s, u"boolean"_s } } },
            { u"status"_s, QJsonObject { { u"type"_s, u"string"_s } } },
            { u"approval"_s, looseObjectSchema() } },
        { u"draft"_s, u"sent"_s, u"status"_s });
    tools.append({ u"create_email_draft"_s, u"Create an email draft"_s,
        u"Saves an email draft in CaseyOS. With send: true it also asks to send it, which needs the user's "
        "approval in CaseyOS; nothing is sent by this call."_s,
        objectSchema({ { u"to"_s, stringSchema(u"Recipient email address."_s, 320, 3) },
                         { u"subject"_s, stringSchema(u"Subject line."_s, 500) },
                         { u"body"_s, stringSchema(u"Plain-text body."_s, 20000) },
                         { u"move_id"_s, integerSchema(u"The move this email belongs to."_s, 1, kMaxId) },
                         { u"send"_s,
                             QJsonObject { { u"type"_s, u"boolean"_s },
                                 { u"description"_s, u"Ask to send it (needs approval)."_s } } } },
            { u"to"_s, u"subject"_s, u"body"_s }),
        draftOutput, { false, false, false, true }, createEmailDraft });
    tools.append({ u"get_approval"_s, u"Get an approval"_s,
        u"The state of an approval created by execute_move or create_email_draft (pending, approved or "
        "rejected; executed stays false until CaseyOS can execute)."_s,
        objectSchema({ { u"id"_s, integerSchema(u"The approval id."_s, 1, kMaxId) } }, { u"id"_s }),
        objectSchema({ { u"approval"_s, looseObjectSchema() } }, { u"approval"_s }),
        { true, false, true, false }, getApproval });
    return tools;
}

} // namespace caseyos::mcp
