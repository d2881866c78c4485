#include "mcp/McpPrompts.h"

#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

namespace {

QJsonObject userText(const QString& text)
{
    return { { u"role"_s, u"user"_s },
        { u"content"_s, QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, text } } } };
}

QJsonObject embedded(const QString& uri, const QJsonObject& data)
{
    return { { u"role"_s, u"user"_s },
        { u"content"_s,
            QJsonObject { { u"type"_s, u"resource"_s },
                { u"resource"_s,
                    QJsonObject { { u"uri"_s, uri }, { u"mimeType"_s, u"application/json"_s },
                        { u"text"_s,
                            QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)) } } } } } };
}

QJsonObject toolData(ToolContext& context, const QString& tool, const QJsonObject& arguments)
{
    const ToolResult result = findTool(tool)->run(context, arguments);
    return result.isError ? QJsonObject { { u"error"_s, result.text } } : result.structured;
}

} // namespace

QJsonArray promptList(bool modern)
{
    QJsonObject plan { { u"name"_s, u"plan_my_day"_s },
        { u"description"_s, u"Plan the day from Today's Moves and the unread notifications."_s } };
    QJsonObject follow { { u"name"_s, u"follow_up_with_contact"_s },
        { u"description"_s, u"Draft a follow-up with one contact from what CaseyOS knows about them."_s },
        { u"arguments"_s,
            QJsonArray {
                QJsonObject { { u"name"_s, u"contact_email"_s },
                    { u"description"_s, u"The contact's email address."_s }, { u"required"_s, true } },
                QJsonObject { { u"name"_s, u"goal"_s },
                    { u"description"_s, u"What the follow-up should achieve."_s },
                    { u"required"_s, false } } } } };
    if (modern) {
        plan.insert(u"title"_s, u"Plan my day"_s);
        follow.insert(u"title"_s, u"Follow up with a contact"_s);
    }
    return { plan, follow };
}

RpcReply getPrompt(ToolContext& context, const QJsonObject& params)
{
    if (!params.value(u"name"_s).isString())
        return RpcReply::error(InvalidParams, u"Invalid params: params.name must be a string"_s);
    const QString name = params.value(u"name"_s).toString();
    const QJsonValue argumentsValue = params.value(u"arguments"_s);
    if (!argumentsValue.isUndefined() && !argumentsValue.isObject())
        return RpcReply::error(
            InvalidParams, u"Invalid params: params.arguments must be an object of strings"_s);
    const QJsonObject arguments = argumentsValue.toObject();
    for (auto it = arguments.begin(); it != arguments.end(); ++it)
        if (!it.value().isString())
            return RpcReply::error(InvalidParams,
                u"Invalid params: prompt argument \"%1\" must be a string, got %2"_s.arg(
                    clip(it.key(), 40), jsonTypeName(it.value())));
    if (name == u"plan_my_day"_s) {
        return RpcReply::ok({ { u"description"_s, u"Plan my day"_s },
            { u"messages"_s,
                QJsonArray {
                    userText(u"Here are my Today's Moves (ranked by APS) and my unread notifications "
                             "from CaseyOS. Plan my day: pick the moves to do first and why, group "
                             "quick ones, and flag anything urgent. Do not execute anything without "
                             "asking me."_s),
                    embedded(u"caseyos://moves/today"_s,
                        toolData(context, u"list_todays_moves"_s, { { u"limit"_s, 20 } })),
                    embedded(u"caseyos://whats-up"_s, toolData(context, u"whats_up"_s, {})) } } });
    }
    if (name == u"follow_up_with_contact"_s) {
        const QString email = arguments.value(u"contact_email"_s).toString().trimmed();
        if (email.isEmpty())
            return RpcReply::error(
                InvalidParams, u"Invalid params: prompt argument \"contact_email\" is required"_s);
        const QString goal = arguments.value(u"goal"_s).toString().trimmed();
        QString text
            = u"Help me follow up with %1. Look at what CaseyOS knows about them (below), then draft a "
              "short, specific follow-up email with create_email_draft (without send) and suggest when "
              "to schedule the next follow-up."_s.arg(email.left(320));
        if (!goal.isEmpty())
            text += u" Goal: "_s + goal.left(1000);
        return RpcReply::ok({ { u"description"_s, QString(u"Follow up with "_s + email.left(320)) },
            { u"messages"_s,
                QJsonArray { userText(text),
                    embedded(QString(u"caseyos://contacts/"_s
                                 + QString::fromUtf8(QUrl::toPercentEncoding(email.left(320)))),
                        toolData(context, u"search_contacts"_s,
                            { { u"query"_s, email.left(200) }, { u"limit"_s, 5 } })),
                    embedded(u"caseyos://outcomes/stats"_s,
                        toolData(
                            context, u"outcome_stats"_s, { { u"contact_email"_s, email.left(320) } })) } } });
    }
    return RpcReply::error(InvalidParams, u"Invalid params: unknown prompt \"%1\""_s.arg(clip(name)));
}

} // namespace caseyos::mcp
