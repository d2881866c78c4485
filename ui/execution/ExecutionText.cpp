#include "ExecutionText.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ExecutionText", text);
}
} // namespace

QString actionLabel(ActionKind kind)
{
    switch (kind) {
    case ActionKind::SendEmail:
        return tr("Send email");
    case ActionKind::CreateDraft:
        return tr("Create draft");
    case ActionKind::CreateTask:
        return tr("Create task");
    case ActionKind::UpdateTask:
        return tr("Update task");
    case ActionKind::BookMeeting:
        return tr("Book meeting");
    case ActionKind::UpdateDeal:
        return tr("Update deal");
    case ActionKind::PostSlack:
        return tr("Post to Slack");
    case ActionKind::PostX:
        return tr("Post to X");
    case ActionKind::LogNote:
        return tr("Log note");
    }
    return toString(kind);
}

QString stateLabel(ExecutionState state, ActionKind kind)
{
    switch (state) {
    case ExecutionState::Queued:
        return tr("Waiting in the outbox");
    case ExecutionState::Running:
        return tr("Running");
    case ExecutionState::Succeeded:
        return isSend(kind) ? (kind == ActionKind::SendEmail ? tr("Sent") : tr("Posted")) : tr("Done");
    case ExecutionState::Failed:
        return tr("Failed");
    case ExecutionState::Cancelled:
        return tr("Cancelled (nothing left)");
    case ExecutionState::Undone:
        return tr("Undone");
    }
    return toString(state);
}

QString blockedHeading(const QString& blockedBy)
{
    if (blockedBy == u"kill_switch")
        return tr("Blocked by the kill switch");
    if (blockedBy == u"daily_cap")
        return tr("Daily send cap reached");
    if (blockedBy == u"contact_cap")
        return tr("Weekly cap for this contact reached");
    if (blockedBy == u"safety")
        return tr("Stopped by the email safety checks");
    if (blockedBy == u"no_connector")
        return tr("No connected account can do this");
    if (blockedBy == u"storage")
        return tr("The execution could not be stored");
    return tr("Not executed");
}

QString targetOf(ActionKind kind, const QJsonObject& payload)
{
    switch (kind) {
    case ActionKind::SendEmail:
    case ActionKind::CreateDraft: {
        QStringList to;
        for (const QJsonValue& v : payload.value(u"to"_s).toArray())
            to.append(v.toString());
        if (to.isEmpty() && payload.value(u"to"_s).isString())
            to.append(payload.value(u"to"_s).toString());
        return to.join(u", "_s);
    }
    case ActionKind::PostSlack:
        return payload.value(u"channel"_s).toString();
    case ActionKind::PostX:
        return u"X"_s;
    default:
        return QString();
    }
}

} // namespace caseyos
