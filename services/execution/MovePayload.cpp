#include "execution/MovePayload.h"

#include "core/Timestamps.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

ActionKind kindFor(const Move& move)
{
    if (const auto named = actionKindFromString(move.actionType))
        return *named;
    const QString type = move.actionType.trimmed().toLower();
    static const QSet<QString> emails { u"email_follow_up"_s, u"thread_reply"_s, u"thread_bump"_s,
        u"follow_up"_s, u"check_in"_s, u"proposal_send"_s, u"contract_follow_up"_s, u"meeting_follow_up"_s };
    if (emails.contains(type) && !move.contactEmail.isEmpty())
        return ActionKind::SendEmail;
    if ((type == "schedule_meeting"_L1 || type == "book_meeting"_L1) && !move.contactEmail.isEmpty())
        return ActionKind::BookMeeting;
    const QJsonObject& c = move.actionContext;
    if (type == "update_crm"_L1 && !move.dealId.isEmpty()
        && (c.contains("stage"_L1) || c.contains("amount"_L1) || c.contains("close_date"_L1)))
        return ActionKind::UpdateDeal;
    return ActionKind::CreateTask;
}

QString firstName(const Move& move)
{
    const QString name = move.contactName.trimmed();
    return name.isEmpty() ? QString() : name.section(u' ', 0, 0);
}

QJsonObject emailPayload(const Move& move)
{
    const QJsonObject& c = move.actionContext;
    const QString threadId = c.value("thread_id"_L1).toString();
    const QString messageHeader
        = c.value("message_id_header"_L1).toString(c.value("message_id"_L1).toString());
    QString subject = c.value("subject"_L1).toString();
    const bool reply = !threadId.isEmpty();
    if (reply && !subject.isEmpty() && !subject.startsWith(u"re:"_s, Qt::CaseInsensitive))
        subject = u"Re: "_s + subject;
    if (subject.isEmpty())
        subject = move.title;
    const QString greeting = firstName(move).isEmpty() ? u"Hi,"_s : u"Hi %1,"_s.arg(firstName(move));
    QString body = greeting + u"\n\n"_s + (move.description.isEmpty() ? move.title : move.description)
        + u"\n\nBest,\n"_s;
    // A new thread is outreach: it carries the opt-out wording the safety checks require (original §14.3).
    if (!reply)
        body += u"\nIf this is not relevant to you, reply \"unsubscribe\" and I will not follow up.\n"_s;
    QJsonObject p { { u"to"_s, QJsonArray { move.contactEmail } }, { u"subject"_s, subject },
        { u"text"_s, body } };
    if (reply)
        p.insert(u"thread_id"_s, threadId);
    // Only an RFC 5322 Message-ID can go in In-Reply-To; a Gmail API id cannot.
    if (messageHeader.startsWith(u'<') && messageHeader.contains(u'@'))
        p.insert(u"in_reply_to"_s, messageHeader);
    return p;
}

QJsonObject taskPayload(const Move& move)
{
    QJsonObject p { { u"subject"_s, move.title },
        { u"priority"_s,
            move.aps >= 80       ? u"HIGH"_s
                : move.aps >= 50 ? u"MEDIUM"_s
                                 : u"LOW"_s } };
    if (!move.description.isEmpty())
        p.insert(u"body"_s, move.description);
    if (move.dueBy.isValid())
        p.insert(u"due_at"_s, toIsoUtc(move.dueBy));
    if (!move.contactEmail.isEmpty())
        p.insert(u"contact_email"_s, move.contactEmail);
    if (!move.dealId.isEmpty())
        p.insert(u"deal_id"_s, move.dealId);
    return p;
}

QJsonObject meetingPayload(const Move& move)
{
    const QString who = move.contactName.isEmpty() ? move.contactEmail : move.contactName;
    QString summary = u"Meeting with "_s + who;
    if (!move.company.isEmpty())
        summary += u" ("_s + move.company + u')';
    QJsonObject p { { u"summary"_s, summary }, { u"attendees"_s, QJsonArray { move.contactEmail } },
        { u"duration_minutes"_s, 30 } };
    if (!move.description.isEmpty())
        p.insert(u"description"_s, move.description);
    return p;
}

QJsonObject dealPayload(const Move& move)
{
    QJsonObject p { { u"deal_id"_s, move.dealId } };
    for (const char* key : { "stage", "amount", "close_date" })
        if (move.actionContext.contains(QLatin1StringView(key)))
            p.insert(QLatin1StringView(key), move.actionContext.value(QLatin1StringView(key)));
    return p;
}

} // namespace

ActionDraft defaultActionFor(const Move& move)
{
    ActionDraft draft;
    draft.kind = kindFor(move);
    const QJsonObject& c = move.actionContext;
    switch (draft.kind) {
    case ActionKind::SendEmail:
    case ActionKind::CreateDraft:
        draft.payload = emailPayload(move);
        break;
    case ActionKind::BookMeeting:
        draft.payload = meetingPayload(move);
        break;
    case ActionKind::UpdateDeal:
        draft.payload = dealPayload(move);
        break;
    case ActionKind::PostSlack:
        draft.payload = { { u"channel"_s, c.value("channel"_L1).toString() },
            { u"text"_s, c.value("text"_L1).toString(move.title) } };
        break;
    case ActionKind::PostX:
        draft.payload = { { u"text"_s, c.value("text"_L1).toString(move.title) } };
        break;
    case ActionKind::LogNote:
        draft.payload = { { u"body"_s, move.description.isEmpty() ? move.title : move.description } };
        if (!move.contactEmail.isEmpty())
            draft.payload.insert(u"contact_email"_s, move.contactEmail);
        if (!move.dealId.isEmpty())
            draft.payload.insert(u"deal_id"_s, move.dealId);
        break;
    case ActionKind::CreateTask:
    case ActionKind::UpdateTask:
        draft.payload = taskPayload(move);
        if (draft.kind == ActionKind::UpdateTask)
            draft.payload.insert(u"task_id"_s, c.value("task_id"_L1).toString());
        break;
    }
    return draft;
}

} // namespace caseyos
