#include "mcp/McpResources.h"

#include "mcp/ApprovalService.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

namespace {

struct StaticResource
{
    const char* uri;
    const char* name;
    const char* title;
    const char* description;
};

constexpr StaticResource kResources[] = {
    { "caseyos://moves/today", "todays-moves", "Today's Moves", "The top 50 pending moves in rank order." },
    { "caseyos://outcomes/stats", "outcome-stats", "Outcome stats", "Outcome stats over the last 30 days." },
    { "caseyos://whats-up", "whats-up", "What's up", "The unread notifications summed up." },
    { "caseyos://approvals", "approvals", "Approvals",
        "Approvals requested through MCP (pending, approved, rejected), newest first." },
};

QJsonObject describe(const char* name, const char* title, const char* description, bool modern)
{
    QJsonObject entry { { u"name"_s, QString::fromUtf8(name) },
        { u"description"_s, QString::fromUtf8(description) }, { u"mimeType"_s, u"application/json"_s } };
    if (modern)
        entry.insert(u"title"_s, QString::fromUtf8(title));
    return entry;
}

RpcReply contents(const QString& uri, const QJsonObject& data)
{
    return RpcReply::ok({ { u"contents"_s,
        QJsonArray { QJsonObject { { u"uri"_s, uri }, { u"mimeType"_s, u"application/json"_s },
            { u"text"_s, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)) } } } } });
}

RpcReply viaTool(
    ToolContext& context, const QString& uri, const QString& toolName, const QJsonObject& arguments)
{
    const ToolResult result = findTool(toolName)->run(context, arguments);
    if (result.isError)
        return RpcReply::error(
            kResourceNotFound, u"Resource not found: %1 (%2)"_s.arg(clip(uri), result.text));
    return contents(uri, result.structured);
}

} // namespace

QJsonArray resourceList(bool modern)
{
    QJsonArray list;
    for (const StaticResource& r : kResources) {
        QJsonObject entry = describe(r.name, r.title, r.description, modern);
        entry.insert(u"uri"_s, QString::fromUtf8(r.uri));
        list.append(entry);
    }
    return list;
}

QJsonArray resourceTemplateList(bool modern)
{
    QJsonObject entry = describe("move", "A move", "One move with its signal and history, by id.", modern);
    entry.insert(u"uriTemplate"_s, u"caseyos://moves/{id}"_s);
    return { entry };
}

RpcReply readResource(ToolContext& context, const QJsonObject& params)
{
    if (!params.value(u"uri"_s).isString())
        return RpcReply::error(InvalidParams, u"Invalid params: params.uri must be a string"_s);
    const QString uri = params.value(u"uri"_s).toString();
    if (uri == u"caseyos://moves/today"_s)
        return viaTool(context, uri, u"list_todays_moves"_s, { { u"limit"_s, 50 } });
    if (uri == u"caseyos://outcomes/stats"_s)
        return viaTool(context, uri, u"outcome_stats"_s, {});
    if (uri == u"caseyos://whats-up"_s)
        return viaTool(context, uri, u"whats_up"_s, {});
    if (uri == u"caseyos://approvals"_s) {
        const Result<QList<Approval>> approvals = ApprovalService(context.db, context.clock).list();
        if (!approvals)
            return RpcReply::error(InternalError, approvals.error());
        QJsonArray list;
        for (const Approval& approval : approvals.value())
            list.append(approvalToJson(approval));
        return contents(uri, { { u"approvals"_s, list } });
    }
    static const QRegularExpression movePattern(u"^caseyos://moves/([1-9][0-9]{0,15})$"_s);
    if (const QRegularExpressionMatch match = movePattern.match(uri); match.hasMatch())
        return viaTool(context, uri, u"get_move"_s, { { u"id"_s, match.captured(1).toLongLong() } });
    return RpcReply::error(kResourceNotFound, u"Resource not found: %1"_s.arg(clip(uri)));
}

} // namespace caseyos::mcp
