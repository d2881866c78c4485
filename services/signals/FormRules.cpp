// form/form_submitted and manual/task_created (PRODUCT.md §3 rules table).
#include "core/Timestamps.h"
#include "signals/JsonObjectBuilder.h"
#include "signals/RuleText.h"
#include "signals/SignalRuleSet.h"

using namespace Qt::StringLiterals;

namespace caseyos::rules {

RuleOutcome formRule(const Signal& signal, const ApsWeights& weights)
{
    if (signal.eventType != "form_submitted"_L1)
        return ignored(u"no rule for form/"_s + signal.eventType);
    const QJsonObject& p = signal.payload;
    const payload::Contact contact = payload::contact(p);
    if (!contact.email.contains(u'@'))
        return ignored(u"form_submitted needs an email"_s);

    const QString formName = payload::text(p, { "form_name"_L1, "form_title"_L1, "form"_L1 });
    const QString message = payload::text(p, { "message"_L1, "comments"_L1, "comment"_L1, "notes"_L1 });
    const QString who = ruletext::person(contact.name, contact.email, contact.company);

    Move move = newMove(signal, u"email_follow_up"_s, contact);
    move.title = u"Follow up with "_s + who + u" \u2014 "_s
        + (formName.isEmpty() ? u"new form submission"_s : u"submitted "_s + ruletext::quoted(formName));
    move.description
        = (contact.name.isEmpty() ? contact.email : contact.name + u" ("_s + contact.email + u')')
        + (contact.company.isEmpty() ? QString() : u" at "_s + contact.company) + u" submitted "_s
        + (formName.isEmpty() ? u"a form"_s : u"the "_s + ruletext::quoted(formName) + u" form"_s) + u'.';
    if (!message.isEmpty())
        move.description += u" Message: "_s + ruletext::quoted(message, 200);
    move.dueBy = baseTime(signal).addSecs(2 * 3600);

    // Facts the follow-up needs beyond the move's own contact fields.
    move.actionContext = JsonObjectBuilder()
                             .addText("form_name"_L1, formName)
                             .addText("message"_L1, ruletext::shortened(message, 1000))
                             .build();

    const ApsComponents components { componentOr(p, { "revenue_potential"_L1 }, 0.6), 0.9, 0.2,
        componentOr(p, { "strategic_value"_L1 }, 0.5) };
    return finish(std::move(move), components, weights);
}

RuleOutcome manualRule(const Signal& signal, const ApsWeights& weights)
{
    if (signal.eventType != "task_created"_L1)
        return ignored(u"no rule for manual/"_s + signal.eventType);
    const QJsonObject& p = signal.payload;
    const QString title = payload::text(p, { "title"_L1 });
    if (title.isEmpty())
        return ignored(u"task_created needs a title"_s);

    const QString actionType = payload::text(p, { "action_type"_L1 }).toLower();
    Move move = newMove(signal, actionType.isEmpty() ? u"manual_task"_s : actionType, payload::contact(p));
    move.title = ruletext::shortened(title, 200);
    move.description = payload::text(p, { "description"_L1, "notes"_L1 });
    move.dealId = payload::text(p, { "deal_id"_L1 });
    const QString domain = payload::text(p, { "domain"_L1 }).toLower();
    if (moveDomains().contains(domain))
        move.domain = domain;
    const auto due = payload::dateTime(p, { "due_by"_L1, "due"_L1 });
    move.dueBy = due ? *due : baseTime(signal).addSecs(24 * 3600);
    // A manual task carries whatever context its author gave; contact and deal are move fields already.
    if (p.value("action_context"_L1).isObject())
        move.actionContext = p.value("action_context"_L1).toObject();

    const ApsComponents components { componentOr(p, { "revenue_impact"_L1 }, 0.4),
        componentOr(p, { "urgency"_L1 }, 0.5), componentOr(p, { "effort"_L1 }, 0.5),
        componentOr(p, { "strategic_value"_L1 }, 0.5) };
    return finish(std::move(move), components, weights);
}

} // namespace caseyos::rules
