// gmail/reply_received and gmail/thread_updated (PRODUCT.md §3 rules table and Gmail reply classes).
#include "signals/GmailReplyClassifier.h"
#include "signals/JsonObjectBuilder.h"
#include "signals/RuleText.h"
#include "signals/SignalRuleSet.h"

using namespace Qt::StringLiterals;

namespace caseyos::rules {

namespace {

// What the reply asked for, in the words of a title: "asked for pricing", "asked for a call".
QString meetingReason(const QString& word)
{
    if (word == "call"_L1)
        return u"asked for a call"_s;
    if (word == "meet"_L1 || word == "meeting"_L1)
        return u"asked to meet"_s;
    if (word == "available"_L1 || word == "availability"_L1)
        return u"asked about availability"_s;
    return u"wants to find a time"_s; // schedule, calendar
}

QString interestReason(const QString& word)
{
    if (word == "pricing"_L1)
        return u"asked for pricing"_s;
    if (word == "demo"_L1)
        return u"asked for a demo"_s;
    if (word == "trial"_L1)
        return u"asked about a trial"_s;
    if (word == "tell me more"_L1)
        return u"asked to hear more"_s;
    return u"is interested"_s;
}

// "Re: Fwd: Q3 plan" → "Q3 plan": the prefixes say nothing in a title.
QString bareSubject(const QString& subject)
{
    QStringView rest = QStringView(subject).trimmed();
    while (true) {
        const qsizetype colon = rest.indexOf(u':');
        if (colon < 2 || colon > 4)
            break;
        const QStringView prefix = rest.left(colon).trimmed();
        if (prefix.compare(u"re", Qt::CaseInsensitive) != 0 && prefix.compare(u"fw", Qt::CaseInsensitive) != 0
            && prefix.compare(u"fwd", Qt::CaseInsensitive) != 0
            && prefix.compare(u"aw", Qt::CaseInsensitive) != 0)
            break;
        rest = rest.mid(colon + 1).trimmed();
    }
    return rest.toString();
}

} // namespace

RuleOutcome gmailRule(const Signal& signal, const ApsWeights& weights)
{
    if (signal.eventType != "reply_received"_L1 && signal.eventType != "thread_updated"_L1)
        return ignored(u"no rule for gmail/"_s + signal.eventType);
    const QJsonObject& p = signal.payload;
    const QString threadId = payload::text(p, { "thread_id"_L1, "threadId"_L1 });
    const payload::Contact contact = payload::contact(p);
    if (threadId.isEmpty())
        return ignored(signal.eventType + u" needs a thread_id"_s);
    if (!contact.email.contains(u'@'))
        return ignored(signal.eventType + u" needs a from_email"_s);

    const QString subject = payload::text(p, { "subject"_L1 });
    const QString snippet = payload::text(p, { "snippet"_L1, "body"_L1 });
    const GmailReplyClass reply = classifyGmailReply(subject, snippet);
    const bool positive = payload::boolean(p, { "is_positive"_L1 }).value_or(reply.positive);
    const QString who = ruletext::person(contact.name, contact.email, contact.company);
    const QString dash = u" \u2014 "_s;

    Move move = newMove(signal, reply.actionType, contact);
    if (reply.actionType == "unsubscribe_process"_L1) {
        move.title = u"Process opt-out for "_s + who + dash + ruletext::quoted(reply.matched);
    } else if (reply.actionType == "schedule_meeting"_L1) {
        move.title = u"Schedule a meeting with "_s + who + dash + meetingReason(reply.matched);
    } else if (reply.actionType == "email_follow_up"_L1) {
        move.title = u"Reply to "_s + who + dash + interestReason(reply.matched);
    } else {
        const QString topic = bareSubject(subject);
        move.title = u"Reply to "_s + who + (topic.isEmpty() ? QString() : dash + ruletext::quoted(topic));
    }
    move.description
        = (contact.name.isEmpty() ? contact.email : contact.name + u" ("_s + contact.email + u')')
        + u" replied"_s + (subject.isEmpty() ? QString() : u" to "_s + ruletext::quoted(subject, 120))
        + (snippet.isEmpty() ? u"."_s : u": "_s + ruletext::quoted(snippet, 200));
    move.dueBy = baseTime(signal).addSecs((positive ? 2 : 8) * 3600);

    // What a reply in the thread needs (name and company are move fields already).
    move.actionContext = JsonObjectBuilder()
                             .addText("from_email"_L1, contact.email)
                             .addText("message_id"_L1, payload::text(p, { "message_id"_L1, "messageId"_L1 }))
                             .addText("snippet"_L1, ruletext::shortened(snippet, 200))
                             .addText("subject"_L1, subject)
                             .addText("thread_id"_L1, threadId)
                             .build();

    const ApsComponents components { componentOr(p, { "revenue_potential"_L1 }, 0.7),
        gmailReplyUrgency(positive, reply.hasMeetingWord, reply.hasInterestWord), 0.3, positive ? 0.7 : 0.4 };
    return finish(std::move(move), components, weights);
}

} // namespace caseyos::rules
