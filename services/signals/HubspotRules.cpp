// hubspot/deal_stage_changed, deal_created, deal_amount_changed (PRODUCT.md §3 rules table, stage and
// amount tables).
#include "signals/HubspotTables.h"
#include "signals/JsonObjectBuilder.h"
#include "signals/RuleText.h"
#include "signals/SignalRuleSet.h"

using namespace Qt::StringLiterals;

namespace caseyos::rules {

namespace {

// The title of a stage change: the verb says what to do at that stage.
QString stageChangeTitle(const QString& actionType, const QString& deal, const QString& stage)
{
    const QString dash = u" \u2014 "_s;
    const QString reached = stage.isEmpty() ? u"stage changed"_s : stage;
    if (actionType == "meeting_prep"_L1)
        return u"Prepare for the meeting: "_s + deal + dash + reached;
    if (actionType == "email_follow_up"_L1)
        return u"Follow up on "_s + deal + dash + reached;
    if (actionType == "presentation_prep"_L1)
        return u"Prepare the presentation: "_s + deal + dash + reached;
    if (actionType == "proposal_send"_L1)
        return u"Send proposal: "_s + deal + dash + reached;
    if (actionType == "contract_follow_up"_L1)
        return u"Follow up on the contract: "_s + deal + dash + reached;
    if (actionType == "onboarding_kickoff"_L1)
        return u"Kick off onboarding: "_s + deal + dash + reached;
    if (actionType == "win_loss_analysis"_L1)
        return u"Review why it was lost: "_s + deal + dash + reached;
    return u"Review deal: "_s + deal + dash + (stage.isEmpty() ? reached : u"moved to "_s + stage);
}

} // namespace

RuleOutcome hubspotRule(const Signal& signal, const ApsWeights& weights)
{
    const QString& event = signal.eventType;
    if (event != "deal_stage_changed"_L1 && event != "deal_created"_L1 && event != "deal_amount_changed"_L1)
        return ignored(u"no rule for hubspot/"_s + event);
    const QJsonObject& p = signal.payload;
    const QString dealId = payload::text(p, { "deal_id"_L1, "dealId"_L1 });
    const QString dealName = payload::text(p, { "deal_name"_L1, "dealname"_L1 });
    if (dealId.isEmpty())
        return ignored(event + u" needs a deal_id"_s);
    if (dealName.isEmpty())
        return ignored(event + u" needs a deal_name"_s);

    const QString stage = payload::text(p, { "stage"_L1, "dealstage"_L1, "deal_stage"_L1 });
    const HubspotStageRule stageRule = hubspotStageRule(stage);
    const std::optional<double> amount = payload::number(p, { "amount"_L1, "deal_amount"_L1 });
    const QString label = hubspotStageLabel(stage);
    const bool showAmount = amount && *amount > 0;
    const QString deal = ruletext::shortened(dealName, 80)
        + (showAmount ? u" ("_s + ruletext::money(*amount) + u')' : QString());

    QString actionType = stageRule.actionType;
    int dueHours = stageRule.dueHours;
    QString title;
    QString what;
    if (event == "deal_created"_L1) {
        actionType = u"deal_research"_s;
        dueHours = 4;
        title = u"Research new deal: "_s + deal + (label.isEmpty() ? QString() : u" \u2014 "_s + label);
        what = u"was created"_s;
    } else if (event == "deal_amount_changed"_L1) {
        actionType = u"deal_review"_s;
        dueHours = 8;
        title = u"Review deal: "_s + ruletext::shortened(dealName, 80) + u" \u2014 "_s
            + (showAmount ? u"amount now "_s + ruletext::money(*amount) : u"amount changed"_s);
        what = u"changed amount"_s;
    } else {
        title = stageChangeTitle(actionType, deal, label);
        what = label.isEmpty() ? u"changed stage"_s : u"moved to "_s + label;
    }

    const payload::Contact contact = payload::contact(p);
    Move move = newMove(signal, actionType, contact);
    move.dealId = dealId;
    move.title = title;
    move.description = u"HubSpot deal "_s + ruletext::quoted(dealName, 120)
        + (showAmount ? u" ("_s + ruletext::money(*amount) + u')' : QString()) + u' ' + what
        + (contact.name.isEmpty() && contact.email.isEmpty()
                ? QString()
                : u"; contact "_s + ruletext::person(contact.name, contact.email, contact.company))
        + u'.';
    move.dueBy = baseTime(signal).addSecs(qint64(dueHours) * 3600);

    // What a deal update needs (the contact is in the move's own fields). Optional facts only when given.
    JsonObjectBuilder context;
    if (amount)
        context.addNumber("amount"_L1, *amount);
    context.addText("close_date"_L1, payload::text(p, { "close_date"_L1, "closedate"_L1 }))
        .addText("deal_id"_L1, dealId)
        .addText("deal_name"_L1, dealName)
        .addText("pipeline"_L1, payload::text(p, { "pipeline"_L1 }))
        .addText("previous_stage"_L1, payload::text(p, { "previous_stage"_L1, "from_stage"_L1 }))
        .addText("stage"_L1, stage);
    move.actionContext = context.build();

    const ApsComponents components { hubspotRevenueForAmount(amount), stageRule.urgency, 0.3,
        stageRule.strategic };
    return finish(std::move(move), components, weights);
}

} // namespace caseyos::rules
