#include "checks/CheckText.h"
#include "checks/NewSignals.h"
#include "checks/SignalChecks.h"
#include "signals/PayloadReader.h"
#include "signals/RuleText.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString sender(const CheckedSignal& s)
{
    const payload::Contact c = payload::contact(s.payload);
    return ruletext::person(c.name, c.email, c.company);
}

} // namespace

bool NewRepliesCheck::run(const CheckContext& ctx, QList<Notification>* notifications, QString* error)
{
    const auto fresh = takeNewSignals(ctx, name(),
        u"source = 'gmail' AND (event_type = 'reply_received' OR event_type = 'thread_updated')"_s, error);
    if (!fresh)
        return false;
    if (fresh->isEmpty())
        return true;
    Notification n;
    n.kind = name();
    n.priority = fresh->size() >= checkrules::kUrgentReplyCount ? NotificationPriority::Urgent
                                                                : NotificationPriority::High;
    const CheckedSignal& point = pointOf(*fresh);
    n.moveId = point.moveId;
    n.signalId = point.id;
    if (fresh->size() == 1) {
        const CheckedSignal& s = fresh->first();
        n.title = u"New reply from "_s + sender(s);
        const QString subject = payload::text(s.payload, { "subject"_L1 });
        const QString snippet = payload::text(s.payload, { "snippet"_L1, "body"_L1, "text"_L1 });
        QStringList parts;
        if (!subject.isEmpty())
            parts << ruletext::shortened(subject, 80);
        if (!snippet.isEmpty())
            parts << ruletext::quoted(snippet, 140);
        n.message = parts.isEmpty() ? u"A reply arrived."_s : parts.join(u": "_s);
    } else {
        n.title = checktext::counted(fresh->size(), u"new reply"_s, u"new replies"_s);
        QStringList senders;
        for (auto it = fresh->crbegin(); it != fresh->crend(); ++it)
            senders << sender(*it);
        senders.removeDuplicates(); // two replies from one person name them once
        n.message = u"From "_s + checktext::listed(senders) + u'.';
    }
    notifications->append(n);
    return true;
}

} // namespace caseyos
