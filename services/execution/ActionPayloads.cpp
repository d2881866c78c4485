#include "execution/ActionPayloads.h"

#include "core/Timestamps.h"
#include "execution/FieldReader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Writes only what is set, so the stored form (and the idempotency key) does not depend on empty fields.
class JsonOut
{
public:
    JsonOut& text(const char* key, const QString& value)
    {
        if (!value.isEmpty())
            m_object.insert(QLatin1StringView(key), value);
        return *this;
    }
    JsonOut& list(const char* key, const QStringList& value)
    {
        if (!value.isEmpty())
            m_object.insert(QLatin1StringView(key), QJsonArray::fromStringList(value));
        return *this;
    }
    JsonOut& instant(const char* key, const std::optional<QDateTime>& value)
    {
        if (value)
            m_object.insert(QLatin1StringView(key), toIsoUtc(*value));
        return *this;
    }
    JsonOut& number(const char* key, const std::optional<double>& value)
    {
        if (value)
            m_object.insert(QLatin1StringView(key), *value);
        return *this;
    }
    QJsonObject build() const { return m_object; }

private:
    QJsonObject m_object;
};

template<typename T> Result<T> finish(const FieldReader& reader, T value)
{
    const QString problems = reader.problems();
    return problems.isEmpty() ? Result<T>::success(std::move(value)) : Result<T>::failure(problems);
}

const QStringList kPriorities { u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s };
const QStringList kTaskStatuses { u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"WAITING"_s, u"COMPLETED"_s,
    u"DEFERRED"_s };

} // namespace

Result<EmailPayload> EmailPayload::fromJson(const QJsonObject& json, ActionKind kind)
{
    FieldReader r(json, toString(kind));
    EmailPayload p;
    p.to = r.emails("to", true);
    p.cc = r.emails("cc");
    p.subject = r.text("subject", false, 998); // RFC 5322 line limit
    p.text = r.text("text");
    p.html = r.text("html");
    p.threadId = r.text("thread_id");
    p.inReplyTo = r.text("in_reply_to");
    if (p.subject.isEmpty() && !p.isReply())
        r.fail(u"\"subject\" is required for a new email (only a reply may leave it empty)"_s);
    if (p.text.isEmpty() && p.html.isEmpty())
        r.fail(u"a body is required: \"text\" and/or \"html\""_s);
    if (!p.inReplyTo.isEmpty()
        && !(p.inReplyTo.startsWith(u'<') && p.inReplyTo.endsWith(u'>') && p.inReplyTo.contains(u'@')))
        r.fail(u"\"in_reply_to\" must be a Message-ID such as <abc@mail.example.com>"_s);
    for (const QString& field : { p.subject, p.inReplyTo, p.threadId })
        if (field.contains(u'\r') || field.contains(u'\n'))
            r.fail(u"header fields cannot contain line breaks"_s);
    return finish(r, p);
}

QJsonObject EmailPayload::toJson() const
{
    return JsonOut()
        .list("to", to)
        .list("cc", cc)
        .text("subject", subject)
        .text("text", text)
        .text("html", html)
        .text("thread_id", threadId)
        .text("in_reply_to", inReplyTo)
        .build();
}

Result<TaskPayload> TaskPayload::fromJson(const QJsonObject& json, ActionKind kind)
{
    FieldReader r(json, toString(kind));
    TaskPayload p;
    const bool update = kind == ActionKind::UpdateTask;
    p.taskId = r.text("task_id", update);
    if (!update && !p.taskId.isEmpty())
        r.fail(u"\"task_id\" belongs to update_task; create_task makes a new task"_s);
    p.subject = r.text("subject", !update, 500);
    p.body = r.text("body", false, 65536);
    p.dueAt = r.dateTime("due_at");
    p.priority = r.oneOf("priority", kPriorities);
    p.status = r.oneOf("status", kTaskStatuses);
    const QStringList contact = r.emails("contact_email");
    if (contact.size() > 1)
        r.fail(u"\"contact_email\" takes one address"_s);
    p.contactEmail = contact.value(0);
    p.dealId = r.text("deal_id");
    if (update && p.subject.isEmpty() && p.body.isEmpty() && !p.dueAt && p.priority.isEmpty()
        && p.status.isEmpty())
        r.fail(u"nothing to change: give subject, body, due_at, priority or status"_s);
    return finish(r, p);
}

QJsonObject TaskPayload::toJson() const
{
    return JsonOut()
        .text("task_id", taskId)
        .text("subject", subject)
        .text("body", body)
        .instant("due_at", dueAt)
        .text("priority", priority)
        .text("status", status)
        .text("contact_email", contactEmail)
        .text("deal_id", dealId)
        .build();
}

Result<MeetingPayload> MeetingPayload::fromJson(const QJsonObject& json)
{
    FieldReader r(json, toString(ActionKind::BookMeeting));
    MeetingPayload p;
    p.summary = r.text("summary", true, 500);
    p.description = r.text("description", false, 8192);
    p.attendees = r.emails("attendees", true);
    p.start = r.dateTime("start");
    if (const auto minutes = r.number("duration_minutes", 5, 480))
        p.durationMinutes = int(*minutes);
    p.timeZone = r.text("time_zone");
    return finish(r, p);
}

QJsonObject MeetingPayload::toJson() const
{
    QJsonObject o = JsonOut()
                        .text("summary", summary)
                        .text("description", description)
                        .list("attendees", attendees)
                        .instant("start", start)
                        .text("time_zone", timeZone)
                        .build();
    o.insert(u"duration_minutes"_s, durationMinutes);
    return o;
}

Result<DealPayload> DealPayload::fromJson(const QJsonObject& json)
{
    FieldReader r(json, toString(ActionKind::UpdateDeal));
    DealPayload p;
    p.dealId = r.text("deal_id", true);
    p.stage = r.text("stage");
    p.amount = r.number("amount", 0, 1e12);
    p.closeDate = r.date("close_date");
    if (p.stage.isEmpty() && !p.amount && !p.closeDate)
        r.fail(u"nothing to change: give stage, amount or close_date"_s);
    return finish(r, p);
}

QJsonObject DealPayload::toJson() const
{
    QJsonObject o = JsonOut().text("deal_id", dealId).text("stage", stage).number("amount", amount).build();
    if (closeDate)
        o.insert(u"close_date"_s, closeDate->toString(Qt::ISODate));
    return o;
}

Result<SlackPayload> SlackPayload::fromJson(const QJsonObject& json)
{
    FieldReader r(json, toString(ActionKind::PostSlack));
    SlackPayload p;
    p.channel = r.text("channel", true, 80);
    p.text = r.text("text", true, 40000); // Slack truncates beyond 40 000 characters
    p.threadTs = r.text("thread_ts");
    return finish(r, p);
}

QJsonObject SlackPayload::toJson() const
{
    return JsonOut().text("channel", channel).text("text", text).text("thread_ts", threadTs).build();
}

Result<XPayload> XPayload::fromJson(const QJsonObject& json)
{
    FieldReader r(json, toString(ActionKind::PostX));
    XPayload p;
    p.text = r.text("text", true, kMaxLength);
    p.replyTo = r.text("reply_to");
    return finish(r, p);
}

QJsonObject XPayload::toJson() const
{
    return JsonOut().text("text", text).text("reply_to", replyTo).build();
}

Result<NotePayload> NotePayload::fromJson(const QJsonObject& json)
{
    FieldReader r(json, toString(ActionKind::LogNote));
    NotePayload p;
    p.body = r.text("body", true, 65536);
    const QStringList contact = r.emails("contact_email");
    if (contact.size() > 1)
        r.fail(u"\"contact_email\" takes one address"_s);
    p.contactEmail = contact.value(0);
    p.dealId = r.text("deal_id");
    if (p.contactEmail.isEmpty() && p.dealId.isEmpty())
        r.fail(u"a note needs a contact_email or a deal_id to be attached to"_s);
    return finish(r, p);
}

QJsonObject NotePayload::toJson() const
{
    return JsonOut().text("body", body).text("contact_email", contactEmail).text("deal_id", dealId).build();
}

namespace {

template<typename T> Result<QJsonObject> normalized(const Result<T>& parsed)
{
    return parsed ? Result<QJsonObject>::success(parsed.value().toJson())
                  : Result<QJsonObject>::failure(parsed.error());
}

} // namespace

Result<QJsonObject> normalizePayload(ActionKind kind, const QJsonObject& payload)
{
    switch (kind) {
    case ActionKind::SendEmail:
    case ActionKind::CreateDraft:
        return normalized(EmailPayload::fromJson(payload, kind));
    case ActionKind::CreateTask:
    case ActionKind::UpdateTask:
        return normalized(TaskPayload::fromJson(payload, kind));
    case ActionKind::BookMeeting:
        return normalized(MeetingPayload::fromJson(payload));
    case ActionKind::UpdateDeal:
        return normalized(DealPayload::fromJson(payload));
    case ActionKind::PostSlack:
        return normalized(SlackPayload::fromJson(payload));
    case ActionKind::PostX:
        return normalized(XPayload::fromJson(payload));
    case ActionKind::LogNote:
        return normalized(NotePayload::fromJson(payload));
    }
    return Result<QJsonObject>::failure(u"unknown action"_s);
}

QStringList payloadRecipients(ActionKind kind, const QJsonObject& normalizedPayload)
{
    if (kind != ActionKind::SendEmail && kind != ActionKind::CreateDraft)
        return {};
    QStringList out;
    for (const char* key : { "to", "cc" })
        for (const QJsonValue& v : normalizedPayload.value(QLatin1StringView(key)).toArray())
            out << v.toString().toLower();
    return out;
}

} // namespace caseyos
